"""The demo's steering committee, boards and inspections, from data/committee.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from phoihop.accounts.models import User
from phoihop.committee import services
from phoihop.committee.models import (
    Attendance,
    Board,
    BoardDocument,
    CheckResult,
    DocumentKind,
    Inspection,
    InspectionPlan,
    InspectionStatus,
    Member,
    PlanStatus,
    Recommendation,
    RecommendationStatus,
    TeamMember,
)
from phoihop.committee.selectors import default_checklist
from phoihop.core.dates import VIETNAM
from phoihop.core.periods import Period
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit

DATA = Path(__file__).resolve().parent / "data" / "committee.yaml"
# A stand-in for the scanned, signed rules: a file the upload check accepts as a PDF.
RULES_FILE = b"%PDF-1.4\n% Quy che hoat dong cua Ban dieu phoi (du lieu minh hoa)\n%%EOF\n"


def _members(board: Board, rows: list[dict[str, Any]], start: dt.date, kinds: dict) -> list:
    users = {u.username: u for u in User.objects.all()}
    return [
        Member.objects.create(
            board=board,
            full_name=row["name"],
            position=row["position"],
            job_title=row.get("job", ""),
            body=kinds.get(row.get("body")),
            other_body=row.get("other", ""),
            term_start=start,
            user=users.get(row.get("user", "")),
        )
        for row in rows
    ]


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=VIETNAM)


def build_committee(office: User) -> None:
    """Create the committee once; a district that already has its board is left alone."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    district = Unit.objects.get(code=data["district"])
    if Board.objects.filter(unit=district).exists():
        return
    kinds = {k.code: k for k in OrganisationKind.objects.all()}
    units = {u.code: u for u in Unit.objects.filter(parent=district)}
    start = data["term_start"]
    board = Board.objects.create(unit=district)
    members = _members(board, data["members"], start, kinds)
    for member, row in zip(members, data["members"], strict=True):
        if row.get("communes"):
            services.assign_member(member, units=[units[c] for c in row["communes"]], since=start)
    boards = {code: Board.objects.create(unit=unit) for code, unit in units.items()}
    for code, rows in data["commune_members"].items():
        _members(boards[code], rows, start, kinds)
    for kind, key in ((DocumentKind.RULES, "rules"), (DocumentKind.CONSOLIDATION, "consolidation")):
        for code, day in data[key].items():
            word = "QC" if kind == DocumentKind.RULES else "QĐ"
            BoardDocument.objects.create(
                board=boards[code],
                kind=kind,
                number=f"01/{word}-BĐP",
                issued_on=day,
                version="1",
                filename=f"{key}_{code}.pdf",
                content=RULES_FILE,
                size=len(RULES_FILE),
                uploaded_by=office,
            )
    _build_h1(data["h1"], district, units, members, kinds, office)
    # The seed's last direction: plan the inspection of the boards for the second half-year.
    services.create_plan(district, Period.parse("2020S2"), user=office)


def _build_h1(h1, district, units, members, kinds, office) -> None:
    plan = InspectionPlan.objects.create(
        unit=district,
        period=h1["period"],
        number=h1["number"],
        status=PlanStatus.SENT,
        checklist=default_checklist(),
        preparation="Báo cáo kết quả thực hiện chương trình phối hợp; quy chế hoạt động; sổ sách.",
        created_by=office,
        sent_at=_at(dt.date(2020, 4, 20)),
    )
    by_name = {m.full_name: m for m in members}
    for index, name in enumerate(h1["team"]):
        TeamMember.objects.create(plan=plan, member=by_name[name], leads=index == 0)
    labels = {item["code"]: item["label"] for item in plan.checklist}
    for row in h1["inspections"]:
        inspection = Inspection.objects.create(
            plan=plan,
            unit=units[row["unit"]],
            scheduled_on=row["day"],
            prepare_by=row["day"] - dt.timedelta(days=5),
            reasons="Kiểm tra định kỳ 6 tháng đầu năm",
            status=InspectionStatus.DONE,
            done_on=row["day"],
            findings=row["findings"],
            recorded_by=office,
            recorded_at=_at(row["day"]),
        )
        Attendance.objects.bulk_create(
            Attendance(inspection=inspection, body=kind, present=code not in h1["absent"])
            for code, kind in kinds.items()
        )
        CheckResult.objects.bulk_create(
            CheckResult(
                inspection=inspection,
                code=code,
                label=label,
                verdict="chua_dat" if code in row["failed"] else "dat",
            )
            for code, label in labels.items()
        )
        for item in row["recommendations"]:
            done = item.get("done", False)
            Recommendation.objects.create(
                inspection=inspection,
                text=item["text"],
                owner=item["owner"],
                due_on=item["due"],
                answer=item.get("answer", ""),
                status=RecommendationStatus.DONE if done else RecommendationStatus.OPEN,
                closed_at=_at(item["due"]) if done else None,
                closed_by=office if done else None,
            )

"""Reads of the committee's pages: boards and their flags, the member's communes, the
inspection ranking, plans and inspections; and the access checks that look objects up."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from phoihop.accounts import permissions
from phoihop.accounts.models import User
from phoihop.committee import risk
from phoihop.committee.models import (
    Assignment,
    Board,
    BoardDocument,
    DocumentKind,
    Inspection,
    InspectionPlan,
    InspectionStatus,
    Member,
    Notice,
    Recommendation,
    RecommendationStatus,
    RiskWeights,
)
from phoihop.core.periods import CUTOFF_15, HALF, Period
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Level, Unit
from phoihop.reporting.models import Status, Submission, submitted_late
from phoihop.reporting.windows import deadline_of
from phoihop.validation.models import ResultStatus, ValidationResult
from phoihop.validation.runs import latest_run

CHECKLIST = Path(__file__).resolve().parent / "data" / "checklist.yaml"
MISSING_BODIES = "thiếu thành phần"


def default_checklist() -> list[dict[str, str]]:
    items = yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))
    return [{"code": str(i["code"]), "label": str(i["label"])} for i in items]


# ----- access ---------------------------------------------------------------------------------


def access_committee_unit(user: Any, unit_id: int) -> Unit:
    """A unit whose board the user may see (404 otherwise)."""
    try:
        unit = Unit.objects.get(pk=unit_id)
    except (Unit.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not permissions.can_view_committee_of(user, unit):
        raise Http404
    return unit


def access_plan_by_id(user: Any, plan_id: int, *, for_edit: bool = False) -> InspectionPlan:
    try:
        plan = InspectionPlan.objects.select_related("unit").get(pk=plan_id)
    except (InspectionPlan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not permissions.can_view_committee_of(user, plan.unit):
        # A commune's board sees a plan only through its own inspection.
        if not any(permissions.can_view_committee_of(user, i.unit) for i in plan.inspections.all()):
            raise Http404
    if for_edit and not permissions.can_plan_inspections(user, plan.unit):
        raise PermissionDenied
    return plan


def access_inspection_by_id(
    user: Any, inspection_id: int, *, for_record: bool = False
) -> Inspection:
    try:
        inspection = Inspection.objects.select_related("unit", "plan__unit").get(pk=inspection_id)
    except (Inspection.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not permissions.can_view_committee_of(user, inspection.unit):
        raise Http404
    if for_record and not permissions.can_record_inspection(user, inspection.unit):
        raise PermissionDenied
    return inspection


def access_recommendation_by_id(user: Any, pk: int) -> Recommendation:
    try:
        item = Recommendation.objects.select_related("inspection__unit").get(pk=pk)
    except (Recommendation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not permissions.can_view_committee_of(user, item.inspection.unit):
        raise Http404
    return item


def access_board_document_by_id(user: Any, pk: int) -> BoardDocument:
    try:
        document = BoardDocument.objects.select_related("board__unit").get(pk=pk)
    except (BoardDocument.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not permissions.can_view_committee_of(user, document.board.unit):
        raise Http404
    return document


def access_member_by_id(user: Any, pk: int) -> Member:
    try:
        member = Member.objects.select_related("board__unit", "user").get(pk=pk)
    except (Member.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not permissions.can_view_committee_of(user, member.board.unit):
        raise Http404
    if not permissions.can_manage_board(user, member.board.unit):
        raise PermissionDenied
    return member


# ----- boards ---------------------------------------------------------------------------------


def seven_bodies() -> list[OrganisationKind]:
    """The command and the six organisations: every board and team should count them all."""
    return list(OrganisationKind.objects.order_by("order"))


@dataclass
class BoardRow:
    unit: Unit
    board: Board | None
    members: list[Member]
    rules: BoardDocument | None
    decision: BoardDocument | None
    missing_bodies: list[OrganisationKind]

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.board is None or not self.members:
            flags.append("chưa có danh sách thành viên")
        if self.rules is None:
            flags.append("chưa có quy chế hoạt động")
        if self.members and self.missing_bodies:
            names = ", ".join(k.short_name for k in self.missing_bodies)
            flags.append(f"{MISSING_BODIES}: {names}")
        return flags


def _serving(members: list[Member], day: dt.date) -> list[Member]:
    return [m for m in members if m.serves_on(day)]


def board_rows(units: list[Unit], *, day: dt.date) -> list[BoardRow]:
    """Each unit's board with its members serving on `day`, latest rules and decision, and
    the bodies it lacks; a few queries whatever the number of units."""
    boards = {b.unit_id: b for b in Board.objects.filter(unit__in=units)}
    members: dict[int, list[Member]] = defaultdict(list)
    for member in Member.objects.filter(board__in=boards.values()).select_related("body", "user"):
        members[member.board_id].append(member)
    latest: dict[tuple[int, str], BoardDocument] = {}
    for document in BoardDocument.objects.filter(board__in=boards.values()).defer("content"):
        latest.setdefault((document.board_id, document.kind), document)
    bodies = seven_bodies()
    rows = []
    for unit in units:
        board = boards.get(unit.pk)
        serving = _serving(members[board.pk], day) if board else []
        present = {m.body_id for m in serving}
        rows.append(
            BoardRow(
                unit=unit,
                board=board,
                members=serving,
                rules=latest.get((board.pk, DocumentKind.RULES)) if board else None,
                decision=latest.get((board.pk, DocumentKind.CONSOLIDATION)) if board else None,
                missing_bodies=[k for k in bodies if k.pk not in present],
            )
        )
    return rows


def communes_of(district: Unit, *, day: dt.date) -> list[Unit]:
    return list(district.children.valid_on(day).order_by("code"))


def day_of(unit: Unit, today: dt.date) -> dt.date:
    """The day a unit's board is shown as of: today, or the unit's last day if it has ended
    (Bù Đăng district and its 16 communes ended on 30/6/2025)."""
    if unit.valid_to is not None and unit.valid_to < today:
        return unit.valid_to
    return today


def plan_day(plan: InspectionPlan) -> dt.date:
    return Period.parse(plan.period).start_date(CUTOFF_15)


def default_team(district: Unit, day: dt.date) -> list[Member]:
    """One serving member of the committee from each of the seven bodies, the head first."""
    row = board_rows([district], day=day)[0]
    chosen: dict[int, Member] = {}
    order = {"head": 0, "standing_deputy": 1, "deputy": 2, "member": 3}
    for member in sorted(row.members, key=lambda m: (order.get(m.position, 9), m.pk)):
        if member.body_id is not None and member.body_id not in chosen:
            chosen[member.body_id] = member
    return list(chosen.values())


def board_page(unit: Unit, *, day: dt.date) -> dict[str, Any]:
    row = board_rows([unit], day=day)[0]
    documents = (
        list(row.board.documents.defer("content").select_related("uploaded_by"))
        if row.board
        else []
    )
    assignments = (
        list(
            Assignment.objects.filter(member__board=row.board)
            .select_related("member", "unit")
            .order_by("member__pk", "unit__path")
        )
        if row.board
        else []
    )
    by_member: dict[int, list[Unit]] = defaultdict(list)
    for a in assignments:
        by_member[a.member_id].append(a.unit)
    lower = communes_of(unit, day=day) if unit.level < Level.COMMUNE else []
    return {
        "row": row,
        "documents": documents,
        "assigned": by_member,
        "lower": board_rows(lower, day=day) if lower else [],
        "communes": lower,
    }


# ----- what a commune is doing: reports, checks, inspections -----------------------------------


def recent_periods(period: Period, count: int) -> list[Period]:
    """The `count` half-years before `period` (the ones already reported when it is planned)."""
    periods = []
    current = period
    for _ in range(count):
        current = current.previous()
        periods.append(current)
    return periods


def reporting_lateness(communes: list[Unit], periods: list[Period]) -> dict[int, dict[str, int]]:
    """Per commune: reports sent late and reports not sent, over the periods (every
    organisation of the commune expected on a half-year form)."""
    forms = list(
        Form.objects.filter(is_active=True, period_type=HALF).prefetch_related("organisation_kinds")
    )
    organisations = list(
        Organisation.objects.filter(unit__in=communes, is_active=True).select_related(
            "unit", "kind"
        )
    )
    sent = {
        (s.form_id, s.organisation_id, s.period): s.submitted_at
        for s in Submission.objects.filter(
            organisation__in=organisations, period__in=[p.id for p in periods]
        ).exclude(status=Status.DRAFT, submitted_at__isnull=True)
    }
    result = {c.pk: {"late": 0, "missing": 0} for c in communes}
    for period in periods:
        for form in forms:
            due = deadline_of(form, period.id)
            for organisation in organisations:
                if not form.is_reported_by(organisation):
                    continue
                submitted_at = sent.get((form.pk, organisation.pk, period.id))
                counts = result[organisation.unit_id]
                if submitted_at is None:
                    counts["missing"] += 1
                elif submitted_late(submitted_at, due):
                    counts["late"] += 1
    return result


def open_results(communes: list[Unit], periods: list[Period]) -> dict[int, int]:
    """Per commune: validation results still open in the latest run of its district."""
    counts: Counter[int] = Counter()
    parents = {c.parent_id for c in communes if c.parent_id}
    for period in periods:
        for parent in Unit.objects.filter(pk__in=parents):
            run = latest_run(parent, period.id)
            if run is None:
                continue
            for unit_id in ValidationResult.objects.filter(
                run=run, status=ResultStatus.OPEN, unit__in=communes
            ).values_list("unit_id", flat=True):
                counts[unit_id] += 1
    return {c.pk: counts[c.pk] for c in communes}


def last_inspections(communes: list[Unit]) -> dict[int, Inspection]:
    done = Inspection.objects.filter(
        unit__in=communes, status=InspectionStatus.DONE, done_on__isnull=False
    ).order_by("unit_id", "-done_on")
    latest: dict[int, Inspection] = {}
    for inspection in done:
        latest.setdefault(inspection.unit_id, inspection)
    return latest


def open_recommendations(communes: list[Unit]) -> dict[int, list[Recommendation]]:
    items: dict[int, list[Recommendation]] = defaultdict(list)
    for item in (
        Recommendation.objects.filter(inspection__unit__in=communes)
        .exclude(status=RecommendationStatus.DONE)
        .select_related("inspection")
    ):
        items[item.inspection.unit_id].append(item)
    return items


def weights_of(unit: Unit) -> RiskWeights:
    """The unit's saved weights, or the defaults (unsaved: a read never writes)."""
    return RiskWeights.objects.filter(unit=unit).first() or RiskWeights(unit=unit)


def as_weights(saved: RiskWeights) -> risk.Weights:
    return risk.Weights(
        late_report=Decimal(saved.late_report),
        open_result=Decimal(saved.open_result),
        programme_behind=Decimal(saved.programme_behind),
        month_uninspected=Decimal(saved.month_uninspected),
        missing_rules=Decimal(saved.missing_rules),
        periods_back=saved.periods_back,
    )


def year_share(day: dt.date) -> Decimal:
    """How much of the year has gone by on a day: what a programme should have reached."""
    start = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - start).days
    return (Decimal((day - start).days + 1) / Decimal(days)).quantize(Decimal("0.01"))


@dataclass
class RankedCommune:
    unit: Unit
    score: risk.Score
    last_inspection: Inspection | None


def risk_ranking(
    district: Unit, period: Period, *, weights: risk.Weights | None = None
) -> list[RankedCommune]:
    """The district's communes for an inspection in `period`, highest score first, each with
    the value and points of every factor. Facts are read as of the period's start."""
    on = period.start_date(CUTOFF_15)
    communes = communes_of(district, day=on)
    weights = weights or as_weights(weights_of(district))
    periods = recent_periods(period, weights.periods_back)
    lateness = reporting_lateness(communes, periods)
    results = open_results(communes, periods)
    inspected = last_inspections(communes)
    rules = {r.unit.pk: r.rules is not None for r in board_rows(communes, day=on)}
    progress = risk.progress_source(communes, year=on.year, on_date=on)
    ranked = []
    for commune in communes:
        last = inspected.get(commune.pk)
        facts = risk.Facts(
            late=lateness[commune.pk]["late"],
            missing=lateness[commune.pk]["missing"],
            open_results=results[commune.pk],
            progress=progress[commune.pk],
            expected_progress=year_share(on),
            months_since_inspection=(
                risk.months_between(last.done_on, on) if last and last.done_on else None
            ),
            has_rules=rules[commune.pk],
        )
        ranked.append(RankedCommune(commune, risk.score(facts, weights), last))
    ranked.sort(key=lambda r: (-r.score.total, r.unit.code))
    return ranked


# ----- the member's page -----------------------------------------------------------------------


def member_units(user: User) -> list[Unit]:
    return list(user.assigned_units.order_by("path"))


def _report_state(commune: Unit, period: Period) -> dict[str, Any]:
    submissions = list(
        Submission.objects.filter(organisation__unit=commune, period=period.id).select_related(
            "form", "organisation__kind"
        )
    )
    expected = Organisation.objects.filter(unit=commune, is_active=True).count()
    by_status = Counter(s.status for s in submissions)
    late = sum(1 for s in submissions if s.is_late)
    deadline = deadline_of(submissions[0].form, period.id) if submissions else None
    return {
        "expected": expected,
        "accepted": by_status[Status.ACCEPTED],
        "submitted": by_status[Status.SUBMITTED],
        "pending": expected - by_status[Status.ACCEPTED] - by_status[Status.SUBMITTED],
        "late": late,
        "deadline": deadline,
    }


def member_page(user: User, *, today: dt.date, period: Period) -> list[dict[str, Any]]:
    """For each commune in the member's charge: reporting status and lateness in `period`,
    open validation results, programme progress, last inspection, open recommendations."""
    communes = member_units(user)
    results = open_results(communes, [period])
    inspected = last_inspections(communes)
    recommendations = open_recommendations(communes)
    # The programme of the period's year, as far as it had gone by today.
    as_of = min(today, period.end_date(CUTOFF_15))
    progress = risk.progress_source(communes, year=as_of.year, on_date=as_of)
    rows = []
    for commune in communes:
        rows.append(
            {
                "unit": commune,
                "reports": _report_state(commune, period),
                "open_results": results[commune.pk],
                "progress": progress[commune.pk],
                "last_inspection": inspected.get(commune.pk),
                "recommendations": recommendations.get(commune.pk, []),
                "overdue": [r for r in recommendations.get(commune.pk, []) if r.is_overdue(today)],
            }
        )
    return rows


def notices_for(user: User, *, limit: int = 20) -> list[Notice]:
    return list(Notice.objects.filter(recipient=user)[:limit])


# ----- plans and inspections -------------------------------------------------------------------


def plans_of(unit: Unit) -> QuerySet[InspectionPlan]:
    return InspectionPlan.objects.filter(unit=unit).prefetch_related("inspections__unit")


def team_rows(plan: InspectionPlan) -> tuple[list[Any], list[OrganisationKind]]:
    """The plan's team and the bodies (of the seven) none of its members comes from."""
    team = list(plan.team.select_related("member__body"))
    present = {t.member.body_id for t in team}
    return team, [k for k in seven_bodies() if k.pk not in present]


def plan_page(plan: InspectionPlan) -> dict[str, Any]:
    team, missing = team_rows(plan)
    return {
        "plan": plan,
        "team": team,
        "missing_bodies": missing,
        "inspections": list(plan.inspections.select_related("unit")),
    }


def inspection_page(inspection: Inspection) -> dict[str, Any]:
    attendance = {a.body_id: a for a in inspection.attendance.all()}
    bodies: list[dict[str, Any]] = [
        {"kind": kind, "attendance": attendance.get(kind.pk)} for kind in seven_bodies()
    ]
    absent = [b["kind"] for b in bodies if not (b["attendance"] and b["attendance"].present)]
    return {
        "inspection": inspection,
        "bodies": bodies,
        "absent": absent,
        "checks": list(inspection.checks.all()),
        "recommendations": list(inspection.recommendations.all()),
        "checklist": inspection.plan.checklist or default_checklist(),
    }


def inspections_for(user: Any) -> list[Inspection]:
    """The inspections of every unit whose committee the user may see, newest first."""
    return list(
        Inspection.objects.filter(unit__in=permissions.committee_units(user))
        .select_related("unit", "plan")
        .order_by("-scheduled_on")[:100]
    )


def done_inspections(district: Unit, period: Period) -> list[Inspection]:
    """Inspections of the district's communes done within the period (its cut-off dates)."""
    span = period.date_range(CUTOFF_15)
    return list(
        Inspection.objects.filter(
            unit__parent=district,
            status=InspectionStatus.DONE,
            done_on__gte=span.start,
            done_on__lte=span.end,
        )
        .select_related("unit", "plan__unit")
        .prefetch_related("attendance__body", "recommendations", "checks")
        .order_by("done_on", "unit__path")
    )

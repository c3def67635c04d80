"""The committee's documents in the Decree 30/2020 format: the inspection plan of a period
(kế hoạch kiểm tra), the minutes of an inspection (biên bản kiểm tra) and a member's short
report on their communes.

They live here, not in committee, because documents sits above committee: these builders read
committee's selectors and reuse the review report's header settings and Word formatting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from phoihop.accounts.models import User
from phoihop.committee import selectors
from phoihop.committee.models import Inspection, InspectionPlan, PlanStatus
from phoihop.core import clock
from phoihop.core.dates import format_date, format_date_line
from phoihop.core.numbers import format_number
from phoihop.core.periods import CUTOFF_15, Period
from phoihop.documents.context_units import COMMUNE_BODY, DISTRICT_BODY
from phoihop.documents.official_docx import OfficialDocument
from phoihop.documents.services import DOCX_TYPE, GeneratedReport, header_for
from phoihop.places.models import Unit


@dataclass(frozen=True)
class PlannedVisit:
    unit: Unit
    scheduled_on: dt.date
    prepare_by: dt.date | None
    reasons: str


@dataclass(frozen=True)
class PlanData:
    unit: Unit
    period: Period
    number: str
    issued_on: dt.date
    visits: list[PlannedVisit]
    team: list[tuple[str, str, str, bool]]  # name, job title, body, leads
    missing_bodies: list[str]
    checklist: list[str]
    preparation: str
    proposed: bool  # not stored: proposed from the ranking for lack of a plan


def plan_data(unit: Unit, period: Period) -> PlanData:
    """The unit's latest plan for the period, or, if there is none, the plan the ranking
    proposes (the four communes ranked first, one member of each body), without saving it."""
    plan = InspectionPlan.objects.filter(unit=unit, period=period.id).order_by("-pk").first()
    if plan is not None:
        return stored_plan_data(plan)
    start = period.start_date(CUTOFF_15)
    visits = [
        PlannedVisit(
            r.unit,
            start + dt.timedelta(days=30 + 7 * i),
            start + dt.timedelta(days=25 + 7 * i),
            "; ".join(r.score.reasons),
        )
        for i, r in enumerate(selectors.risk_ranking(unit, period)[:4])
    ]
    team = selectors.default_team(unit, start)
    present = {m.body_id for m in team}
    return PlanData(
        unit=unit,
        period=period,
        number="      /KH-BCĐ",
        issued_on=start,
        visits=visits,
        team=[(m.full_name, m.job_title, m.body_name, i == 0) for i, m in enumerate(team)],
        missing_bodies=[k.name for k in selectors.seven_bodies() if k.pk not in present],
        checklist=[i["label"] for i in selectors.default_checklist()],
        preparation="",
        proposed=True,
    )


def stored_plan_data(plan: InspectionPlan) -> PlanData:
    page = selectors.plan_page(plan)
    issued = plan.sent_at or plan.created_at
    return PlanData(
        unit=plan.unit,
        period=Period.parse(plan.period),
        number=plan.number or "      /KH-BCĐ",
        issued_on=issued.date() if issued else clock.today(),
        visits=[
            PlannedVisit(i.unit, i.scheduled_on, i.prepare_by, i.reasons)
            for i in page["inspections"]
        ],
        team=[
            (t.member.full_name, t.member.job_title, t.member.body_name, t.leads)
            for t in page["team"]
        ],
        missing_bodies=[k.name for k in page["missing_bodies"]],
        checklist=[i["label"] for i in plan.checklist],
        preparation=plan.preparation,
        proposed=plan.status == PlanStatus.DRAFT,
    )


def _document(unit: Unit, *, number: str, day: dt.date, issuing_body: str) -> OfficialDocument:
    header = header_for(unit)
    document = OfficialDocument()
    document.header(
        parent_body=header.parent_body,
        issuing_body=issuing_body,
        number=number,
        date_line=format_date_line(header.place, day),
    )
    return document


def _close(document: OfficialDocument, unit: Unit, recipients: list[str]) -> None:
    header = header_for(unit)
    document.closing(
        recipients=recipients,
        on_behalf=header.on_behalf,
        title=header.title,
        signer=header.signer,
    )


def _done(content: bytes, filename: str) -> GeneratedReport:
    return GeneratedReport(content=content, filename=filename, content_type=DOCX_TYPE)


def plan_docx(data: PlanData) -> GeneratedReport:
    unit, period = data.unit, data.period
    word = f"{unit.kind_label} {unit.name}"
    document = _document(unit, number=data.number, day=data.issued_on, issuing_body=DISTRICT_BODY)
    document.title(
        "KẾ HOẠCH",
        f"Kiểm tra hoạt động của Ban điều phối liên ngành VĐQC các xã, thị trấn {period.label}",
    )
    if data.proposed:
        document.body("(Dự thảo đề xuất từ bảng xếp hạng các xã cần kiểm tra.)")
    document.heading("I. MỤC ĐÍCH, YÊU CẦU")
    document.body(
        "Đánh giá việc thực hiện chương trình phối hợp hoạt động giữa Ban CHQS với 06 đoàn thể "
        "ở cơ sở; kịp thời chấn chỉnh hạn chế, thiếu sót; kiểm tra phải đủ thành phần, đúng "
        "nội dung, đúng thời gian."
    )
    document.heading("II. ĐỐI TƯỢNG, THỜI GIAN VÀ LÝ DO CHỌN")
    document.body(
        f"Kiểm tra {format_number(len(data.visits), pad=True)} Ban điều phối xã, thị trấn của "
        f"{word}, chọn theo bảng xếp hạng (các yếu tố và số điểm ghi kèm):"
    )
    document.table(
        ["TT", "Xã, thị trấn", "Ngày kiểm tra", "Chuẩn bị xong trước", "Lý do chọn"],
        [
            [
                str(i),
                v.unit.full_name,
                format_date(v.scheduled_on),
                format_date(v.prepare_by) or "-",
                v.reasons or "-",
            ]
            for i, v in enumerate(data.visits, start=1)
        ],
        [10, 35, 25, 25, 70],
    )
    document.heading("III. THÀNH PHẦN ĐOÀN KIỂM TRA")
    for name, job, body, leads in data.team:
        role = "Trưởng đoàn" if leads else "thành viên"
        document.body(f"- Đồng chí {name}{', ' + job if job else ''} ({body}) - {role};")
    if data.missing_bodies:
        document.body(f"Đoàn kiểm tra thiếu thành phần: {', '.join(data.missing_bodies)}.")
    else:
        document.body("Đoàn kiểm tra có đủ thành phần Ban CHQS và 06 đoàn thể.")
    document.heading("IV. NỘI DUNG KIỂM TRA")
    for index, label in enumerate(data.checklist, start=1):
        document.body(f"{index}. {label}.")
    document.heading("V. CÔNG TÁC CHUẨN BỊ")
    document.body(
        "Ban điều phối các xã được kiểm tra chuẩn bị: "
        + (data.preparation or "báo cáo kết quả thực hiện chương trình phối hợp, hồ sơ, sổ sách")
        + "; hoàn thành trước ngày kiểm tra theo bảng trên."
    )
    document.heading("VI. TỔ CHỨC THỰC HIỆN")
    document.body(
        "Cơ quan thường trực Ban chỉ đạo (Ban CHQS) chủ trì, phối hợp với 06 đoàn thể thực hiện "
        "kế hoạch; tổng hợp kết quả, báo cáo Ban chỉ đạo sau khi kết thúc kiểm tra."
    )
    _close(
        document,
        unit,
        [
            "Thành viên BCĐ",
            *(f"BĐP {v.unit.full_name}" for v in data.visits),
            "Lưu: VT",
        ],
    )
    return _done(document.content(), f"ke_hoach_kiem_tra_{unit.code}_{period.id}.docx")


def minutes_docx(inspection: Inspection) -> GeneratedReport:
    page = selectors.inspection_page(inspection)
    unit = inspection.unit
    district = inspection.plan.unit
    day = inspection.done_on or inspection.scheduled_on
    document = _document(district, number="      /BB-ĐKT", day=day, issuing_body=DISTRICT_BODY)
    document.title(
        "BIÊN BẢN",
        f"Kiểm tra hoạt động của Ban điều phối liên ngành VĐQC {unit.full_name}",
    )
    document.body(
        f"Hôm nay, ngày {format_date(day)}, đoàn kiểm tra của Ban chỉ đạo {district.full_name} "
        f"làm việc với {COMMUNE_BODY.capitalize()} {unit.full_name}."
    )
    document.heading("I. THÀNH PHẦN")
    for body in page["bodies"]:
        attendance = body["attendance"]
        if attendance is not None and attendance.present:
            who = f" (đồng chí {attendance.person})" if attendance.person else ""
            document.body(f"- {body['kind'].name}: có mặt{who};")
        else:
            document.body(f"- {body['kind'].name}: vắng;")
    if page["absent"]:
        names = ", ".join(k.short_name for k in page["absent"])
        document.body(f"Đoàn kiểm tra thiếu thành phần: {names}.")
    document.heading("II. KẾT QUẢ KIỂM TRA")
    document.table(
        ["TT", "Nội dung", "Kết quả", "Ghi chú"],
        [
            [str(i), c.label, c.get_verdict_display() or "-", c.note or "-"]
            for i, c in enumerate(page["checks"], start=1)
        ],
        [10, 85, 25, 45],
    )
    if inspection.strengths:
        document.body(f"Ưu điểm: {inspection.strengths}")
    document.body(f"Tồn tại, hạn chế: {inspection.findings or 'không có'}")
    document.heading("III. KIẾN NGHỊ")
    if page["recommendations"]:
        for i, r in enumerate(page["recommendations"], start=1):
            document.body(
                f"{i}. {r.text} (thực hiện: {r.owner}; thời hạn: {format_date(r.due_on)}; "
                f"{r.get_status_display()})."
            )
    else:
        document.body("Không có kiến nghị.")
    document.body("Biên bản được thông qua, các thành viên thống nhất ký tên./.")
    _close(document, district, ["BCĐ huyện", f"BĐP {unit.full_name}", "Lưu: VT"])
    return _done(document.content(), f"bien_ban_kiem_tra_{unit.code}_{day:%Y%m%d}.docx")


def member_report_docx(user: User, *, period: Period) -> GeneratedReport:
    today = clock.today()
    rows = selectors.member_page(user, today=today, period=period)
    district = user.assigned_units.first()
    parent = district.parent if district is not None and district.parent else None
    anchor = parent or district
    document = (
        _document(anchor, number="      /BC-TV", day=today, issuing_body=DISTRICT_BODY)
        if anchor
        else OfficialDocument()
    )
    document.title(
        "BÁO CÁO",
        f"Tình hình các xã do đồng chí {user.display_name} phụ trách, {period.label}",
    )
    document.table(
        ["Xã", "Báo cáo", "Kiểm tra số liệu", "Kiểm tra gần nhất", "Kiến nghị chưa xong"],
        [
            [
                row["unit"].full_name,
                f"{row['reports']['accepted']}/{row['reports']['expected']} đã duyệt, "
                f"{row['reports']['late']} gửi chậm",
                f"{row['open_results']} chưa xử lý",
                format_date(row["last_inspection"].done_on)
                if row["last_inspection"]
                else "chưa có",
                f"{len(row['recommendations'])} ({len(row['overdue'])} quá hạn)",
            ]
            for row in rows
        ],
        [35, 40, 30, 30, 30],
    )
    for row in rows:
        for item in row["recommendations"]:
            document.body(
                f"- {row['unit'].name}: {item.text} (hạn {format_date(item.due_on)}; "
                f"{item.get_status_display()})."
            )
    if anchor is not None:
        _close(document, anchor, ["Ban chỉ đạo", "Lưu: VT"])
    return _done(document.content(), f"bao_cao_thanh_vien_{user.username}_{period.id}.docx")

"""Every write of the committee's work: boards and members, assignments, operating rules,
ranking weights, inspection plans, inspections, recommendations and notices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from phoihop.accounts.models import Role, User
from phoihop.committee import selectors
from phoihop.committee.models import (
    Assignment,
    Attendance,
    Board,
    BoardDocument,
    CheckResult,
    DocumentKind,
    Inspection,
    InspectionPlan,
    InspectionStatus,
    Member,
    Notice,
    PlanStatus,
    Recommendation,
    RecommendationStatus,
    RiskWeights,
    TeamMember,
)
from phoihop.core import clock
from phoihop.core.dates import format_date
from phoihop.core.periods import CUTOFF_15, Period
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit
from phoihop.reporting.notifications import send_after_commit, site_url

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# What an operating rule or decision may be: the signed scan (PDF) or the Word file.
DOCUMENT_SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
}
DEFAULT_CHOSEN = 4  # communes a plan proposes from the ranking when none are named


class CommitteeError(ValueError):
    """A write refused, with the reason in Vietnamese."""


# ----- boards and members ---------------------------------------------------------------------


def ensure_board(unit: Unit) -> Board:
    board, _ = Board.objects.get_or_create(unit=unit)
    return board


@transaction.atomic
def add_member(
    unit: Unit,
    *,
    full_name: str,
    position: str,
    term_start: dt.date,
    term_end: dt.date | None = None,
    body: OrganisationKind | None = None,
    other_body: str = "",
    job_title: str = "",
    user: User | None = None,
) -> Member:
    if not full_name.strip():
        raise CommitteeError(_("Chưa ghi họ và tên thành viên."))
    if body is None and not other_body.strip():
        raise CommitteeError(_("Chọn cơ quan, đoàn thể hoặc ghi cơ quan khác của thành viên."))
    if term_end is not None and term_end < term_start:
        raise CommitteeError(_("Nhiệm kỳ kết thúc trước khi bắt đầu."))
    return Member.objects.create(
        board=ensure_board(unit),
        full_name=full_name.strip(),
        position=position,
        term_start=term_start,
        term_end=term_end,
        body=body,
        other_body=other_body.strip(),
        job_title=job_title.strip(),
        user=user,
    )


def _sync_user_units(member: Member) -> None:
    """A member's account reads the communes it is in charge of (permissions ask
    `User.assigned_units`), so the account follows the assignments."""
    if member.user is None:
        return
    units = Unit.objects.filter(
        pk__in=Assignment.objects.filter(member__user=member.user).values("unit")
    )
    member.user.assigned_units.set(units)


@transaction.atomic
def assign_member(member: Member, *, units: Iterable[Unit], since: dt.date) -> list[Assignment]:
    """Put a committee member in charge of these communes (and only these)."""
    wanted = {u.pk: u for u in units}
    outside = [
        u for u in wanted.values() if not u.is_within(member.board.unit) or u == member.board.unit
    ]
    if outside:
        raise CommitteeError(
            _("Chỉ phân công phụ trách các đơn vị trực thuộc: %(units)s.")
            % {"units": ", ".join(u.full_name for u in outside)}
        )
    member.assignments.exclude(unit__in=list(wanted)).delete()
    have = set(member.assignments.values_list("unit_id", flat=True))
    for unit in wanted.values():
        if unit.pk not in have:
            Assignment.objects.create(member=member, unit=unit, since=since)
    _sync_user_units(member)
    return list(member.assignments.select_related("unit"))


def _checked_file(filename: str, content: bytes) -> str:
    name = filename.strip() or "van_ban"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in DOCUMENT_SIGNATURES:
        raise CommitteeError(_("Chỉ nhận tệp PDF, DOCX hoặc DOC."))
    if not content:
        raise CommitteeError(_("Tệp rỗng."))
    if len(content) > MAX_DOCUMENT_BYTES:
        raise CommitteeError(_("Tệp quá lớn (tối đa 10 MB)."))
    if not content.startswith(DOCUMENT_SIGNATURES[suffix]):
        raise CommitteeError(
            _("Nội dung tệp không phải là tệp %(kind)s hợp lệ.") % {"kind": suffix[1:].upper()}
        )
    return name


@transaction.atomic
def upload_board_document(
    unit: Unit,
    *,
    kind: str,
    issued_on: dt.date,
    filename: str,
    content: bytes,
    number: str = "",
    version: str = "",
    user: User | None = None,
) -> BoardDocument:
    """Keep a board's operating rules or consolidation decision, if the file is what it
    says (PDF, DOCX or DOC, at most 10 MB)."""
    if kind not in DocumentKind.values:
        raise CommitteeError(_("Loại văn bản không hợp lệ."))
    name = _checked_file(filename, content)
    return BoardDocument.objects.create(
        board=ensure_board(unit),
        kind=kind,
        issued_on=issued_on,
        number=number.strip(),
        version=version.strip(),
        filename=name,
        content=content,
        size=len(content),
        uploaded_by=user,
    )


@transaction.atomic
def save_risk_weights(
    unit: Unit, *, values: Mapping[str, Decimal | int], user: User
) -> RiskWeights:
    weights = selectors.weights_of(unit)
    for name, value in values.items():
        if Decimal(value) < 0:
            raise CommitteeError(_("Trọng số không được âm."))
        setattr(weights, name, value)
    weights.updated_by = user
    weights.save()
    return weights


# ----- notices --------------------------------------------------------------------------------


def _email(recipient: User, subject: str, text: str, link: str) -> EmailMessage:
    # The same footer as the workflow's messages (reporting.notifications): how to opt out.
    footer = "Đổi cách nhận thông báo tại trang Tài khoản: " + site_url(
        reverse("accounts:settings")
    )
    body = "\n\n".join(
        [f"Kính gửi {recipient.display_name},", text, site_url(link) if link else "", "--", footer]
    )
    return EmailMessage(
        subject=f"[phoihop] {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
    )


def notify(
    recipients: Iterable[User],
    *,
    kind: str,
    subject: str,
    message: str,
    link: str = "",
    key: str = "",
) -> list[Notice]:
    """Record a notice for each person and e-mail those who chose e-mail, once the
    transaction commits; a notice with a key is made once per person."""
    now = clock.now()
    made = []
    for person in {u.pk: u for u in recipients}.values():
        if key and Notice.objects.filter(recipient=person, key=key).exists():
            continue
        made.append(
            Notice.objects.create(
                recipient=person, kind=kind, key=key, message=message, link=link, created_at=now
            )
        )
    send_after_commit(
        [_email(n.recipient, subject, message, link) for n in made if n.recipient.wants_email]
    )
    return made


def commune_users(unit: Unit) -> QuerySet[User]:
    """Who acts for a commune's coordination board."""
    return User.objects.filter(role=Role.COMMUNE_REPORTER, unit=unit, is_active=True)


# ----- plans ----------------------------------------------------------------------------------


@transaction.atomic
def create_plan(
    district: Unit,
    period: Period,
    *,
    user: User | None,
    communes: list[Unit] | None = None,
    count: int = DEFAULT_CHOSEN,
    first_day: dt.date | None = None,
) -> InspectionPlan:
    """A draft plan for the period: the communes named, or those the ranking puts first, each
    with its reasons; a team of one member from each body; the default checklist; one
    commune a week from `first_day` (a month into the period by default)."""
    ranking = selectors.risk_ranking(district, period)
    by_unit = {r.unit.pk: r for r in ranking}
    if communes is None:
        chosen = ranking[:count]
    else:
        unknown = [c for c in communes if c.pk not in by_unit]
        if unknown:
            raise CommitteeError(
                _("Không thuộc đơn vị: %(units)s.")
                % {"units": ", ".join(c.full_name for c in unknown)}
            )
        chosen = [by_unit[c.pk] for c in communes]
    start = period.start_date(CUTOFF_15)
    first_day = first_day or start + dt.timedelta(days=30)
    plan = InspectionPlan.objects.create(
        unit=district,
        period=period.id,
        checklist=selectors.default_checklist(),
        preparation=(
            "Báo cáo kết quả thực hiện chương trình phối hợp; kế hoạch năm; quy chế hoạt động; "
            "biên bản các cuộc họp; sổ sách, số liệu của Ban CHQS và 06 đoàn thể."
        ),
        created_by=user,
    )
    for index, ranked in enumerate(chosen):
        day = first_day + dt.timedelta(days=7 * index)
        Inspection.objects.create(
            plan=plan,
            unit=ranked.unit,
            scheduled_on=day,
            prepare_by=day - dt.timedelta(days=5),
            reasons="; ".join(ranked.score.reasons) or "Theo kế hoạch kiểm tra định kỳ",
        )
    team = selectors.default_team(district, start)
    for index, member in enumerate(team):
        TeamMember.objects.create(plan=plan, member=member, leads=index == 0)
    return plan


def _editable(plan: InspectionPlan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise CommitteeError(_("Kế hoạch đã gửi các xã, không sửa được nữa."))


@transaction.atomic
def set_team(plan: InspectionPlan, *, members: list[Member], leader: Member | None) -> None:
    _editable(plan)
    wrong = [m for m in members if m.board.unit_id != plan.unit_id]
    if wrong:
        raise CommitteeError(_("Đoàn kiểm tra gồm thành viên Ban chỉ đạo của đơn vị lập kế hoạch."))
    plan.team.all().delete()
    for member in members:
        TeamMember.objects.create(plan=plan, member=member, leads=member == leader)


@transaction.atomic
def add_commune(
    plan: InspectionPlan, *, unit: Unit, scheduled_on: dt.date, prepare_by: dt.date | None
) -> Inspection:
    _editable(plan)
    if unit.parent_id != plan.unit_id:
        raise CommitteeError(
            _("%(unit)s không trực thuộc %(district)s.")
            % {"unit": unit.full_name, "district": plan.unit.full_name}
        )
    if plan.inspections.filter(unit=unit).exists():
        raise CommitteeError(_("%(unit)s đã có trong kế hoạch.") % {"unit": unit.full_name})
    if prepare_by is not None and prepare_by > scheduled_on:
        raise CommitteeError(_("Hạn chuẩn bị phải trước ngày kiểm tra."))
    ranked = {r.unit.pk: r for r in selectors.risk_ranking(plan.unit, Period.parse(plan.period))}
    reasons = ranked[unit.pk].score.reasons if unit.pk in ranked else []
    return Inspection.objects.create(
        plan=plan,
        unit=unit,
        scheduled_on=scheduled_on,
        prepare_by=prepare_by,
        reasons="; ".join(reasons) or "Theo đề nghị của cơ quan thường trực",
    )


@transaction.atomic
def remove_commune(inspection: Inspection) -> None:
    _editable(inspection.plan)
    inspection.delete()


@transaction.atomic
def update_plan(
    plan: InspectionPlan, *, number: str, preparation: str, checklist: list[dict[str, str]]
) -> InspectionPlan:
    _editable(plan)
    if not checklist:
        raise CommitteeError(_("Nội dung kiểm tra không được để trống."))
    plan.number = number.strip()
    plan.preparation = preparation.strip()
    plan.checklist = checklist
    plan.save()
    return plan


@transaction.atomic
def send_plan(plan: InspectionPlan, *, user: User) -> list[Notice]:
    """Send the plan: each commune's board hears when it is inspected and what to prepare by
    when; the team hears it too. A plan missing a body is still sent (the page flags it)."""
    _editable(plan)
    inspections = list(plan.inspections.select_related("unit"))
    if not inspections:
        raise CommitteeError(_("Kế hoạch chưa có xã nào để kiểm tra."))
    plan.status = PlanStatus.SENT
    plan.sent_at = clock.now()
    plan.save()
    notices = []
    for inspection in inspections:
        link = reverse("committee:inspection", args=[inspection.pk])
        prepare = (
            f", chuẩn bị xong trước ngày {format_date(inspection.prepare_by)}"
            if inspection.prepare_by
            else ""
        )
        message = (
            f"Ban chỉ đạo {plan.unit.full_name} kiểm tra Ban điều phối {inspection.unit.full_name} "
            f"ngày {format_date(inspection.scheduled_on)}{prepare}. Đề nghị chuẩn bị: "
            f"{plan.preparation}"
        )
        notices += notify(
            commune_users(inspection.unit),
            kind=Notice.Kind.PLAN,
            subject=f"Kế hoạch kiểm tra {plan.period_label}",
            message=message,
            link=link,
        )
    team_users = [t.member.user for t in plan.team.select_related("member__user") if t.member.user]
    notices += notify(
        team_users,
        kind=Notice.Kind.PLAN,
        subject=f"Kế hoạch kiểm tra {plan.period_label}",
        message=(
            f"Kế hoạch kiểm tra {plan.period_label} đã gửi các xã: "
            + ", ".join(i.unit.name for i in inspections)
            + "."
        ),
        link=reverse("committee:plan", args=[plan.pk]),
    )
    return notices


# ----- inspections and recommendations ---------------------------------------------------------


@transaction.atomic
def record_inspection(
    inspection: Inspection,
    *,
    user: User,
    done_on: dt.date,
    attendance: Mapping[int, tuple[bool, str]],
    checks: Mapping[str, tuple[str, str]],
    findings: str,
    strengths: str = "",
) -> Inspection:
    """Record what the inspection found: who came from each body, each checklist item's
    verdict (đạt / chưa đạt, with a note), strengths and findings."""
    if done_on > clock.today():
        raise CommitteeError(_("Ngày kiểm tra không được sau hôm nay."))
    labels = {
        i["code"]: i["label"] for i in inspection.plan.checklist or selectors.default_checklist()
    }
    unknown = set(checks) - set(labels)
    if unknown:
        raise CommitteeError(
            _("Nội dung kiểm tra không có trong kế hoạch: %(codes)s.")
            % {"codes": ", ".join(sorted(unknown))}
        )
    for code, (verdict, _note) in checks.items():
        if verdict not in ("dat", "chua_dat", ""):
            raise CommitteeError(_("Kết quả không hợp lệ cho «%(item)s».") % {"item": labels[code]})
    bodies = {k.pk for k in OrganisationKind.objects.all()}
    for body_id, (present, person) in attendance.items():
        if body_id not in bodies:
            raise CommitteeError(_("Cơ quan, đoàn thể không hợp lệ."))
        Attendance.objects.update_or_create(
            inspection=inspection,
            body_id=body_id,
            defaults={"present": present, "person": person.strip()},
        )
    for code, (verdict, note) in checks.items():
        CheckResult.objects.update_or_create(
            inspection=inspection,
            code=code,
            defaults={"label": labels[code], "verdict": verdict, "note": note.strip()},
        )
    inspection.status = InspectionStatus.DONE
    inspection.done_on = done_on
    inspection.findings = findings.strip()
    inspection.strengths = strengths.strip()
    inspection.recorded_by = user
    inspection.recorded_at = clock.now()
    inspection.save()
    return inspection


@transaction.atomic
def add_recommendation(
    inspection: Inspection, *, text: str, owner: str, due_on: dt.date, user: User
) -> Recommendation:
    if not text.strip() or not owner.strip():
        raise CommitteeError(_("Ghi nội dung kiến nghị và người, đơn vị thực hiện."))
    item = Recommendation.objects.create(
        inspection=inspection, text=text.strip(), owner=owner.strip(), due_on=due_on
    )
    notify(
        commune_users(inspection.unit),
        kind=Notice.Kind.RECOMMENDATION,
        subject="Kiến nghị sau kiểm tra",
        message=(
            f"Kiến nghị sau kiểm tra {inspection.unit.full_name}: {item.text} "
            f"(thực hiện: {item.owner}; thời hạn {format_date(item.due_on)})."
        ),
        link=reverse("committee:inspection", args=[inspection.pk]),
    )
    return item


@transaction.atomic
def answer_recommendation(item: Recommendation, *, answer: str, user: User) -> Recommendation:
    if item.status == RecommendationStatus.DONE:
        raise CommitteeError(_("Kiến nghị đã hoàn thành."))
    if not answer.strip():
        raise CommitteeError(_("Ghi kết quả thực hiện kiến nghị."))
    item.answer = answer.strip()
    item.status = RecommendationStatus.ANSWERED
    item.answered_at = clock.now()
    item.answered_by = user
    item.save()
    return item


@transaction.atomic
def close_recommendation(item: Recommendation, *, user: User) -> Recommendation:
    if item.status == RecommendationStatus.DONE:
        raise CommitteeError(_("Kiến nghị đã hoàn thành."))
    item.status = RecommendationStatus.DONE
    item.closed_at = clock.now()
    item.closed_by = user
    item.save()
    return item


# ----- the monthly digest ----------------------------------------------------------------------


def digest_text(user: User, *, today: dt.date, period: Period) -> str:
    rows = selectors.member_page(user, today=today, period=period)
    lines = [f"Tình hình các xã phụ trách, {period.label}:"]
    for row in rows:
        reports = row["reports"]
        last = row["last_inspection"]
        lines.append(
            f"- {row['unit'].full_name}: {reports['accepted']}/{reports['expected']} báo cáo đã "
            f"duyệt, {reports['late']} gửi chậm; {row['open_results']} kết quả kiểm tra số liệu "
            f"chưa xử lý; {len(row['recommendations'])} kiến nghị chưa xong"
            f" ({len(row['overdue'])} quá hạn); kiểm tra gần nhất: "
            f"{format_date(last.done_on) if last else 'chưa có'}."
        )
    return "\n".join(lines)


@transaction.atomic
def send_digest(*, today: dt.date, period: Period, dry_run: bool = False) -> list[tuple[User, str]]:
    """The month's digest to every member in charge of communes, once a month each."""
    key = f"digest:{today:%Y-%m}"
    members = User.objects.filter(role=Role.MEMBER, is_active=True, assigned_units__isnull=False)
    pending = [
        (user, digest_text(user, today=today, period=period))
        for user in members.distinct().order_by("username")
        if not Notice.objects.filter(recipient=user, key=key).exists()
    ]
    if not dry_run:
        for user, text in pending:
            notify(
                [user],
                kind=Notice.Kind.DIGEST,
                subject=f"Tổng hợp tháng {today:%m/%Y} các xã phụ trách",
                message=text,
                link=reverse("committee:member"),
                key=key,
            )
    return pending

"""Every write of the programme app: targets and their versions, the workbook upload, joint
activities with their evidence, and the common plan."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.accounts.models import User
from phoihop.core import clock
from phoihop.core.periods import CUTOFF_15, HALF, Period
from phoihop.indicators.models import Indicator
from phoihop.indicators.values import clean_figures, clean_value
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes import excel, selectors
from phoihop.programmes.models import (
    ActivityFigure,
    CommonPlan,
    Content,
    Evidence,
    JointActivity,
    PlannedActivity,
    Programme,
    ProgrammeVersion,
    Target,
)
from phoihop.reporting.excel import Problem
from phoihop.reporting.services import form_for

# Evidence of a joint activity: minutes (PDF, Word) and photos, recognised by their first bytes.
EVIDENCE_TYPES: dict[str, tuple[bytes, str]] = {
    "pdf": (b"%PDF-", "application/pdf"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
    "docx": (
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}
MAX_EVIDENCE_BYTES = 5 * 1024 * 1024


class ProgrammeError(Exception):
    """A refused write, with every reason in Vietnamese; nothing was saved."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class TargetInput:
    """A target as typed: raw text or numbers, read the Vietnamese way by the service."""

    yearly: Decimal | str | None
    half_year: Decimal | str | None = None
    note: str = ""


# ----- programmes and their targets ---------------------------------------------------------


def snapshot_of(programme: Programme, targets: list[Target] | None = None) -> dict[str, Any]:
    """A programme as it stands, kept whole in a version (`targets` when already at hand)."""
    if targets is None:
        targets = list(programme.targets.select_related("indicator"))
    return {
        "signed_on": programme.signed_on.isoformat() if programme.signed_on else None,
        "reference": programme.reference,
        "targets": [
            {
                "code": t.indicator.code,
                "name": t.indicator.name,
                "unit_label": t.indicator.unit_label,
                "yearly": str(Decimal(t.yearly).quantize(Decimal("0.0001"))),
                "half_year": None
                if t.half_year is None
                else str(Decimal(t.half_year).quantize(Decimal("0.0001"))),
                "note": t.note,
            }
            for t in sorted(targets, key=lambda t: t.indicator.code)
        ],
    }


def _new_version(programme: Programme, *, user: User | None, reason: str) -> ProgrammeVersion:
    programme.version += 1
    programme.save(update_fields=["version", "updated_at"])
    return ProgrammeVersion.objects.create(
        programme=programme,
        number=programme.version,
        created_at=clock.now(),
        created_by=user,
        reason=reason[:300],
        snapshot=snapshot_of(programme),
    )


def _clean_targets(
    targets: dict[str, TargetInput], indicators: dict[str, Indicator]
) -> tuple[dict[str, tuple[Decimal | None, Decimal | None, str]], dict[str, str]]:
    """Read every target; errors by code and column ("yearly", "half_year")."""
    cleaned: dict[str, tuple[Decimal | None, Decimal | None, str]] = {}
    errors: dict[str, str] = {}
    for code, typed in targets.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors[f"{code}:code"] = _("mã chỉ tiêu «%(code)s» không có trong danh mục.") % {
                "code": code
            }
            continue
        values: list[Decimal | None] = []
        for column, raw in (("yearly", typed.yearly), ("half_year", typed.half_year)):
            try:
                values.append(clean_value(indicator, raw))
            except ValidationError as exc:
                errors[f"{code}:{column}"] = " ".join(exc.messages)
                values.append(None)
        if values[0] is None and values[1] is not None and f"{code}:yearly" not in errors:
            errors[f"{code}:yearly"] = _("có chỉ tiêu 6 tháng nhưng chưa có chỉ tiêu năm.")
        cleaned[code] = (values[0], values[1], typed.note.strip()[:500])
    return cleaned, errors


def _apply_targets(
    programme: Programme,
    cleaned: dict[str, tuple[Decimal | None, Decimal | None, str]],
    indicators: dict[str, Indicator],
) -> bool:
    """Write the targets; a blank yearly target removes it. Whether anything changed."""
    existing = {t.indicator.code: t for t in programme.targets.select_related("indicator")}
    changed = False
    for code, (yearly, half_year, note) in cleaned.items():
        target = existing.get(code)
        if yearly is None:
            if target is not None:
                target.delete()
                changed = True
            continue
        if target is None:
            Target.objects.create(
                programme=programme,
                indicator=indicators[code],
                yearly=yearly,
                half_year=half_year,
                note=note,
            )
            changed = True
        elif (target.yearly, target.half_year, target.note) != (yearly, half_year, note):
            target.yearly, target.half_year, target.note = yearly, half_year, note
            target.save()
            changed = True
    return changed


@transaction.atomic
def save_programme(
    *,
    user: permissions.AnyUser,
    organisation: Organisation,
    year: int,
    targets: dict[str, TargetInput],
    signed_on: dt.date | None = None,
    reference: str | None = None,
    reason: str = "",
) -> Programme:
    """Set an organisation's programme of a year: its signing and targets (a blank yearly target
    removes one). A change makes a new version; a refusal (ProgrammeError) saves nothing."""
    if not permissions.can_edit_programme(user, organisation):
        raise PermissionDenied
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=list(targets))}
    cleaned, errors = _clean_targets(targets, indicators)
    if errors:
        raise ProgrammeError(list(errors.values()))
    programme, _created = Programme.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    changed = _apply_targets(programme, cleaned, indicators)
    if signed_on is not None and signed_on != programme.signed_on:
        programme.signed_on, changed = signed_on, True
    if reference is not None and reference != programme.reference:
        programme.reference, changed = reference, True
    programme.save()
    if changed:
        _new_version(programme, user=user, reason=reason or _("Cập nhật chỉ tiêu"))
    return programme


@transaction.atomic
def add_content(
    *,
    user: permissions.AnyUser,
    programme: Programme,
    title: str,
    lead: Organisation,
    partners: list[Organisation],
    indicators: list[Indicator],
    section_id: int | None = None,
) -> Content:
    """Add a content (nội dung phối hợp) to a programme."""
    if not permissions.can_edit_programme(user, programme.organisation):
        raise PermissionDenied
    content = Content.objects.create(
        programme=programme,
        title=title.strip()[:300],
        lead=lead,
        section_id=section_id,
        order=programme.contents.count() + 1,
    )
    content.partners.set(partners)
    content.indicators.set(indicators)
    _new_version(programme, user=user, reason=_("Thêm nội dung: %(t)s") % {"t": content.title})
    return content


# ----- the workbook ------------------------------------------------------------------------


def _sheet_problems(sheet: excel.ParsedProgramme, cleaned_errors: dict[str, str]) -> list[Problem]:
    columns = {"code": "A", "yearly": "D", "half_year": "E"}
    problems = []
    for key, message in cleaned_errors.items():
        code, column = key.split(":")
        row = sheet.targets[code].row
        problems.append(Problem(sheet.title, row, columns[column], message))
    return problems


def import_workbook(data: bytes, *, user: permissions.AnyUser) -> list[Programme]:
    """Read a programme workbook and save it whole, or nothing (ProgrammeError naming every bad
    cell by sheet, row and column)."""
    parsed = excel.parse_workbook(data, max_bytes=settings.PHOIHOP_MAX_UPLOAD_BYTES)
    problems = list(parsed.problems)
    plans: list[tuple[excel.ParsedProgramme, Organisation, dict[str, TargetInput]]] = []
    organisations = Organisation.objects.select_related("unit", "kind").in_bulk(
        [s.organisation_id for s in parsed.sheets]
    )
    indicators = {i.code: i for i in Indicator.objects.all()}
    for sheet in parsed.sheets:
        organisation = organisations.get(sheet.organisation_id)
        if organisation is None or not permissions.can_edit_programme(user, organisation):
            problems.append(
                Problem(
                    sheet.title,
                    None,
                    None,
                    _("bạn không được sửa chương trình phối hợp của tổ chức này."),
                )
            )
            continue
        targets = {
            code: TargetInput(yearly=t.yearly, half_year=t.half_year, note=t.note)
            for code, t in sheet.targets.items()
        }
        _cleaned, errors = _clean_targets(targets, indicators)
        problems.extend(_sheet_problems(sheet, errors))
        plans.append((sheet, organisation, targets))
    if problems:
        raise ProgrammeError([str(p) for p in problems])
    saved = []
    with transaction.atomic():
        for sheet, organisation, targets in plans:
            saved.append(
                save_programme(
                    user=user,
                    organisation=organisation,
                    year=sheet.year,
                    targets=targets,
                    signed_on=sheet.signed_on,
                    reference=sheet.reference or None,
                    reason=_("Nhập từ tệp Excel"),
                )
            )
    return saved


# ----- joint activities --------------------------------------------------------------------


def period_of(organisation: Organisation, day: dt.date) -> str:
    """The reporting period of the lead's form that a day falls in (half-year by default)."""
    form = form_for(organisation)
    kind = form.period_type if form is not None else HALF
    convention = form.period_convention if form is not None else CUTOFF_15
    return Period.containing(day, kind, convention).id


@transaction.atomic
def record_joint_activity(
    *,
    user: permissions.AnyUser,
    lead: Organisation,
    partners: list[Organisation],
    title: str,
    held_on: dt.date,
    figures: Mapping[str, Decimal | str | None],
    communes: list[Unit] | None = None,
    description: str = "",
) -> JointActivity:
    """Record an activity carried out together, once: its lead, partners and figures."""
    if not permissions.can_record_joint_activity(user, lead):
        raise PermissionDenied
    errors = []
    partners = [p for p in partners if p.pk != lead.pk]
    if not partners:
        errors.append(_("Hoạt động phối hợp cần ít nhất một cơ quan phối hợp."))
    if any(p.unit_id != lead.unit_id for p in partners):
        errors.append(_("Cơ quan phối hợp phải cùng đơn vị với cơ quan chủ trì."))
    if not title.strip():
        errors.append(_("Cần ghi tên hoạt động."))
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=list(figures))}
    # Read as a submission's figures are: the same checks, the same messages.
    cleaned, refused = clean_figures(
        indicators, figures, unknown=_("Mã chỉ tiêu «%(code)s» không có trong danh mục.")
    )
    errors.extend(refused.values())
    values = {code: value for code, value in cleaned.items() if value is not None}
    if errors:
        raise ProgrammeError(errors)
    activity = JointActivity.objects.create(
        unit=lead.unit,
        title=title.strip()[:300],
        held_on=held_on,
        period=period_of(lead, held_on),
        lead=lead,
        description=description.strip(),
        created_by=user,
    )
    activity.partners.set(partners)
    activity.communes.set(communes or [])
    ActivityFigure.objects.bulk_create(
        ActivityFigure(activity=activity, indicator=indicators[code], value=value)
        for code, value in values.items()
    )
    return activity


def evidence_refusal(filename: str, data: bytes) -> str | None:
    """Why a file cannot be evidence (None if it can): its type, by name and content, and size."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in EVIDENCE_TYPES:
        return _("Chỉ nhận biên bản PDF, Word (.docx) hoặc ảnh JPG, PNG.")
    if len(data) > MAX_EVIDENCE_BYTES:
        return _("Tệp quá lớn; chỉ nhận tệp đến %(max)d MB.") % {
            "max": MAX_EVIDENCE_BYTES // 1024 // 1024
        }
    if not data:
        return _("Tệp rỗng, không có nội dung.")
    if not data.startswith(EVIDENCE_TYPES[extension][0]):
        return _("Nội dung tệp không đúng với phần mở rộng .%(ext)s.") % {"ext": extension}
    return None


@transaction.atomic
def attach_evidence(
    *, user: permissions.AnyUser, activity: JointActivity, kind: str, filename: str, data: bytes
) -> Evidence:
    if not permissions.can_record_joint_activity(user, activity.lead):
        raise PermissionDenied
    refusal = evidence_refusal(filename, data)
    if refusal is not None:
        raise ProgrammeError([refusal])
    if kind not in Evidence.Kind.values:
        raise ProgrammeError([_("Loại minh chứng không hợp lệ.")])
    extension = filename.rsplit(".", 1)[-1].lower()
    return Evidence.objects.create(
        activity=activity,
        kind=kind,
        # Kept for the download's header: no path, no quotes, no line breaks.
        filename=re.sub(r'[\\/"\r\n]', "_", filename)[-200:],
        content_type=EVIDENCE_TYPES[extension][1],
        content=data,
        size=len(data),
        uploaded_by=user,
    )


# ----- the common plan ---------------------------------------------------------------------


@transaction.atomic
def start_common_plan(*, user: permissions.AnyUser, unit: Unit, period: str) -> CommonPlan:
    """The unit's common plan of a period, started from its programmes' contents that have
    partners and from the directions of its last report; an existing plan is returned as is."""
    if not permissions.can_plan_for(user, unit):
        raise PermissionDenied
    parsed = Period.parse(period)
    plan, created = CommonPlan.objects.get_or_create(
        unit=unit, period=parsed.id, defaults={"created_by": user}
    )
    if not created:
        return plan
    order = 0
    contents = (
        Content.objects.filter(programme__organisation__unit=unit, programme__year=parsed.year)
        .select_related("lead")
        .prefetch_related("partners", "indicators")
        .order_by("programme__organisation__kind__order", "order")
    )
    for content in contents:
        partners = list(content.partners.all())
        if not partners:
            continue
        indicator = next(iter(content.indicators.all()), None)
        order += 1
        planned = PlannedActivity.objects.create(
            plan=plan,
            title=content.title,
            lead=content.lead,
            expected_indicator=indicator,
            source=PlannedActivity.Source.PROGRAMME,
            content=content,
            order=order,
        )
        planned.partners.set(partners)
    command = Organisation.objects.filter(unit=unit, kind__is_command=True).first()
    if command is not None:
        for line in selectors.report_directions(unit, parsed.previous()):
            order += 1
            PlannedActivity.objects.create(
                plan=plan,
                title=line[:500],
                lead=command,
                source=PlannedActivity.Source.DIRECTION,
                order=order,
            )
    return plan


@transaction.atomic
def plan_activity(
    *,
    user: permissions.AnyUser,
    plan: CommonPlan,
    title: str,
    lead: Organisation,
    partners: list[Organisation],
    due_on: dt.date | None = None,
    place: str = "",
    expected_indicator: Indicator | None = None,
    expected_value: Decimal | None = None,
) -> PlannedActivity:
    """Add a planned joint activity to a common plan."""
    if not permissions.can_plan_for(user, plan.unit):
        raise PermissionDenied
    if not title.strip():
        raise ProgrammeError([_("Cần ghi việc cần làm.")])
    planned = PlannedActivity.objects.create(
        plan=plan,
        title=title.strip()[:500],
        lead=lead,
        due_on=due_on,
        place=place.strip()[:200],
        expected_indicator=expected_indicator,
        expected_value=expected_value,
        order=plan.activities.count() + 1,
    )
    planned.partners.set([p for p in partners if p.pk != lead.pk])
    return planned


@transaction.atomic
def close_planned_activity(
    *,
    user: permissions.AnyUser,
    planned: PlannedActivity,
    outcome: str,
    reason: str = "",
    activity: JointActivity | None = None,
) -> PlannedActivity:
    """Say how a planned activity ended: done (with the activity recorded for it), postponed or
    cancelled (with a reason)."""
    if not permissions.can_plan_for(user, planned.plan.unit):
        raise PermissionDenied
    if outcome not in PlannedActivity.Outcome.values:
        raise ProgrammeError([_("Kết quả không hợp lệ.")])
    if outcome in (PlannedActivity.Outcome.POSTPONED, PlannedActivity.Outcome.CANCELLED) and not (
        reason.strip()
    ):
        raise ProgrammeError([_("Hoãn hoặc huỷ cần ghi lý do.")])
    if activity is not None and activity.unit_id != planned.plan.unit_id:
        raise ProgrammeError([_("Hoạt động đã báo cáo phải của cùng đơn vị.")])
    planned.outcome = outcome
    planned.reason = reason.strip()
    planned.activity = activity if outcome == PlannedActivity.Outcome.DONE else None
    planned.save()
    return planned

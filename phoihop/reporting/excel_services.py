"""Excel for offline work: the workbooks to download, and planning and applying an upload.

An upload is planned first (every sheet checked, nothing written), shown as old → new, and
applied only on confirmation, in one transaction through services.save_submission, so it is
saved whole or not at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.core import clock
from phoihop.core.numbers import format_quantity
from phoihop.core.periods import CUTOFF_15, HALF, Period, PeriodError
from phoihop.indicators.models import Form, Indicator, SectionIndicator
from phoihop.indicators.values import clean_value
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import excel, services, workflow
from phoihop.reporting.excel import Problem
from phoihop.reporting.models import Event, Status, Submission
from phoihop.reporting.selectors import periods_with_submissions

IMPORT_REASON = "Nhập từ tệp Excel"
# An .xlsx compresses text about tenfold; far beyond that is a zip bomb, not a report.
UNCOMPRESSED_FACTOR = 20


class ImportRefused(Exception):
    """The confirmed upload could not be applied; nothing was saved. Message in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ----- workbooks to download ---------------------------------------------------------------


def _sheet_spec(
    organisation: Organisation,
    form: Form,
    period: Period,
    submission: Submission | None,
    *,
    title: str,
) -> excel.SheetSpec:
    values: dict[str, tuple[Decimal | None, str]] = {}
    narratives: dict[str, str] = {}
    if submission is not None:
        values = {
            code: (value, comment)
            for code, value, comment in submission.figures.values_list(
                "indicator__code", "value", "comment"
            )
        }
        narratives = dict(submission.narratives.values_list("section__code", "text"))
    sections = []
    for section in form.sections.order_by("order"):
        figures = tuple(
            excel.FigureRow(
                code=link.indicator.code,
                name=link.indicator.name,
                unit_label=link.indicator.unit_label,
                value_type=link.indicator.value_type,
                value=values.get(link.indicator.code, (None, ""))[0],
                comment=values.get(link.indicator.code, (None, ""))[1],
                is_part=link.indicator.part_of_id is not None,
            )
            for link in section.indicator_links.select_related("indicator").order_by("order")
            # Computed figures are not typed; offering a cell for them would invite errors.
            if not link.indicator.is_computed
        )
        sections.append(
            excel.SectionBlock(
                code=section.code,
                heading=section.heading,
                figures=figures,
                has_narrative=section.has_narrative,
                narrative=narratives.get(section.code, ""),
            )
        )
    status = (
        _("chưa bắt đầu")
        if submission is None
        else f"{submission.get_status_display()} · "
        + _("phiên bản %(n)d") % {"n": submission.version}
    )
    return excel.SheetSpec(
        title=title,
        identity=excel.SheetIdentity(
            organisation_id=organisation.pk,
            submission_id=submission.pk if submission else None,
            form_code=form.code,
            period=period.id,
            version=submission.version if submission else 0,
        ),
        form_name=form.name,
        organisation_name=organisation.name,
        unit_name=organisation.unit.full_name,
        period_label=period.label,
        status_label=status,
        sections=tuple(sections),
    )


def organisation_workbook(organisation: Organisation, *, form: Form, period: str) -> bytes:
    """One organisation's form for one period, pre-filled with what is saved."""
    p = Period.parse(period)
    submission = Submission.objects.filter(
        form=form, organisation=organisation, period=p.id
    ).first()
    title = organisation.kind.short_name or organisation.name
    return excel.build_workbook([_sheet_spec(organisation, form, p, submission, title=title)])


def communes_of(unit: Unit, *, form: Form, period: str, user=None) -> list[Organisation]:
    """The organisations of the unit's communes that report the form, in the order of units."""
    p = Period.parse(period)
    communes = Unit.objects.filter(parent=unit, level__in=form.levels).valid_on(
        p.end_date(form.period_convention)
    )
    organisations = permissions.visible_organisations(user) if user else Organisation.objects
    return list(
        organisations.filter(
            unit__in=communes, kind__in=form.organisation_kinds.all(), is_active=True
        )
        .select_related("unit", "kind")
        .order_by("unit__path", "kind__order")
    )


def recent_periods(*, today=None, count: int = 6) -> list[Period]:
    """Half-years to offer for download, newest first: the current one and those before."""

    period = Period.containing(today or clock.today(), HALF, CUTOFF_15)
    known = periods_with_submissions(Submission.objects.all())
    offered = [period]
    for _step in range(count - 1):
        period = period.previous()
        offered.append(period)
    return sorted(set(offered) | set(known[:count]), reverse=True)


def unit_workbook(unit: Unit, *, form: Form, period: str, user=None) -> bytes:
    """One form for all communes of a unit: one sheet per commune organisation."""
    p = Period.parse(period)
    organisations = communes_of(unit, form=form, period=p.id, user=user)
    submissions = {
        s.organisation_id: s
        for s in Submission.objects.filter(form=form, period=p.id, organisation__in=organisations)
    }
    several_kinds = len({o.kind_id for o in organisations}) > 1
    return excel.build_workbook(
        [
            _sheet_spec(
                organisation,
                form,
                p,
                submissions.get(organisation.pk),
                title=(
                    f"{organisation.kind.short_name} {organisation.unit.name}"
                    if several_kinds
                    else organisation.unit.name
                ),
            )
            for organisation in organisations
        ]
    )


# ----- planning an upload ------------------------------------------------------------------


@dataclass
class ChangeLine:
    label: str
    old: str
    new: str


@dataclass
class SubmissionPlan:
    """What an upload would change in one submission; plain data, so it keeps in a session."""

    sheet: str
    organisation_id: int
    organisation_name: str
    form_code: str
    period: str
    period_label: str
    submission_id: int | None
    base_version: int
    figures: dict[str, str | None] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    narratives: dict[str, str] = field(default_factory=dict)
    changes: list[ChangeLine] = field(default_factory=list)


@dataclass
class UploadPlan:
    items: list[SubmissionPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return any(item.changes for item in self.items)

    def to_dict(self) -> dict:
        return {"items": [asdict(item) for item in self.items], "notes": self.notes}

    @classmethod
    def from_dict(cls, data: dict) -> UploadPlan:
        items = []
        for raw in data["items"]:
            item = SubmissionPlan(**{k: v for k, v in raw.items() if k != "changes"})
            item.changes = [ChangeLine(**c) for c in raw["changes"]]
            items.append(item)
        return cls(items=items, notes=list(data.get("notes", [])))


def _shown(value: Decimal | None, indicator: Indicator) -> str:
    if value is None:
        return _("(trống)")
    return format_quantity(value, indicator.unit_label)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sheet_refusal(sheet: str, message: str) -> Problem:
    return Problem(sheet, None, None, message)


def _plan_sheet(
    parsed: excel.ParsedSheet,
    *,
    user,
    expected_period: str | None,
    expected_form: str | None,
) -> tuple[SubmissionPlan | None, list[Problem]]:
    identity, title = parsed.identity, parsed.title
    organisation = (
        Organisation.objects.select_related("unit", "kind")
        .filter(pk=identity.organisation_id)
        .first()
    )
    if organisation is None or not permissions.can_enter_for(user, organisation):
        # Name the organisation only to someone who may see it.
        if organisation is not None and permissions.can_view_organisation(user, organisation):
            message = _(
                "trang này là số liệu của «%(org)s»; bạn không được nhập số liệu cho tổ chức này."
            ) % {"org": organisation.name}
        else:
            message = _("trang này là số liệu của một tổ chức mà bạn không được nhập số liệu.")
        return None, [_sheet_refusal(title, message)]
    try:
        period = Period.parse(identity.period)
    except PeriodError:
        return None, [_sheet_refusal(title, _("kỳ báo cáo ghi trong trang không hợp lệ."))]
    if expected_period and period.id != expected_period:
        return None, [
            _sheet_refusal(
                title,
                _("trang này là số liệu %(theirs)s, không phải %(ours)s đang nhập.")
                % {"theirs": period.label, "ours": Period.parse(expected_period).label},
            )
        ]
    form = Form.objects.filter(code=identity.form_code).first()
    if expected_form and identity.form_code != expected_form:
        return None, [
            _sheet_refusal(
                title,
                _("trang này thuộc biểu mẫu «%(theirs)s», không phải biểu mẫu đang nhập.")
                % {"theirs": form.name if form else identity.form_code},
            )
        ]
    if form is None or not form.is_reported_by(organisation):
        return None, [
            _sheet_refusal(
                title,
                _("biểu mẫu ghi trong trang không dùng cho tổ chức «%(org)s».")
                % {"org": organisation.name},
            )
        ]

    state: list[Problem] = []
    submission = Submission.objects.filter(
        form=form, organisation=organisation, period=period.id
    ).first()
    if submission is not None:
        if identity.submission_id not in (None, submission.pk):
            return None, [_sheet_refusal(title, _("trang không khớp với báo cáo đã lưu."))]
        if submission.status not in (Status.DRAFT, Status.RETURNED):
            state.append(
                _sheet_refusal(
                    title,
                    _(
                        "báo cáo của «%(org)s» %(period)s đang ở trạng thái «%(status)s» nên "
                        "đã khoá; cần cơ quan thường trực mở lại trước khi nhập."
                    )
                    % {
                        "org": organisation.name,
                        "period": period.label,
                        "status": submission.get_status_display(),
                    },
                )
            )
        # A file downloaded before someone else saved would silently undo their changes.
        elif submission.version != identity.version and not (
            identity.version == 0 and submission.version <= 1
        ):
            state.append(
                _sheet_refusal(
                    title,
                    _(
                        "báo cáo đã được sửa sau khi bạn tải tệp này (phiên bản %(old)d → "
                        "%(new)d). Hãy tải tệp mới, nhập lại rồi tải lên."
                    )
                    % {"old": identity.version, "new": submission.version},
                )
            )
    elif identity.submission_id is not None:
        return None, [_sheet_refusal(title, _("báo cáo ghi trong trang không còn tồn tại."))]
    # The same question as every other entry path; a sheet for a submission not yet started
    # is asked as the draft it would become.
    asked = submission or Submission(form=form, organisation=organisation, period=period.id)
    refusal = (
        None
        if asked.status not in (Status.DRAFT, Status.RETURNED)
        else (permissions.write_refusal(user, asked))
    )
    if refusal:
        state.append(_sheet_refusal(title, refusal))

    # Locked, late or stale only matter for a sheet that changes something: the all-communes
    # workbook carries submitted communes that the clerk rightly left alone.
    problems: list[Problem] = []
    sections = {s.code: s for s in form.sections.all()}
    indicators = {
        link.indicator.code: link.indicator
        for link in SectionIndicator.objects.filter(section__form=form).select_related("indicator")
    }
    old_figures = {}
    old_narratives: dict[str, str] = {}
    if submission is not None:
        old_figures = {f.indicator.code: f for f in submission.figures.select_related("indicator")}
        old_narratives = dict(submission.narratives.values_list("section__code", "text"))

    plan = SubmissionPlan(
        sheet=title,
        organisation_id=organisation.pk,
        organisation_name=organisation.name,
        form_code=form.code,
        period=period.id,
        period_label=period.label,
        submission_id=submission.pk if submission else None,
        base_version=submission.version if submission else 0,
    )
    for code, figure in parsed.figures.items():
        indicator = indicators.get(code)
        if indicator is None:
            problems.append(
                Problem(
                    title,
                    figure.row,
                    excel.CODE_COLUMN,
                    _("mã chỉ tiêu «%(code)s» không có trong biểu mẫu.") % {"code": code},
                )
            )
            continue
        if indicator.is_computed:
            if figure.raw is not None:
                problems.append(
                    Problem(
                        title,
                        figure.row,
                        excel.VALUE_COLUMN,
                        _("«%(name)s» được tính tự động, không nhập tay.")
                        % {"name": indicator.name},
                    )
                )
            continue
        try:
            value = clean_value(indicator, figure.raw)
        except ValidationError as exc:
            problems.append(Problem(title, figure.row, excel.VALUE_COLUMN, exc.messages[0]))
            continue
        old = old_figures.get(code)
        old_value = old.value if old else None
        old_comment = old.comment if old else ""
        if (old_value is None) != (value is None) or (
            value is not None and old_value is not None and old_value != value
        ):
            plan.figures[code] = None if value is None else str(value)
            plan.changes.append(
                ChangeLine(
                    label=indicator.name,
                    old=_shown(old_value, indicator),
                    new=_shown(value, indicator),
                )
            )
        if figure.comment != old_comment:
            plan.comments[code] = figure.comment
            plan.figures.setdefault(code, None if value is None else str(value))
            plan.changes.append(
                ChangeLine(
                    label=_("Ghi chú: %(name)s") % {"name": indicator.name},
                    old=_short(old_comment) or _("(trống)"),
                    new=_short(figure.comment) or _("(trống)"),
                )
            )
    for code, narrative in parsed.narratives.items():
        section = sections.get(code)
        if section is None:
            problems.append(
                Problem(
                    title,
                    narrative.row,
                    excel.CODE_COLUMN,
                    _("phần thuyết minh «%(code)s» không có trong biểu mẫu.") % {"code": code},
                )
            )
            continue
        old_text = old_narratives.get(code, "").replace("\r\n", "\n").strip()
        if narrative.text != old_text:
            plan.narratives[code] = narrative.text
            plan.changes.append(
                ChangeLine(
                    label=_("Thuyết minh: %(heading)s") % {"heading": section.heading},
                    old=_short(old_text) or _("(trống)"),
                    new=_short(narrative.text) or _("(trống)"),
                )
            )
    if state and (plan.changes or problems):
        problems = state + problems
    return plan, problems


def plan_upload(
    data: bytes,
    *,
    user,
    period: str | None = None,
    form_code: str | None = None,
) -> UploadPlan:
    """Check the whole workbook and say what it would change; writes nothing."""
    max_bytes = settings.PHOIHOP_MAX_UPLOAD_BYTES
    parsed = excel.parse_workbook(
        data, max_bytes=max_bytes, max_uncompressed=max_bytes * UNCOMPRESSED_FACTOR
    )
    plan = UploadPlan(problems=list(parsed.problems), notes=list(parsed.notes))
    seen: dict[tuple[int, str, str], str] = {}
    for sheet in parsed.sheets:
        key = (sheet.identity.organisation_id, sheet.identity.form_code, sheet.identity.period)
        if key in seen:
            plan.problems.append(
                _sheet_refusal(
                    sheet.title,
                    _("trang này trùng báo cáo với trang «%(other)s».") % {"other": seen[key]},
                )
            )
            continue
        seen[key] = sheet.title
        item, problems = _plan_sheet(
            sheet, user=user, expected_period=period, expected_form=form_code
        )
        plan.problems.extend(problems)
        if item is not None:
            plan.items.append(item)
    return plan


# ----- applying a confirmed plan -----------------------------------------------------------


@transaction.atomic
def apply_upload(plan: UploadPlan, *, user) -> list[Submission]:
    """Save every submission of a confirmed plan, or none: any refusal undoes the lot."""
    saved = []
    for item in plan.items:
        if not item.changes:
            continue
        where = _("Trang «%(sheet)s»") % {"sheet": item.sheet}
        organisation = Organisation.objects.select_related("unit").get(pk=item.organisation_id)
        form = Form.objects.get(code=item.form_code)
        try:
            submission = services.start_submission(
                user=user, organisation=organisation, period=item.period, form=form
            )
            # Permissions, lock, window and version are checked again: time has passed
            # since the plan was shown.
            base_version = item.base_version
            if base_version == 0 and submission.version <= 1:
                base_version = submission.version
            services.save_submission(
                submission,
                user=user,
                figures=item.figures,
                comments=item.comments,
                narratives=item.narratives,
                base_version=base_version,
                reason=IMPORT_REASON,
            )
        except PermissionDenied:
            raise ImportRefused(
                f"{where}: "
                + _("bạn không được nhập số liệu cho «%(org)s».") % {"org": organisation.name}
            ) from None
        except services.EditConflict as exc:
            who = ", ".join(sorted({c.who for c in exc.changes})) or _("người khác")
            raise ImportRefused(
                f"{where}: "
                + _(
                    "%(who)s đã lưu báo cáo này trong lúc bạn xem lại tệp. Không có gì được "
                    "lưu; hãy tải tệp mới rồi nhập lại."
                )
                % {"who": who}
            ) from None
        except services.WorkflowError as exc:
            raise ImportRefused(f"{where}: {exc.message}") from None
        except services.FieldErrors as exc:
            raise ImportRefused(f"{where}: " + "; ".join(exc.errors.values())) from None
        Event.objects.create(
            submission=submission,
            action=Event.Action.IMPORTED,
            actor=user,
            at=clock.now(),
            reason=IMPORT_REASON,
        )
        saved.append(submission)
    for submission in saved:
        workflow.refresh_checks(submission, user=user)
    return saved

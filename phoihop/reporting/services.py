"""Every write to submissions: entry, the workflow, and the entry window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, FilteredRelation, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from phoihop.accounts import permissions
from phoihop.core import clock
from phoihop.core.dates import format_datetime
from phoihop.core.period_words import rewrite_period_words
from phoihop.core.periods import Period
from phoihop.indicators.models import Form, Indicator
from phoihop.indicators.values import clean_figures
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting.citations import format_figure
from phoihop.reporting.models import (
    EntryWindow,
    Event,
    FigureValue,
    Narrative,
    Status,
    Submission,
)
from phoihop.reporting.windows import window_is_open


class WorkflowError(Exception):
    """A step that is not allowed now; the message is for the user, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Change:
    label: str
    old: str
    new: str
    who: str
    when: str


class EditConflict(WorkflowError):
    """Somebody else saved since this person opened the form."""

    def __init__(self, changes: list[Change]):
        names = ", ".join(sorted({c.who for c in changes})) or "người khác"
        super().__init__(
            f"{names} đã lưu báo cáo này sau khi bạn mở nó. Thay đổi của bạn chưa được lưu; "
            "hãy xem các thay đổi bên dưới, tải lại trang rồi nhập lại."
        )
        self.changes = changes


@dataclass
class FieldErrors(Exception):
    """Values that failed their checks, by indicator code; nothing was saved."""

    errors: dict[str, str] = field(default_factory=dict)


# ----- entry window -----------------------------------------------------------------------


def locked(submission: Submission) -> Submission:
    """The submission re-read under a row lock, for a write that depends on its state."""
    return (
        Submission.objects.select_for_update()
        .select_related("form", "organisation__unit")
        .get(pk=submission.pk)
    )


def require_write(user: permissions.AnyUser, submission: Submission) -> None:
    """PermissionDenied for someone who may never enter this organisation's figures; a
    WorkflowError saying why when it is not open to this user now (the one question every
    entry path asks: `permissions.write_refusal`)."""
    if not permissions.can_enter_for(user, submission.organisation):
        raise PermissionDenied
    refusal = permissions.write_refusal(user, submission)
    if refusal:
        raise WorkflowError(refusal)


@transaction.atomic
def extend_entry_window(
    *,
    user: permissions.AnyUser,
    form: Form,
    period: str,
    unit: Unit,
    closes_on: dt.date,
    reason: str,
    organisation: Organisation | None = None,
) -> EntryWindow:
    """Let the organisations of `unit` (and below), or only `organisation`, enter late."""
    if not permissions.is_office_for(user, unit):
        raise PermissionDenied
    if organisation is not None and not organisation.unit.is_within(unit):
        raise WorkflowError("Tổ chức không thuộc đơn vị được gia hạn.")
    window = EntryWindow(
        form=form,
        period=period,
        unit=unit,
        organisation=organisation,
        closes_on=closes_on,
        reason=reason,
        created_by=user,
        created_at=clock.now(),
    )
    # django-simple-history records who made a change from this attribute (not a field).
    window._history_user = user  # type: ignore[attr-defined]
    window.save()
    return window


@transaction.atomic
def revoke_entry_window(window: EntryWindow, *, user: permissions.AnyUser) -> EntryWindow:
    """End an extension now; it stays listed, with who revoked it and when."""
    if not permissions.is_office_for(user, window.unit):
        raise PermissionDenied
    if window.revoked_at is not None:
        raise WorkflowError("Gia hạn này đã được thu hồi.")
    window.revoked_at = clock.now()
    window.revoked_by = user
    window._history_user = user  # type: ignore[attr-defined]
    window.save()
    return window


# ----- entry -----------------------------------------------------------------------------


def form_for(organisation: Organisation) -> Form | None:
    """The active form this organisation reports at its level (forms are few: filter in Python,
    the same on SQLite and PostgreSQL)."""
    return next(
        (
            f
            for f in Form.objects.filter(is_active=True, organisation_kinds=organisation.kind)
            if f.is_reported_by(organisation)
        ),
        None,
    )


@transaction.atomic
def start_submission(
    *, user: permissions.AnyUser, organisation: Organisation, period: str, form: Form | None = None
) -> Submission:
    """The organisation's submission for the period, created as a draft if it does not exist."""
    if not permissions.can_enter_for(user, organisation):
        raise PermissionDenied
    Period.parse(period)
    form = form or form_for(organisation)
    if form is None:
        raise WorkflowError("Tổ chức này không có biểu mẫu báo cáo nào ở cấp của mình.")
    refusal = permissions.unit_period_refusal(
        organisation.unit, period, convention=form.period_convention
    )
    if refusal:
        raise WorkflowError(refusal)
    submission, created = Submission.objects.get_or_create(
        form=form, organisation=organisation, period=period
    )
    if created:
        if not permissions.is_office_for(user, organisation.unit) and not window_is_open(
            form, period, organisation=organisation
        ):
            raise WorkflowError("Kỳ báo cáo này chưa mở hoặc đã hết thời gian nhập liệu.")
        Event.objects.create(
            submission=submission, action=Event.Action.CREATED, actor=user, at=clock.now()
        )
    return submission


def _figure_text(indicator: Indicator, value: Decimal | None) -> str:
    if value is None:
        return ""
    return format_figure(value, value_type=indicator.value_type, pad=indicator.pad_small)


def _indicator_label(indicator: Indicator) -> str:
    return f"{indicator.name} ({indicator.unit_label})"


def changes_since(submission: Submission, version: int) -> list[Change]:
    """What was saved to the submission after the given version, with who and when."""
    later = submission.history.filter(version__gt=version).order_by("history_date").first()
    if later is None:
        return []
    since = later.history_date - dt.timedelta(seconds=1)
    changes: list[Change] = []
    for record in (
        FigureValue.history.filter(submission_id=submission.pk, history_date__gte=since)
        .select_related("history_user", "indicator")
        .order_by("history_date")
    ):
        previous = record.prev_record
        indicator = record.indicator
        # Shown to a person: 7.286, not the stored 7286.0000.
        changes.append(
            Change(
                label=_indicator_label(indicator),
                old=_figure_text(indicator, None if previous is None else previous.value),
                new=_figure_text(indicator, record.value),
                who=str(record.history_user or "?"),
                when=format_datetime(record.history_date),
            )
        )
    for record in (
        Narrative.history.filter(submission_id=submission.pk, history_date__gte=since)
        .select_related("history_user", "section")
        .order_by("history_date")
    ):
        previous = record.prev_record
        changes.append(
            Change(
                label=f"Thuyết minh: {record.section.heading}",
                old="" if previous is None else previous.text[:200],
                new=record.text[:200],
                who=str(record.history_user or "?"),
                when=format_datetime(record.history_date),
            )
        )
    return changes


@transaction.atomic
def save_submission(
    submission: Submission,
    *,
    user: permissions.AnyUser,
    figures: Mapping[str, str | Decimal | None] | None = None,
    narratives: Mapping[str, str] | None = None,
    comments: Mapping[str, str] | None = None,
    base_version: int | None = None,
    reason: str = "",
) -> Submission:
    """Save typed figures and narratives; all or nothing.

    Raises FieldErrors (values that fail their checks), EditConflict (someone saved since
    base_version), WorkflowError (locked, outside the window) or PermissionDenied.
    """
    submission = locked(submission)
    require_write(user, submission)
    if base_version is not None and base_version != submission.version:
        raise EditConflict(changes_since(submission, base_version))

    # Only what the save names is read: its indicators on this form, each with the figure
    # already saved for it (one query), and the sections only when narratives come along.
    codes = list(figures or {})
    indicators: dict[str, Indicator] = {}
    existing: dict[str, FigureValue] = {}
    if codes:
        rows = (
            Indicator.objects.filter(code__in=codes, sections__form_id=submission.form_id)
            .annotate(saved=FilteredRelation("values", condition=Q(values__submission=submission)))
            .annotate(
                saved_id=F("saved__id"),
                saved_value=F("saved__value"),
                saved_comment=F("saved__comment"),
            )
        )
        for indicator in rows:
            indicators[indicator.code] = indicator
            if indicator.saved_id is not None:
                existing[indicator.code] = FigureValue(
                    pk=indicator.saved_id,
                    submission=submission,
                    indicator=indicator,
                    value=indicator.saved_value,
                    comment=indicator.saved_comment,
                )
    sections = {s.code: s for s in submission.form.sections.all()} if narratives else {}
    cleaned, errors = clean_figures(
        indicators, figures or {}, unknown="Chỉ tiêu «%(code)s» không có trong biểu mẫu này."
    )
    for code in narratives or {}:
        if code not in sections:
            errors[f"narrative:{code}"] = f"Phần «{code}» không có trong biểu mẫu này."
    if errors:
        raise FieldErrors(errors)

    created: list[FigureValue] = []
    updated: list[FigureValue] = []
    for code, value in cleaned.items():
        comment = (comments or {}).get(code)
        figure = existing.get(code)
        if figure is None:
            if value is None and not comment:
                continue
            figure = FigureValue(submission=submission, indicator=indicators[code])
            created.append(figure)
        elif figure.value == value and (comment is None or comment == figure.comment):
            continue
        else:
            updated.append(figure)
        figure.value = value
        if comment is not None:
            figure.comment = comment[:500]
        figure._history_user = user  # type: ignore[attr-defined]
        figure._change_reason = reason or None  # type: ignore[attr-defined]
    _write_figures(submission, created=created, updated=updated)
    changed = bool(created or updated)
    written = (
        {n.section.code: n for n in submission.narratives.select_related("section")}
        if narratives
        else {}
    )
    for code, text in (narratives or {}).items():
        narrative = written.get(code) or Narrative(submission=submission, section=sections[code])
        # An empty box the form sends back is no change: it must not bump the version.
        if narrative.text == text or (narrative.pk is None and not text.strip()):
            continue
        narrative.text = text
        narrative._history_user = user  # type: ignore[attr-defined]
        narrative._change_reason = reason or None  # type: ignore[attr-defined]
        narrative.save()
        changed = True
    if changed:
        _bump_version(submission, user=user)
    return submission


def _write_figures(
    submission: Submission, *, created: list[FigureValue], updated: list[FigureValue]
) -> None:
    """Write a submission's new and changed figures, each with its history record.

    A submission that may be written is a draft or a returned one, whose figures are in no
    rollup (only accepted submissions count): one INSERT or UPDATE for all of them and one
    INSERT of their history, without the per-figure signals. Any other (never through the
    entry paths, which `require_write` keeps to drafts and returned reports) saves figure by
    figure, so that the signals keep the rollups in step."""
    if submission.status not in (Status.DRAFT, Status.RETURNED):
        for figure in [*created, *updated]:
            figure.save()
        return
    if created:
        bulk_create_with_history(created, FigureValue)
    if updated:
        bulk_update_with_history(updated, FigureValue, ["value", "comment"])


def _bump_version(submission: Submission, *, user: permissions.AnyUser) -> None:
    """A new version of the submission, recorded in its history (which `changes_since`
    reads). Only the version and the time change, never where the submission counts, so the
    rollups and tallies have nothing to follow: one UPDATE and one history INSERT."""
    submission.version += 1
    submission.updated_at = timezone.now()  # what auto_now would set
    submission._history_user = user  # type: ignore[attr-defined]
    bulk_update_with_history([submission], Submission, ["version", "updated_at"])


def previous_narratives(submission: Submission) -> dict[str, str]:
    """The narratives the same organisation wrote on the same form for the period before,
    their period words rewritten for this period ("6 tháng đầu năm" → "6 tháng cuối năm")."""
    period = Period.parse(submission.period)
    previous = period.previous()
    return {
        code: rewrite_period_words(text, source=previous, target=period)
        for code, text in Narrative.objects.filter(
            submission__organisation=submission.organisation,
            submission__form=submission.form,
            submission__period=previous.id,
        ).values_list("section__code", "text")
    }

"""The one workflow: the only way a submission changes status.

draft/returned --submit--> submitted --accept--> accepted --reopen--> returned
                           submitted --return--> returned

Every entry path (web, Excel, command line, API) calls these functions; each asks
`permissions` whether the user may do it now. Submitting asks validation, so this module sits
above `validation` (which never imports it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.accounts.models import User
from phoihop.core import clock
from phoihop.core.dates import format_date
from phoihop.core.numbers import format_number
from phoihop.core.periods import Period, PeriodError
from phoihop.indicators.models import Indicator
from phoihop.reporting import notifications
from phoihop.reporting.citations import format_figure
from phoihop.reporting.models import (
    Event,
    Explanation,
    FigureValue,
    Narrative,
    Status,
    Submission,
)
from phoihop.reporting.services import WorkflowError, locked, require_write
from phoihop.validation.models import ValidationResult
from phoihop.validation.services import refresh_validation, submission_warnings

# A returned or reopened submission stays open for its reporter this long unless the office
# chooses another day.
REOPEN_DAYS = 7
CHANGE_PREFIX = "bien_dong."


@dataclass(frozen=True)
class Blocker:
    """One reason a submission cannot be sent yet, shown next to the field it concerns."""

    code: str  # the explanation key (rule code), or "thuyet_minh.<section>"
    message: str
    indicators: tuple[str, ...] = ()
    explainable: bool = False  # an explanation lifts it (a large change); else it must be fixed


class SubmitRefused(WorkflowError):
    """Submitting was refused; every reason is listed."""

    def __init__(self, blockers: list[Blocker]):
        lines = "; ".join(b.message for b in blockers)
        super().__init__(
            _("Chưa gửi được báo cáo, phải sửa trước khi gửi: %(why)s.") % {"why": lines}
        )
        self.blockers = blockers


# ----- what stands in the way of submitting ----------------------------------------------------


def _comparison_values(submission: Submission) -> tuple[Period | None, dict[str, Decimal]]:
    """The organisation's figures of the same period a year earlier, else of the period before:
    what a large change is measured against (accepted figures only: the official record)."""
    try:
        period = submission.period_obj
    except PeriodError:
        return None, {}
    for earlier in (period.same_period_last_year(), period.previous()):
        # value__isnull=False: no None among the values.
        values = cast(
            dict[str, Decimal],
            dict(
                FigureValue.objects.filter(
                    submission__organisation_id=submission.organisation_id,
                    submission__period=earlier.id,
                    submission__status=Status.ACCEPTED,
                    value__isnull=False,
                ).values_list("indicator__code", "value")
            ),
        )
        if values:
            return earlier, values
    return None, {}


def _moved_beyond(value: Decimal, before: Decimal, threshold: Decimal) -> bool:
    """A figure moved beyond the threshold when it grew by more than it, or shrank to less than
    what growing by it would undo (threshold 200%: three times as much, or under a third)."""
    if before <= 0:
        return False
    factor = 1 + threshold / 100
    return value > before * factor or value * factor < before


def large_changes(submission: Submission, values: Mapping[str, Decimal | None]) -> list[Blocker]:
    """Figures that moved more than their indicator's threshold: each needs an explanation."""
    earlier, before = _comparison_values(submission)
    if earlier is None:
        return []
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(code__in=values.keys(), change_threshold__isnull=False)
    }
    found = []
    for code, value in values.items():
        indicator = indicators.get(code)
        if indicator is None or value is None or code not in before:
            continue
        if indicator.change_threshold is None:  # filtered out above: for the type checker
            continue
        if not _moved_beyond(value, before[code], indicator.change_threshold):
            continue
        change = (value - before[code]) / before[code] * 100
        found.append(
            Blocker(
                code=CHANGE_PREFIX + code,
                message=_(
                    "«%(name)s» là %(value)s %(unit)s, %(direction)s %(change)s%% so với "
                    "%(period)s (%(before)s %(unit)s): biến động lớn, cần giải trình"
                )
                % {
                    "name": indicator.name,
                    "value": format_figure(value, value_type=indicator.value_type),
                    "unit": indicator.unit_label,
                    "direction": _("tăng") if change > 0 else _("giảm"),
                    "change": format_number(abs(change), decimals=1),
                    "period": earlier.label,
                    "before": format_figure(before[code], value_type=indicator.value_type),
                },
                indicators=(code,),
                explainable=True,
            )
        )
    return found


def missing_narratives(submission: Submission) -> list[Blocker]:
    """Sections whose narrative the form requires but which are still empty."""
    written = {
        code
        for code, text in Narrative.objects.filter(submission=submission).values_list(
            "section__code", "text"
        )
        if text.strip()
    }
    return [
        Blocker(
            code=f"thuyet_minh.{section.code}",
            message=_("Phần «%(heading)s» bắt buộc có thuyết minh") % {"heading": section.heading},
        )
        for section in submission.form.sections.filter(
            has_narrative=True, narrative_required=True
        ).order_by("order")
        if section.code not in written
    ]


def pending_explanations(
    submission: Submission, *, explanations: Mapping[str, str] | None = None
) -> list[Blocker]:
    """What the reporter must still write before sending: explanations of large changes (stored
    ones, overridden by `explanations`) and required narratives. The entry page shows these as
    the reporter types; submitting refuses while any is left."""
    explained = dict(submission.explanations.values_list("rule_code", "text"))
    explained.update(explanations or {})
    values = dict(submission.figures.values_list("indicator__code", "value"))
    unexplained = [
        b for b in large_changes(submission, values) if not explained.get(b.code, "").strip()
    ]
    return unexplained + missing_narratives(submission)


def submit_blockers(
    submission: Submission, *, explanations: Mapping[str, str] | None = None
) -> list[Blocker]:
    """Everything that stops this submission from being sent now: broken blocking checks, then
    what `pending_explanations` lists."""
    blockers = [
        Blocker(code=w["code"], message=w["message"], indicators=tuple(w["indicators"]))
        for w in submission_warnings(submission)
        if w["blocking"]
    ]
    return blockers + pending_explanations(submission, explanations=explanations)


# ----- the steps ---------------------------------------------------------------------------------


def _actor(user: permissions.AnyUser) -> User:
    # Every step asked `permissions` first (require_write, _review): only someone signed in
    # gets past it.
    return cast(User, user)


def _transition(
    submission: Submission,
    *,
    user: permissions.AnyUser,
    status: str,
    action: str,
    reason: str = "",
    **fields,
) -> Submission:
    submission.status = status
    for name, value in fields.items():
        setattr(submission, name, value)
    submission.version += 1
    # django-simple-history records who made a change, and why, from these attributes.
    submission._history_user = user  # type: ignore[attr-defined]
    submission._change_reason = reason or None  # type: ignore[attr-defined]
    submission.save()
    actor = _actor(user)
    Event.objects.create(
        submission=submission, action=action, actor=actor, at=clock.now(), reason=reason
    )
    # The stored verdicts over this unit and those above it are recomputed by the step itself,
    # never by a page that reads them.
    refresh_validation(submission, user=actor)
    return submission


def _store_explanations(
    submission: Submission, *, user: permissions.AnyUser, explanations: Mapping[str, str]
) -> None:
    now = clock.now()
    for rule_code, text in explanations.items():
        text = text.strip()
        if not text:
            Explanation.objects.filter(submission=submission, rule_code=rule_code).delete()
            continue
        Explanation.objects.update_or_create(
            submission=submission,
            rule_code=rule_code[:120],
            defaults={"text": text[:5000], "author": cast(User, user), "at": now},
        )


@transaction.atomic
def submit_submission(
    submission: Submission,
    *,
    user: permissions.AnyUser,
    explanations: Mapping[str, str] | None = None,
) -> Submission:
    """Send the submission to the standing office, with the reporter's explanations.

    Refused (SubmitRefused, every reason listed) while a blocking check is broken, a figure moved
    beyond its threshold unexplained, or a required narrative is empty; nothing is stored then.
    """
    submission = locked(submission)
    if submission.status not in (Status.DRAFT, Status.RETURNED):
        if not permissions.can_enter_for(user, submission.organisation):
            raise PermissionDenied
        raise WorkflowError(_("Chỉ gửi được báo cáo đang soạn hoặc bị trả lại."))
    require_write(user, submission)
    _store_explanations(submission, user=user, explanations=explanations or {})
    blockers = submit_blockers(submission)
    if blockers:
        raise SubmitRefused(blockers)
    resubmitted = submission.status == Status.RETURNED
    submission = _transition(
        submission,
        user=user,
        status=Status.SUBMITTED,
        action=Event.Action.SUBMITTED,
        submitted_at=clock.now(),
        submitted_by=user,
        reopened_until=None,
    )
    notifications.notify_submitted(submission, actor=_actor(user), resubmitted=resubmitted)
    return submission


def _review(user: permissions.AnyUser, submission: Submission) -> None:
    if not permissions.can_review_submission(user, submission):
        raise PermissionDenied


def _open_until(until: dt.date | None) -> dt.date:
    today = clock.today()
    until = until or today + dt.timedelta(days=REOPEN_DAYS)
    if until < today:
        raise WorkflowError(_("Ngày mở để sửa (%(day)s) đã qua.") % {"day": format_date(until)})
    return until


def _send_back(
    submission: Submission,
    *,
    user: permissions.AnyUser,
    action: str,
    reason: str,
    open_until: dt.date | None,
    notify: Callable[..., object],
    **fields: Any,
) -> Submission:
    """Returned or reopened alike: back to its reporter with the reason, open to them until a
    day whatever the window, and the reporters told."""
    submission = _transition(
        submission,
        user=user,
        status=Status.RETURNED,
        action=action,
        reason=reason,
        return_reason=reason,
        reopened_until=_open_until(open_until),
        **fields,
    )
    notify(submission, actor=_actor(user), reason=reason, open_until=submission.reopened_until)
    return submission


@transaction.atomic
def return_submission(
    submission: Submission,
    *,
    user: permissions.AnyUser,
    reason: str,
    open_until: dt.date | None = None,
) -> Submission:
    """Send a submitted report back to its reporter with the reason; it stays open for them
    until `open_until` (a week by default) whatever the form's window."""
    submission = locked(submission)
    _review(user, submission)
    if submission.status != Status.SUBMITTED:
        raise WorkflowError(_("Chỉ trả lại được báo cáo đã gửi."))
    if not reason.strip():
        raise WorkflowError(_("Cần ghi lý do trả lại để người báo cáo biết phải sửa gì."))
    return _send_back(
        submission,
        user=user,
        action=Event.Action.RETURNED,
        reason=reason.strip(),
        open_until=open_until,
        notify=notifications.notify_returned,
        reviewed_at=clock.now(),
        reviewed_by=user,
    )


@transaction.atomic
def accept_submission(submission: Submission, *, user: permissions.AnyUser) -> Submission:
    """Accept a submitted report: its figures become official and locked for everyone."""
    submission = locked(submission)
    _review(user, submission)
    if submission.status != Status.SUBMITTED:
        raise WorkflowError(_("Chỉ duyệt được báo cáo đã gửi."))
    submission = _transition(
        submission,
        user=user,
        status=Status.ACCEPTED,
        action=Event.Action.ACCEPTED,
        reviewed_at=clock.now(),
        reviewed_by=user,
        return_reason="",
        reopened_until=None,
    )
    notifications.notify_accepted(submission, actor=_actor(user))
    return submission


@transaction.atomic
def reopen_submission(
    submission: Submission,
    *,
    user: permissions.AnyUser,
    reason: str,
    open_until: dt.date | None = None,
) -> Submission:
    """Unlock an accepted submission for correction, with the reason; the only way to change
    an accepted figure."""
    submission = locked(submission)
    _review(user, submission)
    if submission.status != Status.ACCEPTED:
        raise WorkflowError(_("Chỉ mở lại được báo cáo đã duyệt."))
    if not reason.strip():
        raise WorkflowError(_("Cần ghi lý do mở lại báo cáo đã duyệt."))
    return _send_back(
        submission,
        user=user,
        action=Event.Action.REOPENED,
        reason=reason.strip(),
        open_until=open_until,
        notify=notifications.notify_reopened,
    )


@transaction.atomic
def return_for_correction(result: ValidationResult, *, user: permissions.AnyUser) -> Submission:
    """Send the submission behind a validation result back to its reporter, the result's
    message as the reason: returned while it waits, reopened once accepted."""
    submission = result.submission
    if submission is None:
        raise WorkflowError(_("Kết quả này không gắn với một báo cáo cụ thể."))
    reason = _("Đề nghị kiểm tra, sửa số liệu: %(message)s") % {"message": result.message}
    # Marked first: the step recomputes the unit's checks, and the new run carries the mark on.
    # A refused step rolls the mark back with it.
    result.returned_at = clock.now()
    result.save(update_fields=["returned_at"])
    if submission.status == Status.ACCEPTED:
        return reopen_submission(submission, user=user, reason=reason)
    return return_submission(submission, user=user, reason=reason)


def refresh_checks(submission: Submission, *, user: User) -> None:
    """After an explicit save (the "Lưu" button, an Excel upload): bring the stored validation
    verdicts up to date. Autosave does not, so a reporter typing does not pile up runs; until
    then the validation page says its results are older than the data."""
    refresh_validation(submission, user=user)

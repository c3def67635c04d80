"""Writes of validation: computing verdicts, and acting on their results.

The stages live in their own modules: `submission_checks` (one submission's own figures),
`unit_checks` (a unit against its children, partners, history and peers), `runs` (storing a
run and reading the latest). The names below are the ones other apps call.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core import clock
from phoihop.reporting.models import Status, Submission
from phoihop.validation import models as m
from phoihop.validation.rule_compiler import compile_stored_rule, known_codes
from phoihop.validation.runs import (
    is_stale,
    latest_run,
    open_violations,
    refresh_validation,
    run_validation,
    verdict,
)
from phoihop.validation.submission_checks import submission_warnings, try_rule

__all__ = [
    "compile_stored_rule",
    "correction_reason",
    "explain_result",
    "is_stale",
    "known_codes",
    "latest_run",
    "open_violations",
    "refresh_validation",
    "return_for_correction",
    "run_validation",
    "submission_warnings",
    "try_rule",
    "verdict",
]


# ----- acting on results -------------------------------------------------------------------


def explain_result(
    result: m.ValidationResult, *, user, explanation: str, resolved: bool = False
) -> m.ValidationResult:
    """Record why figures that look wrong are right (explained), or that they were fixed."""
    explanation = explanation.strip()
    if not explanation and not resolved:
        raise ValidationError(_("Cần ghi nội dung giải trình."))
    result.explanation = explanation
    result.status = m.ResultStatus.RESOLVED if resolved else m.ResultStatus.EXPLAINED
    result.explained_by = user
    result.explained_at = clock.now()
    result.save(update_fields=["explanation", "status", "explained_by", "explained_at"])
    return result


def correction_reason(result: m.ValidationResult) -> str:
    return _("Đề nghị kiểm tra, sửa số liệu: %(message)s") % {"message": result.message}


@transaction.atomic
def return_for_correction(result: m.ValidationResult, *, user) -> Submission:
    """Send the submission behind a result back to its reporter, the message as the reason.

    A submission still waiting is returned; one already accepted is reopened for correction.
    Raises WorkflowError (Vietnamese) when it is neither, PermissionDenied for non-reviewers.
    """
    from phoihop.reporting.services import WorkflowError
    from phoihop.reporting.workflow import reopen_submission, return_submission

    submission = result.submission
    if submission is None:
        raise WorkflowError(_("Kết quả này không gắn với một báo cáo cụ thể."))
    reason = correction_reason(result)
    if submission.status == Status.ACCEPTED:
        submission = reopen_submission(submission, user=user, reason=reason)
    else:
        submission = return_submission(submission, user=user, reason=reason)
    result.returned_at = clock.now()
    result.save(update_fields=["returned_at"])
    return submission

"""Writes of validation: computing verdicts, and explaining their results.

Returning a submission for correction from a result is a workflow step: it lives in
`reporting/workflow.py` (`return_for_correction`), which validation never imports.

The stages live in their own modules: `submission_checks` (one submission's own figures),
`unit_checks` (a unit against its children, partners, history and peers), `runs` (storing a
run and reading the latest). The names below are the ones other apps call.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phoihop.accounts.models import User
from phoihop.core import clock
from phoihop.core.periods import Period
from phoihop.jobs.models import Job
from phoihop.jobs.services import start_job
from phoihop.places.models import Unit
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
from phoihop.validation.tasks import rerun_validation

__all__ = [
    "compile_stored_rule",
    "explain_result",
    "is_stale",
    "known_codes",
    "latest_run",
    "open_violations",
    "refresh_validation",
    "run_validation",
    "start_rerun",
    "submission_warnings",
    "try_rule",
    "verdict",
]


# ----- reruns in the background --------------------------------------------------------------


def start_rerun(unit: Unit, period: str, *, user: User | None, link: str = "") -> Job:
    """Validate the unit and period again as a background job (the page's "Chạy lại")."""
    return start_job(
        owner=user,
        kind="validation.rerun",
        title=f"Kiểm tra lại số liệu · {unit.full_name} · {Period.parse(period).label}",
        task=rerun_validation,
        unit=unit,
        period=period,
        parameters={"link": link},
    )


# ----- acting on results -------------------------------------------------------------------


def explain_result(
    result: m.ValidationResult,
    *,
    user: User,
    explanation: str,
    resolved: bool = False,
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

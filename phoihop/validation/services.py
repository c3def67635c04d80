"""Writes of validation: computing verdicts, and explaining their results.

Returning a submission for correction from a result is a workflow step: it lives in
`reporting/workflow.py` (`return_for_correction`), which validation never imports.

The stages live in their own modules: `submission_checks` (one submission's own figures),
`unit_checks` (a unit against its children, partners, history and peers), `runs` (storing a
run and reading the latest). The names below are the ones other apps call.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.accounts.models import User
from phoihop.core import clock
from phoihop.core.periods import Period
from phoihop.jobs.models import Job, JobState
from phoihop.jobs.services import start_job
from phoihop.places.models import Unit
from phoihop.validation import models as m
from phoihop.validation.catalogue import LoadSummary, load_catalogue_file
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
from phoihop.validation.tasks import (
    rerun_validation,
    revalidate_after_rules,
    validate_everything,
)

if TYPE_CHECKING:
    from phoihop.validation.forms import RuleForm

__all__ = [
    "compile_stored_rule",
    "explain_result",
    "is_stale",
    "known_codes",
    "latest_run",
    "load_catalogue",
    "open_violations",
    "refresh_validation",
    "run_validation",
    "rule_candidate",
    "save_rule",
    "start_rerun",
    "start_revalidation_after_rules",
    "start_validate_everything",
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


def _queued_or_started(
    kind: str, *, unit: Unit | None, owner: User | None, parameters: dict[str, Any], **job: Any
) -> Job:
    """The same work already waiting (a second click, a second rule saved): that job, if the
    one asking may follow it (the office of its unit, or who asked for it)."""
    waiting = Job.objects.filter(kind=kind, unit=unit, state=JobState.QUEUED).filter(
        **{f"parameters__{key}": value for key, value in parameters.items() if key != "link"}
    )
    if unit is None:
        waiting = waiting.filter(owner=owner)
    found = waiting.first()
    if found is not None:
        return found
    return start_job(kind=kind, unit=unit, owner=owner, parameters=parameters, **job)


def start_validate_everything(user: User, *, link: str = "") -> Job:
    """Validate again, in the background, everything of the office's unit whose data changed
    since (the whole installation for an administrator): "Kiểm tra lại toàn bộ"."""
    if not permissions.may_revalidate_everything(user):
        raise PermissionDenied
    unit = None if permissions.is_admin(user) else user.unit
    where = unit.full_name if unit is not None else _("mọi đơn vị")
    return _queued_or_started(
        "validation.all",
        unit=unit,
        owner=user,
        title=_("Kiểm tra lại toàn bộ · %(where)s") % {"where": where},
        task=validate_everything,
        parameters={"link": link},
    )


def start_revalidation_after_rules(user: User | None, *, every: bool = False) -> Job:
    """The stored verdicts computed again under the new rules (every one when the catalogue
    changed), in the background: no request waits for it."""
    return _queued_or_started(
        "validation.rules",
        unit=None,
        owner=user,
        title=_("Kiểm tra lại theo quy tắc mới"),
        task=revalidate_after_rules,
        parameters={"every": every},
    )


def rule_candidate(form: RuleForm, *, user: User, rule: m.Rule | None) -> m.Rule:
    """The rule a valid form describes, not saved: a new office's rule acts within the office's
    own unit. Tried on a period as it is, or saved by `save_rule`."""
    candidate: m.Rule = form.save(commit=False)
    if rule is None:
        candidate.created_by = user
        if candidate.unit_id is None and user.unit_id:
            candidate.unit = user.unit
    return candidate


def save_rule(form: RuleForm, *, user: User, rule: m.Rule | None) -> tuple[m.Rule, Job]:
    """Save an office's rule, then queue the recomputation of the stored verdicts it may
    change."""
    with transaction.atomic():
        candidate = rule_candidate(form, user=user, rule=rule)
        candidate.save()
        form.save_m2m()
    return candidate, start_revalidation_after_rules(user)


def load_catalogue(path: str | Path, *, user: User | None = None) -> tuple[LoadSummary, Job | None]:
    """Load a catalogue file (all or nothing); when it changed anything, every stored verdict
    is computed again in the background."""
    summary = load_catalogue_file(path)
    return summary, start_revalidation_after_rules(user, every=True) if summary.changed else None


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

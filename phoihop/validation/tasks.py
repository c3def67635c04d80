"""Validation reruns as background tasks: one unit and period, everything of a unit (or of the
whole installation), or the stored verdicts after the rules or the catalogue changed."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django_tasks import task

from phoihop.jobs.models import Job
from phoihop.jobs.services import JobResult, Progress, run_job
from phoihop.validation.runs import revalidate_existing, run_validation, validate_all


def _rerun(job: Job, progress: Progress) -> JobResult:
    assert job.unit is not None
    progress(10, _("Đang kiểm tra số liệu…"))
    run = run_validation(job.unit, job.period, user=job.owner)
    found = run.results.count()
    return JobResult(
        message=_("Đã kiểm tra lại số liệu: %(count)d vấn đề.") % {"count": found}
        if found
        else _("Không có vấn đề nào.")
    )


def _everything(job: Job, progress: Progress) -> JobResult:
    progress(5, _("Đang kiểm tra số liệu của mọi đơn vị…"))
    periods = job.parameters.get("periods") or None
    made = validate_all(periods, user=job.owner, within=job.unit)
    if not made:
        return JobResult(message=_("Mọi kết quả kiểm tra đều đã theo số liệu mới nhất."))
    return JobResult(message=_("Đã kiểm tra lại %(count)d đơn vị – kỳ.") % {"count": len(made)})


def _existing(job: Job, progress: Progress) -> JobResult:
    progress(5, _("Đang kiểm tra lại các kết quả đã có theo quy tắc mới…"))
    # Every stored verdict of the installation, not only the office's own: recorded as the
    # system's work, not as that office's.
    made = revalidate_existing(user=None, every=bool(job.parameters.get("every")))
    return JobResult(
        message=_("Đã kiểm tra lại %(count)d đơn vị – kỳ theo quy tắc mới.") % {"count": len(made)}
    )


@task()
def rerun_validation(job_id: int) -> str:
    return run_job(job_id, _rerun)


@task()
def validate_everything(job_id: int) -> str:
    return run_job(job_id, _everything)


@task()
def revalidate_after_rules(job_id: int) -> str:
    return run_job(job_id, _existing)

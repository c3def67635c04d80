"""Reminders as a background task: `phoihop reminders --background` queues one for the worker."""

from __future__ import annotations

from django_tasks import task

from phoihop.core import clock
from phoihop.jobs.models import Job
from phoihop.jobs.services import JobResult, Progress, run_job
from phoihop.reporting.notifications import send_reminders


def _remind(job: Job, progress: Progress) -> JobResult:
    progress(10, "Đang tìm các báo cáo sắp đến hạn và quá hạn…")
    sent = send_reminders(today=clock.today(), days=int(job.parameters.get("days", 3)))
    return JobResult(message=f"Đã gửi {len(sent)} nhắc việc.")


@task()
def send_reminders_task(job_id: int) -> str:
    return run_job(job_id, _remind)

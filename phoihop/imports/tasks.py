"""The reading of an uploaded old report as a background task, and `start_import_job`, which the
upload page calls.

The upload is kept as a file under the jobs' folder until the task has read it. The task reads
and proposes outside any transaction, then saves the session in one short transaction; a file
that is not a report ends the job as failed, with the reason, and nothing is saved."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from phoihop.accounts.models import User
from phoihop.imports import services
from phoihop.jobs.models import Job
from phoihop.jobs.services import (
    JobFailed,
    JobResult,
    Progress,
    jobs_dir,
    run_job,
    start_job,
)

UPLOADS = "uploads"


def _keep_upload(file_name: str, data: bytes) -> Path:
    folder = jobs_dir() / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    # The user's own name is kept in the job; on disk only a random name and the suffix.
    path = folder / f"{secrets.token_hex(8)}{Path(file_name).suffix.lower()[:8]}"
    path.write_bytes(data)
    return path


def _read(job: Job, progress: Progress) -> JobResult:
    upload = Path(job.parameters["upload"])
    file_name = job.parameters.get("file_name") or upload.name
    try:
        if job.owner is None:
            raise JobFailed(_("Người tải tệp lên không còn trong hệ thống."))
        try:
            data = upload.read_bytes()
        except OSError as error:
            raise JobFailed(
                _("Không còn tệp «%(name)s» để đọc; hãy tải lên lại.") % {"name": file_name}
            ) from error
        try:
            read = services.read_upload(
                job.owner, file_name=file_name, data=data, progress=progress
            )
            progress(90, _("Đang lưu các số liệu tìm được…"))
            session = services.save_upload(read, user=job.owner)
        except services.ImportRefused as refused:
            raise JobFailed(" ".join(refused.messages)) from refused
        except PermissionDenied as error:
            raise JobFailed(_("Bạn không được nhập báo cáo cũ.")) from error
    finally:
        upload.unlink(missing_ok=True)
    return JobResult(
        message=_("Tìm thấy %(count)d số liệu; mời xem lại trước khi nhập.")
        % {"count": len(read.candidates)},
        link=reverse("imports:review", args=[session.pk]),
    )


@task()
def read_old_report(job_id: int) -> str:
    return run_job(job_id, _read)


def start_import_job(user: User, *, file_name: str, data: bytes, link: str = "") -> Job:
    """Read an uploaded old report in the background; its job leads to the review page."""
    upload = _keep_upload(file_name, data)
    return start_job(
        owner=user,
        kind="imports.read",
        title=_("Đọc báo cáo cũ «%(name)s»") % {"name": file_name[:150]},
        task=read_old_report,
        parameters={
            "upload": str(upload.resolve()),
            "file_name": file_name[:255],
            "link": link,
            "follow": True,
        },
    )

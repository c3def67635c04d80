"""Writes of jobs: start one (and enqueue its task), record progress, finish or fail it.

Every write is one short statement or transaction: a task computes outside any transaction and
only records what it has done, so no task holds the database's write lock while it works."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from phoihop.accounts.models import User
from phoihop.jobs.models import Job, JobState
from phoihop.places.models import Unit

logger = logging.getLogger(__name__)

UNEXPECTED_MESSAGE = "Có lỗi không mong đợi khi thực hiện việc này; hãy thử lại hoặc báo quản trị."
ENQUEUE_FAILED_MESSAGE = "Không đưa được việc vào hàng chờ; hãy thử lại sau ít phút."


class JobFailed(RuntimeError):
    """Work that cannot be done, with a message (in Vietnamese) for the one who asked."""


class Enqueueable(Protocol):
    """A Django task: `@task()`-decorated function taking the job's id."""

    def enqueue(self, job_id: int) -> Any: ...


@dataclass(frozen=True)
class JobResult:
    """What finished work leaves: a file under DATA_DIR (or a folder of preview pages)."""

    path: Path | None = None
    filename: str = ""
    content_type: str = ""
    pages: int = 0
    message: str = ""
    link: str = ""


Progress = Callable[[int, str], None]


def data_dir() -> Path:
    return Path(settings.DATA_DIR).resolve()


def jobs_dir() -> Path:
    folder = Path(getattr(settings, "PHOIHOP_JOBS_DIR", data_dir() / "jobs"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def start_job(
    *,
    owner: User | None,
    kind: str,
    title: str,
    task: Enqueueable,
    unit: Unit | None = None,
    period: str = "",
    parameters: dict[str, Any] | None = None,
) -> Job:
    """Record the job and hand it to the worker (or, with the immediate backend, run it now)."""
    job = Job.objects.create(
        owner=owner,
        kind=kind,
        title=title,
        unit=unit,
        period=period,
        parameters=parameters or {},
    )
    try:
        task.enqueue(job.pk)
    except Exception:
        logger.exception("could not enqueue job %s", job.pk)
        fail_job(job_id=job.pk, message=ENQUEUE_FAILED_MESSAGE)
    job.refresh_from_db()
    return job


def finished_job(
    *,
    owner: User | None,
    kind: str,
    title: str,
    result: JobResult,
    unit: Unit | None = None,
    period: str = "",
    parameters: dict[str, Any] | None = None,
) -> Job:
    """Record a job whose result was already at hand (a cached document): nothing to run."""
    job = Job.objects.create(
        owner=owner,
        kind=kind,
        title=title,
        unit=unit,
        period=period,
        parameters=parameters or {},
        state=JobState.RUNNING,
    )
    finish_job(job_id=job.pk, result=result)
    job.refresh_from_db()
    return job


def record_progress(*, job_id: int, progress: int, message: str = "") -> None:
    """How far the job has got (0–100) and what it is doing, in Vietnamese."""
    Job.objects.filter(pk=job_id).update(
        state=JobState.RUNNING, progress=max(0, min(progress, 99)), message=message
    )


def file_roots() -> list[Path]:
    """The only folders a job's file may be in: the data folder, the jobs' and the cache's."""
    cache = Path(getattr(settings, "PHOIHOP_CACHE_DIR", data_dir() / "cache"))
    return [data_dir(), jobs_dir().resolve(), cache.resolve()]


def _relative(path: Path) -> str:
    """Relative to the data folder when inside it (the folder may move), else absolute."""
    resolved = path.resolve()
    if resolved.is_relative_to(data_dir()):
        return str(resolved.relative_to(data_dir()))
    if not any(resolved.is_relative_to(root) for root in file_roots()):
        raise ValueError(f"{resolved} is outside the data, jobs and cache folders")
    return str(resolved)


def finish_job(*, job_id: int, result: JobResult) -> None:
    Job.objects.filter(pk=job_id).update(
        state=JobState.DONE,
        progress=100,
        message=result.message,
        result_path=_relative(result.path) if result.path is not None else "",
        result_name=result.filename,
        result_type=result.content_type,
        result_pages=result.pages,
        result_link=result.link,
        finished_at=timezone.now(),
    )


def fail_job(*, job_id: int, message: str) -> None:
    Job.objects.filter(pk=job_id).update(
        state=JobState.FAILED, message=message, finished_at=timezone.now()
    )


def job_folder(job_id: int) -> Path:
    """A fresh folder for one job's own files."""
    # A random part: test databases (and a restored database) reuse job numbers.
    folder = jobs_dir() / f"{job_id}-{secrets.token_hex(6)}"
    folder.mkdir(parents=True)
    return folder


def run_job(job_id: int, work: Callable[[Job, Progress], JobResult]) -> str:
    """Run `work` for the job, recording progress and the outcome; the task's return value is
    the job's final state."""
    job = Job.objects.filter(pk=job_id).select_related("owner", "unit").first()
    if job is None or job.is_finished:
        return "missing" if job is None else job.state

    def progress(percent: int, message: str = "") -> None:
        record_progress(job_id=job_id, progress=percent, message=message)

    progress(1, "Bắt đầu…")
    try:
        result = work(job, progress)
    except JobFailed as exc:
        fail_job(job_id=job_id, message=str(exc))
        return JobState.FAILED
    except Exception:
        logger.exception("job %s (%s) failed", job_id, job.kind)
        fail_job(job_id=job_id, message=UNEXPECTED_MESSAGE)
        return JobState.FAILED
    finish_job(job_id=job_id, result=result)
    return JobState.DONE


# ----- retention ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Purged:
    """What a purge removed: job rows, and files or folders under the jobs' folder."""

    jobs: int
    files: int


def retention_days() -> int:
    return int(getattr(settings, "PHOIHOP_JOB_RETENTION_DAYS", 7))


def _own_entry(path: str) -> Path | None:
    """The entry directly under the jobs' folder that holds a job's file (its own folder), or
    None for a file elsewhere: a cached document belongs to the cache (documents/cache.py)."""
    jobs = jobs_dir().resolve()
    resolved = (data_dir() / path).resolve()
    if not resolved.is_relative_to(jobs) or resolved == jobs:
        return None
    return jobs / resolved.relative_to(jobs).parts[0]


def _remove(entry: Path) -> bool:
    try:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    except FileNotFoundError:
        return False
    return True


def _entries(rows: Any) -> set[Path]:
    """The entries under the jobs' folder that jobs' results and uploads are in."""
    found: set[Path] = set()
    for path, parameters in rows.values_list("result_path", "parameters"):
        for own in (path, (parameters or {}).get("upload", "")):
            entry = _own_entry(own) if own else None
            if entry is not None and entry.name == "uploads":
                entry = (data_dir() / own).resolve()  # the upload itself, not all of them
            if entry is not None:
                found.add(entry)
    return found


def purge_jobs(*, days: int | None = None) -> Purged:
    """Delete finished jobs older than `days` (PHOIHOP_JOB_RETENTION_DAYS, 7 by default) with
    the files they made under the jobs' folder, and files there that no job refers to any more.

    Kept: every job still waiting or running (and its upload), every file a kept job offers,
    and the cache of documents (a cached PDF stays where documents/cache.py keeps it)."""
    cutoff = timezone.now() - dt.timedelta(days=retention_days() if days is None else days)
    old = Job.objects.filter(state__in=[JobState.DONE, JobState.FAILED]).filter(
        Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, created_at__lt=cutoff)
    )
    kept = _entries(Job.objects.exclude(pk__in=old.values("pk")))
    doomed = _entries(old) - kept
    jobs, _kinds = old.delete()
    uploads = jobs_dir().resolve() / "uploads"
    for folder in (jobs_dir().resolve(), uploads):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry == uploads or entry in kept or entry.name.startswith("."):
                continue
            # A file no job refers to: left by a job deleted otherwise, or by a stopped worker.
            if dt.datetime.fromtimestamp(entry.lstat().st_mtime, tz=dt.UTC) < cutoff:
                doomed.add(entry)
    files = sum(_remove(entry) for entry in doomed)
    DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return Purged(jobs=jobs, files=files)

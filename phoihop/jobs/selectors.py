"""Reads of jobs: where a finished job's file is."""

from __future__ import annotations

from pathlib import Path

from phoihop.jobs.models import Job, JobState
from phoihop.jobs.services import data_dir, file_roots


def result_file(job: Job, page: int | None = None) -> Path | None:
    """The finished job's file (or one preview page), if it is still there; never a path
    outside the data folder."""
    if job.state != JobState.DONE or not job.result_path:
        return None
    path = (data_dir() / job.result_path).resolve()
    if page is not None:
        if not 1 <= page <= job.result_pages:
            return None
        path = path / f"page-{page}.png"
    if not any(path.is_relative_to(root) for root in file_roots()) or not path.is_file():
        return None
    return path

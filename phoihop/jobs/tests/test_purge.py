"""Old jobs go, with the files they made; what someone still needs stays: waiting work and its
upload, recent results, and the cache of documents."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from phoihop.documents.cache import cached_file, store_file
from phoihop.jobs.models import Job, JobState
from phoihop.jobs.services import (
    JobResult,
    fail_job,
    finish_job,
    job_folder,
    jobs_dir,
    purge_jobs,
)

pytestmark = pytest.mark.django_db


def _zip_job(personas, title: str) -> tuple[Job, object]:
    job = Job.objects.create(owner=personas["vanphong"], kind="documents.zip", title=title)
    path = job_folder(job.pk) / "bao-cao.zip"
    path.write_bytes(b"PK\x05\x06" + bytes(18))
    finish_job(job_id=job.pk, result=JobResult(path=path, filename=path.name))
    return job, path


@pytest.fixture
def week_old(personas):
    """Jobs of a week ago: a ZIP in its own folder, a PDF from the cache, a failure, and an
    upload still waiting for a worker."""
    old_zip, zip_path = _zip_job(personas, "ZIP cũ")
    cached = store_file("k" * 40, "pdf", b"%PDF-1.4 cached")
    old_pdf = Job.objects.create(owner=personas["vanphong"], kind="documents.pdf", title="PDF")
    finish_job(job_id=old_pdf.pk, result=JobResult(path=cached, filename="bao-cao.pdf"))
    failed = Job.objects.create(owner=personas["vanphong"], kind="documents.pdf", title="Hỏng")
    fail_job(job_id=failed.pk, message="Không chuyển được sang PDF.")
    (jobs_dir() / "uploads").mkdir()
    upload = jobs_dir() / "uploads" / "cho.txt"
    upload.write_text("15 cuộc")
    waiting = Job.objects.create(
        owner=personas["vanphong"],
        kind="imports.read",
        title="Chờ",
        parameters={"upload": str(upload)},
    )
    stray = jobs_dir() / "99-deadbeef"  # a folder whose job was deleted by hand
    stray.mkdir()
    return {
        "old": [old_zip, old_pdf, failed],
        "zip": zip_path,
        "cached": cached,
        "waiting": waiting,
        "upload": upload,
        "stray": stray,
    }


def test_a_week_later_old_jobs_and_their_files_go_and_the_rest_stays(personas, week_old):
    with time_machine.travel(timezone.now() + dt.timedelta(days=6), tick=False):
        recent, recent_zip = _zip_job(personas, "ZIP mới")
    with time_machine.travel(timezone.now() + dt.timedelta(days=8), tick=False):
        purged = purge_jobs()

    assert purged.jobs == 3 and purged.files == 2
    assert not Job.objects.filter(pk__in=[j.pk for j in week_old["old"]]).exists()
    assert not week_old["zip"].parent.exists() and not week_old["stray"].exists()
    # What a user still needs.
    assert Job.objects.filter(pk__in=[recent.pk, week_old["waiting"].pk]).count() == 2
    assert recent_zip.read_bytes().startswith(b"PK")
    assert week_old["upload"].read_text() == "15 cuộc"
    assert cached_file("k" * 40, "pdf") == week_old["cached"]  # the cache keeps its PDF


def test_nothing_goes_before_its_time(week_old, settings):
    settings.PHOIHOP_JOB_RETENTION_DAYS = 10
    with time_machine.travel(timezone.now() + dt.timedelta(days=8), tick=False):
        assert purge_jobs() == purge_jobs(days=10)
    assert Job.objects.count() == 4 and week_old["zip"].exists() and week_old["stray"].exists()


def test_the_command_purges_with_its_own_number_of_days(week_old, capsys):
    call_command("jobs", "purge", "--days", "3")
    assert Job.objects.count() == 4
    with time_machine.travel(timezone.now() + dt.timedelta(days=4), tick=False):
        call_command("jobs", "purge", "--days", "3")
    assert "Đã xoá 3 việc và 2 tệp cũ hơn 3 ngày." in capsys.readouterr().out
    assert list(Job.objects.values_list("state", flat=True)) == [JobState.QUEUED]


def test_the_worker_purges_when_it_starts(week_old):
    with time_machine.travel(timezone.now() + dt.timedelta(days=8), tick=False):
        call_command(
            "db_worker", "--batch", "--backend", "database", "--no-startup-delay", "-v", "0"
        )
    assert list(Job.objects.values_list("pk", flat=True)) == [week_old["waiting"].pk]
    assert not week_old["zip"].exists()

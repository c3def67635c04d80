"""The real path: a job stored in the database queue waits until `phoihop db_worker` runs it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from phoihop.documents.tasks import make_pdf
from phoihop.jobs.models import Job, JobState
from phoihop.jobs.services import start_job
from phoihop.places.models import Unit


@pytest.fixture
def bu_dang(db) -> Unit:
    return Unit.objects.get(code="698")


def test_a_queued_job_waits_for_the_worker_then_offers_its_file(personas, client_for, bu_dang):
    job = start_job(
        owner=personas["vanphong"],
        kind="documents.pdf",
        title="Báo cáo PDF",
        task=make_pdf.using(backend="database"),
        unit=bu_dang,
        period="2020S1",
        parameters={"issued_on": "", "draft": False},
    )
    assert job.state == JobState.QUEUED
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    client = client_for("vanphong")
    waiting = client.get(reverse("jobs:status", args=[job.pk])).content.decode()
    assert "Đang chờ đến lượt" in waiting and 'hx-trigger="every 1s"' in waiting

    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", "-v", "0")

    job.refresh_from_db()
    assert job.state == JobState.DONE, job.message
    assert job.finished_at is not None and job.result_name == "bao-cao-698-2020S1.pdf"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    done = client.get(reverse("jobs:status", args=[job.pk])).content.decode()
    assert reverse("jobs:download", args=[job.pk]) in done
    pdf = b"".join(client.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    assert pdf.startswith(b"%PDF")


def test_the_worker_runs_a_job_once(personas, bu_dang):
    job = Job.objects.create(
        owner=personas["vanphong"],
        kind="documents.pdf",
        title="x",
        unit=bu_dang,
        period="2020S1",
        state=JobState.FAILED,
        message="Đã huỷ",
    )
    make_pdf.using(backend="database").enqueue(job.pk)
    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", "-v", "0")
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.message == "Đã huỷ"

"""The upload as the office's server runs it: a queued job that a worker reads, whose page then
leads to the review (or says why the file is no report)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from phoihop.demo.seed import SEED_REPORT
from phoihop.imports import tasks
from phoihop.imports.models import ImportSession
from phoihop.jobs.models import Job, JobState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def queued(monkeypatch, settings, tmp_path):
    """Uploads wait in the database queue, as with `phoihop serve`, until the worker runs."""
    settings.PHOIHOP_JOBS_DIR = tmp_path / "jobs"
    monkeypatch.setattr(tasks, "read_old_report", tasks.read_old_report.using(backend="database"))
    # The worker closes old connections between tasks; inside a test that would end the test's
    # transaction on PostgreSQL.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def _upload(client, name: str, data: bytes):
    return client.post(
        reverse("imports:upload"), {"file": SimpleUploadedFile(name, data, "text/plain")}
    )


def _work() -> None:
    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", "-v", "0")


def test_the_upload_answers_with_the_job_page_which_then_leads_to_the_review(client_for, tmp_path):
    client = client_for("vanphong")
    response = _upload(client, "bc_6thang_2020.txt", SEED_REPORT.read_bytes())
    job = Job.objects.get(kind="imports.read")
    assert response.status_code == 302 and response.url == reverse("jobs:status", args=[job.pk])
    waiting = client.get(response.url).content.decode()
    assert "Đọc báo cáo cũ «bc_6thang_2020.txt»" in waiting and "Đang chờ đến lượt" in waiting
    assert not ImportSession.objects.exists()
    assert [p.name for p in (tmp_path / "jobs" / "uploads").iterdir()]  # kept for the worker

    _work()

    job.refresh_from_db()
    session = ImportSession.objects.get()
    review = reverse("imports:review", args=[session.pk])
    assert job.state == JobState.DONE, job.message
    assert f"Tìm thấy {session.candidates.count()} số liệu" in job.message
    assert session.file_name == "bc_6thang_2020.txt" and session.created_by.username == "vanphong"
    # The polling fragment sends the browser on; the whole page offers the link.
    polled = client.get(reverse("jobs:status", args=[job.pk]), headers={"HX-Request": "true"})
    assert polled["HX-Redirect"] == review
    assert f'href="{review}"' in client.get(reverse("jobs:status", args=[job.pk])).content.decode()
    assert client.get(review).status_code == 200
    assert not list((tmp_path / "jobs" / "uploads").iterdir())  # the upload is not kept
    # Nobody else sees the job.
    assert client_for("chuthapdo").get(reverse("jobs:status", args=[job.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("rac.txt", bytes(range(256)) * 4, "Không tìm thấy số liệu hoạt động nào"),
        ("hong.pdf", b"%PDF-1.4 garbage", "Không đọc được tệp PDF «hong.pdf»"),
    ],
)
def test_a_file_that_is_no_report_ends_the_job_failed_with_the_reason(
    client_for, tmp_path, name, data, words
):
    client = client_for("vanphong")
    response = _upload(client, name, data)
    job = Job.objects.get(kind="imports.read")
    assert response.url == reverse("jobs:status", args=[job.pk])

    _work()

    job.refresh_from_db()
    assert job.state == JobState.FAILED and words in job.message
    page = client.get(reverse("jobs:status", args=[job.pk]), headers={"HX-Request": "true"})
    assert page.status_code == 200 and "HX-Redirect" not in page
    assert "Không thực hiện được:" in page.content.decode() and words in page.content.decode()
    assert not ImportSession.objects.exists()
    assert not list((tmp_path / "jobs" / "uploads").iterdir())

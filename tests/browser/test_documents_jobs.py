"""The report page in Chromium: the preview's pages arrive as images, the PDF is made in the
background and its page follows the job (polled by htmx, no inline script) to the download.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.PHOIHOP_CACHE_DIR = tmp_path / "cache"
    settings.PHOIHOP_JOBS_DIR = tmp_path / "jobs"


@pytest.fixture
def bu_dang(db):
    from phoihop.places.models import Unit

    return Unit.objects.get(code="698")


def test_the_preview_shows_page_images(page: Page, site: str, bu_dang) -> None:
    sign_in(page, site, "vanphong")
    page.goto(f"{site}/van-ban/{bu_dang.pk}/2020S1/")
    page.get_by_role("button", name="Xem trước các trang PDF").click()
    first = page.locator("#preview img.preview-page").first
    expect(first).to_be_visible(timeout=120_000)
    assert page.locator("#preview img.preview-page").count() >= 2
    assert first.evaluate("img => img.complete && img.naturalWidth > 0")


def test_the_pdf_is_made_in_the_background_then_offered(
    page: Page,
    site: str,
    bu_dang,
) -> None:
    sign_in(page, site, "vanphong")
    page.goto(f"{site}/van-ban/{bu_dang.pk}/2020S1/")
    # Tests run jobs inside the request: on a busy machine the answer may take a while.
    page.get_by_role("button", name="Tải PDF").click(no_wait_after=True)
    link = page.get_by_role("link", name="Tải về bao-cao-698-2020S1.pdf")
    expect(link).to_be_visible(timeout=120_000)
    with page.expect_download() as info:
        link.click()
    path = info.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_running_job_is_followed_until_its_file_is_ready(
    page: Page,
    site: str,
    bu_dang,
    tmp_path,
) -> None:
    from phoihop.accounts.models import User
    from phoihop.jobs.models import Job, JobState
    from phoihop.jobs.services import JobResult, finish_job, record_progress

    job = Job.objects.create(
        owner=User.objects.get(username="vanphong"),
        kind="documents.zip",
        title="Báo cáo các xã (ZIP)",
        unit=bu_dang,
        period="2020S1",
        state=JobState.RUNNING,
    )
    record_progress(job_id=job.pk, progress=30, message="Đã lập 5/16 báo cáo…")
    sign_in(page, site, "vanphong")
    page.goto(f"{site}/viec/{job.pk}/")
    expect(page.locator(".job")).to_contain_text("Đã lập 5/16 báo cáo")
    expect(page.locator(".job progress")).to_have_attribute("value", "30")
    record_progress(job_id=job.pk, progress=60, message="Đã lập 10/16 báo cáo…")
    expect(page.locator(".job")).to_contain_text("Đã lập 10/16 báo cáo")  # polled, no reload
    (tmp_path / "jobs").mkdir(exist_ok=True)
    archive = tmp_path / "jobs" / "cac-xa.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    finish_job(
        job_id=job.pk,
        result=JobResult(path=archive, filename="cac-xa.zip", content_type="application/zip"),
    )
    expect(page.get_by_role("link", name="Tải về cac-xa.zip")).to_be_visible()
    page.goto(f"{site}/viec/{job.pk}/")
    expect(page.locator(".job")).not_to_have_attribute("hx-trigger", "every 1s")


def test_a_failed_job_says_why(page: Page, site: str, bu_dang) -> None:
    from phoihop.accounts.models import User
    from phoihop.jobs.models import Job
    from phoihop.jobs.services import fail_job

    job = Job.objects.create(
        owner=User.objects.get(username="vanphong"),
        kind="documents.pdf",
        title="Báo cáo PDF",
        unit=bu_dang,
        period="2020S1",
    )
    fail_job(job_id=job.pk, message="Máy chủ chưa cài LibreOffice nên chưa xuất được PDF.")
    sign_in(page, site, "vanphong")
    page.goto(f"{site}/viec/{job.pk}/")
    expect(page.locator(".job .error")).to_contain_text("Không thực hiện được: Máy chủ chưa cài")

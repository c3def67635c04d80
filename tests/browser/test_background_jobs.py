"""Background work in Chromium: an old report's reading, whose page polls (htmx, no inline
script) and then opens the review by itself, and the office's "Kiểm tra lại toàn bộ".

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_reading_page_waits_then_opens_the_review(page: Page, site: str, personas) -> None:
    from django.urls import reverse

    from phoihop.demo.seed import SEED_REPORT
    from phoihop.imports import services
    from phoihop.jobs.models import Job
    from phoihop.jobs.services import JobResult, finish_job

    office = personas["vanphong"]
    session = services.create_import_session(
        office, file_name="bc.txt", data=SEED_REPORT.read_bytes()
    )
    job = Job.objects.create(
        owner=office,
        kind="imports.read",
        title="Đọc báo cáo cũ «bc.txt»",
        parameters={"follow": True},
    )
    sign_in(page, site, "vanphong")
    page.goto(f"{site}{reverse('jobs:status', args=[job.pk])}")
    expect(page.get_by_text("Đang chờ đến lượt…")).to_be_visible()

    # The worker finishes it (one write while the page polls).
    review = reverse("imports:review", args=[session.pk])
    finish_job(job_id=job.pk, result=JobResult(message="Tìm thấy 5 số liệu.", link=review))

    page.wait_for_url(f"{site}{review}", timeout=15_000)
    expect(page.locator("mark.figure").first).to_be_visible()


def test_the_office_validates_everything_again(page: Page, site: str) -> None:
    sign_in(page, site, "vanphong")
    page.goto(f"{site}/kiem-tra/")
    # Tests run tasks inside the request: the answer comes back to this page, said.
    page.get_by_role("button", name="Kiểm tra lại toàn bộ").click()
    expect(page.get_by_text("Mọi kết quả kiểm tra đều đã theo số liệu mới nhất.")).to_be_visible()

"""Acceptance of issue 12 in Chromium: returned is never a dead end. Long after 2020S2's entry
window closed, the office returns the Red Cross's report; the reporter is told (the bell), finds
it on the home page, corrects one figure on the web and another through Excel, and submits again;
the office is told each time and accepts. Every step notifies the other side.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def new_page(chromium: Browser, username: str, base: str) -> Page:
    page = chromium.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, base, username)
    return page


def open_bell(page: Page, base: str, *, says: str) -> None:
    page.goto(f"{base}/")
    expect(page.locator("#bell .count")).to_be_visible()
    page.locator("#bell a.bell").click()
    expect(page.locator("li.notification.unread").first).to_contain_text(says)
    page.get_by_role("button", name="Đánh dấu tất cả đã đọc").click()


def test_a_returned_report_is_corrected_after_its_window_on_the_web_and_in_excel(
    browser: Browser,
    site: str,
    tmp_path,
) -> None:
    from phoihop.accounts.models import User
    from phoihop.organisations.models import Organisation
    from phoihop.reporting import services, workflow
    from phoihop.reporting.models import EntryWindow, FigureValue, Status, Submission

    reporter_user = User.objects.get(username="chuthapdo")
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    submission = services.start_submission(
        user=reporter_user, organisation=organisation, period="2020S2"
    )
    submission = services.save_submission(
        submission, user=reporter_user, figures={"so_cuu_ca": "90", "so_cuu_tngt": "20"}
    )
    workflow.submit_submission(submission, user=reporter_user)
    # The demo's extension of 2020S2 is gone: its window closed in 2020.
    EntryWindow.objects.filter(period="2020S2").delete()

    office = new_page(browser, "vanphong", site)
    reporter = new_page(browser, "chuthapdo", site)

    # 1. The office returns it with a reason.
    office.goto(f"{site}/bao-cao/{submission.pk}/")
    office.fill("#return-reason", "Số ca sơ cứu chưa khớp sổ theo dõi.")
    office.get_by_role("button", name="Trả lại để sửa").click()
    expect(office.locator(".lead")).to_contain_text("bị trả lại")

    # 2. The reporter is told why and until when, and finds it on the home page.
    open_bell(reporter, site, says="Số ca sơ cứu chưa khớp sổ theo dõi.")
    reporter.goto(f"{site}/")
    reporter.get_by_role("button", name="Tiếp tục nhập báo cáo kỳ 6 tháng cuối năm 2020").click()
    expect(reporter.locator("p.error")).to_contain_text("chưa khớp sổ theo dõi")

    # 3. One figure corrected on the web...
    reporter.fill("#f-so_cuu_ca", "98")
    reporter.locator("#f-so_cuu_ca").blur()
    expect(reporter.locator("#save-status.saved")).to_contain_text("Đã lưu lúc")

    # 4. ...and another through Excel: download, fill offline, upload, confirm.
    reporter.goto(f"{site}/bao-cao/{submission.pk}/")
    with reporter.expect_download() as download:
        reporter.get_by_role("link", name="Tải tệp Excel điền sẵn").click()
    workbook = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    sheet = workbook.worksheets[0]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "so_cuu_tngt")
    sheet.cell(row, 4).value = 28
    filled = tmp_path / "da-dien.xlsx"
    workbook.save(filled)
    reporter.goto(f"{site}/bao-cao/{submission.pk}/")
    reporter.get_by_role("link", name="Tải lên tệp đã điền").click()
    reporter.set_input_files("input[type=file]", str(filled))
    reporter.locator("form.card button[type=submit]").click()
    reporter.get_by_role("button", name="Xác nhận và lưu").click()
    figures = dict(submission.figures.values_list("indicator__code", "value"))
    assert (figures["so_cuu_ca"], figures["so_cuu_tngt"]) == (98, 28)

    # 5. Submitted again: the office is told it is a corrected report, and accepts it.
    reporter.goto(f"{site}/bao-cao/{submission.pk}/gui/")
    reporter.get_by_role("button", name="Gửi báo cáo").click()
    expect(reporter.locator(".lead")).to_contain_text("đã gửi")
    open_bell(office, site, says="gửi lại")
    office.goto(f"{site}/bao-cao/{submission.pk}/")
    office.get_by_role("button", name="Duyệt báo cáo").click()
    expect(office.locator(".lead")).to_contain_text("đã duyệt")
    open_bell(reporter, site, says="đã được duyệt")
    assert Submission.objects.get(pk=submission.pk).status == Status.ACCEPTED
    assert FigureValue.objects.get(submission=submission, indicator__code="so_cuu_ca").value == 98

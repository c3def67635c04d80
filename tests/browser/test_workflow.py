"""Acceptance of issue 3 in Chromium: the Red Cross enters 2020S2 and submits, the office
returns it, the reporter corrects and submits again, the office accepts; the matrix follows
each step and the audit shows them all.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.support import PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SHOTS = Path("/tmp/shots")
DESKTOP = {"width": 1280, "height": 900}


def new_page(chromium: Browser, username: str, base: str) -> Page:
    context = chromium.new_context(locale="vi-VN", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    # A warning on leaving is wanted in real use; here every step waits for its save first.
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, base, username)
    return page


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(SHOTS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / f"{name}-390.png"), full_page=True)
    page.screenshot(path=str(SHOTS / f"{name}-390-top.png"))
    page.set_viewport_size(DESKTOP)


def cell_text(office: Page, base: str, org_pk: int) -> str:
    office.goto(f"{base}/bao-cao/theo-doi/?ky=2020S2")
    return office.locator(f"#cell-{org_pk} .mark").inner_text().strip()


def wait_saved(page: Page) -> None:
    expect(page.locator("#save-status")).to_contain_text("Đã lưu lúc", timeout=15_000)


def test_it_takes_the_red_cross_2020s2_through_the_whole_workflow(
    browser: Browser,
    site: str,
) -> None:
    from phoihop.organisations.models import Organisation

    red_cross = Organisation.objects.get(unit__code="698", kind__code="ctd").pk
    reporter = new_page(browser, "chuthapdo", site)
    office = new_page(browser, "vanphong", site)
    assert cell_text(office, site, red_cross) == "–"

    # 1. The reporter starts 2020S2 from the home page and types figures and a narrative.
    reporter.goto(f"{site}/")
    reporter.get_by_role("button", name="Nhập báo cáo kỳ 6 tháng cuối năm 2020").click()
    expect(reporter.locator("h1")).to_contain_text("Nhập báo cáo 6 tháng cuối năm 2020")
    reporter.fill("#f-tt_bang_ron", "12,5")
    expect(reporter.locator("#e-tt_bang_ron")).to_contain_text("phải là số nguyên")
    reporter.fill("#f-tt_bang_ron", "05")
    expect(reporter.locator("#e-tt_bang_ron")).to_be_empty()
    reporter.fill("#f-tt_duong_loi_cuoc", "27")
    reporter.fill("#f-tt_duong_loi_luot", "7.286")
    reporter.fill("#f-tt_kinh_phi", "3.658.673.000")
    reporter.fill(
        "#n-tuyen_truyen",
        "Phối hợp tổ chức {tt_duong_loi_cuoc} cuộc tuyên truyền với {tt_duong_loi_luot} "
        "lượt người tham dự.",
    )
    reporter.locator("#n-tuyen_truyen").blur()
    wait_saved(reporter)
    expect(reporter.locator("#p-tuyen_truyen")).to_contain_text(
        "27 cuộc tuyên truyền với 7.286 lượt người"
    )
    shoot(reporter, "entry")
    assert cell_text(office, site, red_cross) == "soạn"

    # 2. It submits: the deadline of 2020 has long passed, so the matrix says late.
    # Figures far from 2019's are refused until each is explained.
    reporter.get_by_role("link", name="Gửi báo cáo…").first.click()
    reporter.get_by_role("button", name="Gửi báo cáo").click()
    expect(reporter.locator("p.error")).to_contain_text("biến động lớn, cần giải trình")
    changes = reporter.locator("ol.changes textarea")
    expect(changes.first).to_be_visible()
    for box in changes.all():
        box.fill("Số liệu cả năm của đợt cao điểm tuyên truyền.")
    reporter.get_by_role("button", name="Gửi báo cáo").click()
    expect(reporter.locator(".lead")).to_contain_text("đã gửi")
    assert cell_text(office, site, red_cross) == "chậm"
    shoot(office, "matrix")

    # 3. The office returns it; an empty reason is refused in Vietnamese.
    office.locator(f"#cell-{red_cross} a").click()
    office.get_by_role("button", name="Trả lại để sửa").click()
    expect(office.locator(".error")).to_contain_text("Cần ghi lý do trả lại")
    office.go_back()
    office.fill("#return-reason", "Đề nghị ghi đúng số cuộc tuyên truyền (28 cuộc).")
    office.get_by_role("button", name="Trả lại để sửa").click()
    expect(office.locator(".lead")).to_contain_text("bị trả lại")
    assert cell_text(office, site, red_cross) == "trả lại"

    # 4. The reporter sees why, corrects and submits again.
    reporter.goto(f"{site}/")
    reporter.get_by_role("button", name="Tiếp tục nhập báo cáo kỳ 6 tháng cuối năm 2020").click()
    expect(reporter.locator("p.error")).to_contain_text("28 cuộc")
    reporter.fill("#f-tt_duong_loi_cuoc", "28")
    reporter.locator("#f-tt_duong_loi_cuoc").blur()
    wait_saved(reporter)
    expect(reporter.locator("#p-tuyen_truyen")).to_contain_text("28 cuộc")
    reporter.get_by_role("link", name="Gửi báo cáo…").first.click()
    reporter.get_by_role("button", name="Gửi báo cáo").click()
    expect(reporter.locator(".lead")).to_contain_text("đã gửi")
    assert cell_text(office, site, red_cross) == "chậm"

    # 5. The office accepts; the matrix and the audit show every step.
    office.locator(f"#cell-{red_cross} a").click()
    office.get_by_role("button", name="Duyệt báo cáo").click()
    expect(office.locator(".lead")).to_contain_text("đã duyệt")
    audit = office.locator("#audit")
    for text in ("Tạo báo cáo", "Trả lại", "Duyệt", "7.286", "3.658.673.000", "28 cuộc"):
        expect(audit).to_contain_text(text)
    expect(audit.locator("tr", has_text="Gửi")).to_have_count(2)
    expect(audit).to_contain_text(re.compile(r"27\s*→\s*28"))
    shoot(office, "audit")
    assert cell_text(office, site, red_cross) == "duyệt"
    shoot(office, "matrix-final")

"""Each persona signs in through the real form in Chromium and sees only their part of the district.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import PHONE, sign_in, unit_rows

# django_db also makes pytest-django create the test database when this module runs alone.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SHOTS = Path("/tmp/shots")


def test_it_sends_a_visitor_to_the_sign_in_page_and_refuses_a_wrong_password(
    page: Page, site: str
) -> None:
    page.goto(f"{site}/bao-cao/")
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/\?next=/bao-cao/"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    sign_in(page, site, "chuthapdo", "sai-mat-khau")
    expect(page.locator(".error")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")


def test_it_shows_the_red_cross_reporter_its_own_submissions_only(page: Page, site: str) -> None:
    sign_in(page, site, "chuthapdo")
    expect(page.locator("h1")).to_contain_text("Nguyễn Thị Hồng")
    page.goto(f"{site}/bao-cao/")
    table = page.locator("#submission-table")
    expect(table).to_contain_text("Hội Chữ thập đỏ huyện Bù Đăng")
    expect(table).not_to_contain_text("Hội Nông dân")
    expect(page.get_by_role("link", name="Quản trị")).to_have_count(0)

    page.goto(f"{site}/")
    page.get_by_role("link", name="6 tháng đầu năm 2020").first.click()
    expect(page.locator("h1")).to_contain_text("Hội Chữ thập đỏ cấp huyện")
    expect(page.locator("table.figures").first).to_contain_text("14.250 lượt người")
    expect(page.locator("p.narrative").first).to_be_visible()
    page.set_viewport_size(PHONE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "submission-390.png"), full_page=True)


def test_it_shows_the_farmers_reporter_its_own_submissions_only(page: Page, site: str) -> None:
    sign_in(page, site, "nongdan")
    page.goto(f"{site}/bao-cao/")
    table = page.locator("#submission-table")
    expect(table).to_contain_text("Hội Nông dân huyện Bù Đăng")
    expect(table).not_to_contain_text("Hội Chữ thập đỏ")


def test_it_shows_the_commune_reporter_duc_phong_only(page: Page, site: str) -> None:
    sign_in(page, site, "ducphong")
    expect(page.locator("h1")).to_contain_text("Điểu Thị Lan")
    assert unit_rows(page, site) == ["thị trấn Đức Phong"]
    page.goto(f"{site}/to-chuc/")
    expect(page.locator("main")).not_to_contain_text("Bom Bo")


def test_it_shows_the_member_bom_bo_and_binh_minh_not_duc_phong(page: Page, site: str) -> None:
    sign_in(page, site, "thanhvien")
    rows = unit_rows(page, site)
    assert sorted(rows) == ["xã Bom Bo", "xã Bình Minh"]
    page.goto(f"{site}/bao-cao/")
    expect(page.locator("#submission-table")).not_to_contain_text("Đức Phong")


def test_it_shows_the_provincial_viewer_the_whole_province(page: Page, site: str) -> None:
    sign_in(page, site, "tinh")
    rows = unit_rows(page, site)
    assert rows[0] == "tỉnh Bình Phước" and "huyện Bù Đăng" in rows
    assert len(rows) == 18


def test_it_shows_the_office_its_district_and_filters_with_htmx(page: Page, site: str) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page, site, "vanphong")
    expect(page.locator(".counts")).to_contain_text("bị trả lại")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "home-390.png"), full_page=True)

    rows = unit_rows(page, site)
    assert rows[0] == "huyện Bù Đăng" and len(rows) == 17

    page.goto(f"{site}/bao-cao/")
    page.select_option("select[name=ky]", "2020S2")
    page.select_option("select[name=trang_thai]", "returned")
    # htmx swaps the table in place and records the filters in the address bar.
    expect(page).to_have_url(re.compile(r"trang_thai=returned"))
    table = page.locator("#submission-table")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text("Liên đoàn Lao động huyện Bù Đăng")


def test_it_gives_the_admin_the_admin_link_and_signs_out(page: Page, site: str) -> None:
    sign_in(page, site, "quantri")
    expect(page.get_by_role("link", name="Quản trị")).to_have_attribute("href", "/quan-tri/")
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/"))


def _in_view(page: Page, locator) -> bool:
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_it_keeps_the_status_of_each_submission_in_view_on_a_phone(page: Page, site: str) -> None:
    sign_in(page, site, "vanphong")
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/bao-cao/")
    rows = page.locator("#submission-table tbody tr")
    expect(rows.first).to_be_visible()
    for index in range(3):
        status = rows.nth(index).locator(".status")
        expect(status).to_be_visible()
        assert _in_view(page, status), status.bounding_box()
    # Nothing hides behind a sideways scroll of the table.
    wrap = page.locator("#submission-table .table-wrap")
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "submission-list-390.png"))

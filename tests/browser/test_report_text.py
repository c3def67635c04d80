"""The office rewords the generated report in Chromium before export, then goes back.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from phoihop.documents.models import ReportText
from phoihop.places.models import Unit
from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
NEW_TEXT = "Ban Chỉ đạo huyện lãnh đạo sát sao, đúng kế hoạch (văn phòng sửa)."


def test_the_office_rewords_a_part_and_goes_back(page: Page, site: str) -> None:
    bu_dang = Unit.objects.get(code="698")
    sign_in(page, site, "vanphong")
    page.goto(f"{site}/van-ban/{bu_dang.pk}/2020S1/")
    page.click("#edit-text")
    expect(page.locator("#text-status")).to_have_text("Đang dùng văn bản tạo tự động.")
    box = page.get_by_label("I. Công tác lãnh đạo, chỉ đạo")
    assert box.input_value().startswith("Ngay từ đầu năm")
    box.fill(NEW_TEXT)
    page.get_by_role("button", name="Lưu văn bản").click()
    expect(page.locator("#text-status")).to_contain_text("Đang dùng văn bản đã sửa")
    expect(page.get_by_label("I. Công tác lãnh đạo, chỉ đạo")).to_have_value(NEW_TEXT)
    assert ReportText.objects.get(unit=bu_dang).parts == {"leadership": [NEW_TEXT]}
    page.get_by_role("button", name="Trở lại văn bản tạo tự động").click()
    expect(page.locator("#text-status")).to_have_text("Đang dùng văn bản tạo tự động.")
    assert not ReportText.objects.filter(unit=bu_dang).exists()

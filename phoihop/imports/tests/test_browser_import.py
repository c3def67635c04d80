"""Issue 16's acceptance in Chromium: the office imports the seed report of Bù Đăng into 2021S1,
sees that the text speaks of 2020 and acknowledges it, corrects one figure, and imports; the
figures land in draft submissions with their narrative, the figures cited in place.

The live server and browser fixtures come from tests/browser/support.py: the
server shares the test's connection, so what the browser writes is seen here and rolled back.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect

from phoihop.demo.seed import SEED_REPORT
from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
DESKTOP = {"width": 1280, "height": 900}


def office_page(chromium: Browser, base: str) -> Page:
    context = chromium.new_context(locale="vi-VN", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, "vanphong")
    return page


def row_of(page: Page, text: str):
    """The review's row of the figure written `text`."""
    return page.locator(
        "tr[id^='row-']", has=page.locator("strong", has_text=re.compile(f"^{text}$"))
    )


def test_the_office_imports_the_seed_into_2021s1_and_finds_drafts_with_their_narrative(
    browser: Browser,
    site: str,
) -> None:
    from phoihop.organisations.models import Organisation
    from phoihop.reporting.models import FigureValue, Status, Submission

    page = office_page(browser, site)
    page.goto(f"{site}/nhap-bao-cao-cu/")
    page.set_input_files("input[type=file]", str(SEED_REPORT))
    page.get_by_role("button", name="Đọc báo cáo").click()
    expect(page.locator("h1")).to_contain_text("Xem lại")
    expect(page.locator("p.lead")).to_contain_text("6 tháng đầu năm 2020")
    # The period read from the title is proposed: no warning yet.
    expect(page.locator("#id_period")).to_have_value("2020S1")
    expect(page.locator("#warnings")).to_have_count(0)

    # Another period is chosen: once kept, the page warns that the text speaks of 2020.
    page.fill("#id_period", "2021S1")
    page.get_by_role("button", name="Lưu lựa chọn").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu lựa chọn")
    warning = page.locator("#warnings")
    expect(warning).to_contain_text("6 tháng đầu năm 2020")
    expect(warning).to_contain_text("6 tháng đầu năm 2021")

    # Importing before acknowledging is refused, nothing saved.
    page.get_by_role("button", name="Nhập vào báo cáo").click()
    expect(page.locator(".problems")).to_contain_text("Đã xem các cảnh báo về kỳ và đơn vị")
    assert not Submission.objects.filter(period="2021S1").exists()

    # The first-aid cases are corrected from 98 to 99; the traffic accidents left out.
    first_aid = row_of(page, "98 ca")
    expect(first_aid.locator("select.indicator")).to_have_value("so_cuu_ca")
    expect(first_aid.locator("input[type=checkbox]")).to_be_checked()
    first_aid.locator("input.value").fill("99")
    accidents = row_of(page, "28 ca")
    accidents.locator("input[type=checkbox]").uncheck()
    page.get_by_label("Đã xem các cảnh báo về kỳ và đơn vị").check()
    page.get_by_role("button", name="Nhập vào báo cáo").click()
    expect(page.locator("body")).to_contain_text(re.compile(r"Đã nhập số liệu vào \d+ báo cáo"))
    expect(page.locator("body")).to_contain_text("Báo cáo này đã được nhập")

    red_cross = Organisation.objects.get(unit__code="698", kind__code="ctd")
    submission = Submission.objects.get(organisation=red_cross, period="2021S1")
    assert submission.status == Status.DRAFT
    values = dict(
        FigureValue.objects.filter(submission=submission).values_list("indicator__code", "value")
    )
    assert values["so_cuu_ca"] == Decimal(99)
    assert values["tt_bang_ron"] == Decimal(34)
    assert "so_cuu_tngt" not in values

    # The Red Cross's draft, as the office opens it: its figures and the narrative around them,
    # where the cited figure shows the corrected value.
    page.goto(f"{site}/bao-cao/{submission.pk}/")
    expect(page.locator("body")).to_contain_text("đang soạn")
    narrative = page.locator("p.narrative")
    expect(narrative.first).to_be_visible()
    expect(page.locator("body")).to_contain_text("treo 34 băng rôn")
    expect(page.locator("body")).to_contain_text("đã sơ cứu an toàn cho 99 ca")
    # In the entry page's narrative box the figure is a citation, not a copied number.
    page.goto(f"{site}/bao-cao/{submission.pk}/nhap/")
    boxes = " ".join(box.input_value() for box in page.locator("textarea").all())
    assert "sơ cứu an toàn cho {so_cuu_ca} ca" in boxes

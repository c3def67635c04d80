"""The pivot page in Chromium: the table, both charts drawn, and an htmx change of view."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import time_machine
from playwright.sync_api import Page, expect

from tests.browser.support import sign_in

# The live server and Chromium come from tests/browser/support.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]
DEMO_TODAY = dt.datetime(2021, 1, 5, 9, tzinfo=dt.UTC)  # the demo's 2020S2 is being reported


def canvas_has_ink(page: Page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const c = document.querySelector(sel);
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }""",
        selector,
    )


def test_it_draws_the_pivot_and_its_charts_for_the_office(page: Page, site: str) -> None:
    sign_in(page, site, "vanphong")
    page.goto(
        f"{site}/phan-tich/bang/?chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2019S1..2020S2"
    )
    table = page.locator("table.pivot")
    expect(table).to_contain_text("thị trấn Đức Phong")
    # The indicator heads its four half-years once; the half-years sit in a row beneath.
    expect(table.locator("thead th.group")).to_have_count(1)
    expect(table.locator("thead th.group")).to_have_attribute("colspan", "4")
    expect(table.locator("thead th.period")).to_have_text(
        [
            "6 tháng đầu năm 2019",
            "6 tháng cuối năm 2019",
            "6 tháng đầu năm 2020",
            "6 tháng cuối năm 2020",
        ]
    )
    expect(page.locator("table.pivot tfoot")).to_contain_text("Cộng")
    expect(page.locator("#chart-bars")).to_have_attribute("data-drawn", "1")
    expect(page.locator("#chart-lines")).to_have_attribute("data-drawn", "1")
    assert canvas_has_ink(page, "#chart-bars")
    assert canvas_has_ink(page, "#chart-lines")
    # Changing the rows through the form swaps the result in place and updates the URL.
    page.select_option("select[name=hang]", "to_chuc")
    page.click("form.pivot-form button[type=submit]")
    expect(table).to_contain_text("Hội Nông dân")
    assert "hang=to_chuc" in page.url
    expect(page.locator("#chart-bars")).to_have_attribute("data-drawn", "1")
    assert canvas_has_ink(page, "#chart-bars")
    Path("/tmp/shots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path="/tmp/shots/pivot.png", full_page=True)


def test_the_offices_dashboard_draws_a_chart_beside_each_panel(page: Page, site: str) -> None:
    sign_in(page, site, "vanphong")
    # The dashboard opens on the period being reported now: in January 2021, the demo's 2020S2
    # (signed in first, so that the session cookie carries today's expiry date).
    with time_machine.travel(DEMO_TODAY, tick=True):
        page.goto(f"{site}/phan-tich/")
    panels = page.locator("section.panel")
    expect(panels).to_have_count(2)
    bars = panels.nth(0).locator("canvas.chart-bars")  # the communes side by side
    lines = panels.nth(1).locator("canvas.chart-lines")  # the district over the half-years
    expect(bars).to_have_attribute("data-drawn", "1")
    expect(lines).to_have_attribute("data-drawn", "1")
    assert canvas_has_ink(page, "section.panel canvas.chart-bars")
    assert canvas_has_ink(page, "section.panel canvas.chart-lines")
    # 2020S2 is partly accepted: the panels and the comparison say so.
    expect(panels.nth(0).locator("h2")).to_contain_text(re.compile(r"\d+/119 đã duyệt"))
    expect(page.locator("#comparison-note")).to_contain_text("So sánh chưa đầy đủ")


def test_the_pivot_marks_a_period_not_wholly_accepted(page: Page, site: str) -> None:
    sign_in(page, site, "vanphong")
    page.goto(
        f"{site}/phan-tich/bang/?chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2019S2..2020S2"
    )
    expect(page.locator("table.pivot thead th.period")).to_have_count(3)
    # Beneath the periods, only the partly reported 2020S2 carries its count of accepted reports.
    marks = page.locator("table.pivot thead tr.marks th")
    expect(marks).to_have_text(["", "", re.compile(r"^\d+/119 đã duyệt$")])
    expect(page.locator("p.note")).to_contain_text("Chỉ tính các báo cáo đã duyệt")

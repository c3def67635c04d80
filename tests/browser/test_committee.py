"""Acceptance of issue 14 in Chromium: the member's page and the inspection ranking; the office
builds and sends a plan, a member records an inspection with a recommendation, the commune
answers it, and the review report's inspection paragraph changes.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from phoihop.demo.builder import DEMO_PASSWORD
from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
DESKTOP = {"width": 1280, "height": 900}


def new_page(chromium: Browser, username: str, base: str) -> Page:
    context = chromium.new_context(locale="vi-VN", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, username)
    return page


def test_the_member_sees_their_two_communes_from_the_nav(browser: Browser, site: str) -> None:
    page = new_page(browser, "thanhvien", site)
    page.get_by_role("navigation").get_by_role("link", name="Ban chỉ đạo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Địa bàn phụ trách")
    rows = page.locator("table.communes tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="xã Bom Bo")).to_contain_text("chưa có chương trình")
    expect(rows.filter(has_text="xã Bom Bo")).to_contain_text("quy chế hoạt động")
    expect(rows.filter(has_text="xã Bình Minh")).to_contain_text("chưa kiểm tra")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo ngắn các xã phụ trách (Word)").click()
    assert download.value.suggested_filename.endswith(".docx")
    page.context.close()


def test_the_office_ranks_the_communes_and_changes_a_weight(browser: Browser, site: str) -> None:
    from phoihop.places.models import Unit

    district = Unit.objects.get(code="698")
    page = new_page(browser, "vanphong", site)
    page.goto(f"{site}/ban-chi-dao/xep-hang/{district.pk}/?ky=2020S2")
    rows = page.locator("table.ranking tbody tr")
    expect(rows).to_have_count(16)
    expect(rows.first).to_contain_text("Báo cáo chậm hoặc chưa gửi")
    expect(rows.first).to_contain_text(
        re.compile(r"Tiến độ chương trình phối hợp: đạt [\d,]+% chỉ tiêu năm \(cần [\d,]+%\)")
    )
    page.get_by_label("Chưa có quy chế hoạt động").fill("50")
    page.get_by_role("button", name="Lưu trọng số").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu trọng số")
    # A board without rules is now worth 50 points on that factor alone, and leads the list.
    expect(rows.first).to_contain_text("Quy chế hoạt động của Ban điều phối: chưa có")
    expect(rows.first.locator("td.num").nth(1)).to_contain_text("50")
    page.context.close()


def test_plan_sent_inspection_recorded_answered_and_reported(browser: Browser, site: str) -> None:
    from phoihop.accounts.models import Role, User
    from phoihop.committee.models import InspectionPlan
    from phoihop.core.periods import Period
    from phoihop.documents.context import report_context
    from phoihop.places.models import Unit

    district = Unit.objects.get(code="698")
    bom_bo = Unit.objects.get(code="25495")
    commune_user = User(username="bombo", full_name="Điểu Thị Mơ", role=Role.COMMUNE_REPORTER)
    commune_user.unit = bom_bo
    commune_user.set_password(DEMO_PASSWORD)
    commune_user.save()
    before = report_context(district, Period.parse("2020S2"))["inspections"]
    assert "chưa kiểm tra Ban điều phối xã nào" in before[0]

    plan = InspectionPlan.objects.get(unit=district, period="2020S2")
    office = new_page(browser, "vanphong", site)
    office.goto(f"{site}/ban-chi-dao/ke-hoach/{plan.pk}/")
    expect(office.locator("p.ok")).to_contain_text("Đủ thành phần")
    if not plan.inspections.filter(unit=bom_bo).exists():
        office.get_by_text("Thêm xã", exact=True).first.click()
        office.locator("select[name=unit]").select_option(label="xã Bom Bo")
        office.get_by_label("Ngày kiểm tra").fill("10/11/2020")
        office.get_by_label("Chuẩn bị xong trước ngày").fill("05/11/2020")
        office.get_by_role("button", name="Thêm xã").click()
        expect(office.locator(".messages")).to_contain_text("Đã thêm xã")
    office.get_by_role("button", name="Gửi kế hoạch cho các xã").click()
    expect(office.locator(".lead")).to_contain_text("đã gửi các xã")
    office.context.close()

    member = new_page(browser, "thanhvien", site)
    member.goto(f"{site}/ban-chi-dao/ke-hoach/{plan.pk}/")
    member.locator("table.inspections").get_by_role("link", name="xã Bom Bo").click()
    form = member.locator("form.record")
    form.get_by_label("Ngày kiểm tra").fill("10/12/2020")
    for box in form.locator("input[type=checkbox]").all():
        box.check()
    form.get_by_label("Có quy chế hoạt động của Ban điều phối được ban hành").select_option(
        "chua_dat"
    )
    form.get_by_label("Tồn tại, hạn chế").fill("Ban điều phối chưa ban hành quy chế hoạt động")
    form.get_by_role("button", name="Lưu kết quả").click()
    expect(member.locator(".messages")).to_contain_text("Đã ghi kết quả kiểm tra")
    member.get_by_text("Thêm kiến nghị", exact=True).first.click()
    member.locator("textarea[name=text]").fill("Ban hành quy chế hoạt động trong tháng 01/2021")
    member.get_by_label("Người, đơn vị thực hiện").fill("Ban điều phối xã Bom Bo")
    member.get_by_label("Thời hạn").fill("31/01/2021")
    member.get_by_role("button", name="Thêm kiến nghị").click()
    expect(member.locator("ul.recommendations")).to_contain_text("trong tháng 01/2021")
    inspection_url = member.url
    member.context.close()

    commune = new_page(browser, "bombo", site)
    commune.goto(f"{site}/ban-chi-dao/")
    commune.get_by_role("link", name="Kiểm tra Ban điều phối xã Bom Bo").first.click()
    expect(commune).to_have_url(inspection_url)
    item = commune.locator("ul.recommendations li").filter(has_text="trong tháng 01/2021")
    item.get_by_label("Kết quả thực hiện").fill("Đã ban hành quy chế ngày 15/01/2021")
    item.get_by_role("button", name="Báo cáo kết quả").click()
    expect(item.locator(".rec-status")).to_have_text("xã đã báo cáo thực hiện")
    commune.context.close()

    after = report_context(district, Period.parse("2020S2"))["inspections"]
    assert after != before
    assert "Bom Bo" in after[0] and "/16 xã" in after[0]
    assert any("chưa ban hành quy chế hoạt động" in p for p in after)

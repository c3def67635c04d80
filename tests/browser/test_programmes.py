"""The office sets targets, plans a joint activity, records it, and sees progress move.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
DESKTOP = {"width": 1280, "height": 900}
FARMERS = "Hội Nông dân huyện Bù Đăng"


def new_page(chromium: Browser, username: str, base: str) -> Page:
    context = chromium.new_context(locale="vi-VN", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, username)
    return page


def farmers_share(page: Page, base: str) -> str:
    page.goto(f"{base}/phan-tich/")
    row = page.locator("#progress-organisations tr", has_text=FARMERS)
    return row.locator("td.num").inner_text().strip()


def planned_row(page: Page, title: str):
    # Match the first cell only: every row's form lists the recorded activities by title.
    return page.locator("#planned tbody tr").filter(
        has=page.locator("td:first-child", has_text=title)
    )


def test_targets_a_plan_and_a_joint_activity_move_progress_on_the_dashboard(
    browser: Browser,
    site: str,
) -> None:
    office = new_page(browser, "vanphong", site)
    assert farmers_share(office, site) == "53,0%"

    # 1. Set targets: the Farmers' Union's propaganda target becomes what it reached by mid-year.
    office.goto(f"{site}/chuong-trinh/")
    expect(office.locator("#programme-progress")).to_contain_text(FARMERS)
    office.locator("#programme-progress").get_by_role("link", name=FARMERS).click()
    expect(office.locator("h1")).to_contain_text("Chương trình phối hợp năm 2020")
    office.fill("#y-tt_qp_luot", "nhiều")
    office.get_by_role("button", name="Lưu chỉ tiêu").click()
    expect(office.locator(".problems")).to_contain_text("Không đọc được số")
    office.fill("#y-tt_qp_luot", "2.126")
    office.fill("input[name=reason]", "Điều chỉnh theo kết quả 6 tháng")
    office.get_by_role("button", name="Lưu chỉ tiêu").click()
    expect(office.locator(".messages")).to_contain_text("phiên bản mới")
    expect(office.locator("#versions")).to_contain_text("Điều chỉnh theo kết quả 6 tháng")
    moved = farmers_share(office, site)
    assert moved != "53,0%"

    # 2. Plan a joint activity in the common plan of the second half.
    office.goto(f"{site}/chuong-trinh/")
    office.get_by_role("link", name="Kế hoạch chung 6 tháng cuối năm 2020").click()
    plan_form = office.locator("#plan-form")
    plan_form.locator("#id_title").fill("Tuyên truyền Luật NVQS tại xã Bom Bo")
    plan_form.locator("#id_due_on").fill("10/11/2020")
    plan_form.locator("#id_lead").select_option(label=FARMERS)
    plan_form.locator("#id_partners").select_option(label="Ban CHQS huyện Bù Đăng")
    plan_form.get_by_role("button", name="Thêm").click()
    row = planned_row(office, "Tuyên truyền Luật NVQS tại xã Bom Bo")
    expect(row).to_contain_text("chưa thực hiện")

    # 3. Record it once, as the Farmers' Union's activity with the command.
    office.goto(f"{site}/chuong-trinh/hoat-dong/moi/")
    form = office.locator("#activity-form")
    form.locator("#id_title").fill("Tuyên truyền Luật NVQS tại xã Bom Bo")
    form.locator("#id_held_on").fill("10/11/2020")
    form.locator("#id_lead").select_option(label=FARMERS)
    form.locator("#id_partners").select_option(label="Ban CHQS huyện Bù Đăng")
    form.locator("#id_indicator_1").select_option(value=None, index=1)
    form.locator("#id_value_1").fill("320")
    form.get_by_role("button", name="Ghi nhận").click()
    expect(office.locator("h1")).to_contain_text("Tuyên truyền Luật NVQS tại xã Bom Bo")
    expect(office.locator("#activity-figures")).to_contain_text("320")

    # 4. Close the planned item as done, linked to what was recorded.
    office.goto(f"{site}/chuong-trinh/")
    office.get_by_role("link", name="Kế hoạch chung 6 tháng cuối năm 2020").click()
    row = planned_row(office, "Tuyên truyền Luật NVQS tại xã Bom Bo")
    row.locator("select[name=outcome]").select_option("done")
    row.locator("select[name=activity]").select_option(label="Tuyên truyền Luật NVQS tại xã Bom Bo")
    row.get_by_role("button", name="Cập nhật").click()
    row = planned_row(office, "Tuyên truyền Luật NVQS tại xã Bom Bo")
    expect(row).to_contain_text("đã thực hiện")
    expect(row.get_by_role("link", name="hoạt động đã báo cáo")).to_be_visible()

    # 5. The farmers' reporter sees the activity it took part in on its programme page.
    reporter = new_page(browser, "nongdan", site)
    reporter.goto(f"{site}/chuong-trinh/")
    reporter.locator("#programme-progress").get_by_role("link", name=FARMERS).click()
    expect(reporter.locator("#org-activities")).to_contain_text("tại xã Bom Bo")
    expect(reporter.get_by_role("button", name="Lưu chỉ tiêu")).to_have_count(0)
    assert farmers_share(reporter, site) == moved


def test_the_last_directions_become_tasks_and_the_next_report_says_which_were_done(
    browser: Browser,
    site: str,
) -> None:
    from io import BytesIO

    import docx

    from phoihop.places.models import Unit
    from phoihop.programmes.models import Direction

    bu_dang = Unit.objects.get(code="698")
    Direction.objects.filter(unit=bu_dang, period="2020S2").delete()  # the demo's, made afresh
    office = new_page(browser, "vanphong", site)
    office.goto(f"{site}/chuong-trinh/ke-hoach/{bu_dang.pk}/2020S2/")
    section = office.locator("#directions")
    expect(section).to_contain_text("Chưa có nhiệm vụ nào từ phương hướng 6 tháng đầu năm 2020")
    section.get_by_role("button", name="Tạo nhiệm vụ từ phương hướng 6 tháng đầu năm 2020").click()
    rows = office.locator("#direction-tasks tbody tr")
    expect(rows.first).to_contain_text("chưa hoàn thành")
    count = rows.count()
    assert count >= 5  # one task per paragraph of the seed's part two

    first = rows.first.locator("td:first-child").inner_text().split("\n")[0].strip()
    rows.first.locator("select[name=status]").select_option(label="đã hoàn thành")
    rows.first.get_by_role("button", name="Cập nhật").click()
    expect(office.locator(".messages")).to_contain_text("Đã cập nhật nhiệm vụ")
    expect(office.locator("#direction-tasks tbody tr").first).to_contain_text("đã hoàn thành")

    second = office.locator("#direction-tasks tbody tr").nth(1)
    second.locator("select[name=status]").select_option(label="hoãn")
    second.get_by_role("button", name="Cập nhật").click()
    expect(office.locator(".messages")).to_contain_text("Hoãn hoặc huỷ cần ghi lý do")
    expect(office.locator("#direction-tasks tbody tr").nth(1)).to_contain_text("chưa hoàn thành")

    # The next report (of 2020S2) says it in its first part.
    office.goto(f"{site}/van-ban/{bu_dang.pk}/2020S2/")
    with office.expect_download() as download:
        office.get_by_role("button", name="Tải DOCX").click()
    report = docx.Document(BytesIO(open(download.value.path(), "rb").read()))
    said = [p.text for p in report.paragraphs if "nhiệm vụ đề ra ở kỳ trước" in p.text]
    assert said and said[0].startswith(
        f"- Trong số {count:02d} nhiệm vụ đề ra ở kỳ trước, đã hoàn thành 01: “{first}”"
    ), said


def test_the_office_ticks_two_partners_of_a_task_and_sees_them_listed(
    browser: Browser,
    site: str,
) -> None:
    from phoihop.places.models import Unit
    from phoihop.programmes.models import Direction

    bu_dang = Unit.objects.get(code="698")
    task = Direction.objects.filter(unit=bu_dang, period="2020S2").order_by("order")[4]
    assert not task.partners.exists()
    office = new_page(browser, "vanphong", site)
    office.goto(f"{site}/chuong-trinh/ke-hoach/{bu_dang.pk}/2020S2/")

    def task_row():
        return office.locator("#direction-tasks tbody tr").filter(
            has=office.locator("td:first-child", has_text=task.title)
        )

    row = task_row()
    expect(row.locator("td.task-bodies")).to_have_text("Ban CHQS")
    row.locator("summary", has_text="Chủ trì, phối hợp").click()
    row.get_by_label("Hội CTĐ", exact=True).check()
    row.get_by_label("Hội ND", exact=True).check()
    row.get_by_role("button", name="Cập nhật").click()
    expect(office.locator(".messages")).to_contain_text("Đã cập nhật nhiệm vụ")
    expect(task_row().locator("td.task-bodies")).to_have_text("Ban CHQS / Hội CTĐ, Hội ND")

    # Ticking the lead as well is refused, and the partners stay as they were.
    row = task_row()
    row.locator("summary", has_text="Chủ trì, phối hợp").click()
    expect(row.get_by_label("Hội CTĐ", exact=True)).to_be_checked()
    row.get_by_label("Ban CHQS", exact=True).check()
    row.get_by_role("button", name="Cập nhật").click()
    expect(office.locator(".messages")).to_contain_text("không thể đồng thời là cơ quan phối hợp")
    expect(task_row().locator("td.task-bodies")).to_have_text("Ban CHQS / Hội CTĐ, Hội ND")

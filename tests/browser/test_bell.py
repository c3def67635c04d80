"""The bell in Chromium: the unread count in the site shell, the list (newest first, unread
highlighted, each linking to its report), marking one read and then all read.

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SHOTS = Path("/tmp/shots")


@pytest.fixture
def three_for_hong(db) -> list[int]:
    """Returned, then reopened, then accepted: three unread notifications for chuthapdo."""
    from phoihop.accounts.models import User
    from phoihop.core import clock
    from phoihop.reporting.models import Submission
    from phoihop.reporting.notifications import notify_accepted, notify_reopened, notify_returned

    office = User.objects.get(username="vanphong")
    submission = Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="ctd", period="2020S1"
    )
    until = dt.date(2020, 12, 27)
    made = [
        notify_returned(submission, actor=office, reason="Thiếu số liệu.", open_until=until)[0],
        notify_reopened(submission, actor=office, reason="Cập nhật.", open_until=until)[0],
        notify_accepted(submission, actor=office)[0],
    ]
    for hours_ago, notification in zip((3, 2, 1), made, strict=True):
        notification.created_at = clock.now() - dt.timedelta(hours=hours_ago)
        notification.save()
    return [n.pk for n in made]


def bell_count(page: Page):
    return page.locator("#bell .count")


def test_it_counts_lists_and_marks_read(
    page: Page,
    site: str,
    three_for_hong: list[int],
) -> None:
    returned, _reopened, accepted = three_for_hong
    sign_in(page, site, "chuthapdo")
    expect(bell_count(page)).to_have_text("3")

    page.locator("#bell a.bell").click()
    expect(page.locator("h1")).to_have_text("Thông báo")
    expect(page.locator("#notifications-head")).to_contain_text("3 thông báo chưa đọc.")
    items = page.locator("li.notification")
    expect(items).to_have_count(3)
    expect(page.locator("li.notification.unread")).to_have_count(3)
    # Newest first, each with a link to its report.
    expect(items.nth(0)).to_contain_text("đã được duyệt")
    expect(items.nth(2)).to_contain_text("mở để sửa đến ngày 27/12/2020. Lý do: Thiếu số liệu.")
    expect(items.get_by_role("link", name="Mở báo cáo")).to_have_count(3)
    # Opening the list marked nothing read.
    expect(bell_count(page)).to_have_text("3")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "bell-list-1280.png"), full_page=True)

    page.locator(f"#notification-{accepted}").get_by_role("button", name="Đánh dấu đã đọc").click()
    expect(page.locator(f"#notification-{accepted}")).not_to_have_class("unread")
    expect(page.locator(f"#notification-{accepted}").get_by_role("button")).to_have_count(0)
    expect(bell_count(page)).to_have_text("2")
    expect(page.locator("#notifications-head")).to_contain_text("2 thông báo chưa đọc.")
    expect(page.locator("li.notification.unread")).to_have_count(2)

    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / "bell-list-390.png"), full_page=True)
    page.get_by_role("button", name="Đánh dấu tất cả đã đọc").click()
    expect(page.locator(".messages")).to_contain_text("Đã đánh dấu tất cả thông báo là đã đọc.")
    expect(page.locator("li.notification.unread")).to_have_count(0)
    expect(page.locator("#bell a.bell")).to_be_visible()
    expect(bell_count(page)).to_have_count(0)

    # The link opens the report the notification is about.
    page.locator(f"#notification-{returned}").get_by_role("link", name="Mở báo cáo").click()
    expect(page.locator("h1")).to_contain_text("Hội Chữ thập đỏ")


def test_it_lets_the_reporter_choose_in_app_only_from_the_menu(
    page: Page,
    site: str,
) -> None:
    from phoihop.accounts.models import User

    sign_in(page, site, "nongdan")
    page.get_by_role("link", name="Tài khoản").click()
    expect(page.locator("h1")).to_have_text("Tài khoản")
    page.get_by_label("Địa chỉ thư điện tử").fill("phu@example.vn")
    page.get_by_label("Chỉ trong ứng dụng").check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu cách nhận thông báo.")
    expect(page.get_by_label("Chỉ trong ứng dụng")).to_be_checked()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "account-1280.png"), full_page=True)
    person = User.objects.get(username="nongdan")
    assert (person.email, person.notify_by) == ("phu@example.vn", "app")

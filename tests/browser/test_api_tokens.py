"""API tokens in Chromium: the reporter makes one on the account page, a program uses it, the
reporter revokes it; and the API's documentation renders from local files (no CDN).

The live server and browser fixtures come from tests/browser/support.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_a_reporter_makes_a_token_a_program_uses_it_and_the_reporter_revokes_it(
    page: Page,
    site: str,
) -> None:
    sign_in(page, site, "chuthapdo")
    page.goto(f"{site}/tai-khoan/")
    page.get_by_role("link", name="Mã truy cập API").click()
    expect(page.locator("h1")).to_have_text("Mã truy cập API")
    page.get_by_label("Tên gợi nhớ").fill("Bảng tính của hội")
    page.get_by_role("button", name="Tạo mã").click()
    expect(page.locator("[role=status]")).to_contain_text("lần duy nhất mã được hiển thị")
    token = page.locator("#new-token").inner_text()

    listed = page.request.get(
        f"{site}/api/v1/submissions/?period=2020S1", headers={"Authorization": f"Bearer {token}"}
    )
    assert listed.status == 200
    assert [i["organisation_name"] for i in listed.json()["items"]] == [
        "Hội Chữ thập đỏ huyện Bù Đăng"
    ]

    page.goto(f"{site}/tai-khoan/api/")
    row = page.locator("table.tokens tr", has_text="Bảng tính của hội")
    row.get_by_role("button", name="Thu hồi").click()
    expect(page.locator(".messages")).to_contain_text("Đã thu hồi mã")
    expect(page.locator("table.tokens")).to_contain_text("đã thu hồi")
    refused = page.request.get(
        f"{site}/api/v1/submissions/", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status == 401 and "Cần mã truy cập hợp lệ" in refused.json()["detail"]


def test_the_documentation_renders_without_the_internet(page: Page, site: str) -> None:
    outside: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(site) else outside.append(request.url),
    )
    page.goto(f"{site}/api/v1/docs")
    expect(page.locator(".swagger-ui .title")).to_contain_text("phoihop API")
    expect(page.locator(".swagger-ui")).to_contain_text(
        "/api/v1/submissions/{submission_id}/submit/"
    )
    assert outside == []

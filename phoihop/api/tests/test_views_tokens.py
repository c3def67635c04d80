"""The account's API page: list, create (shown once), revoke; and the documentation page."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from phoihop.api.models import ApiToken
from phoihop.api.services import create_token

pytestmark = pytest.mark.django_db
PAGE = "/tai-khoan/api/"


def test_the_account_page_links_to_the_api_page(client_for) -> None:
    assert f'href="{PAGE}"' in client_for("nongdan").get("/tai-khoan/").content.decode()


def test_it_asks_to_sign_in(client) -> None:
    response = client.get(PAGE)
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_it_creates_a_token_shown_once_that_opens_the_api(client_for) -> None:
    client = client_for("chuthapdo")
    response = client.post(f"{PAGE}tao/", {"name": "Bảng tính của hội"})
    html = response.content.decode()
    assert response.status_code == 201
    raw = re.search(r'<code id="new-token">([^<]+)</code>', html)[1]
    assert "đây là lần duy nhất mã được hiển thị" in html and "Bảng tính của hội" in html
    assert raw not in client.get(PAGE).content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/submissions/?period=2020S1").json()["count"] == 1


def test_it_lists_only_ones_own_tokens_and_revokes_them(client_for, personas) -> None:
    mine, raw = create_token(user=personas["chuthapdo"], name="của tôi")
    theirs, _raw = create_token(user=personas["nongdan"], name="của người khác")
    client = client_for("chuthapdo")
    html = client.get(PAGE).content.decode()
    assert "của tôi" in html and "của người khác" not in html
    assert client.post(f"{PAGE}{theirs.pk}/thu-hoi/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    response = client.post(f"{PAGE}{mine.pk}/thu-hoi/", follow=True)
    assert (
        "Đã thu hồi mã" in response.content.decode() and "đã thu hồi" in response.content.decode()
    )
    mine.refresh_from_db()
    assert mine.revoked_at is not None
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/units/").status_code == 401


def test_revoking_needs_a_post(client_for, personas) -> None:
    token, _raw = create_token(user=personas["chuthapdo"])
    assert client_for("chuthapdo").get(f"{PAGE}{token.pk}/thu-hoi/").status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_docs_page_works_offline_without_inline_script(client) -> None:
    response = client.get("/api/v1/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    # Only data (the settings as JSON) or files: no script a Content-Security-Policy would block.
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs, _ in scripts)
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/submissions/{submission_id}/submit/" in schema["paths"]
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"


def test_the_command_prints_only_the_token() -> None:
    out = StringIO()
    call_command("api", "token", "--user", "vanphong", "--name", "máy chủ tỉnh", stdout=out)
    raw = out.getvalue().strip()
    assert raw.startswith("phoihop_") and "\n" not in raw
    assert ApiToken.objects.get(prefix=raw[:14]).name == "máy chủ tỉnh"

"""Bearer tokens: without one, with a wrong or revoked one, and the command that makes one."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from phoihop.api.models import ApiToken
from phoihop.api.services import hash_token, revoke_token

pytestmark = pytest.mark.django_db
SUBMISSIONS = "/api/v1/submissions/?period=2020S1"


def test_it_refuses_a_request_without_a_token(client) -> None:
    response = client.get(SUBMISSIONS)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Cần mã truy cập hợp lệ" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


def test_it_refuses_a_signed_in_browser_session_without_a_token(client_for) -> None:
    # Bearer only: a page's session cookie is no key to the API (no CSRF to worry about).
    assert client_for("vanphong").get(SUBMISSIONS).status_code == 401


def test_it_refuses_a_made_up_token() -> None:
    client = Client(HTTP_AUTHORIZATION="Bearer phoihop_khongphaimacuaai")
    assert client.get(SUBMISSIONS).status_code == 401


def test_it_refuses_a_revoked_token(personas, token_of) -> None:
    raw = token_of("chuthapdo")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get(SUBMISSIONS).status_code == 200
    revoke_token(ApiToken.objects.get(key_hash=hash_token(raw)), user=personas["chuthapdo"])
    assert client.get(SUBMISSIONS).status_code == 401


def test_it_refuses_the_token_of_a_locked_account(personas, token_of) -> None:
    raw = token_of("nongdan")
    personas["nongdan"].is_active = False
    personas["nongdan"].save()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(SUBMISSIONS).status_code == 401


def test_it_stores_only_a_hash_of_the_token(token_of) -> None:
    raw = token_of("chuthapdo")
    stored = ApiToken.objects.get(key_hash=hash_token(raw))
    assert raw.startswith(stored.prefix) and len(stored.prefix) < len(raw) // 2
    assert not ApiToken.objects.filter(key_hash=raw).exists()


def test_the_command_gives_a_token_that_lists_the_red_cross_own_submissions_only() -> None:
    out = StringIO()
    call_command("api", "token", "--user", "chuthapdo", stdout=out)
    raw = out.getvalue().strip()
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(SUBMISSIONS)
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and response.json()["count"] == len(items)
    assert {(i["organisation_name"], i["unit_name"], i["period"]) for i in items} == {
        ("Hội Chữ thập đỏ huyện Bù Đăng", "huyện Bù Đăng", "2020S1")
    }


def test_the_command_refuses_an_unknown_user() -> None:
    with pytest.raises(CommandError, match="Không có người dùng «ai_do»"):
        call_command("api", "token", "--user", "ai_do")


def test_a_read_does_not_record_use_but_a_write_does(token_of, api_as) -> None:
    raw = token_of("chuthapdo")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    client.get(SUBMISSIONS)
    assert ApiToken.objects.get(key_hash=hash_token(raw)).last_used_at is None
    client.post("/api/v1/submissions/", {}, content_type="application/json")
    assert ApiToken.objects.get(key_hash=hash_token(raw)).last_used_at is not None


def test_a_write_with_a_token_needs_no_csrf_cookie(token_of) -> None:
    # The token is the proof of who asks; a program has no browser cookie to be tricked with.
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {token_of('vanphong')}")
    response = client.post("/api/v1/submissions/", {}, content_type="application/json")
    assert response.status_code == 422

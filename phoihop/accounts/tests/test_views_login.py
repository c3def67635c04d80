"""Signing in through the Vietnamese sign-in page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.demo.builder import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_it_shows_the_form_in_vietnamese(client) -> None:
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Tên đăng nhập" in html and "Mật khẩu" in html
    assert "Trang chủ" not in html  # no navigation before signing in


def test_it_signs_in_and_goes_home(client, personas) -> None:
    response = client.post(
        reverse("accounts:login"), {"username": "chuthapdo", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "Nguyễn Thị Hồng" in client.get(reverse("home")).content.decode()


def test_it_returns_to_the_page_asked_for(client, personas) -> None:
    response = client.post(
        reverse("accounts:login"),
        {"username": "vanphong", "password": DEMO_PASSWORD, "next": "/bao-cao/"},
    )
    assert response["Location"] == "/bao-cao/"


def test_it_refuses_a_wrong_password_with_a_vietnamese_message(client, personas) -> None:
    response = client.post(reverse("accounts:login"), {"username": "chuthapdo", "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_it_sends_a_signed_in_user_home(client_for) -> None:
    response = client_for("tinh").get(reverse("accounts:login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_a_session_ends_after_hours_without_a_request_and_each_request_renews_it(
    client, personas
) -> None:
    client.post(reverse("accounts:login"), {"username": "chuthapdo", "password": DEMO_PASSWORD})
    assert client.cookies["sessionid"]["max-age"] == 4 * 3600  # not two weeks
    # A request renews the session (and resends its cookie) once its last renewal is a few
    # minutes old (phoihop/core/tests/test_idle_session.py follows the clock).
    client.cookies["sessionid"]["max-age"] = 0
    session = client.session
    session["_renewed_at"] = 0
    session.save()
    client.get(reverse("home"))
    assert client.cookies["sessionid"]["max-age"] == 4 * 3600

"""Signing out: a POST from the header's button, never a link."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_signs_out_on_post(client_for) -> None:
    client = client_for("vanphong")
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("home")).status_code == 302


def test_it_refuses_a_get_so_a_link_cannot_sign_anyone_out(client_for) -> None:
    client = client_for("vanphong")
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(reverse("home")).status_code == 200


def test_it_puts_a_sign_out_button_in_the_header(client_for) -> None:
    html = client_for("nongdan").get(reverse("home")).content.decode()
    assert f'action="{reverse("accounts:logout")}"' in html
    assert "Đăng xuất" in html

"""Changing one's own password, and resetting a forgotten one by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from phoihop.demo.builder import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

NEW = "mat-khau-moi-2021"


def test_the_account_page_offers_to_change_the_password(client_for):
    page = client_for("chuthapdo").get(reverse("accounts:settings")).content.decode()
    assert reverse("accounts:password_change") in page and "Đổi mật khẩu" in page


def test_a_reporter_changes_their_password_and_stays_signed_in(client_for, client):
    client_for("chuthapdo")
    form = client.get(reverse("accounts:password_change")).content.decode()
    assert "Mật khẩu cũ" in form
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": DEMO_PASSWORD, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )
    assert "Đã đổi mật khẩu." in response.content.decode()
    assert client.get(reverse("home")).status_code == 200  # still signed in
    client.post(reverse("accounts:logout"))
    refused = client.post(
        reverse("accounts:login"), {"username": "chuthapdo", "password": DEMO_PASSWORD}
    )
    assert refused.status_code == 200
    signed_in = client.post(reverse("accounts:login"), {"username": "chuthapdo", "password": NEW})
    assert signed_in.status_code == 302


def test_a_wrong_old_password_changes_nothing_and_says_so_in_vietnamese(client_for, personas):
    client = client_for("chuthapdo")
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "sai", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert "không chính xác" in response.content.decode()
    personas["chuthapdo"].refresh_from_db()
    assert personas["chuthapdo"].check_password(DEMO_PASSWORD)


def test_a_forgotten_password_is_reset_through_the_link_e_mailed(client, personas):
    user = personas["chuthapdo"]
    user.email = "hong@chuthapdo.gov.vn"
    user.save()
    login = client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in login and "Quên mật khẩu?" in login

    response = client.post(reverse("accounts:password_reset"), {"email": user.email}, follow=True)
    assert "Đã gửi thư" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Đặt lại mật khẩu" in message.subject and "chuthapdo" in message.body
    link = re.search(r"https?://[^/\s]+(/tai-khoan/dat-lai-mat-khau/\S+)", message.body).group(1)

    form = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assert "Đã đặt mật khẩu mới" in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert "không còn dùng được" in client.get(link, follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, personas):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "ai-do@example.org"}, follow=True
    )
    assert "Đã gửi thư" in response.content.decode()
    assert mail.outbox == []


def test_the_sign_in_pages_never_show_the_host_name(client):
    for name in ("accounts:login", "accounts:password_reset", "accounts:password_reset_done"):
        html = client.get(reverse(name), HTTP_HOST="localhost").content.decode()
        assert "localhost" not in html, name
        assert "<title>" in html and "· phoihop</title>" in html

"""Wrong passwords lock a username on the address that typed them; the office unlocks."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from phoihop.accounts.models import Role, User
from phoihop.demo.builder import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Tài khoản tạm bị khoá vì nhập sai mật khẩu nhiều lần"


def sign_in(client, username: str, password: str):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_dozen_wrong_passwords_lock_vanphong_out_even_with_the_right_one(client, personas):
    for attempt in range(12):
        sign_in(client, "vanphong", f"sai-{attempt}")
    response = sign_in(client, "vanphong", DEMO_PASSWORD)
    html = response.content.decode()
    assert LOCKED in html and "15 phút" in html
    assert "Cơ quan thường trực mở khoá" in html
    assert client.get(reverse("home")).status_code == 302  # not signed in


def test_a_few_wrong_passwords_do_not_lock_and_a_right_one_clears_them(client, personas):
    for attempt in range(4):
        assert LOCKED not in sign_in(client, "vanphong", f"sai-{attempt}").content.decode()
    assert sign_in(client, "vanphong", DEMO_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for attempt in range(4):  # the count started again
        assert LOCKED not in sign_in(client, "vanphong", f"sai-{attempt}").content.decode()


def test_other_people_still_sign_in_while_one_is_locked(client, personas):
    for attempt in range(6):
        sign_in(client, "vanphong", f"sai-{attempt}")
    assert sign_in(client, "chuthapdo", DEMO_PASSWORD).status_code == 302


def test_after_the_reset_command_vanphong_signs_in(client, personas):
    for attempt in range(12):
        sign_in(client, "vanphong", f"sai-{attempt}")
    call_command("axes_reset_username", "vanphong", verbosity=0)
    assert sign_in(client, "vanphong", DEMO_PASSWORD).status_code == 302


def test_the_office_sees_and_unlocks_a_reporter_of_its_district(client, personas, client_for):
    for attempt in range(6):
        sign_in(client, "chuthapdo", f"sai-{attempt}")
    assert LOCKED in sign_in(client, "chuthapdo", DEMO_PASSWORD).content.decode()

    office = client_for("vanphong")
    settings_page = office.get(reverse("accounts:settings")).content.decode()
    assert reverse("accounts:sign_in_locks") in settings_page
    page = office.get(reverse("accounts:sign_in_locks")).content.decode()
    assert "chuthapdo" in page and "Nguyễn Thị Hồng" in page and "Bị khoá đến" in page
    response = office.post(
        reverse("accounts:sign_in_locks"), {"username": "chuthapdo"}, follow=True
    )
    assert "Đã mở khoá đăng nhập cho chuthapdo" in response.content.decode()
    office.post(reverse("accounts:logout"))

    assert sign_in(client, "chuthapdo", DEMO_PASSWORD).status_code == 302


def test_an_office_elsewhere_neither_sees_nor_unlocks_the_lock(client, personas):
    for attempt in range(6):
        sign_in(client, "chuthapdo", f"sai-{attempt}")
    commune_office = User.objects.create_user(
        "vanphongxa", password="x", role=Role.OFFICE, unit=personas["ducphong"].unit
    )
    client.force_login(commune_office)
    assert "chuthapdo" not in client.get(reverse("accounts:sign_in_locks")).content.decode()
    response = client.post(reverse("accounts:sign_in_locks"), {"username": "chuthapdo"})
    assert response.status_code == 403
    client.post(reverse("accounts:logout"))
    assert LOCKED in sign_in(client, "chuthapdo", DEMO_PASSWORD).content.decode()


def test_reporters_have_no_page_of_locks(client_for):
    client = client_for("chuthapdo")
    assert client.get(reverse("accounts:sign_in_locks")).status_code == 403
    assert (
        reverse("accounts:sign_in_locks")
        not in client.get(reverse("accounts:settings")).content.decode()
    )

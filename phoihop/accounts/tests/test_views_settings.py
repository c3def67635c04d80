"""GET/POST /tai-khoan/: a person's own page, where they choose how to hear of notifications."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.accounts.models import NotifyBy
from phoihop.reporting.models import Submission
from phoihop.reporting.notifications import notify_accepted

pytestmark = pytest.mark.django_db

URL = reverse("accounts:settings")


def test_it_shows_who_i_am_and_my_choice(client_for) -> None:
    page = client_for("chuthapdo").get(URL).content.decode()
    assert "Nguyễn Thị Hồng" in page and "Người báo cáo của tổ chức" in page
    assert 'value="app_email" id="id_notify_by_1" required checked' in page
    # The demo's reporter has no address yet: she is told e-mail cannot reach her.
    assert "Chưa có địa chỉ thư điện tử nên thông báo chỉ hiện trong ứng dụng." in page


def test_it_is_reached_from_the_menu(client_for) -> None:
    page = client_for("chuthapdo").get(reverse("home")).content.decode()
    assert f'<a class="account" href="{URL}">Tài khoản</a>' in page
    mine = client_for("chuthapdo").get(URL).content.decode()
    assert f'<a class="account" href="{URL}" aria-current="page">Tài khoản</a>' in mine


def test_it_saves_my_choice_and_it_stops_the_email(
    client_for, personas, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    client = client_for("chuthapdo")
    response = client.post(URL, {"email": " hong@example.vn ", "notify_by": "app"}, follow=True)
    assert "Đã lưu cách nhận thông báo." in response.content.decode()
    hong = personas["chuthapdo"]
    hong.refresh_from_db()
    assert (hong.email, hong.notify_by) == ("hong@example.vn", NotifyBy.APP)
    submission = Submission.objects.get(organisation=hong.organisation, period="2020S1")
    with django_capture_on_commit_callbacks(execute=True):
        notify_accepted(submission, actor=personas["vanphong"])
    assert hong.notifications.count() == 1 and mailoutbox == []

    client.post(URL, {"email": "hong@example.vn", "notify_by": "app_email"})
    with django_capture_on_commit_callbacks(execute=True):
        notify_accepted(submission, actor=personas["vanphong"])
    assert [m.to for m in mailoutbox] == [["hong@example.vn"]]


def test_it_refuses_a_bad_address_in_vietnamese(client_for, personas) -> None:
    response = client_for("nongdan").post(URL, {"email": "phu@", "notify_by": "app"})
    assert response.status_code == 400
    assert "Địa chỉ thư điện tử không hợp lệ" in response.content.decode()
    personas["nongdan"].refresh_from_db()
    assert personas["nongdan"].notify_by == NotifyBy.APP_AND_EMAIL  # nothing changed


def test_it_refuses_an_unknown_choice(client_for) -> None:
    response = client_for("nongdan").post(URL, {"email": "", "notify_by": "sms"})
    assert response.status_code == 400
    assert "Chọn một cách nhận thông báo trong danh sách." in response.content.decode()


def test_it_asks_to_sign_in_first(client) -> None:
    response = client.post(URL, {"email": "", "notify_by": "app"})
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]

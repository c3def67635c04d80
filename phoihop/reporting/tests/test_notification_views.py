"""The bell's pages: GET /bao-cao/thong-bao/ (list), /thong-bao/dem/ (count), and the POSTs
/thong-bao/<pk>/da-doc/ (one) and /thong-bao/da-doc-tat-ca/ (all)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from phoihop.core import clock
from phoihop.reporting.models import Notification, Submission
from phoihop.reporting.notifications import notify_accepted, notify_returned, notify_submitted
from phoihop.reporting.services import form_for

pytestmark = pytest.mark.django_db

LIST = reverse("reporting:notifications")
COUNT = reverse("reporting:notification_count")
READ_ALL = reverse("reporting:notification_read_all")


def read_url(notification: Notification) -> str:
    return reverse("reporting:notification_read", args=[notification.pk])


@pytest.fixture
def red_cross(personas) -> Submission:
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="ctd", period="2020S1"
    )


@pytest.fixture
def hongs(personas, red_cross) -> list[Notification]:
    """Two notifications for chuthapdo: returned (older), then accepted (newer)."""
    office = personas["vanphong"]
    returned = notify_returned(
        red_cross, actor=office, reason="Thiếu số liệu.", open_until=dt.date(2020, 12, 27)
    )[0]
    returned.created_at = clock.now() - dt.timedelta(hours=1)
    returned.save()
    accepted = notify_accepted(red_cross, actor=office)[0]
    return [accepted, returned]


def unread(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def test_it_lists_newest_first_unread_highlighted_with_links(
    client_for, hongs, red_cross, django_assert_num_queries
) -> None:
    client = client_for("chuthapdo")
    # Session, user, notifications (with organisation and submission in the same query).
    with django_assert_num_queries(3):
        page = client.get(LIST).content.decode()
    accepted, returned = hongs
    assert page.index("đã được duyệt") < page.index("bị trả lại")
    assert f'id="notification-{accepted.pk}" class="notification kind-accepted unread"' in page
    assert page.count(f'href="/bao-cao/{red_cross.pk}/"') == 2
    assert "2 thông báo chưa đọc." in page and "Đánh dấu tất cả đã đọc" in page
    assert page.count("Đánh dấu đã đọc") == 2


def test_it_marks_nothing_read_when_the_list_is_opened(client_for, personas, hongs) -> None:
    client = client_for("chuthapdo")
    client.get(LIST)
    assert unread(personas["chuthapdo"]) == 2
    assert '<span class="count">2</span>' in client.get(COUNT).content.decode()


def test_it_counts_only_the_persons_unread(client_for, personas, hongs) -> None:
    assert '<span class="count">2</span>' in client_for("chuthapdo").get(COUNT).content.decode()
    assert 'class="count"' not in client_for("nongdan").get(COUNT).content.decode()


def test_it_asks_to_sign_in_first(client, hongs) -> None:
    for response in (client.get(LIST), client.get(COUNT), client.post(read_url(hongs[0]))):
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
    assert Notification.objects.filter(read_at__isnull=False).count() == 0


def test_it_marks_one_read(client_for, personas, hongs) -> None:
    client = client_for("chuthapdo")
    accepted, returned = hongs
    response = client.post(read_url(accepted))
    assert response.status_code == 302 and response["Location"] == LIST
    accepted.refresh_from_db()
    returned.refresh_from_db()
    assert accepted.read_at is not None and returned.read_at is None
    assert '<span class="count">1</span>' in client.get(COUNT).content.decode()
    page = client.get(LIST).content.decode()
    assert f'id="notification-{accepted.pk}" class="notification kind-accepted"' in page


def test_it_answers_htmx_with_the_item_and_tells_the_bell(client_for, hongs) -> None:
    response = client_for("chuthapdo").post(read_url(hongs[0]), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Trigger"] == "phoihop-notifications-changed"
    assert body.startswith(f'<li id="notification-{hongs[0].pk}"') and "unread" not in body
    assert "Đánh dấu đã đọc" not in body
    # The line above the list follows, swapped out of band.
    assert 'id="notifications-head" class="notifications-head" hx-swap-oob="true"' in body
    assert "1 thông báo chưa đọc." in body


def test_it_never_marks_read_on_a_get(client_for, personas, hongs) -> None:
    client = client_for("chuthapdo")
    assert client.get(read_url(hongs[0])).status_code == 405
    assert client.get(READ_ALL).status_code == 405
    assert unread(personas["chuthapdo"]) == 2


def test_it_cannot_mark_someone_elses(client_for, personas, hongs) -> None:
    response = client_for("nongdan").post(read_url(hongs[0]))
    assert response.status_code == 404
    assert unread(personas["chuthapdo"]) == 2  # nothing changed


def test_it_marks_all_of_mine_and_no_one_elses(client_for, personas, hongs, red_cross) -> None:
    # The office has one of its own (the reporter submitted again).
    notify_submitted(red_cross, actor=personas["chuthapdo"], resubmitted=True)
    client = client_for("chuthapdo")
    response = client.post(READ_ALL, follow=True)
    page = response.content.decode()
    assert "Đã đánh dấu tất cả thông báo là đã đọc." in page
    assert "Đã đọc hết thông báo." in page and "unread" not in page
    assert unread(personas["chuthapdo"]) == 0
    assert unread(personas["vanphong"]) == 1
    again = client.post(READ_ALL, follow=True).content.decode()
    assert "Không có thông báo nào chưa đọc." in again


def test_it_links_a_reminder_without_a_report_to_starting_it(client_for, personas) -> None:
    organisation = personas["chuthapdo"].organisation
    Notification.objects.create(
        recipient=personas["chuthapdo"],
        kind="due",
        organisation=organisation,
        form=form_for(organisation),
        period="2021S1",
        message="Hội Chữ thập đỏ huyện Bù Đăng: báo cáo 6 tháng đầu năm 2021 cần gửi trước hạn.",
        created_on=clock.today(),
        created_at=clock.now(),
    )
    page = client_for("chuthapdo").get(LIST).content.decode()
    assert f"/bao-cao/bat-dau/?to_chuc={organisation.pk}&amp;ky=2021S1" in page

"""A session ends after four hours without a request, and lasts as long as it is used; using
it writes the session at most every few minutes."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db
START = dt.datetime(2020, 12, 20, 8, 0, tzinfo=dt.UTC)


def _signed_in(client) -> bool:
    response = client.get("/")
    return response.status_code == 200


def test_it_signs_out_after_four_idle_hours_but_not_while_used(client_for):
    with time_machine.travel(START, tick=False) as clock:
        client = client_for("vanphong")
        assert _signed_in(client)
        for _ in range(3):  # six hours of work, a request every two hours
            clock.shift(dt.timedelta(hours=2))
            assert _signed_in(client)
        clock.shift(dt.timedelta(hours=4, minutes=1))
        assert not _signed_in(client)
        assert client.get("/").url.startswith("/tai-khoan/dang-nhap/")


def test_clicks_in_the_same_minutes_do_not_write_the_session(client_for):
    with time_machine.travel(START, tick=False) as clock:
        client = client_for("vanphong")
        client.get("/")
        clock.shift(dt.timedelta(minutes=1))
        with CaptureQueriesContext(connection) as queries:
            client.get("/bao-cao/")
        writes = [
            q["sql"] for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]
        ]
        assert writes == []
        clock.shift(dt.timedelta(minutes=10))
        before = Session.objects.get().expire_date
        client.get("/bao-cao/")
        assert Session.objects.get().expire_date == before + dt.timedelta(minutes=11)


def test_a_made_up_session_cookie_creates_no_session(client):
    client.cookies["sessionid"] = "made-up-by-someone-12345"
    client.get("/tai-khoan/dang-nhap/")
    assert not Session.objects.exists()

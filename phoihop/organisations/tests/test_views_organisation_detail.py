"""An organisation's page with its submissions by period."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def url(unit_code: str, kind: str) -> str:
    org = Organisation.objects.get(unit__code=unit_code, kind__code=kind)
    return reverse("organisations:organisation_detail", args=[org.pk])


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    assert client.get(url("698", "ctd"))["Location"].startswith(reverse("accounts:login"))


def test_it_lists_a_reporters_submissions_newest_first(client_for) -> None:
    response = client_for("chuthapdo").get(url("698", "ctd"))
    html = response.content.decode()
    assert "Hội Chữ thập đỏ huyện Bù Đăng" in html
    newest, oldest = html.find("6 tháng đầu năm 2020"), html.find("6 tháng đầu năm 2019")
    assert 0 < newest < oldest
    assert "đã duyệt" in html


def test_it_hides_another_organisation(client_for) -> None:
    assert client_for("chuthapdo").get(url("698", "nd")).status_code == 404
    assert client_for("ducphong").get(url("25495", "ctd")).status_code == 404


def test_it_answers_404_for_an_unknown_organisation(client_for) -> None:
    assert client_for("quantri").get("/to-chuc/999999/").status_code == 404

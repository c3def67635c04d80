"""Starting a submission: POST /bao-cao/bat-dau/ (and its GET confirmation)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.organisations.models import Organisation
from phoihop.reporting.models import Event, Submission

pytestmark = pytest.mark.django_db
URL = reverse("reporting:start")


def org(unit: str, kind: str) -> Organisation:
    return Organisation.objects.get(unit__code=unit, kind__code=kind)


def test_it_starts_the_red_cross_2020s2_draft_and_opens_the_entry_page(client_for) -> None:
    red_cross = org("698", "ctd")
    assert not Submission.objects.filter(organisation=red_cross, period="2020S2").exists()
    response = client_for("chuthapdo").post(URL, {"to_chuc": red_cross.pk, "ky": "2020S2"})
    submission = Submission.objects.get(organisation=red_cross, period="2020S2")
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:entry", args=[submission.pk])
    assert submission.status == "draft"
    assert submission.events.get().action == Event.Action.CREATED


def test_it_offers_the_start_on_the_reporters_home(client_for) -> None:
    html = client_for("chuthapdo").get(reverse("home")).content.decode()
    assert "Nhập báo cáo kỳ 6 tháng cuối năm 2020" in html


def test_it_asks_before_starting_on_get(client_for) -> None:
    response = client_for("chuthapdo").get(URL, {"to_chuc": org("698", "ctd").pk, "ky": "2020S2"})
    assert response.status_code == 200
    assert "Bắt đầu nhập" in response.content.decode()
    assert not Submission.objects.filter(organisation=org("698", "ctd"), period="2020S2").exists()


def test_it_hides_another_organisation(client_for) -> None:
    response = client_for("chuthapdo").post(URL, {"to_chuc": org("698", "ccb").pk, "ky": "2020S2"})
    assert response.status_code == 404


def test_it_refuses_a_member_who_does_not_report(client_for) -> None:
    response = client_for("thanhvien").post(
        URL, {"to_chuc": org("25495", "ccb").pk, "ky": "2020S2"}
    )
    assert response.status_code == 403


def test_it_explains_a_bad_period_in_vietnamese(client_for) -> None:
    response = client_for("chuthapdo").post(URL, {"to_chuc": org("698", "ctd").pk, "ky": "2020X9"})
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()


def test_it_refuses_a_period_whose_window_is_closed(client_for) -> None:
    response = client_for("chuthapdo").post(URL, {"to_chuc": org("698", "ctd").pk, "ky": "2021S1"})
    assert response.status_code == 400
    assert "hết thời gian nhập liệu" in response.content.decode()
    assert not Submission.objects.filter(organisation=org("698", "ctd"), period="2021S1").exists()

"""A malformed period id stored in a submission (an old import, a hand edit) must not take
down the pages that list periods: the row is skipped where periods are offered."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from phoihop.places.models import Unit
from phoihop.reporting.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def malformed() -> Submission:
    submission = Submission.objects.filter(
        organisation__unit__code="698", organisation__kind__code="ctd"
    ).first()
    Submission.objects.filter(pk=submission.pk).update(period="xx")
    return submission


@pytest.mark.parametrize(
    ("username", "url"),
    [
        ("vanphong", reverse("home")),
        ("chuthapdo", reverse("home")),
        ("vanphong", reverse("reporting:submission_list")),
        ("chuthapdo", reverse("reporting:submission_list")),
        ("vanphong", reverse("reporting:matrix")),
        ("vanphong", reverse("validation:index")),
    ],
)
@time_machine.travel(dt.datetime(2020, 12, 20, 9, 0, tzinfo=dt.UTC), tick=False)
def test_it_still_shows_the_page(client_for, malformed, username, url) -> None:
    # On the demo's day the pages open on 2020S2, the period being reported.
    response = client_for(username).get(url)
    assert response.status_code == 200
    assert "năm 2020" in response.content.decode()


def test_it_still_shows_the_organisations_page(client_for, malformed) -> None:
    url = reverse("organisations:organisation_detail", args=[malformed.organisation_id])
    response = client_for("vanphong").get(url)
    assert response.status_code == 200
    assert "6 tháng đầu năm 2020" in response.content.decode()


def test_it_still_offers_the_unit_workbook_periods(client_for, malformed) -> None:
    unit = Unit.objects.get(code="698")
    response = client_for("vanphong").get(reverse("reporting:excel_unit_choose", args=[unit.pk]))
    assert response.status_code == 200
    assert "6 tháng đầu năm 2020" in response.content.decode()

"""Who has reported: GET /bao-cao/theo-doi/ and the matrix selector."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from phoihop.core.periods import Period
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import services, workflow
from phoihop.reporting.matrix import reporting_matrix
from phoihop.reporting.models import EntryWindow, Submission

pytestmark = pytest.mark.django_db
URL = reverse("reporting:matrix")


def matrix(period: str = "2020S2") -> dict:
    return reporting_matrix(
        unit=Unit.objects.get(code="698"),
        period=Period.parse(period),
        organisations=Organisation.objects.all(),
    )


def test_it_matches_a_hand_count_of_the_district_row() -> None:
    district = matrix()["rows"][0]
    assert district["unit"].code == "698"
    states = {c.kind.code: c.state for c in district["cells"]}
    assert states == {
        "chqs": "on_time",
        "ccb": "not_started",
        "ctd": "not_started",
        "nd": "draft",
        "pn": "on_time",
        "ldld": "returned",
        "dtn": "accepted",
    }
    tally = district["tally"]
    assert (tally.expected, tally.reported, tally.on_time) == (7, 3, 3)
    assert tally.reported_text == "42,9%"


def test_it_matches_a_hand_count_of_the_whole_district() -> None:
    data = matrix()
    submissions = [
        s
        for s in Submission.objects.filter(period="2020S2").select_related("form")
        if s.organisation.unit.code == "698" or s.organisation.unit.parent.code == "698"
    ]
    reported = [s for s in submissions if s.status in ("submitted", "accepted")]
    on_time = [s for s in reported if not s.is_late]
    overall = data["overall"]
    assert len(data["rows"]) == 17 and overall.expected == 17 * 7
    assert overall.reported == len(reported) and overall.on_time == len(on_time)
    assert overall.states["not_started"] == 119 - len(submissions)
    assert overall.states["late"] == len(
        [s for s in reported if s.is_late and s.status == "submitted"]
    )
    assert sum(c.expected for c in data["columns"]) == 119
    assert sum(r["tally"].reported for r in data["rows"]) == len(reported)


def test_it_shows_the_2020_communes_for_2020_and_the_new_ones_never() -> None:
    names = [r["unit"].name for r in matrix()["rows"]]
    assert "Đức Phong" in " ".join(names) and len(names) == 17


def test_it_shows_the_office_the_matrix_in_a_fixed_number_of_queries(
    client_for, django_assert_max_num_queries
) -> None:
    client = client_for("vanphong")
    with django_assert_max_num_queries(14):
        response = client.get(URL, {"ky": "2020S2"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "huyện Bù Đăng" in html and "thị trấn Đức Phong" in html
    assert "đã gửi đúng hạn" in html and "bị trả lại" in html and "42,9%" in html
    assert "Gia hạn nhập liệu" in html
    # A cell with no submission lets the office start it.
    red_cross = Organisation.objects.get(unit__code="698", kind__code="ctd")
    assert f"/bao-cao/bat-dau/?to_chuc={red_cross.pk}&amp;ky=2020S2" in html


def test_it_answers_htmx_with_the_matrix_only(client_for) -> None:
    response = client_for("vanphong").get(URL, {"ky": "2020S1"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="matrix">') and "<html" not in html
    assert "100%" in html


def test_it_follows_a_step_as_it_happens(client_for, personas) -> None:
    red_cross = Organisation.objects.get(unit__code="698", kind__code="ctd")
    submission = services.start_submission(
        user=personas["chuthapdo"], organisation=red_cross, period="2020S2"
    )
    assert matrix()["rows"][0]["cells"][2].state == "draft"
    workflow.submit_submission(submission, user=personas["chuthapdo"])
    # Submitted in 2026 for a deadline in 2020: late.
    assert matrix()["rows"][0]["cells"][2].state == "late"


def test_it_falls_back_to_the_current_period_on_a_bad_one(client_for) -> None:
    response = client_for("vanphong").get(URL, {"ky": "hôm qua"})
    assert response.status_code == 200
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()


def test_it_is_not_for_reporters(client_for) -> None:
    assert client_for("chuthapdo").get(URL).status_code == 403


def test_it_lets_the_office_extend_the_entry_window(client_for) -> None:
    response = client_for("vanphong").post(
        reverse("reporting:extend_window"),
        {"bieu_mau": "huyen_ctd", "ky": "2021S1", "den_ngay": "31/12/2027", "ly_do": "Bổ sung"},
    )
    assert response.status_code == 302
    window = EntryWindow.objects.get(form__code="huyen_ctd", period="2021S1")
    assert window.closes_on == dt.date(2027, 12, 31) and window.reason == "Bổ sung"


def test_it_explains_a_bad_extension_in_vietnamese(client_for) -> None:
    response = client_for("vanphong").post(
        reverse("reporting:extend_window"), {"bieu_mau": "x", "ky": "y", "den_ngay": "z"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Chọn biểu mẫu" in html and "Ngày không hợp lệ" in html and "Cần ghi lý do" in html


def test_it_refuses_an_extension_by_a_reporter(client_for) -> None:
    response = client_for("chuthapdo").post(
        reverse("reporting:extend_window"),
        {"bieu_mau": "huyen_ctd", "ky": "2021S1", "den_ngay": "31/12/2027", "ly_do": "x"},
    )
    assert response.status_code == 403


@time_machine.travel(dt.datetime(2020, 12, 20, 9, 0, tzinfo=dt.UTC), tick=False)
def test_it_loads_on_the_offices_home(client_for) -> None:
    # On the demo's day 20/12/2020 the period being reported is 2020S2.
    html = client_for("vanphong").get(reverse("home")).content.decode()
    assert 'id="matrix" hx-get="/bao-cao/theo-doi/?ky=2020S2"' in html

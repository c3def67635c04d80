"""The committee's pages for each persona: what they see and what they are refused."""

from __future__ import annotations

import pytest

from phoihop.committee.models import Inspection, InspectionPlan, PlanStatus, Recommendation
from phoihop.core import clock
from phoihop.core.periods import CUTOFF_15, Period
from phoihop.places.models import Unit
from phoihop.programmes.selectors import unit_progress

pytestmark = pytest.mark.django_db


def _unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def test_it_shows_the_member_their_two_communes(client_for):
    response = client_for("thanhvien").get("/ban-chi-dao/cua-toi/?ky=2020S2")
    assert response.status_code == 200
    text = response.content.decode()
    assert "xã Bom Bo" in text and "xã Bình Minh" in text
    assert "Đức Phong" not in text
    # The share of the 2020 programme's targets Bom Bo had reached by the period's end, as the
    # programme's own figure says it.
    as_of = min(clock.today(), Period.parse("2020S2").end_date(CUTOFF_15))
    share = unit_progress(unit=_unit("25495"), year=2020, on_date=as_of)
    assert share is not None and share > 0
    assert f"<td>{round(share)}%</td>" in text
    # Bom Bo's open recommendation from the H1 inspection
    assert "quy chế hoạt động của Ban điều phối xã" in text


def test_it_sends_the_member_from_the_index_to_their_page(client_for):
    response = client_for("thanhvien").get("/ban-chi-dao/")
    assert response.status_code == 302
    assert response["Location"] == "/ban-chi-dao/cua-toi/"


def test_it_refuses_the_member_page_to_others(client_for):
    assert client_for("vanphong").get("/ban-chi-dao/cua-toi/").status_code == 403


def test_it_flags_boards_without_rules_or_missing_a_body(client_for):
    district = _unit("698")
    text = client_for("vanphong").get(f"/ban-chi-dao/ban/{district.pk}/").content.decode()
    assert "Phạm Quốc Việt" in text
    assert "chưa có quy chế hoạt động" in text  # Bom Bo and others
    assert "thiếu thành phần: LĐLĐ" in text  # Đức Phong's board


def test_it_shows_the_ranking_with_each_factor_and_its_points(client_for):
    district = _unit("698")
    response = client_for("vanphong").get(f"/ban-chi-dao/xep-hang/{district.pk}/?ky=2020S2")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Báo cáo chậm hoặc chưa gửi" in text
    assert "Thời gian từ lần kiểm tra gần nhất" in text
    assert "chỉ tiêu năm" in text  # each commune's programme progress, as a factor
    assert text.count("<tr>") >= 17  # header and 16 communes


@pytest.mark.parametrize("username", ["thanhvien", "ducphong", "chuthapdo", "tinh"])
def test_it_refuses_the_ranking_to_all_but_the_office(client_for, username):
    district = _unit("698")
    response = client_for(username).get(f"/ban-chi-dao/xep-hang/{district.pk}/")
    assert response.status_code in (403, 404)


def test_the_office_changes_the_weights_and_the_points_follow(client_for):
    district = _unit("698")
    client = client_for("vanphong")
    data = {
        "late_report": "0",
        "open_result": "0",
        "programme_behind": "0",
        "month_uninspected": "0",
        "missing_rules": "100",
        "periods_back": "2",
        "ky": "2020S2",
    }
    response = client.post(f"/ban-chi-dao/xep-hang/{district.pk}/trong-so/", data)
    assert response.status_code == 302
    text = client.get(f"/ban-chi-dao/xep-hang/{district.pk}/?ky=2020S2").content.decode()
    assert "<strong>100</strong>" in text  # a commune without rules
    assert "<strong>0</strong>" in text  # a commune with rules


def test_bad_weights_change_nothing(client_for):
    district = _unit("698")
    response = client_for("vanphong").post(
        f"/ban-chi-dao/xep-hang/{district.pk}/trong-so/", {"late_report": "nhiều"}, follow=True
    )
    assert response.status_code == 200
    from phoihop.committee.models import RiskWeights

    assert not RiskWeights.objects.filter(unit=district).exists()


def test_the_commune_sees_its_own_inspection_but_not_another(client_for):
    own = Inspection.objects.get(unit__code="25480", plan__period="2020S1")
    other = Inspection.objects.get(unit__code="25495", plan__period="2020S1")
    client = client_for("ducphong")
    assert client.get(f"/ban-chi-dao/kiem-tra/{own.pk}/").status_code == 200
    assert client.get(f"/ban-chi-dao/kiem-tra/{other.pk}/").status_code == 404


def test_the_h2_draft_plan_names_four_communes_with_reasons(client_for):
    plan = InspectionPlan.objects.get(unit__code="698", period="2020S2")
    assert plan.status == PlanStatus.DRAFT
    text = client_for("vanphong").get(f"/ban-chi-dao/ke-hoach/{plan.pk}/").content.decode()
    assert plan.inspections.count() == 4
    assert "Quy chế hoạt động của Ban điều phối: chưa có" in text
    assert "Gửi kế hoạch cho các xã" in text


def test_the_demo_has_the_h1_recommendations(db):
    assert Recommendation.objects.filter(inspection__plan__period="2020S1").count() == 4

"""The common plan: started from the programme and the last directions, each item ending."""

from __future__ import annotations

import pytest

from phoihop.places.models import Unit
from phoihop.programmes import services
from phoihop.programmes.models import CommonPlan, JointActivity, PlannedActivity

pytestmark = pytest.mark.django_db


def test_a_plan_starts_from_the_programme_contents_and_the_last_directions(personas) -> None:
    district = Unit.objects.get(code="698")
    plan = services.start_common_plan(user=personas["vanphong"], unit=district, period="2021S1")
    assert plan.activities.count() == 0  # no 2021 programme, and 2020S2's report not accepted

    plan = services.start_common_plan(user=personas["vanphong"], unit=district, period="2020S2")
    assert plan.activities.count() == 4  # the demo's plan exists: returned as it is

    CommonPlan.objects.filter(unit=district, period="2020S2").delete()
    plan = services.start_common_plan(user=personas["vanphong"], unit=district, period="2020S2")
    sources = list(plan.activities.values_list("source", flat=True))
    assert sources.count(PlannedActivity.Source.PROGRAMME) == 9
    # The command's accepted 2020S1 report wrote its directions: they become tasks.
    assert sources.count(PlannedActivity.Source.DIRECTION) >= 1
    first = plan.activities.filter(source=PlannedActivity.Source.PROGRAMME).first()
    assert first.partners.exists() and first.content is not None


def test_postponing_needs_a_reason_and_done_links_the_activity(personas, client_for) -> None:
    district = Unit.objects.get(code="698")
    planned = PlannedActivity.objects.filter(
        plan__unit=district, outcome=PlannedActivity.Outcome.PLANNED
    ).first()
    client = client_for("vanphong")
    response = client.post(
        f"/chuong-trinh/ke-hoach/viec/{planned.pk}/ket-qua/",
        {"outcome": "postponed", "reason": ""},
        follow=True,
    )
    assert "Hoãn hoặc huỷ cần ghi lý do" in response.content.decode()
    planned.refresh_from_db()
    assert planned.outcome == PlannedActivity.Outcome.PLANNED

    activity = JointActivity.objects.filter(unit=district).first()
    client.post(
        f"/chuong-trinh/ke-hoach/viec/{planned.pk}/ket-qua/",
        {"outcome": "done", "activity": activity.pk},
    )
    planned.refresh_from_db()
    assert planned.outcome == PlannedActivity.Outcome.DONE and planned.activity == activity


def test_only_the_office_plans(client_for) -> None:
    district = Unit.objects.get(code="698")
    planned = PlannedActivity.objects.filter(plan__unit=district).first()
    response = client_for("chuthapdo").post(
        f"/chuong-trinh/ke-hoach/viec/{planned.pk}/ket-qua/", {"outcome": "cancelled"}
    )
    assert response.status_code == 403  # the reporter sees the district, but does not plan
    response = client_for("tinh").post(
        f"/chuong-trinh/ke-hoach/viec/{planned.pk}/ket-qua/",
        {"outcome": "cancelled", "reason": "x"},
    )
    assert response.status_code == 403


def test_the_plan_page_shows_how_each_item_ended(client_for) -> None:
    district = Unit.objects.get(code="698")
    page = client_for("vanphong").get(f"/chuong-trinh/ke-hoach/{district.pk}/2020S2/")
    text = page.content.decode()
    assert "Hiến máu tình nguyện đợt 3" in text
    assert "Mưa lũ kéo dài" in text and "đã thực hiện" in text and "huỷ" in text


def test_the_report_of_the_period_says_how_its_common_plan_ended() -> None:
    from phoihop.core.periods import Period
    from phoihop.documents.context_programme import programme_context

    district = Unit.objects.get(code="698")
    text = "\n".join(programme_context(district, Period.parse("2020S2"))["programme_progress"])
    assert "Kế hoạch chung 6 tháng cuối năm 2020: 01/04 việc đã thực hiện." in text
    assert "hoãn (Mưa lũ kéo dài tháng 10; chuyển sang tháng 12/2020)" in text

"""Starting a section from last period's text: POST /bao-cao/<pk>/nhap/ky-truoc/<section>/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.reporting.models import Narrative, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def farmers() -> Submission:
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period="2020S2"
    )


def test_it_fills_the_box_with_last_periods_text_without_saving(client_for, farmers) -> None:
    section = farmers.form.sections.filter(has_narrative=True).first()
    earlier = Narrative.objects.get(
        submission__organisation=farmers.organisation, submission__period="2020S1", section=section
    )
    earlier.text = before = f"Trong 6 tháng đầu năm 2020, {earlier.text}"
    earlier.save()
    response = client_for("nongdan").post(
        reverse("reporting:previous_narrative", args=[farmers.pk, section.code]),
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert response.status_code == 200
    # Its period words now name this period, and the reporter is asked to read it again.
    assert before[:80].replace("6 tháng đầu năm", "6 tháng cuối năm") in html
    assert "6 tháng đầu năm 2020" not in html
    assert "đã được đổi sang kỳ này" in html
    assert response["HX-Trigger"] == "phoihop-filled"


def test_it_says_when_there_is_nothing_to_take(client_for, farmers) -> None:
    section = farmers.form.sections.filter(has_narrative=True).first()
    Narrative.objects.filter(
        submission__organisation=farmers.organisation, submission__period="2020S1"
    ).delete()
    response = client_for("nongdan").post(
        reverse("reporting:previous_narrative", args=[farmers.pk, section.code]),
        {f"n.{section.code}": "đang viết"},
    )
    html = response.content.decode()
    assert "Kỳ trước không có phần thuyết minh này." in html and "đang viết" in html


def test_it_answers_404_for_an_unknown_section(client_for, farmers) -> None:
    response = client_for("nongdan").post(
        reverse("reporting:previous_narrative", args=[farmers.pk, "khong_co"])
    )
    assert response.status_code == 404

"""Submitting: GET and POST /bao-cao/<pk>/gui/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.organisations.models import Organisation
from phoihop.reporting import services, workflow
from phoihop.reporting.models import EntryWindow, Event, Explanation, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_cross(personas) -> Submission:
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    submission = services.start_submission(
        user=personas["chuthapdo"], organisation=organisation, period="2020S2"
    )
    # A part larger than its whole breaks a built-in check: the reporter explains it.
    return services.save_submission(
        submission, user=personas["chuthapdo"], figures={"so_cuu_ca": "40", "so_cuu_tngt": "45"}
    )


def url(submission: Submission) -> str:
    return reverse("reporting:submit", args=[submission.pk])


def test_it_lists_every_violation_with_room_for_an_explanation(client_for, red_cross) -> None:
    html = client_for("chuthapdo").get(url(red_cross)).content.decode()
    assert "Giải trình" in html and 'name="giai_trinh.' in html


def test_it_submits_and_stores_the_explanations(client_for, red_cross) -> None:
    code = services_warning_code(red_cross)
    response = client_for("chuthapdo").post(
        url(red_cross), {f"giai_trinh.{code}": "Có ca sơ cứu được tính ở hai nhóm."}
    )
    red_cross.refresh_from_db()
    assert response.status_code == 302
    assert red_cross.status == "submitted" and red_cross.submitted_at is not None
    assert red_cross.events.last().action == Event.Action.SUBMITTED
    assert Explanation.objects.get(submission=red_cross, rule_code=code).text.startswith("Có ca")


def services_warning_code(submission: Submission) -> str:
    from phoihop.validation.services import submission_warnings

    return submission_warnings(submission)[0]["code"]


def test_it_refuses_while_a_blocking_check_is_broken(client_for, red_cross, monkeypatch) -> None:
    monkeypatch.setattr(
        workflow,
        "submission_warnings",
        lambda s: [
            {
                "code": "x",
                "message": "Sai",
                "importance": "high",
                "blocking": True,
                "indicators": [],
            }
        ],
    )
    response = client_for("chuthapdo").post(url(red_cross))
    red_cross.refresh_from_db()
    assert response.status_code == 400 and red_cross.status == "draft"
    assert "phải sửa trước khi gửi" in response.content.decode()


def test_it_refuses_to_submit_twice(client_for, red_cross) -> None:
    client = client_for("chuthapdo")
    client.post(url(red_cross))
    response = client.post(url(red_cross))
    assert response.status_code == 400
    assert "Chỉ gửi được báo cáo đang soạn hoặc bị trả lại" in response.content.decode()


def test_it_refuses_outside_the_window(client_for, red_cross) -> None:
    EntryWindow.objects.filter(period="2020S2").delete()
    response = client_for("chuthapdo").post(url(red_cross))
    assert response.status_code == 400
    assert "Đã hết thời gian nhập liệu" in response.content.decode()


def test_it_hides_another_organisations_submission(client_for, red_cross) -> None:
    assert client_for("nongdan").post(url(red_cross)).status_code == 404


def test_it_refuses_a_viewer(client_for, red_cross) -> None:
    assert client_for("tinh").post(url(red_cross)).status_code == 403

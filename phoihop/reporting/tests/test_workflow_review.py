"""The office's steps: POST /bao-cao/<pk>/tra-lai/, /duyet/ and /mo-lai/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.reporting.models import Event, Submission

pytestmark = pytest.mark.django_db


def women(status_period: str = "2020S2") -> Submission:
    # The women's union's 2020S2 submission is submitted in the demo.
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="pn", period=status_period
    )


def accepted() -> Submission:
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="ctd", period="2020S1"
    )


def post(client, step: str, submission: Submission, reason: str | None = None):
    data = {} if reason is None else {"ly_do": reason}
    return client.post(reverse(f"reporting:{step}", args=[submission.pk]), data)


def test_it_returns_with_a_reason(client_for) -> None:
    submission = women()
    response = post(client_for("vanphong"), "return", submission, "Thiếu số lượt người.")
    submission.refresh_from_db()
    assert response.status_code == 302
    assert submission.status == "returned" and submission.return_reason == "Thiếu số lượt người."
    event = submission.events.last()
    assert event.action == Event.Action.RETURNED and event.reason == "Thiếu số lượt người."


def test_it_asks_for_the_reason_in_vietnamese(client_for) -> None:
    submission = women()
    response = post(client_for("vanphong"), "return", submission, "   ")
    submission.refresh_from_db()
    assert response.status_code == 400 and submission.status == "submitted"
    assert "Cần ghi lý do trả lại" in response.content.decode()


def test_it_accepts_and_locks(client_for) -> None:
    submission = women()
    client = client_for("vanphong")
    assert post(client, "accept", submission).status_code == 302
    submission.refresh_from_db()
    assert submission.status == "accepted"
    response = client.post(
        reverse("reporting:entry", args=[submission.pk]),
        {"version": submission.version, "f.tt_duong_loi_cuoc": "1"},
    )
    assert response.status_code == 400 and "đang khoá" in response.content.decode()


def test_it_refuses_to_accept_a_draft(client_for) -> None:
    draft = Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period="2020S2"
    )
    response = post(client_for("vanphong"), "accept", draft)
    assert response.status_code == 400
    assert "Chỉ duyệt được báo cáo đã gửi" in response.content.decode()


def test_it_reopens_an_accepted_one_with_a_reason(client_for) -> None:
    submission = accepted()
    response = post(client_for("vanphong"), "reopen", submission, "Sai số hộ nghèo.")
    submission.refresh_from_db()
    assert response.status_code == 302 and submission.status == "returned"
    assert submission.events.last().action == Event.Action.REOPENED


def test_it_refuses_to_reopen_without_a_reason(client_for) -> None:
    response = post(client_for("vanphong"), "reopen", accepted(), "")
    assert response.status_code == 400
    assert "Cần ghi lý do mở lại" in response.content.decode()


@pytest.mark.parametrize("step", ["return", "accept", "reopen"])
def test_it_refuses_the_reporter(client_for, step) -> None:
    submission = (
        accepted()
        if step == "reopen"
        else Submission.objects.get(
            organisation__unit__code="698", organisation__kind__code="ctd", period="2020S1"
        )
    )
    assert post(client_for("chuthapdo"), step, submission, "x").status_code == 403


def test_it_hides_the_submission_from_another_organisations_reporter(client_for) -> None:
    assert post(client_for("nongdan"), "accept", women()).status_code == 404


def test_it_refuses_a_get(client_for) -> None:
    response = client_for("vanphong").get(reverse("reporting:accept", args=[women().pk]))
    assert response.status_code == 405


def test_it_shows_the_buttons_to_the_office_only(client_for) -> None:
    page = reverse("reporting:submission_detail", args=[women().pk])
    office = client_for("vanphong").get(page).content.decode()
    assert "Duyệt báo cáo" in office and "Trả lại để sửa" in office
    reporter = client_for("tinh").get(page).content.decode()
    assert "Duyệt báo cáo" not in reporter

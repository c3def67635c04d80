"""Checking one figure as it is typed: POST /bao-cao/<pk>/nhap/kiem-tra/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.reporting.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def farmers() -> Submission:
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period="2020S2"
    )


def check(client, submission: Submission, code: str, typed: str):
    return client.post(
        reverse("reporting:check_value", args=[submission.pk]),
        {"field": code, f"f.{code}": typed},
        HTTP_HX_REQUEST="true",
    )


@pytest.mark.parametrize(
    ("code", "typed", "message"),
    [
        ("nvqs_ty_le_dang_ky", "120", "phải từ 0 đến 100"),
        ("nvqs_ty_le_dang_ky", "abc", "Không đọc được"),
        ("tt_qp_cuoc", "-1", "không được âm"),
        ("tt_qp_cuoc", "12,5", "phải là số nguyên"),
    ],
)
def test_it_says_what_is_wrong_next_to_the_field(client_for, farmers, code, typed, message) -> None:
    response = check(client_for("nongdan"), farmers, code, typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="e-{code}"' in html and message in html


@pytest.mark.parametrize("typed", ["7.286", "7286", "", "05"])
def test_it_accepts_counts_typed_the_vietnamese_way(client_for, farmers, typed) -> None:
    html = check(client_for("nongdan"), farmers, "tt_qp_cuoc", typed).content.decode()
    assert '<div id="e-tt_qp_cuoc" class="field-error" role="alert"></div>' in html


def test_it_warns_of_a_large_change_before_sending(client_for, farmers) -> None:
    html = check(client_for("nongdan"), farmers, "tt_qp_cuoc", "7.286").content.decode()
    assert '<div id="e-tt_qp_cuoc" class="field-error" role="alert"></div>' in html
    assert 'id="d-tt_qp_cuoc"' in html and "Khi gửi cần giải trình" in html
    assert "7.286 cuộc, tăng" in html and "biến động lớn" in html
    quiet = check(client_for("nongdan"), farmers, "tt_qp_cuoc", "40").content.decode()
    assert "biến động lớn" not in quiet


def test_it_refuses_an_unknown_indicator_in_vietnamese(client_for, farmers) -> None:
    response = check(client_for("nongdan"), farmers, "khong_co", "1")
    assert response.status_code == 400
    assert "không có trong biểu mẫu" in response.content.decode()


def test_it_hides_another_organisations_submission(client_for, farmers) -> None:
    assert check(client_for("chuthapdo"), farmers, "tt_qp_cuoc", "1").status_code == 404

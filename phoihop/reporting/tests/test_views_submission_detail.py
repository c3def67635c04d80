"""Reading one submission: header, sections with figures and narrative, events."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.indicators.models import Section
from phoihop.reporting.models import Narrative, Submission

pytestmark = pytest.mark.django_db


def submission(unit_code: str, kind: str, period: str) -> Submission:
    return Submission.objects.get(
        organisation__unit__code=unit_code, organisation__kind__code=kind, period=period
    )


def url(sub: Submission) -> str:
    return reverse("reporting:submission_detail", args=[sub.pk])


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    response = client.get(url(submission("698", "ctd", "2020S1")))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_shows_the_header_and_figures_the_vietnamese_way(
    client_for, django_assert_max_num_queries
) -> None:
    client = client_for("chuthapdo")
    with django_assert_max_num_queries(20):
        response = client.get(url(submission("698", "ctd", "2020S1")))
    html = response.content.decode()
    assert "Hội Chữ thập đỏ huyện Bù Đăng" in html
    assert "Báo cáo phối hợp hoạt động của Hội Chữ thập đỏ cấp huyện" in html
    assert "6 tháng đầu năm 2020" in html and "đã duyệt" in html
    assert "Hạn nộp" in html and "19/6/2020" in html
    assert "Nguyễn Thị Hồng" in html and "Trần Minh Đức" in html  # submitted and reviewed by
    assert "25 cuộc" in html and "14.250 lượt người" in html
    assert "3.658.673.000 đồng" in html
    assert "05 căn nhà" in html
    assert "Quá trình xử lý" in html and "Gửi" in html and "Duyệt" in html


def test_it_marks_computed_figures(client_for) -> None:
    html = client_for("vanphong").get(url(submission("698", "chqs", "2020S1"))).content.decode()
    assert "tự tính" in html
    assert "1,15%" in html  # DQTV as a share of the population


def test_it_renders_the_narrative_with_cited_figures_in_paragraphs(client_for) -> None:
    sub = submission("698", "ctd", "2020S1")
    section = Section.objects.filter(form=sub.form).order_by("order").first()
    Narrative.objects.update_or_create(
        submission=sub,
        section=section,
        defaults={"text": "Tổ chức {tt_duong_loi_cuoc} cuộc.\r\n\r\nĐoạn hai {khong_co}."},
    )
    html = client_for("chuthapdo").get(url(sub)).content.decode()
    assert '<p class="narrative">Tổ chức 25 cuộc.</p>' in html
    assert '<p class="narrative">Đoạn hai {khong_co}.</p>' in html  # unknown stays visible


def test_it_shows_why_a_submission_was_returned(client_for) -> None:
    html = client_for("vanphong").get(url(submission("698", "ldld", "2020S2"))).content.decode()
    assert "bị trả lại" in html
    assert "Lý do trả lại" in html and "Đề nghị bổ sung" in html


def test_it_hides_another_organisations_submission(client_for) -> None:
    assert client_for("chuthapdo").get(url(submission("698", "nd", "2020S1"))).status_code == 404
    assert client_for("ducphong").get(url(submission("698", "ctd", "2020S1"))).status_code == 404
    assert client_for("thanhvien").get(url(submission("25480", "ctd", "2020S1"))).status_code == 404


def test_it_answers_404_for_an_unknown_submission(client_for) -> None:
    assert client_for("quantri").get("/bao-cao/999999/").status_code == 404

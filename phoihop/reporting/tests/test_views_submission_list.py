"""The list of submissions a reader may see, filtered by period, status and organisation kind."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from phoihop.accounts.permissions import visible_submissions

pytestmark = pytest.mark.django_db

URL = reverse("reporting:submission_list")
ROW = re.compile(r'<td class="nowrap"><a href="/bao-cao/\d+/">')


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    assert client.get(URL)["Location"].startswith(reverse("accounts:login"))


def test_it_lists_a_reporters_own_submissions_only(client_for, personas) -> None:
    html = client_for("chuthapdo").get(URL).content.decode()
    assert len(ROW.findall(html)) == visible_submissions(personas["chuthapdo"]).count() == 3
    assert "Hội Chữ thập đỏ huyện Bù Đăng" in html
    assert "Hội Nông dân huyện" not in html


def test_it_pages_the_offices_list_in_a_fixed_number_of_queries(
    client_for, personas, django_assert_max_num_queries
) -> None:
    client = client_for("vanphong")
    with django_assert_max_num_queries(7):
        response = client.get(URL)
    html = response.content.decode()
    total = visible_submissions(personas["vanphong"]).count()
    assert f"{total} báo cáo" in html
    assert len(ROW.findall(html)) == 50
    assert "Trang 1/" in html and "trang=2" in html


def test_it_filters_by_period_status_and_kind(client_for) -> None:
    client = client_for("vanphong")
    html = client.get(URL, {"ky": "2020S2", "trang_thai": "returned"}).content.decode()
    assert len(ROW.findall(html)) == 1
    assert "Liên đoàn Lao động huyện Bù Đăng" in html
    html = client.get(URL, {"ky": "2020s1", "loai": "ctd"}).content.decode()
    assert len(ROW.findall(html)) == 17  # the district's and 16 communes' Red Cross
    assert "Hội Nông dân" not in html.split('id="submission-table"')[1]


def test_it_ignores_bad_filters_with_vietnamese_messages(client_for) -> None:
    response = client_for("ducphong").get(
        URL, {"ky": "2020S9", "trang_thai": "deleted", "loai": "<x>", "trang": "abc"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kỳ báo cáo không hợp lệ" in html
    assert "Trạng thái không hợp lệ" in html
    assert "Loại tổ chức không hợp lệ" in html
    assert len(ROW.findall(html)) > 0


def test_it_answers_htmx_with_the_table_only(client_for) -> None:
    response = client_for("vanphong").get(URL, {"ky": "2020S1"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="submission-table">')
    assert "<html" not in html and "6 tháng đầu năm 2020" in html

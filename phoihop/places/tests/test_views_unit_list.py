"""The list of units a reader may see, as a tree, optionally those valid on a date."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("places:unit_list")


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    assert client.get(URL)["Location"].startswith(reverse("accounts:login"))


def test_it_shows_the_office_its_district_and_16_communes(
    client_for, django_assert_max_num_queries
) -> None:
    client = client_for("vanphong")
    with django_assert_max_num_queries(4):
        response = client.get(URL)
    html = response.content.decode()
    assert html.count('<td class="depth-') == 17
    assert '<td class="depth-0"><a href="/don-vi/' in html  # the district at the top
    assert html.count('<td class="depth-1">') == 16
    assert "tỉnh Bình Phước" not in html
    assert "đến 30/6/2025" in html


def test_it_shows_a_member_only_the_communes_they_follow(client_for) -> None:
    html = client_for("thanhvien").get(URL).content.decode()
    assert "xã Bom Bo" in html and "xã Bình Minh" in html
    assert "thị trấn Đức Phong" not in html


def test_it_shows_the_province_to_its_viewer(client_for) -> None:
    html = client_for("tinh").get(URL).content.decode()
    assert html.count('<td class="depth-') == 18  # province, district, 16 communes
    assert "tỉnh Bình Phước" in html


def test_it_keeps_units_valid_on_a_date(client_for) -> None:
    client = client_for("quantri")
    before = client.get(URL, {"ngay": "2020-06-15"}).content.decode()
    assert "thị trấn Đức Phong" in before and "xã Bù Đăng" not in before
    after = client.get(URL, {"ngay": "2/7/2025"}).content.decode()
    assert "xã Bù Đăng" in after and "thị trấn Đức Phong" not in after
    assert "Các đơn vị có hiệu lực vào ngày 2/7/2025" in after


def test_it_ignores_an_unreadable_date_with_a_vietnamese_note(client_for) -> None:
    response = client_for("vanphong").get(URL, {"ngay": "31/2/2020"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không đọc được ngày «31/2/2020»" in html
    assert html.count('<td class="depth-') == 17


def test_it_answers_htmx_with_the_table_only(client_for) -> None:
    response = client_for("vanphong").get(URL, {"ngay": "2020-06-15"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="unit-table">')
    assert "<html" not in html

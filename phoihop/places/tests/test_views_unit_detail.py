"""A unit's page: kind, code, parent, validity, merges, population, organisations, children."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.places.models import Unit

pytestmark = pytest.mark.django_db


def url(code: str) -> str:
    return reverse("places:unit_detail", args=[Unit.objects.get(code=code).pk])


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    assert client.get(url("25480"))["Location"].startswith(reverse("accounts:login"))


def test_it_shows_a_commune_that_merged_in_2025(client_for, django_assert_max_num_queries) -> None:
    client = client_for("quantri")
    with django_assert_max_num_queries(12):
        response = client.get(url("25480"))
    html = response.content.decode()
    assert "Thị trấn Đức Phong" in html
    assert "25480" in html
    assert f'href="{url("698")}"' in html and "huyện Bù Đăng" in html
    assert "đến 30/6/2025" in html
    assert "Sáp nhập vào" in html and "xã Bù Đăng" in html and "từ 1/7/2025" in html
    assert "19.850" in html  # population 2020
    assert "Hội Chữ thập đỏ thị trấn Đức Phong" in html


def test_it_lists_what_a_new_commune_was_formed_from(client_for) -> None:
    html = client_for("quantri").get(url("25481")).content.decode()
    assert "Hình thành từ" in html
    for name in ("thị trấn Đức Phong", "xã Đoàn Kết", "xã Minh Hưng"):
        assert name in html
    assert "từ 1/7/2025" in html


def test_it_names_a_successor_outside_scope_without_linking_it(client_for) -> None:
    html = client_for("vanphong").get(url("25480")).content.decode()
    assert "xã Bù Đăng" in html
    assert f'href="{url("25481")}"' not in html


def test_it_lists_a_districts_communes(client_for) -> None:
    html = client_for("vanphong").get(url("698")).content.decode()
    assert "Các đơn vị trực thuộc" in html
    assert "xã Bom Bo" in html and "xã Phước Sơn" in html


def test_it_hides_units_outside_scope(client_for) -> None:
    assert client_for("ducphong").get(url("25495")).status_code == 404
    assert client_for("thanhvien").get(url("25480")).status_code == 404


def test_it_answers_404_for_an_unknown_unit(client_for) -> None:
    assert client_for("quantri").get("/don-vi/999999/").status_code == 404
    assert client_for("quantri").get("/don-vi/abc/").status_code == 404


def test_it_writes_a_population_year_as_a_year_not_a_number(client_for) -> None:
    html = client_for("quantri").get(url("25480")).content.decode()
    assert "<td>2020</td>" in html
    assert "2.020" not in html

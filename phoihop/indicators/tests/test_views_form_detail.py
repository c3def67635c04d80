"""A form: sections in order with their indicators, who reports it, periods and deadline."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    url = reverse("indicators:form_detail", args=["huyen_chqs"])
    assert client.get(url)["Location"].startswith(reverse("accounts:login"))


def test_it_shows_sections_in_order_with_their_indicators(
    client_for, django_assert_max_num_queries
) -> None:
    client = client_for("tinh")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("indicators:form_detail", args=["huyen_chqs"]))
    html = response.content.decode()
    first = html.find("1. Công tác lãnh đạo, chỉ đạo")
    later = html.find("Phương hướng kỳ tới")
    assert 0 < first < later
    assert "Ban Chỉ huy Quân sự" in html and "cấp huyện" in html
    assert "chốt số liệu ngày 15 (Nghị định 09/2019)" in html
    assert "7 ngày sau khi kết thúc kỳ" in html
    assert "tự tính" in html  # the share of young people is computed


def test_it_answers_404_for_an_unknown_form(client_for) -> None:
    assert client_for("tinh").get("/chi-tieu/bieu-mau/khong_co/").status_code == 404

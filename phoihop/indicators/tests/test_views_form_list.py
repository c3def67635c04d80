"""The list of reporting forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("indicators:form_list")


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    assert client.get(URL)["Location"].startswith(reverse("accounts:login"))


def test_it_lists_the_forms(client_for, django_assert_max_num_queries) -> None:
    client = client_for("thanhvien")
    with django_assert_max_num_queries(4):
        response = client.get(URL)
    html = response.content.decode()
    assert "Báo cáo phối hợp hoạt động của Hội Chữ thập đỏ cấp huyện" in html
    assert reverse("indicators:form_detail", args=["huyen_ctd"]) in html
    assert "6 tháng" in html

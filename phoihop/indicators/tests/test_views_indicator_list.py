"""The indicator catalogue, readable by everyone signed in."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("indicators:indicator_list")


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    assert client.get(URL)["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("username", ["ducphong", "quantri"])
def test_it_lists_every_indicator(client_for, username, django_assert_max_num_queries) -> None:
    client = client_for(username)
    with django_assert_max_num_queries(3):
        response = client.get(URL)
    html = response.content.decode()
    assert "tt_duong_loi_cuoc" in html and "lượt người" in html
    assert "tt_qp_thanh_nien / tt_qp_luot * 100" in html  # a formula
    assert "tiền (đồng)" in html and "cộng dồn" in html

"""The organisations a reader may see, grouped by unit."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("organisations:organisation_list")
ORG_LINK = re.compile(r'href="/to-chuc/\d+/"')


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    assert client.get(URL)["Location"].startswith(reverse("accounts:login"))


def test_it_groups_the_offices_organisations_by_unit(
    client_for, django_assert_max_num_queries
) -> None:
    client = client_for("vanphong")
    with django_assert_max_num_queries(4):
        response = client.get(URL)
    html = response.content.decode()
    assert html.count('<section class="group">') == 17
    assert len(ORG_LINK.findall(html)) == 17 * 7
    assert "Hội Nông dân huyện Bù Đăng" in html


def test_it_shows_a_reporter_only_their_organisation(client_for) -> None:
    html = client_for("chuthapdo").get(URL).content.decode()
    assert "Hội Chữ thập đỏ huyện Bù Đăng" in html
    assert "Hội Nông dân" not in html
    assert len(ORG_LINK.findall(html)) == 1


def test_it_shows_a_member_the_communes_they_follow(client_for) -> None:
    html = client_for("thanhvien").get(URL).content.decode()
    assert "xã Bom Bo" in html and "xã Bình Minh" in html
    assert "Đức Phong" not in html

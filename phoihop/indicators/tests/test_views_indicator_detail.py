"""One indicator: its unit, type, aggregation, parts, formula and the forms that collect it."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    url = reverse("indicators:indicator_detail", args=["tt_qp_luot"])
    assert client.get(url)["Location"].startswith(reverse("accounts:login"))


def test_it_shows_an_entered_indicator_with_its_parts_and_forms(client_for) -> None:
    url = reverse("indicators:indicator_detail", args=["tt_qp_luot"])
    html = client_for("nongdan").get(url).content.decode()
    assert "lượt người" in html and "nhập tay" in html
    assert "trong đó: thanh niên trong độ tuổi" in html
    assert "Báo cáo phối hợp hoạt động của Ban CHQS cấp huyện" in html


def test_it_shows_a_computed_indicator_with_its_formula(client_for) -> None:
    url = reverse("indicators:indicator_detail", args=["tt_qp_ty_le_thanh_nien"])
    html = client_for("nongdan").get(url).content.decode()
    assert "tự tính theo công thức" in html
    assert "tt_qp_thanh_nien / tt_qp_luot * 100" in html
    assert "tỷ lệ %" in html


def test_it_answers_404_for_an_unknown_code(client_for) -> None:
    client = client_for("nongdan")
    assert client.get("/chi-tieu/khong_co/").status_code == 404
    assert client.get("/chi-tieu/Sai-Ma/").status_code == 404

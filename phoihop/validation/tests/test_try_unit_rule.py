"""Trying a unit-scoped rule before saving it: the district's own figure against its communes'."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.validation.models import Rule

pytestmark = pytest.mark.django_db


def test_it_tries_a_unit_rule_on_the_district_and_its_communes(client_for):
    data = {
        "code": "ngay_cong_xa",
        "name": "Ngày công",
        "left": "dan_van_ngay_cong",
        "operator": "=",
        "right": "cap_duoi__dan_van_ngay_cong",
        "tolerance": "0",
        "importance": "high",
        "message": "Ngày công của huyện {left}, của các xã {right}",
        "missing": "skip_if_any",
        "scope": "unit",
        "is_active": "on",
        "try_period": "2020S1",
        "try": "1",
    }
    response = client_for("vanphong").post(reverse("validation:rule_create"), data)
    assert response.status_code == 200
    assert "Ngày công của huyện 650, của các xã 700" in response.content.decode()
    assert not Rule.objects.filter(code="ngay_cong_xa").exists()

"""A stored rule is checked when saved, in Vietnamese, on the faulty field."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from phoihop.validation.models import Rule

pytestmark = pytest.mark.django_db


def _rule(**changes) -> Rule:
    fields = {
        "code": "r1",
        "name": "Thử",
        "left": "so_cuu_tngt",
        "operator": "<=",
        "right": "so_cuu_ca",
        "message": "{left} > {right}",
    }
    return Rule(**(fields | changes))


def test_it_accepts_a_good_rule():
    _rule().full_clean()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"left": "so_cuu_tngt * (2"}, "left"),
        ({"right": "khong_co_ma"}, "right"),
        ({"message": "{left:d}"}, "message"),
        ({"levels": [4]}, "levels"),
    ],
)
def test_it_refuses_a_bad_rule(changes, field):
    with pytest.raises(ValidationError) as error:
        _rule(**changes).full_clean()
    assert field in error.value.message_dict


def test_unit_rules_may_read_the_child_units_sums():
    _rule(scope="unit", right="cap_duoi__so_cuu_ca").full_clean()

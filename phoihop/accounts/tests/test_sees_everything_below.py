"""The pivot's shortcut (`sees_everything_below`) against the scopes it stands for: where it says
yes, the reader's visible units and organisations under that unit are all there are."""

from __future__ import annotations

import pytest

from phoihop.accounts import permissions
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit

pytestmark = pytest.mark.django_db

# The province, the district, two of its communes, and the new province of 2025 (Đồng Nai).
UNITS = ["70", "698", "25495", "25480", "75"]


@pytest.mark.parametrize(
    "username", ["quantri", "tinh", "vanphong", "chuthapdo", "nongdan", "ducphong", "thanhvien"]
)
def test_the_shortcut_says_yes_only_where_the_scopes_agree(personas, username) -> None:
    user = personas[username]
    saw_yes = False
    units = Unit.objects.filter(code__in=UNITS)
    assert len(units) == len(UNITS)
    for unit in units:
        if not permissions.sees_everything_below(user, unit):
            continue
        saw_yes = True
        below = Unit.objects.filter(path__startswith=unit.path)
        assert set(permissions.visible_units(user).filter(path__startswith=unit.path)) == set(
            below
        ), (username, unit.code)
        in_below = Organisation.objects.filter(unit__path__startswith=unit.path)
        assert set(
            permissions.visible_organisations(user).filter(unit__path__startswith=unit.path)
        ) == set(in_below), (username, unit.code)
    # Who takes the shortcut at all: the administrator, the province's viewer and the district's
    # office, never an organisation's reporter or a member of the committee.
    assert saw_yes == (username in {"quantri", "tinh", "vanphong", "ducphong"})

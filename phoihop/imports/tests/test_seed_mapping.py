"""The seed imported as a new office would: the demo's own 2020S1 figures come back, rightly placed.

The demo's accepted 2020S1 district figures were entered from this report; importing the report
must propose them again under the same organisation and indicator with the same value.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from phoihop.demo.seed import SEED_REPORT
from phoihop.imports import services
from phoihop.imports.models import ImportSession
from phoihop.reporting.models import FigureValue, Status

pytestmark = pytest.mark.django_db


def _accepted_2020s1(unit) -> dict[tuple[int, str], Decimal]:
    figures = FigureValue.objects.filter(
        submission__period="2020S1",
        submission__status=Status.ACCEPTED,
        submission__organisation__unit=unit,
        value__isnull=False,
    ).values_list("submission__organisation_id", "indicator__code", "value")
    return {(organisation, code): value for organisation, code, value in figures}


def _proposed(session: ImportSession) -> dict[tuple[int, str], Decimal]:
    return {
        (c.organisation_id, c.indicator.code): c.chosen_value
        for c in session.candidates.filter(included=True).select_related("indicator")
        if c.organisation_id is not None and c.indicator is not None
    }


@pytest.fixture
def seed_session(personas) -> ImportSession:
    return services.create_import_session(
        personas["vanphong"], file_name="bc_6thang_dau_2020.txt", data=SEED_REPORT.read_bytes()
    )


def test_the_seed_proposes_the_demos_2020s1_district_figures(personas, seed_session) -> None:
    truth = _accepted_2020s1(personas["vanphong"].unit)
    proposed = _proposed(seed_session)
    right = {key for key, value in proposed.items() if truth.get(key) == value}
    assert len(truth) > 60
    found = len(right) / len(truth)
    precise = len(right) / len(proposed)
    missing = sorted((k, str(v)) for k, v in truth.items() if k not in right)
    wrong = sorted((k, str(v)) for k, v in proposed.items() if k not in right)
    assert found >= 0.90, f"{found:.1%} of {len(truth)} found; missing {missing}"
    assert precise >= 0.97, f"{precise:.1%} of {len(proposed)} right; wrong {wrong}"

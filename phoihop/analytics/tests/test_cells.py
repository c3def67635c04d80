"""The pivot's fast cell path gives exactly what `cell_value` gives, digit for digit, and the
sums it is given are tidy however they were read or added up."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from phoihop.analytics.cells import CellPlan, add_one, cell_value, read_rollups, tidy
from phoihop.analytics.models import ALL_KINDS, Rollup
from phoihop.indicators.models import Aggregation, Indicator
from phoihop.places.models import Unit

part = Indicator(pk=1, code="a", aggregation=Aggregation.SUM, formula="")
whole = Indicator(pk=2, code="b", aggregation=Aggregation.SUM, formula="")
mean = Indicator(pk=3, code="c", aggregation=Aggregation.AVERAGE, formula="")
alone = Indicator(pk=4, code="d", aggregation=Aggregation.NONE, formula="")
ratio = Indicator(pk=5, code="e", aggregation=Aggregation.NONE, formula="a / b * 100")
NEEDED = {i.code: i for i in (part, whole, mean, alone, ratio)}
# Cell data as the pivot builds it: sums tidy (7286, not 7286.0000).
DATAS = [
    {1: (Decimal("7286"), 3), 2: (Decimal("12.5"), 2), 3: (Decimal("10"), 3)},
    {1: (Decimal("0"), 1), 2: (Decimal("0"), 0), 4: (Decimal("3.25"), 1)},
    {4: (Decimal("3.25"), 2), 3: (Decimal("1000"), 1), 2: (Decimal("1000"), 1)},
    {},
]


def _expected(indicators, datas):
    return [repr(cell_value(i, data, NEEDED)) for i in indicators for data in datas]


def test_the_cell_plan_matches_cell_value_exactly() -> None:
    indicators = (ratio, part, mean, alone, whole)
    cells = CellPlan(indicators, NEEDED)(DATAS)
    assert [repr(c) for c in cells] == _expected(indicators, DATAS)
    assert cells[4] == Decimal("7286") and str(cells[4]) == "7286"


@pytest.mark.parametrize("data", DATAS)
def test_one_period_gives_the_same_cells_in_any_order_of_indicators(data) -> None:
    for indicators in [(whole, part), (mean, part, ratio, whole, alone), (alone, mean)]:
        plan = CellPlan(indicators, NEEDED)
        assert [repr(c) for c in plan([data])] == _expected(indicators, [data])


def test_added_sums_stay_tidy() -> None:
    cell: dict = {}
    add_one(cell, 1, Decimal("0.5"), 1)
    add_one(cell, 1, Decimal("0.5"), 1)
    add_one(cell, 2, Decimal("1200"), 1)
    add_one(cell, 2, Decimal("0.25"), 1)
    assert repr(cell[1]) == repr((Decimal("1"), 2))
    assert repr(cell[2]) == repr((Decimal("1200.25"), 2))
    assert str(tidy(Decimal("12.5000"))) == "12.5" and str(tidy(Decimal("1E+3"))) == "1000"


@pytest.mark.django_db
def test_rollup_sums_are_read_tidy_on_this_database() -> None:
    unit = Unit.objects.create(code="T1", name="Thử", kind="commune", path="/T1/")
    indicator = Indicator.objects.create(code="t_cells", name="Thử", aggregation="sum")
    Rollup.objects.create(
        unit=unit, kind=ALL_KINDS, period="2020", indicator=indicator, total="7286.0000", count=3
    )
    Rollup.objects.create(
        unit=unit, kind=ALL_KINDS, period="2021", indicator=indicator, total="12.5000", count=1
    )
    one: dict = defaultdict(dict)  # one period, kinds summed: the short loop
    read_rollups(one, [unit.pk], [ALL_KINDS], ["2020"], [indicator.pk], split_kinds=False)
    both: dict = defaultdict(dict)  # several periods: the general loop
    read_rollups(both, [unit.pk], [ALL_KINDS], ["2020", "2021"], [indicator.pk], split_kinds=True)
    assert repr(one[(unit.pk, ALL_KINDS, "2020")][indicator.pk]) == repr((Decimal("7286"), 3))
    assert repr(both[(unit.pk, ALL_KINDS, "2020")][indicator.pk]) == repr((Decimal("7286"), 3))
    assert repr(both[(unit.pk, ALL_KINDS, "2021")][indicator.pk]) == repr((Decimal("12.5"), 1))


@pytest.mark.django_db
def test_kinds_read_together_add_up_to_a_tidy_sum() -> None:
    from phoihop.organisations.models import OrganisationKind

    unit = Unit.objects.create(code="T2", name="Thử", kind="commune", path="/T2/")
    indicator = Indicator.objects.create(code="t_kinds", name="Thử", aggregation="sum")
    first, second = OrganisationKind.objects.order_by("pk")[:2]
    for kind in (first, second):
        Rollup.objects.create(
            unit=unit, kind=kind.pk, period="2020", indicator=indicator, total="0.5000", count=1
        )
    cells: dict = defaultdict(dict)
    read_rollups(
        cells, [unit.pk], [first.pk, second.pk], ["2020"], [indicator.pk], split_kinds=False
    )
    assert repr(cells[(unit.pk, ALL_KINDS, "2020")][indicator.pk]) == repr((Decimal("1"), 2))

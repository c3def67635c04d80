"""The pivot's fast cell path gives exactly what `cell_value` gives, digit for digit."""

from __future__ import annotations

from decimal import Decimal

from phoihop.analytics.selectors import _CellPlan, cell_value
from phoihop.indicators.models import Aggregation, Indicator


def test_the_cell_plan_matches_cell_value_exactly() -> None:
    part = Indicator(pk=1, code="a", aggregation=Aggregation.SUM, formula="")
    whole = Indicator(pk=2, code="b", aggregation=Aggregation.SUM, formula="")
    mean = Indicator(pk=3, code="c", aggregation=Aggregation.AVERAGE, formula="")
    alone = Indicator(pk=4, code="d", aggregation=Aggregation.NONE, formula="")
    ratio = Indicator(pk=5, code="e", aggregation=Aggregation.NONE, formula="a / b * 100")
    needed = {i.code: i for i in (part, whole, mean, alone, ratio)}
    datas = [
        {1: (Decimal("7286.0000"), 3), 2: (Decimal("12.5000"), 2), 3: (Decimal("10"), 3)},
        {1: (Decimal("0.0000"), 1), 2: (Decimal("0"), 0), 4: (Decimal("3.2500"), 1)},
        {4: (Decimal("3.2500"), 2), 3: (Decimal("1000.0000"), 1), 2: (Decimal("1E+3"), 1)},
        {},
    ]
    indicators = (ratio, part, mean, alone, whole)
    cells = _CellPlan(indicators, len(datas), needed)(datas)
    expected = [cell_value(i, data, needed) for i in indicators for data in datas]
    assert [repr(c) for c in cells] == [repr(c) for c in expected]
    assert cells[4] == Decimal("7286") and str(cells[4]) == "7286"

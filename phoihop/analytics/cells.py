"""A pivot's cells: sums and counts per indicator, read from rollup rows and turned into values.

Sums in a cell are always "tidy" (7286, not 7286.0000), however they were read or added up, so
that the thousands of cells of a wide table are taken as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import connection

from phoihop.analytics import catalogue
from phoihop.analytics.models import ALL_KINDS, Rollup
from phoihop.core.db import streamed_rows
from phoihop.indicators.models import Aggregation, Indicator

CENT = Decimal("0.01")

Agg = tuple[Decimal, int]  # sum and number of values
# indicator id -> aggregate. Sums in a cell are always "tidy" (see `tidy`: 7286, not
# 7286.0000), however they were read or added up, so that the thousands of cells of a wide
# table are taken as they are.
CellData = dict[int, Agg]


def cell_value(
    indicator: Indicator, data: CellData, by_code: dict[str, Indicator]
) -> Decimal | None:
    """An indicator's value from a cell's sums and counts: sums add, averages are sum/count,
    ratios come from their parts' sums, and a non-additive figure only stands on its own."""
    if indicator.formula:
        expression = catalogue.parsed_formula(indicator.formula)
        if expression is None:
            return None
        parts = {
            code: cell_value(by_code[code], data, by_code) if code in by_code else None
            for code in expression.codes
        }
        value = expression.evaluate(parts)
        return value.quantize(CENT) if value is not None else None
    total, count = data.get(indicator.pk, (Decimal(0), 0))
    if not count:
        return None
    if indicator.aggregation == Aggregation.SUM:
        return tidy(Decimal(total))
    if indicator.aggregation == Aggregation.AVERAGE:
        return (Decimal(total) / count).quantize(CENT)
    # A percentage reported as such cannot be combined; one value alone is still true.
    return tidy(Decimal(total)) if count == 1 else None


def tidy(value: Decimal) -> Decimal:
    """Drop the stored trailing zeros (7286.0000 → 7286) without an exponent (1E+3)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def needed_indicators(indicators: tuple[Indicator, ...]) -> dict[str, Indicator]:
    """The chosen indicators and, for formulas, the indicators they are computed from."""
    needed = {i.code: i for i in indicators}
    pending = [i for i in indicators if i.formula]
    known = catalogue.by_code()
    for _depth in range(4):  # formulas of formulas, a few levels deep at most
        codes: set[str] = set()
        for indicator in pending:
            expression = catalogue.parsed_formula(indicator.formula)
            if expression is not None:
                codes |= set(expression.codes)
        codes -= set(needed)
        if not codes:
            break
        found = [known[code] for code in sorted(codes) if code in known]
        needed.update({i.code: i for i in found})
        pending = [i for i in found if i.formula]
    return needed


def add_cells(target: CellData, source: CellData) -> None:
    for indicator_id, (total, count) in source.items():
        add_one(target, indicator_id, total, count)


def add_one(target: CellData, indicator_id: int, total: Decimal, count: int) -> None:
    """Add one (tidy) sum and count into a cell; the result is tidy too."""
    before = target.get(indicator_id)
    if before is None:
        target[indicator_id] = (total, count)
    else:
        target[indicator_id] = (tidy(before[0] + total), before[1] + count)


def read_rollups(
    result: dict[tuple[int, int, str], CellData],
    unit_ids: list[int],
    kinds: list[int],
    period_ids: list[str],
    indicator_ids: list[int],
    *,
    split_kinds: bool,
) -> None:
    """Add rollup rows into cells keyed `(unit, kind or ALL_KINDS, period)`, with one query.

    The hot path of a wide table (sixty indicators by a hundred communes is some six thousand
    rows): a plain cursor gives one tuple per row, where the ORM's iterator would add work per
    row and compile the query each time; a column that cannot vary (one period, kinds summed)
    is not fetched at all, and the loop makes no call per row. Totals come tidy (`tidy`);
    elsewhere than on PostgreSQL they first pass through the backend's own converter (SQLite
    returns floats), so they are exactly the ORM's `Decimal`s.
    """
    if not (unit_ids and kinds and period_ids and indicator_ids):
        return
    with_kind = split_kinds and len(kinds) > 1
    with_period = len(period_ids) > 1
    columns = ["unit_id"]
    if with_kind:
        columns.append("kind")
    if with_period:
        columns.append("period")
    # PostgreSQL drops the stored trailing zeros itself (trim_scale: 7286.0000 → 7286), as
    # `tidy` does, sparing the wide tables a Decimal operation per cell.
    tidy_in_sql = connection.vendor == "postgresql"
    columns += ["indicator_id", "trim_scale(total)" if tidy_in_sql else "total", "count"]

    def numbers(values: list[int]) -> str:
        # Written out rather than bound: binding a few hundred ids costs more than the query.
        return ", ".join(str(int(value)) for value in values)

    sql = (
        f"SELECT {', '.join(columns)} FROM {Rollup._meta.db_table} "
        f"WHERE unit_id IN ({numbers(unit_ids)}) "
        f"AND period IN ({', '.join(['%s'] * len(period_ids))}) "
        f"AND kind IN ({numbers(kinds)}) AND indicator_id IN ({numbers(indicator_ids)})"
    )
    # Read inside the block: on PostgreSQL the rows arrive in chunks while they are added up.
    with streamed_rows(sql, period_ids) as rows:
        if not tidy_in_sql:
            tidied = total_reader()
            at = len(columns) - 2
            rows = [(*row[:at], tidied(row[at]), row[-1]) for row in rows]
        kind = kinds[0] if split_kinds else ALL_KINDS
        period = period_ids[0]
        if not with_period and len(kinds) == 1:
            # One row per (unit, indicator): the widest tables take this loop. It sets rather than
            # adds, which is right because `tree_cells` reads the rollups into fresh cells.
            last_unit: int | None = None
            cell: CellData = {}
            for unit_id, indicator_id, total, count in rows:
                if unit_id != last_unit:
                    last_unit, cell = unit_id, result[(unit_id, kind, period)]
                cell[indicator_id] = (total, count)
            return
        for row in rows:
            unit_id, indicator_id, total, count = row[0], row[-3], row[-2], row[-1]
            if with_kind:
                kind = row[1]
            if with_period:
                period = row[-4]
            add_one(result[(unit_id, kind, period)], indicator_id, total, count)


def total_reader() -> Callable[[Any], Decimal]:
    """A rollup total as read from SQLite (an integer or a float) made the ORM's tidy
    `Decimal`: through the backend's own converter, as the ORM would (PostgreSQL's totals are
    tidied in SQL by trim_scale instead)."""
    total_field = Rollup._meta.get_field("total")
    column = total_field.get_col(Rollup._meta.db_table)
    converters = connection.ops.get_db_converters(column)

    def tidied(value: Any) -> Decimal:
        if type(value) is int:
            # SQLite keeps a whole total as an integer: exact and tidy as it is.
            return Decimal(value)
        for converter in converters:
            value = converter(value, column, connection)
        return tidy(value)

    return tidied


_EMPTY: CellData = {}
_PLAIN_AVERAGE, _PLAIN_NONE, _FORMULA = range(3)


class CellPlan:
    """Turns a row's cell data (one per column period) into its cells, as `cell_value` would.

    What each indicator needs is looked up once per pivot, not once per cell. Every cell is
    first taken as a sum (one comprehension: a dictionary read per cell, the sum being tidy
    already); the few indicators that are not plain sums are then computed over their cells.
    """

    def __init__(self, indicators: tuple[Indicator, ...], needed: dict[str, Indicator]) -> None:
        self.needed = needed
        self.pks = [indicator.pk for indicator in indicators]
        self.others: list[tuple[int, int, Indicator]] = []  # (position, mode, indicator)
        for position, indicator in enumerate(indicators):
            if indicator.formula:
                self.others.append((position, _FORMULA, indicator))
            elif indicator.aggregation == Aggregation.AVERAGE:
                self.others.append((position, _PLAIN_AVERAGE, indicator))
            elif indicator.aggregation != Aggregation.SUM:
                self.others.append((position, _PLAIN_NONE, indicator))

    def __call__(self, datas: list[CellData]) -> list[Decimal | None]:
        cells: list[Decimal | None] = [
            agg[0] if (agg := data.get(pk)) is not None and agg[1] else None
            for pk in self.pks
            for data in datas
        ]
        width = len(datas)
        for position, mode, indicator in self.others:
            for offset, data in enumerate(datas):
                if mode == _FORMULA:
                    value = cell_value(indicator, data, self.needed)
                else:
                    agg = data.get(indicator.pk)
                    if agg is None or not agg[1]:
                        value = None
                    elif mode == _PLAIN_AVERAGE:
                        value = (agg[0] / agg[1]).quantize(CENT)
                    else:  # not additive: one value standing alone is still true
                        value = agg[0] if agg[1] == 1 else None
                cells[position * width + offset] = value
        return cells

"""A pivot read in one statement: its row units, their rollups, the total's and its tallies.

Where the reader sees every unit and organisation beneath the chosen unit (as an administrator
or a district's office does) and the question is answered by all-kinds rollups (no kinds
chosen, no merged units, rows by unit or by period), the database gives everything the table
needs in one round trip, however many rows it has:

- the row units ("tag" 0): the units below the chosen one, by their parent or, for every
  commune below at any depth, one prefix read of the materialised path, with the periods'
  validity; the same filters `pivot._row_units` applies;
- the rollup rows (tag 1) of those units and of the chosen unit, joined to the units in SQL;
- the chosen unit's submission tallies (tag 2), for the marks of periods not wholly accepted.

Python then only sorts these rows into cells; `pivot.run_pivot` formats them as ever. Any
other question takes the general path (`pivot._Cube`), which reads the same tables.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import connection

from phoihop.accounts import permissions
from phoihop.analytics.cells import CellData, total_reader
from phoihop.analytics.models import ALL_KINDS, Rollup, SubmissionTally
from phoihop.analytics.pivot_query import (
    BY_CHILDREN,
    BY_COMMUNES,
    BY_SELF,
    ROWS_PERIOD,
    ROWS_UNIT,
    PivotQuery,
)
from phoihop.core.db import streamed_rows
from phoihop.places.models import Level, Unit


class UnitRow(NamedTuple):
    """A row unit: all a pivot reads of it (as `pivot._row_units` gives)."""

    pk: int
    code: str
    name: str
    kind: str
    path: str


@dataclass
class OneRead:
    """What the one statement read, sorted out."""

    row_units: list[UnitRow]
    cells: dict[tuple[int, int, str], CellData]
    tallies: list[tuple[str, int, int]] = field(default_factory=list)
    # Whether the chosen unit counts more values than its row units together (values of its
    # own organisations, or of units not listed): as `pivot._counts_more_than` tells.
    counts_more: bool = False


def answers(query: PivotQuery, user) -> bool:
    """Whether this question is read in one statement (else the general path reads it)."""
    return (
        bool(query.unit.pk)
        and query.kinds is None
        and not query.successors
        and query.rows in (ROWS_UNIT, ROWS_PERIOD)
        # Every organisation beneath the unit is the reader's to see: its rollups may show.
        and permissions.sees_everything_below(user, query.unit)
    )


def _like_prefix(path: str) -> str:
    return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _unit_filter(query: PivotQuery) -> tuple[str, list[Any]]:
    """The row units' WHERE clause and its parameters: `pivot._row_units` without the reader's
    scope, which holds every unit below the chosen one (`answers`)."""
    unit = query.unit
    if query.by == BY_COMMUNES:
        where = "path LIKE %s ESCAPE '\\' AND level = %s AND id <> %s"
        params: list[Any] = [_like_prefix(unit.path), int(Level.COMMUNE), unit.pk]
    else:
        where, params = "parent_id = %s", [unit.pk]
    start = query.periods[0].start_date("calendar")
    end = query.periods[-1].end_date("calendar")
    where += (
        " AND (valid_from IS NULL OR valid_from <= %s) AND (valid_to IS NULL OR valid_to >= %s)"
    )
    return where, [*params, end, start]


def read_all(query: PivotQuery, indicator_ids: list[int]) -> OneRead:
    """Read the question's row units, rollups and tallies in one statement."""
    total_pk = query.unit.pk
    with_rows = query.rows == ROWS_UNIT and query.by != BY_SELF
    postgres = connection.vendor == "postgresql"
    period_ids = [p.id for p in query.periods]
    numbers = ", ".join(str(int(pk)) for pk in indicator_ids)
    rollup_where = (
        f"r.period IN ({', '.join(['%s'] * len(period_ids))}) AND r.kind = {ALL_KINDS} "
        f"AND r.indicator_id IN ({numbers})"
    )
    # PostgreSQL drops the stored trailing zeros itself, as `tidy` does.
    total = "trim_scale(r.total)" if postgres else "r.total"
    rollups = (
        f"SELECT 1, r.unit_id, r.period, NULL, NULL, NULL, r.indicator_id, {total}, r.count "
        f"FROM {Rollup._meta.db_table} r WHERE "
    )
    units_table = Unit._meta.db_table
    parts: list[str] = []
    params: list[Any] = []
    prefix = ""
    if with_rows:
        where, unit_params = _unit_filter(query)
        prefix = f"WITH u AS (SELECT id, code, name, kind, path FROM {units_table} WHERE {where}) "
        params += unit_params
        parts.append("SELECT 0, id, code, name, kind, path, NULL, NULL, NULL FROM u")
        parts.append(rollups + f"r.unit_id IN (SELECT id FROM u) AND {rollup_where}")
        params += period_ids
    parts.append(rollups + f"r.unit_id = {int(total_pk)} AND {rollup_where}")
    params += period_ids
    parts.append(
        "SELECT 2, NULL, period, NULL, NULL, NULL, submissions, NULL, accepted "
        f"FROM {SubmissionTally._meta.db_table} WHERE unit_id = {int(total_pk)} "
        f"AND kind = {ALL_KINDS}"
    )
    sql = prefix + " UNION ALL ".join(parts)

    row_units: list[UnitRow] = []
    tallies: list[tuple[str, int, int]] = []
    cells: dict[tuple[int, int, str], CellData] = defaultdict(dict)
    # Counts of the row units together, by (period, indicator), against the chosen unit's.
    below: dict[tuple[str, int], int] = defaultdict(int)
    tidied = None if postgres else total_reader()
    with streamed_rows(sql, params) as rows:
        for tag, unit_id, text, name, kind, path, number, amount, count in rows:
            if tag == 1:
                if tidied is not None:
                    amount = tidied(amount)
                cells[(unit_id, ALL_KINDS, text)][number] = (amount, count)
                if unit_id != total_pk:
                    below[(text, number)] += count
            elif tag == 0:
                row_units.append(UnitRow(unit_id, text, name, kind, path))
            else:
                tallies.append((text, number, count))
    row_units.sort(key=lambda unit: unit.path)
    counts_more = False
    if with_rows and query.by in (BY_CHILDREN, BY_COMMUNES):
        counts_more = any(
            count != below.get((period_id, indicator_id), 0)
            for period_id in period_ids
            for indicator_id, (_total, count) in cells.get(
                (total_pk, ALL_KINDS, period_id), {}
            ).items()
        )
    return OneRead(row_units=row_units, cells=cells, tallies=tallies, counts_more=counts_more)

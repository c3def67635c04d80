"""Keeping rollup rows in step with the figures, on every write and by a full rebuild.

Only accepted submissions count: a figure of organisation O (kind K, unit U) for period P, in
a submission whose status is accepted, adds its value to:
- the all-kinds row of U and of every ancestor of U,
- the kind-K row of every strict ancestor of U (U's own organisations are read raw),
for P and for every coarser period containing P (a half-year also counts in its year).
A submission's figures are added when it becomes accepted and taken out when it leaves
accepted (reopened); figures of a draft, submitted or returned submission touch nothing.
Writes add deltas with one INSERT … ON CONFLICT DO UPDATE, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.db import connection, transaction

from phoihop.analytics.models import ALL_KINDS, Rollup, SubmissionTally
from phoihop.core.periods import KINDS, Period, PeriodError
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting.models import FigureValue, Status, Submission

_UPSERT_BATCH = 500


@dataclass(frozen=True)
class FigureKey:
    """Where a figure counts: its organisation's unit path and kind, and its period."""

    unit_path: str
    kind_id: int
    period: str


def coarser_periods(period_id: str) -> list[str]:
    """The period itself and every coarser period that contains it."""
    try:
        period = Period.parse(period_id)
    except PeriodError:
        return [period_id]  # a malformed stored id still counts under itself
    rank = KINDS.index(period.kind)
    return [period.id] + [period.parent(kind).id for kind in KINDS[:rank]]


def finer_period_ids(period: Period) -> list[str]:
    """Every period id that lies within `period`, itself included."""
    return list(_finer_ids(period))


@lru_cache(maxsize=4096)
def _finer_ids(period: Period) -> tuple[str, ...]:
    # The calendar does not change: each pivot's periods are worked out once per process.
    rank = KINDS.index(period.kind)
    ids = [period.id]
    for kind in KINDS[rank + 1 :]:
        ids.extend(p.id for p in period.children(kind))
    return tuple(ids)


# Keyed by the materialised path, which every write reads afresh with its submission: a moved
# unit has a new path (its subtree too), so a cache in any process, even one that never saw the
# move, answers with the new ancestors. An entry for an old path stays right for that path, as
# unit codes are unique; only deleting a unit and creating another with its code (phoihop synth
# does, then rebuilds) leaves other processes holding the old id until they restart.
_ancestor_cache: dict[str, list[int]] = {}


def ancestor_ids(path: str) -> list[int]:
    """Ids of the units on a materialised path, root first, the unit itself last."""
    cached = _ancestor_cache.get(path)
    if cached is None:
        codes = path.strip("/").split("/")
        by_code = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
        cached = [by_code[c] for c in codes if c in by_code]
        _ancestor_cache[path] = cached
    return cached


def forget_unit_paths() -> None:
    """Called when a unit is saved or deleted: drops entries a move or a deletion made stale."""
    _ancestor_cache.clear()


def deltas_for(
    key: FigureKey, indicator_id: int, total: Decimal, count: int
) -> dict[tuple[int, int, str, int], tuple[Decimal, int]]:
    """The rollup rows one figure's change touches, with what it adds to each."""
    ancestors = ancestor_ids(key.unit_path)
    rows: dict[tuple[int, int, str, int], tuple[Decimal, int]] = {}
    for period in coarser_periods(key.period):
        for position, unit_id in enumerate(ancestors):
            rows[(unit_id, ALL_KINDS, period, indicator_id)] = (total, count)
            if position < len(ancestors) - 1:
                rows[(unit_id, key.kind_id, period, indicator_id)] = (total, count)
    return rows


def apply_deltas(changes: Iterable[tuple[FigureKey, int, Decimal, int]]) -> None:
    """Add (key, indicator id, Δtotal, Δcount) changes to their rollup rows, in one statement."""
    merged: dict[tuple[int, int, str, int], list] = defaultdict(lambda: [Decimal(0), 0])
    for key, indicator_id, total, count in changes:
        if not count and not total:
            continue
        for row, (t, c) in deltas_for(key, indicator_id, total, count).items():
            merged[row][0] += t
            merged[row][1] += c
    if not merged:
        return
    table = Rollup._meta.db_table
    items = list(merged.items())
    with connection.cursor() as cursor:
        for start in range(0, len(items), _UPSERT_BATCH):
            batch = items[start : start + _UPSERT_BATCH]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch))
            params: list = []
            for (unit_id, kind, period, indicator_id), (total, count) in batch:
                params += [unit_id, kind, period, indicator_id, str(total), count]
            cursor.execute(
                f"INSERT INTO {table} (unit_id, kind, period, indicator_id, total, count) "
                f"VALUES {values} ON CONFLICT (unit_id, period, kind, indicator_id) DO UPDATE SET "
                f"total = {table}.total + excluded.total, count = {table}.count + excluded.count",
                params,
            )


@dataclass(frozen=True)
class SubmissionState:
    """Where a submission counts in the tallies, and whether it is accepted."""

    unit_path: str
    kind_id: int
    period: str
    status: str

    @property
    def figure_key(self) -> FigureKey | None:
        """Where its figures count in the rollups: nowhere unless it is accepted."""

        if self.status != Status.ACCEPTED:
            return None
        return FigureKey(self.unit_path, self.kind_id, self.period)


def submission_state(submission_id: int) -> SubmissionState | None:

    row = (
        Submission.objects.filter(pk=submission_id)
        .values_list("organisation__unit__path", "organisation__kind_id", "period", "status")
        .first()
    )
    return SubmissionState(*row) if row else None


def apply_tally_deltas(changes: Iterable[tuple[SubmissionState, int]]) -> None:
    """Add (state, +1 or -1) changes to the submission tallies, in one statement."""

    merged: dict[tuple[int, int, str], list[int]] = defaultdict(lambda: [0, 0])
    for state, sign in changes:
        accepted = sign if state.status == Status.ACCEPTED else 0
        for unit_id in ancestor_ids(state.unit_path):
            for kind in (ALL_KINDS, state.kind_id):
                merged[(unit_id, kind, state.period)][0] += sign
                merged[(unit_id, kind, state.period)][1] += accepted
    items = [(key, counts) for key, counts in merged.items() if any(counts)]
    if not items:
        return
    table = SubmissionTally._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(items))
    params: list = []
    for (unit_id, kind, period), (submissions, accepted) in items:
        params += [unit_id, kind, period, submissions, accepted]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (unit_id, kind, period, submissions, accepted) "
            f"VALUES {values} ON CONFLICT (unit_id, period, kind) DO UPDATE SET "
            f"submissions = {table}.submissions + excluded.submissions, "
            f"accepted = {table}.accepted + excluded.accepted",
            params,
        )


def figure_key_of_submission(submission_id: int) -> FigureKey | None:
    """Where the submission's figures count, or None when they count nowhere: a submission
    that is not accepted (or no longer exists) is in no rollup."""

    row = (
        Submission.objects.filter(pk=submission_id, status=Status.ACCEPTED)
        .values_list("organisation__unit__path", "organisation__kind_id", "period")
        .first()
    )
    return FigureKey(*row) if row else None


@transaction.atomic
def rebuild_rollups() -> int:
    """Recompute every rollup row from the accepted submissions' figures, and every submission
    tally; returns the number of rollup rows written.

    For data loaded around the signals (bulk inserts, imports, a moved unit). Two
    INSERT … SELECT statements over small mapping tables, so the database does the work.
    """

    forget_unit_paths()
    table = Rollup._meta.db_table
    fv = FigureValue._meta.db_table
    sub = Submission._meta.db_table
    org = Organisation._meta.db_table
    code_to_id = dict(Unit.objects.values_list("code", "pk"))
    ancestor_rows = []
    for unit_id, path in Unit.objects.values_list("pk", "path"):
        codes = path.strip("/").split("/")
        for position, code in enumerate(codes):
            if code in code_to_id:
                ancestor_rows.append((unit_id, code_to_id[code], int(position < len(codes) - 1)))
    period_rows = [
        (period_id, target)
        for period_id in Submission.objects.filter(status=Status.ACCEPTED)
        .order_by()
        .values_list("period", flat=True)
        .distinct()
        for target in coarser_periods(period_id)
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
        cursor.execute("DROP TABLE IF EXISTS analytics_tmp_ancestor")
        cursor.execute("DROP TABLE IF EXISTS analytics_tmp_period")
        cursor.execute(
            "CREATE TEMPORARY TABLE analytics_tmp_ancestor "
            "(unit_id integer, ancestor_id integer, strict integer)"
        )
        cursor.execute(
            "CREATE TEMPORARY TABLE analytics_tmp_period (period varchar(8), target varchar(8))"
        )
        cursor.executemany("INSERT INTO analytics_tmp_ancestor VALUES (%s, %s, %s)", ancestor_rows)
        cursor.executemany("INSERT INTO analytics_tmp_period VALUES (%s, %s)", period_rows)
        source = (
            f"FROM {fv} f JOIN {sub} s ON s.id = f.submission_id "
            f"JOIN {org} o ON o.id = s.organisation_id "
            "JOIN analytics_tmp_ancestor a ON a.unit_id = o.unit_id "
            "JOIN analytics_tmp_period p ON p.period = s.period "
            "WHERE f.value IS NOT NULL AND s.status = %s"
        )
        # Rows are written in the order of the (unit, period, kind, indicator) index, so that a
        # unit's cells for one period lie on a page or two of the table: a pivot of sixty
        # indicators by a hundred communes then reads ~200 pages instead of ~6,000.
        columns = f"INSERT INTO {table} (unit_id, kind, period, indicator_id, total, count) "
        cursor.execute(
            columns + f"SELECT a.ancestor_id, {ALL_KINDS}, p.target, f.indicator_id, "
            f"SUM(f.value), COUNT(f.value) {source} "
            "GROUP BY a.ancestor_id, p.target, f.indicator_id "
            "ORDER BY a.ancestor_id, p.target, f.indicator_id",
            [Status.ACCEPTED.value],
        )
        cursor.execute(
            columns + "SELECT a.ancestor_id, o.kind_id, p.target, f.indicator_id, "
            f"SUM(f.value), COUNT(f.value) {source} AND a.strict = 1 "
            "GROUP BY a.ancestor_id, o.kind_id, p.target, f.indicator_id "
            "ORDER BY a.ancestor_id, p.target, o.kind_id, f.indicator_id",
            [Status.ACCEPTED.value],
        )
        _rebuild_tallies(cursor, sub, org)
        cursor.execute("DROP TABLE analytics_tmp_ancestor")
        cursor.execute("DROP TABLE analytics_tmp_period")
    return Rollup.objects.count()


def _rebuild_tallies(cursor, sub: str, org: str) -> None:
    """Count submissions per ancestor unit, kind and period (over analytics_tmp_ancestor)."""

    table = SubmissionTally._meta.db_table
    cursor.execute(f"DELETE FROM {table}")
    accepted = "SUM(CASE WHEN s.status = %s THEN 1 ELSE 0 END)"
    source = (
        f"FROM {sub} s JOIN {org} o ON o.id = s.organisation_id "
        "JOIN analytics_tmp_ancestor a ON a.unit_id = o.unit_id"
    )
    columns = f"INSERT INTO {table} (unit_id, kind, period, submissions, accepted) "
    cursor.execute(
        columns + f"SELECT a.ancestor_id, {ALL_KINDS}, s.period, COUNT(*), {accepted} {source} "
        "GROUP BY a.ancestor_id, s.period",
        [Status.ACCEPTED.value],
    )
    cursor.execute(
        columns + f"SELECT a.ancestor_id, o.kind_id, s.period, COUNT(*), {accepted} {source} "
        "GROUP BY a.ancestor_id, o.kind_id, s.period",
        [Status.ACCEPTED.value],
    )

"""The pivot: any indicators × units × periods × kinds of organisation, read from rollups.

A cell's cost is a handful of rollup rows, whatever the size of the data beneath it; only a
unit's own organisations (a few rows) and views restricted by role are read from raw figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.analytics import pivot_sql
from phoihop.analytics.cells import (
    CellData,
    CellPlan,
    add_cells,
    add_one,
    needed_indicators,
    read_rollups,
    tidy,
)
from phoihop.analytics.completeness import Completeness, incomplete_note, period_completeness
from phoihop.analytics.models import ALL_KINDS
from phoihop.analytics.pivot_query import (
    BY_CHILDREN,
    BY_COMMUNES,
    BY_SELF,
    ROWS_KIND,
    ROWS_PERIOD,
    ROWS_UNIT,
    PivotQuery,
)
from phoihop.analytics.rollups import finer_period_ids
from phoihop.core import clock
from phoihop.core.periods import Period
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Level, Unit, full_names
from phoihop.reporting.models import FigureValue, Status, Submission

_EMPTY: CellData = {}


@dataclass
class PivotRow:
    """One row of the table: a unit, a kind of organisation or a period, and its cells."""

    key: str
    label: str
    cells: list[Decimal | None] = field(default_factory=list)
    is_own: bool = False
    mark: str = ""  # a period row's "24/119 đã duyệt" when not all its reports are accepted


@dataclass
class PivotResult:
    """The table and charts of a pivot."""

    query: PivotQuery
    columns: list[dict]  # {"indicator": Indicator, "period": Period | None, "mark": str}
    rows: list[PivotRow]
    total: PivotRow | None
    notes: list[str]
    completeness: dict[str, Completeness] = field(default_factory=dict)  # by period id

    @property
    def marked(self) -> bool:
        """Whether some column's period is not wholly accepted (its header then says so)."""
        return any(column["mark"] for column in self.columns)

    @property
    def header_rows(self) -> int:
        """Rows of the table's header: indicators, their periods when grouped, the marks."""
        return 1 + bool(self.column_groups) + self.marked

    def period_label(self, period: Period) -> str:
        """A period's label, marked when not all its reports are accepted."""
        known = self.completeness.get(period.id)
        return known.labelled if known else period.label

    @property
    def column_groups(self) -> list[dict]:
        """The header's first row when an indicator spans several periods: each indicator
        once, over as many columns as it has periods (the periods go in a second row)."""
        groups: list[dict] = []
        for column in self.columns:
            if groups and groups[-1]["indicator"] is column["indicator"]:
                groups[-1]["span"] += 1
            else:
                groups.append({"indicator": column["indicator"], "span": 1})
        return groups if any(group["span"] > 1 for group in groups) else []

    def chart_data(self) -> dict:
        """Data for the two charts: bars for the last period, lines over the periods."""
        first = self.query.indicators[0] if self.query.indicators else None
        if first is None:
            return {}
        last_period = self.query.periods[-1]
        bar_index = next(
            (
                i
                for i, c in enumerate(self.columns)
                if c["indicator"].pk == first.pk and c["period"] in (None, last_period)
            ),
            None,
        )
        bars = {
            "title": f"{first.name} — {self.period_label(last_period)}"
            if self.query.rows != ROWS_PERIOD
            else first.name,
            "labels": [r.label for r in self.rows],
            "values": [
                _as_float(r.cells[bar_index]) if bar_index is not None else None for r in self.rows
            ],
        }
        lines: dict = {
            "title": first.name,
            "labels": [self.period_label(p) for p in self.query.periods],
        }
        if self.query.rows == ROWS_PERIOD:
            lines["datasets"] = [
                {
                    "label": str(self.query.unit),
                    "values": [_as_float(r.cells[0]) for r in self.rows],
                }
            ]
        else:
            indexes = [i for i, c in enumerate(self.columns) if c["indicator"].pk == first.pk]
            # Every row gets its line: a chart showing some of the table's rows would hide the
            # others without a word.
            lines["datasets"] = [
                {"label": r.label, "values": [_as_float(r.cells[i]) for i in indexes]}
                for r in self.rows
            ]
        return {"bars": bars, "lines": lines}


def _as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class _Cube:
    """Fetches the aggregates of (unit, kind set, period) cells in a few queries."""

    def __init__(self, user, query: PivotQuery, indicator_ids: list[int]) -> None:
        self.user = user
        self.query = query
        self.to_requested: dict[str, str]
        self.indicator_ids = indicator_ids
        self.kind_ids = [k.pk for k in query.kinds] if query.kinds else None
        self.visible_orgs = permissions.visible_organisations(user)
        self.finer = {p.id: finer_period_ids(p) for p in query.periods}
        self.to_requested = {f: p for p, fs in self.finer.items() for f in fs}
        self.open_ids: set[int] = set()  # units read whole from rollups, as `tree_cells` found

    def fully_visible(self, units: list[Unit]) -> set[int]:
        """Units every organisation beneath which the reader may see: their rollups may show."""
        if permissions.is_admin(self.user):
            return {u.pk for u in units}
        if not units:
            return set()
        root = self.query.unit
        if root.pk and all(u.path.startswith(root.path) for u in units):
            scope = Q(unit__path__startswith=root.path)  # one prefix, however many rows
        else:
            scope = Q()
            for unit in units:
                scope |= Q(unit__path__startswith=unit.path)
        hidden = Organisation.objects.filter(scope).exclude(pk__in=self.visible_orgs.values("pk"))
        if self.kind_ids:
            hidden = hidden.filter(kind_id__in=self.kind_ids)
        hidden_paths = set(hidden.values_list("unit__path", flat=True).distinct())
        return {u.pk for u in units if not any(path.startswith(u.path) for path in hidden_paths)}

    def tree_cells(
        self, units: list[Unit], *, split_kinds: bool
    ) -> dict[tuple[int, int, str], CellData]:
        """Cells keyed (unit id, kind id or ALL_KINDS, period id), over each unit's subtree."""
        result: dict[tuple[int, int, str], CellData] = defaultdict(dict)
        if not units:
            return result
        visible = self.fully_visible(units)
        self.open_ids |= visible
        open_units = [u for u in units if u.pk in visible]
        period_ids = [p.id for p in self.query.periods]
        if open_units:
            kinds = self.kind_ids
            if split_kinds and kinds is None:
                kinds = list(OrganisationKind.objects.values_list("pk", flat=True))
            read_rollups(
                result,
                [u.pk for u in open_units],
                kinds if kinds is not None else [ALL_KINDS],
                period_ids,
                self.indicator_ids,
                split_kinds=split_kinds,
            )
            if kinds is not None:
                # Per-kind rollups cover what lies below a unit; its own organisations come raw.
                own = self._raw(Q(organisation__unit_id__in=[u.pk for u in open_units]), kinds)
                for (unit_id, kind, period), data in own.items():
                    add_cells(result[(unit_id, kind if split_kinds else ALL_KINDS, period)], data)
        for unit in units:
            if unit.pk in visible:
                continue
            # Some organisations beneath are hidden from this reader: add up only theirs.
            rows = self._raw(
                Q(organisation__in=self.visible_orgs.values("pk"))
                & Q(organisation__unit__path__startswith=unit.path),
                self.kind_ids,
                unit_key=unit.pk,
            )
            for (unit_id, kind, period), data in rows.items():
                add_cells(result[(unit_id, kind if split_kinds else ALL_KINDS, period)], data)
        return result

    def own_cells(self, unit: Unit, *, split_kinds: bool) -> dict[tuple[int, int, str], CellData]:
        """Cells of a unit's own organisations only (not the units below), as the reader sees."""
        where = Q(organisation__unit_id=unit.pk)
        if not permissions.is_admin(self.user):
            where &= Q(organisation__in=self.visible_orgs.values("pk"))
        rows = self._raw(where, self.kind_ids)
        result: dict[tuple[int, int, str], CellData] = defaultdict(dict)
        for (unit_id, kind, period), data in rows.items():
            add_cells(result[(unit_id, kind if split_kinds else ALL_KINDS, period)], data)
        return result

    def _raw(
        self, where: Q, kind_ids: list[int] | None, *, unit_key: int | None = None
    ) -> dict[tuple[int, int, str], CellData]:
        # Only accepted submissions leave the system, as in the rollups.
        submissions = Submission.objects.filter(
            where, period__in=list(self.to_requested), status=Status.ACCEPTED
        )
        if kind_ids is not None:
            submissions = submissions.filter(organisation__kind_id__in=kind_ids)
        # Submissions first, with their cell: the (submission, indicator) index then finds each
        # value directly, where a join lets SQLite scan every value of the indicator in the
        # country; the values are then summed per submission without any join.
        cell_of = {
            pk: (unit_key or unit_id, kind_id, self.to_requested[period])
            for pk, unit_id, kind_id, period in submissions.order_by().values_list(
                "pk", "organisation__unit_id", "organisation__kind_id", "period"
            )
        }
        result: dict[tuple[int, int, str], CellData] = defaultdict(dict)
        if not cell_of:
            return result
        rows = (
            FigureValue.objects.filter(
                submission_id__in=list(cell_of),
                indicator_id__in=self.indicator_ids,
                value__isnull=False,
            )
            .order_by()
            .values_list("submission_id", "indicator_id")
            .annotate(total=Sum("value"), n=Count("value"))
        )
        for submission_id, indicator_id, total, count in rows:
            add_one(result[cell_of[submission_id]], indicator_id, tidy(total), count)
        return result


def _counts_more_than(
    cells: dict[tuple[int, int, str], CellData],
    unit_id: int,
    child_ids: list[int],
    periods: tuple[Period, ...],
) -> bool:
    """Whether a unit's cells count more values than its listed children's together: values of
    its own organisations (or of a child not listed). When the counts agree, its organisations
    have no values here and their query is spared — exact, as counts of values are never
    negative and each child's are part of the unit's, whatever the reader may see. Read before
    merged units are added in. Like every rollup cell, it trusts the rollups to be current:
    writes that bypass the signals must call `rebuild_rollups()` (see rollups.py)."""
    nothing = (None, 0)
    for period in periods:
        whole = cells.get((unit_id, ALL_KINDS, period.id))
        if not whole:
            continue
        parts = [part for c in child_ids if (part := cells.get((c, ALL_KINDS, period.id)))]
        for indicator_id, (_total, count) in whole.items():
            # One indicator at a time: a unit with its own figures is told at the first one.
            if count != sum(part.get(indicator_id, nothing)[1] for part in parts):
                return True
    return False


def _predecessors(units: list[Unit], visible: QuerySet[Unit]) -> dict[int, list[Unit]]:
    """Old units whose figures count under each new unit: those merged wholly into it."""
    if not units:
        return {}
    through = Unit.successors.through
    links = list(
        through.objects.filter(to_unit_id__in=[u.pk for u in units]).values_list(
            "from_unit_id", "to_unit_id"
        )
    )
    # An old unit split between several new ones cannot be divided: it stays under its own name.
    fan_out: defaultdict[int, int] = defaultdict(int)
    for from_id, _to in through.objects.filter(from_unit_id__in=[f for f, _t in links]).values_list(
        "from_unit_id", "to_unit_id"
    ):
        fan_out[from_id] += 1
    old = {u.pk: u for u in visible.filter(pk__in=[f for f, _t in links])}
    result: dict[int, list[Unit]] = defaultdict(list)
    for from_id, to_id in links:
        if fan_out[from_id] == 1 and from_id in old:
            result[to_id].append(old[from_id])
    return result


def _row_units(user, query: PivotQuery) -> list:
    """The units a table's rows stand for: the chosen unit, or those below it in the periods.

    Units below come as named rows (`pk`, `code`, `name`, `kind`, `path`: all a pivot reads of
    them), not model instances, which for a hundred communes cost more than their query."""
    visible = permissions.visible_units(user)
    if query.by == BY_SELF or not query.unit.pk:
        return [query.unit]
    if query.by == BY_COMMUNES:
        # Every commune below, at any depth: one prefix read of the materialised path.
        children = visible.filter(path__startswith=query.unit.path, level=Level.COMMUNE)
        children = children.exclude(pk=query.unit.pk).order_by("path")
    else:
        children = visible.filter(parent=query.unit).order_by("path")
    if query.successors:
        children = children.valid_on(clock.today())
    else:
        start = query.periods[0].start_date("calendar")
        end = query.periods[-1].end_date("calendar")
        children = children.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=end),
            Q(valid_to__isnull=True) | Q(valid_to__gte=start),
        )
    return list(children.values_list("pk", "code", "name", "kind", "path", named=True))


def run_pivot(query: PivotQuery, *, user) -> PivotResult:
    """The pivot's table: cells per row and column, with a total row, scoped to the reader."""
    needed = needed_indicators(query.indicators)
    cube = _Cube(user, query, [i.pk for i in needed.values()])
    notes: list[str] = []
    visible = permissions.visible_units(user)
    total_unit = query.unit
    split = query.rows == ROWS_KIND
    tallies = None
    if pivot_sql.answers(query, user):
        # The common question, in one statement (pivot_sql.py); the same cells as below.
        read = pivot_sql.read_all(query, cube.indicator_ids)
        with_rows = query.rows == ROWS_UNIT and query.by != BY_SELF
        row_units: list = read.row_units if with_rows else [total_unit]
        cells = read.cells
        cube.open_ids.add(total_unit.pk)
        tallies = read.tallies
        counts_more = read.counts_more
        predecessors: dict[int, list[Unit]] = {}
    else:
        row_units = _row_units(user, query) if query.rows == ROWS_UNIT else [total_unit]
        tree_units = list({u.pk: u for u in [*row_units, total_unit] if u.pk}.values())
        predecessors = _predecessors(tree_units, visible) if query.successors else {}
        extra = [u for olds in predecessors.values() for u in olds]
        cells = cube.tree_cells(tree_units + extra, split_kinds=split) if total_unit.pk else {}
        counts_more = (
            query.rows == ROWS_UNIT
            and query.by in (BY_CHILDREN, BY_COMMUNES)
            and bool(total_unit.pk)
            and _counts_more_than(cells, total_unit.pk, [u.pk for u in row_units], query.periods)
        )
    own_possible = query.rows == ROWS_UNIT and query.by == BY_CHILDREN and counts_more
    if query.rows == ROWS_UNIT and query.by == BY_COMMUNES and counts_more:
        notes.append(
            _("Dòng cộng gồm cả số liệu của các tổ chức cấp trên xã trong %(unit)s.")
            % {"unit": total_unit}
        )
    for new_id, olds in predecessors.items():
        for old in olds:
            for (unit_id, kind_pk, period_id), data in list(cells.items()):
                if unit_id == old.pk:
                    add_cells(cells[(new_id, kind_pk, period_id)], data)
    if predecessors:
        names = ", ".join(sorted({str(u) for olds in predecessors.values() for u in olds}))
        notes.append(_("Gồm cả số liệu của đơn vị cũ đã sáp nhập: %(names)s.") % {"names": names})

    completeness = period_completeness(
        user,
        total_unit,
        query.periods,
        kinds=query.kinds,
        whole=total_unit.pk in cube.open_ids,
        finer=cube.finer,
        tallies=tallies,
    )
    columns = [
        {
            "indicator": ind,
            "period": period,
            "mark": completeness[period.id].mark if period is not None else "",
        }
        for ind in query.indicators
        for period in ([None] if query.rows == ROWS_PERIOD else query.periods)
    ]
    column_periods = [None] if query.rows == ROWS_PERIOD else [p.id for p in query.periods]
    values_of = CellPlan(query.indicators, needed)
    total_pk = total_unit.pk

    def make_row(key: str, label: str, datas: list[CellData], *, is_own: bool = False) -> PivotRow:
        """A row from its cell data per column period (one entry per period, in order)."""
        return PivotRow(key=key, label=label, cells=values_of(datas), is_own=is_own)

    def by_period(unit_id: int | None, kind: int, source=cells) -> list[CellData]:
        return [source.get((unit_id, kind, p), _EMPTY) for p in column_periods]

    rows: list[PivotRow] = []
    if query.rows == ROWS_UNIT:
        for unit, label in zip(row_units, full_names(row_units), strict=True):
            rows.append(make_row(unit.code, label, by_period(unit.pk, ALL_KINDS)))
        if own_possible:
            own = cube.own_cells(total_unit, split_kinds=False)
            if own:
                rows.append(
                    make_row(
                        f"{total_unit.code}-own",
                        _("Tổ chức cấp %(unit)s") % {"unit": total_unit},
                        by_period(total_pk, ALL_KINDS, own),
                        is_own=True,
                    )
                )
    elif query.rows == ROWS_KIND:
        kinds = query.kinds or tuple(OrganisationKind.objects.order_by("order", "code"))
        for kind in kinds:
            rows.append(make_row(kind.code, kind.name, by_period(total_pk, kind.pk)))
    else:
        for period in query.periods:
            row = make_row(
                period.id, period.label, [cells.get((total_pk, ALL_KINDS, period.id), _EMPTY)]
            )
            row.mark = completeness[period.id].mark
            rows.append(row)

    total = None
    if total_unit.pk and rows:
        if query.rows == ROWS_PERIOD:
            merged: CellData = {}
            for period in query.periods:
                add_cells(merged, cells.get((total_pk, ALL_KINDS, period.id), {}))
            total = make_row("total", _("Cộng"), [merged])
        elif query.rows == ROWS_KIND:
            kinds_totals: list[CellData] = []
            for column_period in column_periods:
                merged = {}
                for (unit_id, _kind, cell_period), data in cells.items():
                    if unit_id == total_pk and cell_period == column_period:
                        add_cells(merged, data)
                kinds_totals.append(merged)
            total = make_row("total", _("Cộng"), kinds_totals)
        elif query.by != BY_SELF:  # with one row, the row is its own total
            total = make_row(
                "total", _("Cộng %(unit)s") % {"unit": total_unit}, by_period(total_pk, ALL_KINDS)
            )
    if not rows or all(all(v is None for v in r.cells) for r in rows):
        notes.append(_("Chưa có số liệu cho lựa chọn này."))
    if note := incomplete_note(completeness):
        notes.append(note)
    if total_pk and total_pk not in cube.open_ids:
        notes.append(
            _("Chỉ gồm số liệu của các đơn vị, tổ chức bạn được xem trong %(unit)s.")
            % {"unit": total_unit}
        )
    return PivotResult(
        query=query,
        columns=columns,
        rows=rows,
        total=total,
        notes=notes,
        completeness=completeness,
    )

"""The pivot: any indicators × units × periods × kinds of organisation, read from rollups.

A cell's cost is a handful of rollup rows, whatever the size of the data beneath it; only a
unit's own organisations (a few rows) and views restricted by role are read from raw figures.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.analytics import catalogue
from phoihop.analytics.models import ALL_KINDS, Rollup
from phoihop.analytics.rollups import finer_period_ids
from phoihop.core.db import streamed_rows
from phoihop.core.periods import CALENDAR, HALF, Period, PeriodError
from phoihop.indicators.models import Aggregation, Indicator
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Unit, full_names
from phoihop.reporting.models import FigureValue, Submission

BY_SELF, BY_CHILDREN = "don_vi", "cap_duoi"
ROWS_UNIT, ROWS_KIND, ROWS_PERIOD = "don_vi", "to_chuc", "ky"
MAX_PERIODS = 40
MAX_INDICATORS = 80
CENT = Decimal("0.01")

Agg = tuple[Decimal, int]  # sum and number of values
# indicator id -> aggregate. Sums in a cell are always "tidy" (see `_tidy`: 7286, not
# 7286.0000), however they were read or added up, so that the thousands of cells of a wide
# table are taken as they are.
CellData = dict[int, Agg]


@dataclass(frozen=True)
class PivotQuery:
    """A pivot's choices, already checked; `errors` say in Vietnamese what was ignored."""

    indicators: tuple[Indicator, ...]
    unit: Unit
    by: str
    periods: tuple[Period, ...]
    kinds: tuple[OrganisationKind, ...] | None  # None: every kind, summed
    rows: str
    successors: bool
    errors: tuple[str, ...] = ()

    def as_params(self) -> dict[str, str]:
        """GET parameters that rebuild this view: the shareable URL."""
        params = {
            "chi_tieu": ",".join(i.code for i in self.indicators),
            "don_vi": self.unit.code,
            "theo": self.by,
            "ky": _periods_text(self.periods),
            "hang": self.rows,
        }
        if self.kinds:
            params["loai"] = ",".join(k.code for k in self.kinds)
        if self.successors:
            params["gop_moi"] = "1"
        return params


@dataclass
class PivotRow:
    """One row of the table: a unit, a kind of organisation or a period, and its cells."""

    key: str
    label: str
    cells: list[Decimal | None] = field(default_factory=list)
    is_own: bool = False


@dataclass
class PivotResult:
    """The table and charts of a pivot."""

    query: PivotQuery
    columns: list[dict]  # {"indicator": Indicator, "period": Period | None}
    rows: list[PivotRow]
    total: PivotRow | None
    notes: list[str]

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
            "title": f"{first.name} — {last_period.label}"
            if self.query.rows != ROWS_PERIOD
            else first.name,
            "labels": [r.label for r in self.rows],
            "values": [
                _as_float(r.cells[bar_index]) if bar_index is not None else None for r in self.rows
            ],
        }
        lines: dict = {"title": first.name, "labels": [p.label for p in self.query.periods]}
        if self.query.rows == ROWS_PERIOD:
            lines["datasets"] = [
                {
                    "label": str(self.query.unit),
                    "values": [_as_float(r.cells[0]) for r in self.rows],
                }
            ]
        else:
            indexes = [i for i, c in enumerate(self.columns) if c["indicator"].pk == first.pk]
            lines["datasets"] = [
                {"label": r.label, "values": [_as_float(r.cells[i]) for i in indexes]}
                for r in self.rows[:10]
            ]
        return {"bars": bars, "lines": lines}


def _as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _periods_text(periods: tuple[Period, ...]) -> str:
    if len(periods) > 2 and list(periods) == Period.range(periods[0], periods[-1]):
        return f"{periods[0].id}..{periods[-1].id}"
    return ",".join(p.id for p in periods)


# ----- parsing ----------------------------------------------------------------------------


def _split(params: Mapping, name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist else [params.get(name) or ""]
    return [part.strip() for value in raw for part in (value or "").split(",") if part.strip()]


def parse_periods(text: str) -> list[Period]:
    """Read "2019S1..2020S2" or "2019S1,2019S2" into periods of one kind, in order."""
    if ".." in text:
        first, _sep, last = text.partition("..")
        start, end = Period.parse(first), Period.parse(last)
        if start.kind != end.kind:
            raise PeriodError(_("Hai đầu khoảng kỳ phải cùng loại kỳ."))
        periods = Period.range(start, end)
    else:
        periods = sorted({Period.parse(part) for part in text.split(",") if part.strip()})
    if not periods:
        raise PeriodError(_("Chưa chọn kỳ nào."))
    if len({p.kind for p in periods}) > 1:
        raise PeriodError(_("Các kỳ chọn phải cùng loại (cùng là năm, 6 tháng, quý hoặc tháng)."))
    if len(periods) > MAX_PERIODS:
        raise PeriodError(_("Chọn tối đa %(n)s kỳ.") % {"n": MAX_PERIODS})
    return periods


def default_unit(user) -> Unit | None:
    """Where a reader's pivot starts: their unit, their organisation's, or the top they see."""
    if getattr(user, "organisation_id", None):
        return user.organisation.unit
    if getattr(user, "unit_id", None):
        return user.unit
    visible = permissions.visible_units(user)
    assigned = list(user.assigned_units.all()) if user.is_authenticated else []
    if assigned:
        return assigned[0]
    return visible.order_by("level", "path").first()


def default_periods(user) -> list[Period]:
    """The four latest half-years that the reader's submissions cover."""
    ids = set(
        permissions.visible_submissions(user).order_by().values_list("period", flat=True).distinct()
    )
    periods = []
    for period_id in ids:
        try:
            periods.append(Period.parse(period_id))
        except PeriodError:
            continue
    halves = sorted(p for p in periods if p.kind == HALF)
    if halves:
        return halves[-4:]
    if periods:
        return [max(periods)]
    return [Period.containing(dt.date.today(), HALF, CALENDAR)]


def parse_pivot_params(params: Mapping, *, user) -> PivotQuery:
    """Read the pivot's GET parameters; anything that makes no sense is replaced by a default
    and explained, so that a bad URL shows a message instead of an error page."""
    errors: list[str] = []
    visible = permissions.visible_units(user)

    codes = _split(params, "chi_tieu")[:MAX_INDICATORS]
    by_code = catalogue.by_code()
    if any(c not in by_code for c in codes):
        catalogue.forget()  # perhaps just created in another process: look once more
        by_code = catalogue.by_code()
    unknown = [c for c in codes if c not in by_code]
    if unknown:
        errors.append(_("Không có chỉ tiêu: %(codes)s.") % {"codes": ", ".join(unknown)})
    indicators = [by_code[c] for c in dict.fromkeys(codes) if c in by_code]
    if not indicators:
        indicators = catalogue.first_summed(2)

    unit = None
    unit_code = (params.get("don_vi") or "").strip()
    if unit_code:
        unit = visible.filter(code=unit_code).first()
        if unit is None:
            errors.append(
                _("Không xem được đơn vị «%(code)s»; hiển thị đơn vị của bạn.")
                % {"code": unit_code}
            )
    if unit is None:
        unit = default_unit(user)
    if unit is None:
        unit = Unit(code="", name=_("không có đơn vị"), kind="country", path="/-/")

    by = (params.get("theo") or "").strip() or None
    if by not in (None, BY_SELF, BY_CHILDREN):
        errors.append(_("Cách chia theo đơn vị không hợp lệ, đã dùng mặc định."))
        by = None
    if by is None:
        by = BY_CHILDREN if unit.pk and visible.filter(parent=unit).exists() else BY_SELF

    period_text = (params.get("ky") or "").strip()
    periods: list[Period] = []
    if period_text:
        try:
            periods = parse_periods(period_text)
        except PeriodError as exc:
            errors.append(str(exc))
    if not periods:
        periods = default_periods(user)

    kind_codes = _split(params, "loai")
    kinds = None
    if kind_codes:
        found = {k.code: k for k in OrganisationKind.objects.filter(code__in=kind_codes)}
        if len(found) < len(set(kind_codes)):
            errors.append(_("Có loại tổ chức không hợp lệ, đã bỏ qua."))
        kinds = tuple(sorted(found.values(), key=lambda k: (k.order, k.code))) or None

    rows = (params.get("hang") or "").strip() or ROWS_UNIT
    if rows not in (ROWS_UNIT, ROWS_KIND, ROWS_PERIOD):
        errors.append(_("Cách xếp hàng không hợp lệ, đã xếp theo đơn vị."))
        rows = ROWS_UNIT
    successors = (params.get("gop_moi") or "") in ("1", "on", "true")
    return PivotQuery(
        indicators=tuple(indicators),
        unit=unit,
        by=by,
        periods=tuple(periods),
        kinds=kinds,
        rows=rows,
        successors=successors,
        errors=tuple(errors),
    )


# ----- values -----------------------------------------------------------------------------


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
        return _tidy(Decimal(total))
    if indicator.aggregation == Aggregation.AVERAGE:
        return (Decimal(total) / count).quantize(CENT)
    # A percentage reported as such cannot be combined; one value alone is still true.
    return _tidy(Decimal(total)) if count == 1 else None


def _tidy(value: Decimal) -> Decimal:
    """Drop the stored trailing zeros (7286.0000 → 7286) without an exponent (1E+3)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _needed_indicators(indicators: tuple[Indicator, ...]) -> dict[str, Indicator]:
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


def _add(target: CellData, source: CellData) -> None:
    for indicator_id, (total, count) in source.items():
        _add_one(target, indicator_id, total, count)


def _add_one(target: CellData, indicator_id: int, total: Decimal, count: int) -> None:
    """Add one (tidy) sum and count into a cell; the result is tidy too."""
    before = target.get(indicator_id)
    if before is None:
        target[indicator_id] = (total, count)
    else:
        target[indicator_id] = (_tidy(before[0] + total), before[1] + count)


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

    def fully_visible(self, units: list[Unit]) -> set[int]:
        """Units every organisation beneath which the reader may see: their rollups may show."""
        if permissions.is_admin(self.user):
            return {u.pk for u in units}
        if not units:
            return set()
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
        open_units = [u for u in units if u.pk in visible]
        period_ids = [p.id for p in self.query.periods]
        if open_units:
            kinds = self.kind_ids
            if split_kinds and kinds is None:
                kinds = list(OrganisationKind.objects.values_list("pk", flat=True))
            _read_rollups(
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
                    _add(result[(unit_id, kind if split_kinds else ALL_KINDS, period)], data)
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
                _add(result[(unit_id, kind if split_kinds else ALL_KINDS, period)], data)
        return result

    def own_cells(self, unit: Unit, *, split_kinds: bool) -> dict[tuple[int, int, str], CellData]:
        """Cells of a unit's own organisations only (not the units below), as the reader sees."""
        where = Q(organisation__unit_id=unit.pk)
        if not permissions.is_admin(self.user):
            where &= Q(organisation__in=self.visible_orgs.values("pk"))
        rows = self._raw(where, self.kind_ids)
        result: dict[tuple[int, int, str], CellData] = defaultdict(dict)
        for (unit_id, kind, period), data in rows.items():
            _add(result[(unit_id, kind if split_kinds else ALL_KINDS, period)], data)
        return result

    def _raw(
        self, where: Q, kind_ids: list[int] | None, *, unit_key: int | None = None
    ) -> dict[tuple[int, int, str], CellData]:
        submissions = Submission.objects.filter(where, period__in=list(self.to_requested))
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
            _add_one(result[cell_of[submission_id]], indicator_id, _tidy(total), count)
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


def _read_rollups(
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
    is not fetched at all, and the loop makes no call per row. Totals come tidy (`_tidy`);
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
    # `_tidy` does, sparing the wide tables a Decimal operation per cell.
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
            total_field = Rollup._meta.get_field("total")
            column = total_field.get_col(Rollup._meta.db_table)
            converters = connection.ops.get_db_converters(column)

            def tidied(value):
                for converter in converters:
                    value = converter(value, column, connection)
                return _tidy(value)

            at = len(columns) - 2
            rows = [(*row[:at], tidied(row[at]), row[-1]) for row in rows]
        kind = kinds[0] if split_kinds else ALL_KINDS
        period = period_ids[0]
        if not with_period and len(kinds) == 1:
            # One row per (unit, indicator): the widest tables take this loop. It sets rather than
            # adds, which is right because `tree_cells` reads the rollups into fresh cells.
            last_unit, cell = None, None
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
            _add_one(result[(unit_id, kind, period)], indicator_id, total, count)


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
    fan_out = defaultdict(int)
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
    children = visible.filter(parent=query.unit).order_by("path")
    if query.successors:
        children = children.valid_on(dt.date.today())
    else:
        start = query.periods[0].start_date("calendar")
        end = query.periods[-1].end_date("calendar")
        children = children.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=end),
            Q(valid_to__isnull=True) | Q(valid_to__gte=start),
        )
    return list(children.values_list("pk", "code", "name", "kind", "path", named=True))


_EMPTY: CellData = {}
_PLAIN_AVERAGE, _PLAIN_NONE, _FORMULA = range(3)


class _CellPlan:
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


def run_pivot(query: PivotQuery, *, user) -> PivotResult:
    """The pivot's table: cells per row and column, with a total row, scoped to the reader."""
    needed = _needed_indicators(query.indicators)
    cube = _Cube(user, query, [i.pk for i in needed.values()])
    notes: list[str] = []
    visible = permissions.visible_units(user)
    total_unit = query.unit
    split = query.rows == ROWS_KIND
    row_units = _row_units(user, query) if query.rows == ROWS_UNIT else [total_unit]
    tree_units = list({u.pk: u for u in [*row_units, total_unit] if u.pk}.values())
    predecessors = _predecessors(tree_units, visible) if query.successors else {}
    extra = [u for olds in predecessors.values() for u in olds]
    cells = cube.tree_cells(tree_units + extra, split_kinds=split) if total_unit.pk else {}
    own_possible = (
        query.rows == ROWS_UNIT
        and query.by == BY_CHILDREN
        and bool(total_unit.pk)
        and _counts_more_than(cells, total_unit.pk, [u.pk for u in row_units], query.periods)
    )
    for new_id, olds in predecessors.items():
        for old in olds:
            for (unit_id, kind, period), data in list(cells.items()):
                if unit_id == old.pk:
                    _add(cells[(new_id, kind, period)], data)
    if predecessors:
        names = ", ".join(sorted({str(u) for olds in predecessors.values() for u in olds}))
        notes.append(_("Gồm cả số liệu của đơn vị cũ đã sáp nhập: %(names)s.") % {"names": names})

    columns = [
        {"indicator": ind, "period": period}
        for ind in query.indicators
        for period in ([None] if query.rows == ROWS_PERIOD else query.periods)
    ]
    column_periods = [None] if query.rows == ROWS_PERIOD else [p.id for p in query.periods]
    values_of = _CellPlan(query.indicators, needed)
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
            rows.append(
                make_row(
                    period.id, period.label, [cells.get((total_pk, ALL_KINDS, period.id), _EMPTY)]
                )
            )

    total = None
    if total_unit.pk and rows:
        if query.rows == ROWS_PERIOD:
            merged: CellData = {}
            for period in query.periods:
                _add(merged, cells.get((total_pk, ALL_KINDS, period.id), {}))
            total = make_row("total", _("Cộng"), [merged])
        elif query.rows == ROWS_KIND:
            kinds_totals: list[CellData] = []
            for period_id in column_periods:
                merged = {}
                for (unit_id, _kind, period), data in cells.items():
                    if unit_id == total_pk and period == period_id:
                        _add(merged, data)
                kinds_totals.append(merged)
            total = make_row("total", _("Cộng"), kinds_totals)
        elif query.by != BY_SELF:  # with one row, the row is its own total
            total = make_row(
                "total", _("Cộng %(unit)s") % {"unit": total_unit}, by_period(total_pk, ALL_KINDS)
            )
    if not rows or all(all(v is None for v in r.cells) for r in rows):
        notes.append(_("Chưa có số liệu cho lựa chọn này."))
    return PivotResult(query=query, columns=columns, rows=rows, total=total, notes=notes)


# ----- dashboards -------------------------------------------------------------------------


def key_indicators(limit: int = 4) -> list[Indicator]:
    """The figures a dashboard leads with: the first summed indicators of the catalogue."""
    return list(
        Indicator.objects.filter(
            aggregation=Aggregation.SUM, formula="", part_of__isnull=True
        ).order_by("pk")[:limit]
    )


def _side_by_side_unit(user, unit: Unit) -> Unit:
    """The unit whose units below a dashboard sets side by side: the reader's own or, where it
    has a single unit below (a province of one district, as in the demo), that unit's, and so
    on down: one row side by side with nothing says nothing."""
    visible = permissions.visible_units(user)
    for _depth in range(3):
        below = list(visible.filter(parent=unit).order_by("path")[:2])
        if len(below) != 1:
            break
        unit = below[0]
    return unit


def dashboard_data(user) -> dict:
    """The reader's dashboard: favourites, and the panels their role calls for."""
    from phoihop.accounts.models import Role
    from phoihop.core.numbers import format_change
    from phoihop.reporting.selectors import status_counts

    unit = default_unit(user)
    periods = default_periods(user)
    current = periods[-1]
    indicators = tuple(key_indicators())
    data: dict = {
        "favourites": list(user.favourites.all()[:20]),
        "period": current,
        "unit": unit,
        "panels": [],
    }
    if unit is None or not indicators:
        return data
    role = user.role
    if role == Role.ORG_REPORTER:
        kind = user.organisation.kind if user.organisation_id else None
        trend = PivotQuery(
            indicators=indicators,
            unit=unit,
            by=BY_SELF,
            periods=tuple(periods),
            kinds=(kind,) if kind else None,
            rows=ROWS_PERIOD,
            successors=False,
        )
        data["panels"].append(
            {"title": _("Số liệu của tổ chức qua các kỳ"), "result": run_pivot(trend, user=user)}
        )
        return data
    if role == Role.OFFICE or permissions.is_admin(user):
        counts = status_counts(permissions.visible_submissions(user), period=current.id)
        data["status_counts"] = counts
        data["status_total"] = sum(c["count"] for c in counts)
        try:
            from phoihop.validation import services as validation

            data["problems"] = validation.open_violations(unit, current.id)[:10]
        except Exception:  # noqa: BLE001 - the validation panel must never take the page down
            data["problems"] = None
    last_year = current.same_period_last_year()
    compare = PivotQuery(
        indicators=indicators,
        unit=unit,
        by=BY_SELF,
        periods=(last_year, current),
        kinds=None,
        rows=ROWS_UNIT,
        successors=False,
    )
    compared = run_pivot(compare, user=user)
    key_figures = []
    if compared.rows:
        cells = compared.rows[0].cells
        for i, indicator in enumerate(indicators):
            before, now = cells[2 * i], cells[2 * i + 1]
            key_figures.append(
                {
                    "indicator": indicator,
                    "value": now,
                    "previous": before,
                    "change": format_change(now, before),
                }
            )
    data["key_figures"] = key_figures
    data["compare_query"] = compare
    side_unit = _side_by_side_unit(user, unit)
    children = PivotQuery(
        indicators=indicators[:2],
        unit=side_unit,
        by=BY_CHILDREN,
        periods=(current,),
        kinds=None,
        rows=ROWS_UNIT,
        successors=False,
    )
    side_by_side = run_pivot(children, user=user)
    if len(side_by_side.rows) > 1:
        data["panels"].append(
            {
                "title": _("Các đơn vị trực thuộc %(unit)s, %(period)s")
                % {"unit": side_unit, "period": current.label},
                "result": side_by_side,
            }
        )
    trend = PivotQuery(
        indicators=indicators[:2],
        unit=unit,
        by=BY_SELF,
        periods=tuple(periods),
        kinds=None,
        rows=ROWS_PERIOD,
        successors=False,
    )
    data["panels"].append(
        {"title": _("Diễn biến qua các kỳ"), "result": run_pivot(trend, user=user)}
    )
    return data

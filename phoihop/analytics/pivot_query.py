"""A pivot's question: which indicators, unit, periods, kinds and rows, read from GET parameters.

Anything that makes no sense is replaced by a default and explained in Vietnamese.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.analytics import catalogue
from phoihop.core.periods import Period, PeriodError
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit
from phoihop.reporting.windows import reporting_period_now

BY_SELF, BY_CHILDREN = "don_vi", "cap_duoi"
# Every commune below the unit, at any depth (a province's communes through its districts).
BY_COMMUNES = "cap_xa"
ROWS_UNIT, ROWS_KIND, ROWS_PERIOD = "don_vi", "to_chuc", "ky"
MAX_PERIODS = 40
MAX_INDICATORS = 80


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


def top_units(user) -> list[Unit]:
    """The highest units the reader sees: those whose parent they do not see, by path."""
    visible = permissions.visible_units(user)
    return list(visible.exclude(parent__in=visible).order_by("path"))


def default_unit(user) -> Unit | None:
    """Where a reader's pivot starts: their organisation's unit, their unit, or the top they
    see; a reader in charge of several units (a committee member's communes) starts at the
    unit they share, whose rows are then those of their units, and only theirs."""
    if getattr(user, "organisation_id", None):
        return user.organisation.unit
    if getattr(user, "unit_id", None):
        return user.unit
    tops = top_units(user)
    if len(tops) <= 1:
        return tops[0] if tops else None
    shared = _common_path(tops)
    return Unit.objects.filter(path=shared).first() or tops[0]


def _common_path(units: list[Unit]) -> str:
    parts = [u.path.strip("/").split("/") for u in units]
    common: list[str] = []
    for codes in zip(*parts, strict=False):
        if len(set(codes)) != 1:
            break
        common.append(codes[0])
    return "/" + "/".join(common) + "/" if common else ""


def unit_choices(user, *, limit: int) -> list[Unit]:
    """Units offered in the pivot's form: down to the districts the reader sees, the highest
    units they see (a member's communes) and where their pivot starts."""
    visible = permissions.visible_units(user)
    units = {u.pk: u for u in visible.filter(level__lte=2).order_by("path")[:limit]}
    for unit in [*top_units(user), default_unit(user)]:
        if unit is not None:
            units.setdefault(unit.pk, unit)
    return sorted(units.values(), key=lambda u: u.path)[:limit]


# The forms' periods are due some days after they end; a period whose deadline is this near is
# the one being reported now, rather than the one before it.
def default_periods(user) -> list[Period]:
    """The period being reported now and the three before it (the reader's own choice of
    periods aside): what dashboards and a pivot without periods open on."""
    current = reporting_period_now()
    return Period.range(current.previous().previous().previous(), current)


def _unit_by_code(code: str) -> Unit | None:
    """The unit of this code (codes are unique), in one plain query: every pivot asks it, and
    the ORM's compiling of the query cost more than the query itself."""
    table = Unit._meta.db_table
    return next(iter(Unit.objects.raw(f"SELECT * FROM {table} WHERE code = %s", [code])), None)


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
        unit = _unit_by_code(unit_code)
        if unit is not None and not permissions.sees_everything_below(user, unit):
            unit = visible.filter(pk=unit.pk).first()
        if unit is None:
            # A member's shared unit: not theirs to see whole, but where their pivot starts.
            start = default_unit(user)
            unit = start if start is not None and start.code == unit_code else None
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
    if by not in (None, BY_SELF, BY_CHILDREN, BY_COMMUNES):
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

"""A pivot's question: which indicators, unit, periods, kinds and rows, read from GET parameters.

Anything that makes no sense is replaced by a default and explained in Vietnamese.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.analytics import catalogue
from phoihop.core.periods import CALENDAR, HALF, Period, PeriodError
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit

BY_SELF, BY_CHILDREN = "don_vi", "cap_duoi"
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

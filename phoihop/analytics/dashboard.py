"""The analytics dashboard: the panels each role opens on, for the period being reported now."""

from __future__ import annotations

from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.accounts.models import Role
from phoihop.analytics.pivot import run_pivot
from phoihop.analytics.pivot_query import (
    BY_CHILDREN,
    BY_SELF,
    ROWS_PERIOD,
    ROWS_UNIT,
    PivotQuery,
    default_periods,
    default_unit,
)
from phoihop.core.numbers import format_change
from phoihop.indicators.models import Aggregation, Indicator
from phoihop.places.models import Unit
from phoihop.programmes.selectors import progress_panel
from phoihop.reporting.selectors import status_counts
from phoihop.validation import services as validation


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
    # The share of each body's yearly targets reached, and who is behind at mid-year.
    data["programme"] = progress_panel(
        unit=unit,
        year=current.year,
        organisations=permissions.visible_organisations(user),
        lower=permissions.visible_units(user).filter(parent=_side_by_side_unit(user, unit)),
    )
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
    if permissions.is_an_office(user):
        counts = status_counts(permissions.visible_submissions(user), period=current.id)
        data["status_counts"] = counts
        data["status_total"] = sum(c["count"] for c in counts)
        try:
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
    data["period_label"] = compared.period_label(current)
    # A comparison with a period not wholly accepted says so instead of comparing silently.
    partial = [c.labelled for c in compared.completeness.values() if not c.complete]
    data["comparison_note"] = (
        _("So sánh chưa đầy đủ, chỉ gồm báo cáo đã duyệt: %(periods)s.")
        % {"periods": "; ".join(partial)}
        if partial
        else ""
    )
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
                % {"unit": side_unit, "period": side_by_side.period_label(current)},
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
    trend_result = run_pivot(trend, user=user)
    title = _("Diễn biến qua các kỳ")
    if any(not c.complete for c in trend_result.completeness.values()):
        title = _("Diễn biến qua các kỳ (có kỳ chưa duyệt đủ: so sánh chưa đầy đủ)")
    data["panels"].append({"title": title, "result": trend_result})
    return data

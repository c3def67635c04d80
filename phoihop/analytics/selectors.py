"""Reads of analytics, by question: the pivot's parameters (`pivot_query`), its cells
(`cells`), the pivot itself (`pivot`) and the dashboards (`dashboard`)."""

from phoihop.analytics.dashboard import dashboard_data, key_indicators
from phoihop.analytics.pivot import PivotResult, PivotRow, run_pivot
from phoihop.analytics.pivot_query import (
    BY_CHILDREN,
    BY_COMMUNES,
    BY_SELF,
    ROWS_KIND,
    ROWS_PERIOD,
    ROWS_UNIT,
    PivotQuery,
    default_periods,
    default_unit,
    parse_periods,
    parse_pivot_params,
    reporting_period_now,
    top_units,
    unit_choices,
)

__all__ = [
    "BY_CHILDREN",
    "BY_COMMUNES",
    "BY_SELF",
    "ROWS_KIND",
    "ROWS_PERIOD",
    "ROWS_UNIT",
    "PivotQuery",
    "PivotResult",
    "PivotRow",
    "dashboard_data",
    "default_periods",
    "default_unit",
    "key_indicators",
    "parse_periods",
    "parse_pivot_params",
    "reporting_period_now",
    "run_pivot",
    "top_units",
    "unit_choices",
]

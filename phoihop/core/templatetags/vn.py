"""Template filters that write numbers and dates the Vietnamese way (7.286; 1,15%; 15/6/2020)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from phoihop.core.dates import format_date, format_datetime
from phoihop.core.numbers import format_money, format_number, format_percent, format_quantity

register = template.Library()

_BLANK_LINES = re.compile(r"\n\s*\n")


def _as_number(value: Any) -> int | Decimal | None:
    """Numbers from the database or the template; anything else is shown as empty, not an error."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return value
    try:
        # Floats go through str so that 1.15 stays 1,15 and does not become 1,1499999...
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _whole_if_integral(number: int | Decimal) -> int | Decimal:
    # Database decimals carry four places: 7286.0000 must print as 7.286, not 7.286,0000.
    if isinstance(number, Decimal) and number == number.to_integral_value():
        return int(number)
    return number


@register.filter
def vn_number(value: Any, decimals: Any = None) -> str:
    """7286 → 7.286; with an argument, a fixed number of decimals: 1.149|vn_number:2 → 1,15."""
    number = _as_number(value)
    if number is None:
        return ""
    try:
        places = int(decimals) if decimals not in (None, "") else None
    except (TypeError, ValueError):
        places = None
    return format_number(_whole_if_integral(number) if places is None else number, decimals=places)


@register.filter
def vn_money(value: Any) -> str:
    """3658673000 → 3.658.673.000 đồng."""
    number = _as_number(value)
    return "" if number is None else format_money(number)


@register.filter
def vn_percent(value: Any, decimals: Any = None) -> str:
    """1.15 → 1,15%."""
    number = _as_number(value)
    if number is None:
        return ""
    try:
        places = int(decimals) if decimals not in (None, "") else None
    except (TypeError, ValueError):
        places = None
    return format_percent(_whole_if_integral(number), decimals=places)


@register.filter
def vn_date(value: Any) -> str:
    """A date as written inside a report: 15/6/2020; a datetime also gets its time: 09:00 15/6/2020."""
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return ""


@register.filter
def vn_figure(value: Any, indicator: Any) -> str:
    """A figure with its unit as its indicator asks: 7.286 cuộc, 05 căn nhà, 1,15%, … đồng."""
    number = _as_number(value)
    if number is None:
        return ""
    value_type = getattr(indicator, "value_type", "integer")
    unit = getattr(indicator, "unit_label", "") or ""
    if value_type == "money":
        return format_money(number)
    if value_type == "percent":
        return format_percent(_whole_if_integral(number))
    pad = bool(getattr(indicator, "pad_small", False))
    return format_quantity(_whole_if_integral(number), unit, pad=pad)


@register.filter
def paragraphs(text: Any) -> list[str]:
    """A narrative split on blank lines, as officials separate paragraphs when they type."""
    if not text:
        return []
    return [
        part.strip() for part in _BLANK_LINES.split(str(text).replace("\r\n", "\n")) if part.strip()
    ]

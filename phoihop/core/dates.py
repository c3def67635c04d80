"""Vietnamese date formats: 15/6/2020 in text, "ngày 05 tháng 02 năm 2020" in date lines."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

__all__ = [
    "VIETNAM",
    "DateFormatError",
    "format_date",
    "format_date_line",
    "format_datetime",
    "parse_date",
]

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class DateFormatError(ValueError):
    """Text that cannot be read as a date."""


def _local(moment: datetime) -> datetime:
    # Naive datetimes are taken to be Vietnamese wall-clock time already.
    return moment.astimezone(VIETNAM) if moment.tzinfo is not None else moment


def _as_date(value: date) -> date:
    return _local(value).date() if isinstance(value, datetime) else value


def format_date(value: date | None) -> str:
    """15/6/2020: no leading zeros, as dates are written inside a report's text."""
    if value is None:
        return ""
    day = _as_date(value)
    return f"{day.day}/{day.month}/{day.year}"


def format_datetime(value: datetime | None) -> str:
    """08:05 15/6/2020, in Vietnamese time when the datetime is aware."""
    if value is None:
        return ""
    moment = _local(value)
    return f"{moment:%H:%M} {format_date(moment.date())}"


def format_date_line(place: str, value: date) -> str:
    """The place and date line under a document's header: "Bù Đăng, ngày 15 tháng 6 năm 2020"."""
    day = _as_date(value)
    # Decree 30/2020 pads days below 10 and months 1 and 2, so "tháng 1" cannot be read as 10-12
    # by adding a digit after signing.
    day_text = f"{day.day:02d}"
    month_text = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    line = f"ngày {day_text} tháng {month_text} năm {day.year}"
    return f"{place}, {line}" if place else line


_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def parse_date(text: str) -> date:
    """Read 15/6/2020, 15/06/2020 (also with '-' or '.') or 2020-06-15."""
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}: {text!r}")
    body = text.strip()
    if match := _DAY_FIRST.fullmatch(body):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _ISO.fullmatch(body):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        raise DateFormatError(
            f"Không đọc được ngày: «{text}» (hãy viết ngày/tháng/năm, ví dụ 15/6/2020)"
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DateFormatError(f"Ngày không có thật: «{text}»") from None

"""Reporting periods (year, half, quarter, month) under calendar or Decree 09/2019 cut-off dates."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

__all__ = [
    "CALENDAR",
    "CONVENTIONS",
    "CUTOFF_15",
    "HALF",
    "KINDS",
    "MONTH",
    "QUARTER",
    "YEAR",
    "DateRange",
    "Period",
    "PeriodError",
    "deadline",
]

YEAR = "year"
HALF = "half"
QUARTER = "quarter"
MONTH = "month"
KINDS = (YEAR, HALF, QUARTER, MONTH)  # coarsest first

CALENDAR = "calendar"
# Decree 09/2019/NĐ-CP: data are counted from the 15th of the month before the period to the
# 14th of its last month, so that reports can be compiled before the calendar period ends.
CUTOFF_15 = "cutoff15"
CONVENTIONS = (CALENDAR, CUTOFF_15)
CUTOFF_DAY = 15

_MONTHS_IN = {YEAR: 12, HALF: 6, QUARTER: 3, MONTH: 1}
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
_ROMAN = ("I", "II", "III", "IV")
_MIN_YEAR, _MAX_YEAR = 1000, 9999  # ids carry a four-digit year

_ID = re.compile(r"(?P<year>\d{4})(?:(?P<kind>[SQ])(?P<index>\d)|(?P<month>\d{2}))?", re.ASCII)
_ID_HELP = "dạng đúng: 2020, 2020S1, 2020Q1, 202003"


class PeriodError(ValueError):
    """A period id or period operation that makes no sense."""


class DateRange(NamedTuple):
    """Inclusive first and last day of a period."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _check_convention(convention: str) -> None:
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}; expected one of {CONVENTIONS}")


def _check_kind(kind: str) -> None:
    if kind not in _MONTHS_IN:
        raise PeriodError(f"Loại kỳ không hợp lệ: «{kind}» (một trong {', '.join(KINDS)})")


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + months
    return total // 12, total % 12 + 1


@dataclass(frozen=True, eq=True, order=False, slots=True)
class Period:
    """A reporting period: a year, a half-year, a quarter or a month of one year."""

    kind: str
    year: int
    index: int = 1
    # The id, made once: a pivot reads it for every cell.
    _id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _check_kind(self.kind)
        if not _MIN_YEAR <= self.year <= _MAX_YEAR:
            raise PeriodError(f"Năm không hợp lệ: {self.year}")
        if not 1 <= self.index <= 12 // _MONTHS_IN[self.kind]:
            raise PeriodError(f"Kỳ không hợp lệ: {self.kind} số {self.index} năm {self.year}")
        if self.kind == YEAR:
            made = f"{self.year}"
        elif self.kind == HALF:
            made = f"{self.year}S{self.index}"
        elif self.kind == QUARTER:
            made = f"{self.year}Q{self.index}"
        else:
            made = f"{self.year}{self.index:02d}"
        object.__setattr__(self, "_id", made)

    # --- ids -----------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read "2020", "2020S1", "2020q3", " 202003 " (case and spaces do not matter)."""
        if not isinstance(text, str):
            raise TypeError(f"expected text, got {type(text).__name__}: {text!r}")
        body = "".join(text.split()).upper()
        match = _ID.fullmatch(body)
        if match is None:
            raise PeriodError(f"Kỳ báo cáo không hợp lệ: «{text}» ({_ID_HELP})")
        year = int(match["year"])
        if match["month"]:
            kind, index = MONTH, int(match["month"])
        elif match["kind"]:
            kind, index = (HALF if match["kind"] == "S" else QUARTER), int(match["index"])
        else:
            kind, index = YEAR, 1
        try:
            return cls(kind, year, index)
        except PeriodError:
            raise PeriodError(f"Kỳ báo cáo không hợp lệ: «{text}» ({_ID_HELP})") from None

    @property
    def id(self) -> str:
        return self._id

    def __str__(self) -> str:
        return self.id

    # --- labels --------------------------------------------------------------------------

    @property
    def short_label(self) -> str:
        """The label without the year, for table headings: "6 tháng đầu năm", "quý I"."""
        if self.kind == YEAR:
            return "cả năm"
        if self.kind == HALF:
            return "6 tháng đầu năm" if self.index == 1 else "6 tháng cuối năm"
        if self.kind == QUARTER:
            return f"quý {_ROMAN[self.index - 1]}"
        return f"tháng {self.index}"

    @property
    def label(self) -> str:
        """As report titles write it: "6 tháng đầu năm 2020", "quý I năm 2020", "năm 2020"."""
        if self.kind == YEAR:
            return f"năm {self.year}"
        if self.kind == HALF:
            return f"{self.short_label} {self.year}"  # the short label already ends in "năm"
        return f"{self.short_label} năm {self.year}"

    # --- dates ---------------------------------------------------------------------------

    @property
    def first_month(self) -> int:
        return (self.index - 1) * _MONTHS_IN[self.kind] + 1

    @property
    def last_month(self) -> int:
        return self.index * _MONTHS_IN[self.kind]

    def start_date(self, convention: str) -> date:
        """First day of the period, inclusive."""
        _check_convention(convention)
        if convention == CALENDAR:
            return date(self.year, self.first_month, 1)
        year, month = _add_months(self.year, self.first_month, -1)
        return date(year, month, CUTOFF_DAY)

    def end_date(self, convention: str) -> date:
        """Last day of the period, inclusive."""
        _check_convention(convention)
        if convention == CALENDAR:
            return date(self.year, self.last_month, monthrange(self.year, self.last_month)[1])
        return date(self.year, self.last_month, CUTOFF_DAY - 1)

    def date_range(self, convention: str) -> DateRange:
        return DateRange(self.start_date(convention), self.end_date(convention))

    @classmethod
    def containing(cls, day: date, kind: str, convention: str) -> Period:
        """The period of `kind` whose dates include `day`."""
        _check_kind(kind)
        _check_convention(convention)
        year, month = day.year, day.month
        if convention == CUTOFF_15 and day.day >= CUTOFF_DAY:
            # From the 15th on, a day already counts towards the next month's report.
            year, month = _add_months(year, month, 1)
        month_period = cls(MONTH, year, month)
        return month_period if kind == MONTH else month_period.parent(kind)

    # --- arithmetic ----------------------------------------------------------------------

    def _shift(self, steps: int) -> Period:
        per_year = 12 // _MONTHS_IN[self.kind]
        total = self.year * per_year + (self.index - 1) + steps
        return Period(self.kind, total // per_year, total % per_year + 1)

    def next(self) -> Period:
        return self._shift(1)

    def previous(self) -> Period:
        return self._shift(-1)

    def same_period_last_year(self) -> Period:
        """The period a report compares with ("so với cùng kỳ")."""
        return Period(self.kind, self.year - 1, self.index)

    def parent(self, kind: str) -> Period:
        """The coarser period of `kind` that contains this one."""
        _check_kind(kind)
        if _RANK[kind] >= _RANK[self.kind]:
            raise PeriodError(f"{kind!r} is not coarser than {self.kind!r}")
        return Period(kind, self.year, (self.first_month - 1) // _MONTHS_IN[kind] + 1)

    def children(self, kind: str) -> list[Period]:
        """The finer periods of `kind` that make up this one, in order."""
        _check_kind(kind)
        if _RANK[kind] <= _RANK[self.kind]:
            raise PeriodError(f"{kind!r} is not finer than {self.kind!r}")
        size = _MONTHS_IN[kind]
        first = (self.first_month - 1) // size + 1
        return [
            Period(kind, self.year, index) for index in range(first, self.last_month // size + 1)
        ]

    def contains(self, other: Period) -> bool:
        """True if `other` lies within this period (a period contains itself)."""
        # Both conventions shift every boundary alike, so comparing months is enough.
        return (
            self.year == other.year
            and self.first_month <= other.first_month
            and other.last_month <= self.last_month
        )

    @classmethod
    def range(cls, first: Period, last: Period) -> list[Period]:
        """Periods of one kind from `first` to `last`, both included; empty if last < first."""
        if first.kind != last.kind:
            raise PeriodError(f"cannot range from a {first.kind} to a {last.kind}")
        periods: list[Period] = []
        current = first
        while current <= last:
            periods.append(current)
            if current == last:
                break  # stepping past `last` could leave the four-digit years at 9999
            current = current.next()
        return periods

    # --- ordering ------------------------------------------------------------------------

    def _sort_key(self) -> tuple[int, int, int]:
        # Start month orders the same under both conventions; a coarser period sorts first.
        return (self.year, self.first_month, _RANK[self.kind])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() >= other._sort_key()


def deadline(period: Period, *, convention: str, days_after_end: int) -> date:
    """The day a report is due: `days_after_end` days after the period's last day."""
    return period.end_date(convention) + timedelta(days=days_after_end)

"""The inspection ranking's arithmetic: each factor's value and points, shown, never hidden.

Plain code over plain numbers (no ORM): `committee.selectors.risk_ranking` reads the facts and
asks `score` here. Programme progress comes through `progress_source`, the programmes app's
`unit_progress` read as a fraction; a commune without a programme for the year gets None,
shown as "chưa có chương trình" and worth no points.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from phoihop.core.numbers import format_number, format_percent
from phoihop.programmes.selectors import units_progress

# progress_source(units, *, year, on_date=None) -> {unit id: share of the year's targets reached
# (0..1, or above 1 when exceeded), or None when the unit has no programme for the year}.
ProgressSource = Callable[..., dict[int, Decimal | None]]


def fractions_reached(
    units: Sequence[Any], *, year: int, on_date: dt.date | None = None
) -> dict[int, Decimal | None]:
    """The programmes app answers in percent (50 = half the targets), for many units in a few
    queries; the ranking counts in fractions of the year."""
    shares = units_progress(units, year, on_date=on_date)
    fractions: dict[int, Decimal | None] = {}
    for unit in units:
        share = shares[unit.pk][0] if unit.pk in shares else None
        fractions[unit.pk] = None if share is None else share / 100
    return fractions


# Read at each ranking (tests swap it): `risk.progress_source(units, year=..., on_date=...)`.
progress_source: ProgressSource = fractions_reached

NEVER_INSPECTED_MONTHS = 24  # a board never inspected counts as two years without
NO_PROGRAMME = "chưa có chương trình"


@dataclass(frozen=True)
class Weights:
    late_report: Decimal = Decimal(3)
    open_result: Decimal = Decimal(1)
    programme_behind: Decimal = Decimal(2)
    month_uninspected: Decimal = Decimal("0.5")
    missing_rules: Decimal = Decimal(5)
    periods_back: int = 2


@dataclass(frozen=True)
class Facts:
    """What is known of one commune when ranking."""

    late: int
    missing: int
    open_results: int
    progress: Decimal | None  # share of the year's targets reached; None: no programme
    expected_progress: Decimal  # the share of the year gone by
    months_since_inspection: int | None  # None: never inspected
    has_rules: bool


@dataclass(frozen=True)
class Factor:
    code: str
    label: str
    value: str
    points: Decimal

    @property
    def points_text(self) -> str:
        return format_number(self.points, decimals=1 if self.points % 1 else 0)


@dataclass
class Score:
    factors: list[Factor] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((f.points for f in self.factors), Decimal(0))

    @property
    def total_text(self) -> str:
        return format_number(self.total, decimals=1 if self.total % 1 else 0)

    @property
    def reasons(self) -> list[str]:
        """The factors that weigh, as the plan states them."""
        return [f"{f.label}: {f.value}" for f in self.factors if f.points > 0]


def _points(weight: Decimal, quantity: Decimal) -> Decimal:
    return (weight * quantity).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from one day to a later one (0 within the month)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def score(facts: Facts, weights: Weights) -> Score:
    reports = facts.late + facts.missing
    report_value = f"{format_number(facts.late)} chậm, {format_number(facts.missing)} chưa gửi"
    if facts.progress is None:
        behind = Decimal(0)
        progress_value = NO_PROGRAMME
    else:
        behind = max(facts.expected_progress - facts.progress, Decimal(0))
        progress_value = (
            f"đạt {format_percent(facts.progress * 100, 0)} chỉ tiêu năm "
            f"(cần {format_percent(facts.expected_progress * 100, 0)})"
        )
    months = facts.months_since_inspection
    months_value = (
        f"chưa kiểm tra lần nào (tính {NEVER_INSPECTED_MONTHS} tháng)"
        if months is None
        else f"{format_number(months)} tháng"
    )
    return Score(
        [
            Factor(
                "reports",
                f"Báo cáo chậm hoặc chưa gửi ({weights.periods_back} kỳ gần nhất)",
                report_value,
                _points(weights.late_report, Decimal(reports)),
            ),
            Factor(
                "results",
                "Kết quả kiểm tra số liệu chưa xử lý",
                format_number(facts.open_results),
                _points(weights.open_result, Decimal(facts.open_results)),
            ),
            Factor(
                "programme",
                "Tiến độ chương trình phối hợp",
                progress_value,
                _points(weights.programme_behind, behind * 10),
            ),
            Factor(
                "inspection",
                "Thời gian từ lần kiểm tra gần nhất",
                months_value,
                _points(
                    weights.month_uninspected,
                    Decimal(NEVER_INSPECTED_MONTHS if months is None else months),
                ),
            ),
            Factor(
                "rules",
                "Quy chế hoạt động của Ban điều phối",
                "đã có" if facts.has_rules else "chưa có",
                Decimal(0) if facts.has_rules else _points(weights.missing_rules, Decimal(1)),
            ),
        ]
    )

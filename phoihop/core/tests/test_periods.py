"""Tests for reporting periods under the calendar and the Decree 09/2019 cut-off."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phoihop.core.periods import (
    CALENDAR,
    CONVENTIONS,
    CUTOFF_15,
    HALF,
    KINDS,
    MONTH,
    QUARTER,
    YEAR,
    DateRange,
    Period,
    PeriodError,
    deadline,
)


def p(text: str) -> Period:
    return Period.parse(text)


@pytest.mark.parametrize(
    ("text", "kind", "year", "index"),
    [
        ("2020", YEAR, 2020, 1),
        ("2020S1", HALF, 2020, 1),
        ("2020S2", HALF, 2020, 2),
        ("2020Q1", QUARTER, 2020, 1),
        ("2020Q4", QUARTER, 2020, 4),
        ("202003", MONTH, 2020, 3),
        ("202012", MONTH, 2020, 12),
        ("2020s1", HALF, 2020, 1),
        (" 2020q3 ", QUARTER, 2020, 3),
        ("2020 S2", HALF, 2020, 2),
    ],
)
def test_it_parses_period_ids(text: str, kind: str, year: int, index: int) -> None:
    period = Period.parse(text)
    assert (period.kind, period.year, period.index) == (kind, year, index)
    assert period == Period(kind, year, index)


@pytest.mark.parametrize(
    "text",
    [
        "2020S3",
        "2020S0",
        "2020Q5",
        "2020Q0",
        "202013",
        "202000",
        "abc",
        "",
        "20",
        "20203",
        "2020H1",
    ],
)
def test_it_rejects_bad_period_ids(text: str) -> None:
    with pytest.raises(PeriodError, match=f"Kỳ báo cáo không hợp lệ: «{text}»"):
        Period.parse(text)


def test_it_makes_period_errors_value_errors() -> None:
    with pytest.raises(ValueError):
        Period.parse("2020Q5")
    with pytest.raises(ValueError):
        Period(QUARTER, 2020, 5)
    with pytest.raises(ValueError):
        Period("week", 2020, 1)


def test_it_gives_canonical_ids() -> None:
    assert str(p("2020s1")) == "2020S1"
    assert p("2020q2").id == "2020Q2"
    assert str(Period(MONTH, 2020, 3)) == "202003"
    assert str(Period(YEAR, 2020)) == "2020"


@pytest.mark.parametrize(
    ("text", "label", "short_label"),
    [
        ("2020S1", "6 tháng đầu năm 2020", "6 tháng đầu năm"),
        ("2020S2", "6 tháng cuối năm 2020", "6 tháng cuối năm"),
        ("2020", "năm 2020", "cả năm"),
        ("2020Q1", "quý I năm 2020", "quý I"),
        ("2020Q2", "quý II năm 2020", "quý II"),
        ("2020Q3", "quý III năm 2020", "quý III"),
        ("2020Q4", "quý IV năm 2020", "quý IV"),
        ("202003", "tháng 3 năm 2020", "tháng 3"),
        ("202012", "tháng 12 năm 2020", "tháng 12"),
    ],
)
def test_it_labels_periods_in_vietnamese(text: str, label: str, short_label: str) -> None:
    assert p(text).label == label
    assert p(text).short_label == short_label


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2020S1", date(2020, 1, 1), date(2020, 6, 30)),
        ("2020S2", date(2020, 7, 1), date(2020, 12, 31)),
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("2020Q1", date(2020, 1, 1), date(2020, 3, 31)),
        ("202002", date(2020, 2, 1), date(2020, 2, 29)),
        ("201902", date(2019, 2, 1), date(2019, 2, 28)),
    ],
)
def test_it_dates_calendar_periods(text: str, start: date, end: date) -> None:
    assert p(text).start_date(CALENDAR) == start
    assert p(text).end_date(CALENDAR) == end
    assert p(text).date_range(CALENDAR) == DateRange(start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2020S1", date(2019, 12, 15), date(2020, 6, 14)),
        ("2020S2", date(2020, 6, 15), date(2020, 12, 14)),
        ("2020", date(2019, 12, 15), date(2020, 12, 14)),
        ("2020Q1", date(2019, 12, 15), date(2020, 3, 14)),
        ("2020Q4", date(2020, 9, 15), date(2020, 12, 14)),
        ("202003", date(2020, 2, 15), date(2020, 3, 14)),
        ("202001", date(2019, 12, 15), date(2020, 1, 14)),
    ],
)
def test_it_dates_decree_09_cutoff_periods(text: str, start: date, end: date) -> None:
    assert p(text).start_date(CUTOFF_15) == start
    assert p(text).end_date(CUTOFF_15) == end
    assert p(text).date_range(CUTOFF_15) == DateRange(start, end)


def test_it_refuses_an_unknown_convention() -> None:
    with pytest.raises(ValueError):
        p("2020").start_date("fiscal")


def test_it_finds_the_period_containing_a_day() -> None:
    day = date(2019, 12, 20)
    assert Period.containing(day, HALF, CUTOFF_15) == p("2020S1")
    assert Period.containing(day, QUARTER, CUTOFF_15) == p("2020Q1")
    assert Period.containing(day, MONTH, CUTOFF_15) == p("202001")
    assert Period.containing(day, YEAR, CUTOFF_15) == p("2020")
    assert Period.containing(day, HALF, CALENDAR) == p("2019S2")
    assert Period.containing(date(2020, 6, 14), HALF, CUTOFF_15) == p("2020S1")
    assert Period.containing(date(2020, 6, 15), HALF, CUTOFF_15) == p("2020S2")
    assert Period.containing(date(2020, 6, 30), HALF, CALENDAR) == p("2020S1")


def test_it_steps_to_next_and_previous_periods() -> None:
    assert p("2020S1").next() == p("2020S2")
    assert p("2020S2").next() == p("2021S1")
    assert p("2020S1").previous() == p("2019S2")
    assert p("2020Q4").next() == p("2021Q1")
    assert p("202001").previous() == p("201912")
    assert p("2020").next() == p("2021")


def test_it_finds_the_same_period_last_year() -> None:
    assert p("2020S1").same_period_last_year() == p("2019S1")
    assert p("202003").same_period_last_year() == p("201903")
    assert p("2020").same_period_last_year() == p("2019")


def test_it_finds_parents() -> None:
    assert p("202003").parent(QUARTER) == p("2020Q1")
    assert p("202007").parent(HALF) == p("2020S2")
    assert p("202012").parent(YEAR) == p("2020")
    assert p("2020Q2").parent(HALF) == p("2020S1")
    assert p("2020Q3").parent(HALF) == p("2020S2")
    assert p("2020S2").parent(YEAR) == p("2020")


@pytest.mark.parametrize(
    ("text", "kind"), [("2020S1", QUARTER), ("2020Q1", QUARTER), ("2020", YEAR)]
)
def test_it_refuses_a_parent_that_is_not_coarser(text: str, kind: str) -> None:
    with pytest.raises(ValueError):
        p(text).parent(kind)


def test_it_lists_children() -> None:
    assert p("2020Q2").children(MONTH) == [p("202004"), p("202005"), p("202006")]
    assert p("2020S2").children(QUARTER) == [p("2020Q3"), p("2020Q4")]
    assert p("2020").children(HALF) == [p("2020S1"), p("2020S2")]
    assert len(p("2020").children(MONTH)) == 12
    assert p("2020S2").children(MONTH)[0] == p("202007")


@pytest.mark.parametrize(
    ("text", "kind"), [("202003", QUARTER), ("2020Q1", QUARTER), ("2020Q1", YEAR)]
)
def test_it_refuses_children_that_are_not_finer(text: str, kind: str) -> None:
    with pytest.raises(ValueError):
        p(text).children(kind)


def test_it_knows_what_a_period_contains() -> None:
    assert p("2020S1").contains(p("202003"))
    assert p("2020S1").contains(p("2020Q2"))
    assert p("2020").contains(p("2020S2"))
    assert p("2020S1").contains(p("2020S1"))
    assert not p("2020S1").contains(p("202007"))
    assert not p("2020S1").contains(p("2020"))
    assert not p("2020S1").contains(p("2019Q1"))


def test_it_orders_periods_by_start_then_coarsest_first() -> None:
    shuffled = [p("202002"), p("2020Q1"), p("2019"), p("2020S1"), p("202001"), p("2020")]
    assert sorted(shuffled) == [
        p("2019"),
        p("2020"),
        p("2020S1"),
        p("2020Q1"),
        p("202001"),
        p("202002"),
    ]
    assert p("2020S1") < p("2020S2")
    assert p("2020Q4") > p("2020S2")


def test_it_is_hashable() -> None:
    assert {p("2020s1"), p("2020S1"), Period(HALF, 2020, 1)} == {p("2020S1")}
    assert p("2020S1") != p("2020Q1")


def test_it_lists_a_range_of_periods() -> None:
    assert Period.range(p("2019Q4"), p("2020Q2")) == [p("2019Q4"), p("2020Q1"), p("2020Q2")]
    assert Period.range(p("2020S1"), p("2020S1")) == [p("2020S1")]
    assert Period.range(p("2020S2"), p("2020S1")) == []
    with pytest.raises(ValueError):
        Period.range(p("2020S1"), p("2020Q4"))


def test_it_computes_deadlines_from_the_end_of_the_period() -> None:
    assert deadline(p("2020S1"), convention=CUTOFF_15, days_after_end=5) == date(2020, 6, 19)
    assert deadline(p("2020S1"), convention=CALENDAR, days_after_end=5) == date(2020, 7, 5)
    assert deadline(p("2020"), convention=CUTOFF_15, days_after_end=0) == date(2020, 12, 14)


kinds = st.sampled_from(KINDS)
conventions = st.sampled_from(CONVENTIONS)


@st.composite
def periods(draw: st.DrawFn, kind: st.SearchStrategy[str] = kinds) -> Period:
    chosen = draw(kind)
    per_year = {YEAR: 1, HALF: 2, QUARTER: 4, MONTH: 12}[chosen]
    year = draw(st.integers(min_value=1900, max_value=2200))
    return Period(chosen, year, draw(st.integers(min_value=1, max_value=per_year)))


@given(periods())
def test_it_reads_back_every_id_it_writes(period: Period) -> None:
    assert Period.parse(str(period)) == period
    assert Period.parse(str(period).lower()) == period


@given(periods())
def test_it_steps_next_and_previous_as_inverses(period: Period) -> None:
    assert period.next().previous() == period
    assert period.previous().next() == period
    assert period.previous() < period < period.next()


@given(periods(), conventions)
def test_it_tiles_time_with_consecutive_periods(period: Period, convention: str) -> None:
    following = period.next()
    assert period.end_date(convention) + timedelta(days=1) == following.start_date(convention)
    assert period.start_date(convention) <= period.end_date(convention)


@given(periods(), kinds, conventions)
def test_it_tiles_a_parent_exactly_with_its_children(
    period: Period, kind: str, convention: str
) -> None:
    if KINDS.index(kind) <= KINDS.index(period.kind):
        return
    children = period.children(kind)
    assert children[0].start_date(convention) == period.start_date(convention)
    assert children[-1].end_date(convention) == period.end_date(convention)
    for earlier, later in zip(children, children[1:], strict=False):
        assert earlier.end_date(convention) + timedelta(days=1) == later.start_date(convention)
    assert all(period.contains(child) and child.parent(period.kind) == period for child in children)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 1)), kinds, conventions)
def test_it_finds_a_period_that_contains_the_day(day: date, kind: str, convention: str) -> None:
    period = Period.containing(day, kind, convention)
    assert period.kind == kind
    assert day in period.date_range(convention)
    assert period.start_date(convention) <= day <= period.end_date(convention)


@given(periods(), periods())
def test_it_orders_consistently_with_equality(first: Period, second: Period) -> None:
    assert (first == second) == (not first < second and not second < first)
    if first.kind == second.kind:
        assert (first < second) == (first.start_date(CALENDAR) < second.start_date(CALENDAR))

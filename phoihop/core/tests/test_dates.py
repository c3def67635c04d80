"""Tests for Vietnamese date formatting and parsing."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phoihop.core.dates import (
    VIETNAM,
    DateFormatError,
    format_date,
    format_date_line,
    format_datetime,
    parse_date,
)


def test_it_formats_dates_without_leading_zeros() -> None:
    assert format_date(date(2020, 6, 15)) == "15/6/2020"
    assert format_date(date(2020, 1, 5)) == "5/1/2020"
    assert format_date(date(2019, 12, 31)) == "31/12/2019"
    assert format_date(None) == ""


def test_it_formats_an_aware_datetime_as_its_vietnamese_date() -> None:
    # 20:00 UTC on 14/6 is already 03:00 on 15/6 in Vietnam (UTC+7).
    assert format_date(datetime(2020, 6, 14, 20, 0, tzinfo=UTC)) == "15/6/2020"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 6, 15), "Bù Đăng, ngày 15 tháng 6 năm 2020"),
        (date(2020, 2, 5), "Bù Đăng, ngày 05 tháng 02 năm 2020"),
        (date(2020, 1, 10), "Bù Đăng, ngày 10 tháng 01 năm 2020"),
        (date(2020, 3, 9), "Bù Đăng, ngày 09 tháng 3 năm 2020"),
        (date(2020, 12, 15), "Bù Đăng, ngày 15 tháng 12 năm 2020"),
        (date(2020, 10, 1), "Bù Đăng, ngày 01 tháng 10 năm 2020"),
    ],
)
def test_it_writes_the_decree_30_date_line(day: date, expected: str) -> None:
    assert format_date_line("Bù Đăng", day) == expected


def test_it_writes_a_date_line_without_a_place() -> None:
    assert format_date_line("", date(2020, 6, 15)) == "ngày 15 tháng 6 năm 2020"


def test_it_formats_datetimes_in_vietnamese_time() -> None:
    assert format_datetime(datetime(2020, 6, 15, 1, 5, tzinfo=UTC)) == "08:05 15/6/2020"
    assert format_datetime(datetime(2020, 6, 15, 8, 5, tzinfo=VIETNAM)) == "08:05 15/6/2020"
    assert format_datetime(datetime(2020, 6, 15, 23, 30, tzinfo=UTC)) == "06:30 16/6/2020"


def test_it_takes_naive_datetimes_as_vietnamese_time() -> None:
    assert format_datetime(datetime(2020, 6, 15, 8, 5)) == "08:05 15/6/2020"
    assert format_datetime(None) == ""


@pytest.mark.parametrize(
    "text",
    ["15/6/2020", "15/06/2020", "2020-06-15", " 15/6/2020 ", "15-6-2020", "15.06.2020"],
)
def test_it_parses_the_dates_officials_type(text: str) -> None:
    assert parse_date(text) == date(2020, 6, 15)


@pytest.mark.parametrize(
    "text", ["", "abc", "15/6/20", "2020/06/15", "15/6-2020", "6/15", "2020-6-15", "１5/6/2020"]
)
def test_it_rejects_unreadable_dates(text: str) -> None:
    with pytest.raises(DateFormatError, match="Không đọc được ngày"):
        parse_date(text)


@pytest.mark.parametrize("text", ["31/2/2020", "29/2/2019", "0/1/2020", "15/13/2020", "2020-02-30"])
def test_it_rejects_dates_that_do_not_exist(text: str) -> None:
    with pytest.raises(DateFormatError, match="Ngày không có thật"):
        parse_date(text)


def test_it_makes_date_errors_value_errors() -> None:
    with pytest.raises(ValueError):
        parse_date("abc")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_it_reads_back_every_date_it_writes(day: date) -> None:
    assert parse_date(format_date(day)) == day
    assert parse_date(day.isoformat()) == day


@given(
    st.datetimes(
        min_value=datetime(1976, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC)
    )
)
def test_it_formats_any_aware_moment_at_utc_plus_seven(moment: datetime) -> None:
    local = moment + timedelta(hours=7)  # Vietnam has kept UTC+7 since 1975
    assert format_datetime(moment) == f"{local:%H:%M} {local.day}/{local.month}/{local.year}"

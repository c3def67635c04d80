"""Tests for Vietnamese number formatting and parsing."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phoihop.core.numbers import (
    NumberFormatError,
    format_change,
    format_money,
    format_number,
    format_percent,
    format_plan_ratio,
    format_quantity,
    parse_number,
    percent_of,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (7286, "7.286"),
        (247362, "247.362"),
        (714, "714"),
        (0, "0"),
        (3658673000, "3.658.673.000"),
        (-1234, "-1.234"),
        (Decimal("1.15"), "1,15"),
        (Decimal("20.910"), "20,91"),
        (Decimal("100.00"), "100"),
        (Decimal("1E+3"), "1.000"),
        (Decimal("-0.5"), "-0,5"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("0.0001"), "0,0001"),
        # Beyond Decimal's 28-digit default context; must stay exact.
        (
            Decimal("123456789012345678901234567890.1234"),
            "123.456.789.012.345.678.901.234.567.890,1234",
        ),
    ],
)
def test_it_formats_numbers_the_vietnamese_way(value: int | Decimal, expected: str) -> None:
    assert format_number(value) == expected


def test_it_formats_none_as_empty() -> None:
    assert format_number(None) == ""
    assert format_money(None) == ""
    assert format_percent(None) == ""
    assert format_quantity(None, "cuộc") == ""


def test_it_rounds_half_up_to_fixed_decimals() -> None:
    assert format_number(Decimal("1.5"), decimals=2) == "1,50"
    assert format_number(Decimal("1.005"), decimals=2) == "1,01"
    assert format_number(Decimal("2.5"), decimals=0) == "3"
    assert format_number(Decimal("-2.5"), decimals=0) == "-3"
    assert format_number(Decimal("1234.5678"), decimals=1) == "1.234,6"


def test_it_never_prints_negative_zero() -> None:
    assert format_number(Decimal("-0")) == "0"
    assert format_number(Decimal("-0.004"), decimals=2) == "0,00"


def test_it_pads_counts_below_ten_only_when_asked() -> None:
    assert format_number(5, pad=True) == "05"
    assert format_number(0, pad=True) == "00"
    assert format_number(9, pad=True) == "09"
    assert format_number(10, pad=True) == "10"
    assert format_number(5) == "5"
    assert format_number(Decimal("5.5"), pad=True) == "5,5"
    assert format_number(-5, pad=True) == "-5"


def test_it_refuses_floats() -> None:
    with pytest.raises(TypeError):
        format_number(1.15)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_number(Decimal("NaN"))


def test_it_formats_money_in_whole_dong() -> None:
    assert format_money(3658673000) == "3.658.673.000 đồng"
    assert format_money(Decimal("4350000.5")) == "4.350.001 đồng"
    assert format_money(0) == "0 đồng"


def test_it_formats_percents() -> None:
    assert format_percent(Decimal("1.15")) == "1,15%"
    assert format_percent(100) == "100%"
    assert format_percent(Decimal("20.91")) == "20,91%"
    assert format_percent(Decimal("15.567"), decimals=2) == "15,57%"


def test_it_formats_quantities_with_their_unit() -> None:
    assert format_quantity(7286, "cuộc") == "7.286 cuộc"
    assert format_quantity(5, "căn nhà", pad=True) == "05 căn nhà"
    assert format_quantity(4350000, "đồng") == "4.350.000 đồng"
    assert format_quantity(Decimal("1.15"), "%") == "1,15%"
    assert format_quantity(12, "") == "12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7.286", Decimal("7286")),
        ("7286", Decimal("7286")),
        ("7 286", Decimal("7286")),
        ("7\u00a0286", Decimal("7286")),
        ("1,15", Decimal("1.15")),
        ("1,15%", Decimal("1.15")),
        ("20,91 %", Decimal("20.91")),
        ("3.658.673.000 đồng", Decimal("3658673000")),
        ("3.500.000đ", Decimal("3500000")),
        ("3.500.000 đ", Decimal("3500000")),
        ("3.500.000 VNĐ", Decimal("3500000")),
        ("05", Decimal("5")),
        ("-12", Decimal("-12")),
        ("+12", Decimal("12")),
        ("1.234,5", Decimal("1234.5")),
        ("1 234,5", Decimal("1234.5")),
        ("  247.362  ", Decimal("247362")),
        # ',' is always the decimal mark, even before exactly three digits.
        ("1,234", Decimal("1.234")),
        # A single '.' is an English decimal point only when it cannot group thousands.
        ("1.5", Decimal("1.5")),
        ("20.91", Decimal("20.91")),
        ("1.2345", Decimal("1.2345")),
        ("1.234", Decimal("1234")),
        # English grouping where ',' cannot be the decimal mark (spreadsheets, old reports).
        ("1,234,567", Decimal("1234567")),
        ("1,234.5", Decimal("1234.5")),
        ("1,234,567.89", Decimal("1234567.89")),
    ],
)
def test_it_parses_what_officials_type(text: str, expected: Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert isinstance(result, Decimal)


def test_it_reads_dong_typed_with_combining_accents() -> None:
    decomposed = "4.350.000 \u0111o\u0302\u0300ng"  # "đồng" in NFD
    assert parse_number(decomposed) == Decimal("4350000")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "%",
        "đồng",
        "-",
        "1.23.456",
        "1234.567",
        "1.234.5",
        "12.34.567",
        "1,2,3",
        "1,23,456",
        "1,2345.6",
        "10.5,3",
        ",5",
        "5,",
        "1.234 567",
        "1 23",
        "12abc",
        "1e5",
        "١٢",  # Arabic-Indic digits are not what officials type
    ],
)
def test_it_rejects_unreadable_numbers(text: str) -> None:
    with pytest.raises(NumberFormatError, match=f"Không đọc được số: «{text}»"):
        parse_number(text)


def test_it_makes_number_errors_value_errors() -> None:
    with pytest.raises(ValueError):
        parse_number("abc")


def test_it_computes_exact_percents() -> None:
    assert percent_of(1, 3) == Decimal("33.33")
    assert percent_of(2, 3) == Decimal("66.67")
    assert percent_of(Decimal("1.005"), 100) == Decimal("1.01")
    assert percent_of(1, 8, places=1) == Decimal("12.5")
    assert percent_of(-1, 8) == Decimal("-12.50")
    assert percent_of(5, 0) is None
    assert percent_of(5, None) is None
    assert percent_of(None, 5) is None


def test_it_rounds_the_exact_ratio_not_a_rounded_one() -> None:
    # 12,449...% must give 12,4%, which rounding 12,45% again would turn into 12,5%.
    assert format_change(112449, 100000) == "tăng 12,4% so với cùng kỳ"


def test_it_writes_comparisons_with_the_same_period() -> None:
    assert format_change(1125, 1000) == "tăng 12,5% so với cùng kỳ"
    assert format_change(200, 100) == "tăng 100% so với cùng kỳ"
    assert format_change(96, 100) == "bằng 96% so với cùng kỳ"
    assert format_change(Decimal("2"), Decimal("3")) == "bằng 66,7% so với cùng kỳ"
    assert format_change(100, 100) == "bằng cùng kỳ"
    assert format_change(0, 100) == "bằng 0% so với cùng kỳ"


def test_it_writes_no_comparison_without_a_base() -> None:
    assert format_change(100, 0) == ""
    assert format_change(100, None) == ""
    assert format_change(None, 100) == ""
    assert format_change(100, -5) == ""


def test_it_names_another_reference_period() -> None:
    reference = "6 tháng cuối năm 2019"
    assert (
        format_change(1125, 1000, reference=reference) == "tăng 12,5% so với 6 tháng cuối năm 2019"
    )
    assert format_change(7, 7, reference=reference) == "bằng 6 tháng cuối năm 2019"


def test_it_writes_progress_against_a_plan() -> None:
    assert format_plan_ratio(105, 100) == "đạt 105% kế hoạch"
    assert format_plan_ratio(1, 3) == "đạt 33,3% kế hoạch"
    assert format_plan_ratio(Decimal("99.96"), 100) == "đạt 100% kế hoạch"
    assert format_plan_ratio(5, 0) == ""
    assert format_plan_ratio(5, None) == ""
    assert format_plan_ratio(None, 5) == ""


decimals_up_to_4 = st.integers(min_value=0, max_value=4).flatmap(
    lambda places: st.decimals(
        min_value=Decimal("-1e15"),
        max_value=Decimal("1e15"),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )
)


@given(decimals_up_to_4)
def test_it_reads_back_every_number_it_writes(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@given(decimals_up_to_4, st.integers(min_value=0, max_value=4))
def test_it_reads_back_numbers_written_with_fixed_decimals(value: Decimal, places: int) -> None:
    text = format_number(value, decimals=places)
    assert parse_number(text) == value.quantize(
        Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP"
    )


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_it_reads_back_money(value: int) -> None:
    assert parse_number(format_money(value)) == value


@given(decimals_up_to_4)
def test_it_reads_back_percents(value: Decimal) -> None:
    assert parse_number(format_percent(value)) == value


@given(st.integers(min_value=0, max_value=10**9))
def test_it_reads_back_padded_counts(value: int) -> None:
    assert parse_number(format_number(value, pad=True)) == value

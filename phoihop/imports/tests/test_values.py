"""The value reader: Vietnamese number formats, scale words, units written every which way."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phoihop.core.numbers import parse_number
from phoihop.imports.extractor import extract_text
from phoihop.imports.values import read_quantity


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("7.286", "7286"),
        ("1,15", "1.15"),
        ("3.658.673.000", "3658673000"),
        ("05", "5"),
        ("100", "100"),
        ("2.5", "2.5"),  # an English decimal point
        ("1,234,567", "1234567"),  # English thousands
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
    ],
)
def test_it_reads_numbers_the_vietnamese_way(token: str, value: str) -> None:
    assert parse_number(token) == Decimal(value)


# "10.5,3" and "1234.567" were once read by a second parser as 105,3 and 1234,567: irregular
# grouping is refused now, so a mistyped figure is not imported as a wrong one.
@pytest.mark.parametrize("token", ["1.2.3", "12.34.567", "abc", "", "10.5,3", "1234.567"])
def test_it_refuses_what_is_no_number(token: str) -> None:
    with pytest.raises(ValueError):
        parse_number(token)


@pytest.mark.parametrize(
    ("text", "value", "rest"),
    [
        ("2 tỷ 265 triệu đồng", "2265000000", " đồng"),
        ("2,9 tỷ", "2900000000", ""),
        ("15 nghìn lượt", "15000", " lượt"),
        ("1 triệu 500 nghìn đồng", "1500000", " đồng"),
        ("12,5 triệu", "12500000", ""),
        ("3 triệu 5 tỷ", "3000000", " 5 tỷ"),  # scales only go down
        ("500 ngàn", "500000", ""),
    ],
)
def test_it_reads_scale_words(text: str, value: str, rest: str) -> None:
    quantity = read_quantity(text, 0)
    assert quantity is not None
    assert quantity.value == Decimal(value)
    assert text[quantity.end :] == rest


def _vietnamese(value: Decimal) -> str:
    whole, _, fraction = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


def test_it_leaves_an_irregularly_grouped_number_out_of_the_figures() -> None:
    result = extract_text("Tổ chức 10.5,3 cuộc với 1.234 lượt người dự nghe.")
    assert [figure.value for figure in result.figures] == [Decimal(1234)]


@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False))
def test_any_vietnamese_number_reads_back(value: Decimal) -> None:
    assert parse_number(_vietnamese(value)) == value


def _only(text: str):
    result = extract_text(text)
    assert len(result.figures) == 1, [f.text for f in result.figures]
    return result.figures[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Tổ chức được 7.286 cuộc tuyên truyền.", "7.286 cuộc", "7286", "cuộc"),
        ("Số lượng dân quân đạt 1,15% so với dân số.", "1,15%", "1.15", "%"),
        ("Chi 3.658.673.000 đồng cho các hoạt động.", "3.658.673.000 đồng", "3658673000", "đồng"),
        ("Hội tặng quà trị giá 3.500.000đ cho các hộ.", "3.500.000đ", "3500000", "đồng"),
        ("Tổng kinh phí 4.350.000đồng.", "4.350.000đồng", "4350000", "đồng"),
        ("Xây dựng nhà với 2 tỷ 265 triệu đồng.", "2 tỷ 265 triệu đồng", "2265000000", "đồng"),
        ("Trao 05 căn nhà cho hộ nghèo.", "05 căn nhà", "5", "căn nhà"),
        ("Cấp 56 xuất học bổng cho học sinh.", "56 xuất", "56", "suất"),
        ("Huy động 12,5 triệu đồng.", "12,5 triệu đồng", "12500000", "đồng"),
        ("Hỗ trợ 1,5 tấn gạo.", "1,5 tấn", "1.5", "tấn"),
        ("Kinh phí 48 trđ.", "48 trđ", "48000000", "đồng"),
        ("Phát thanh được 120 giờ.", "120 giờ", "120", "giờ"),
    ],
)
def test_it_reads_figures_with_their_units(sentence: str, text: str, value: str, unit: str) -> None:
    figure = _only(sentence)
    assert (figure.text, figure.value, figure.unit) == (text, Decimal(value), unit)


def test_it_marks_approximate_figures_with_their_qualifier() -> None:
    figure = _only("Nhân dân ủng hộ gần 2,9 tỷ để xây nhà.")
    assert (figure.value, figure.unit, figure.unit_inferred) == (Decimal(2900000000), "đồng", True)
    assert (figure.approximate, figure.qualifier, figure.text) == (True, "gần", "gần 2,9 tỷ")
    figure = _only("Thu hút hơn 15 nghìn lượt người tham gia.")
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(15000), "lượt người", "hơn")
    assert _only("Tăng cao hơn 5% so với cùng kỳ.").qualifier is None


def test_it_infers_money_only_for_large_round_amounts() -> None:
    figure = _only("Vận động được 62.640.000 ủng hộ phòng chống dịch.")
    assert (figure.unit, figure.unit_inferred, figure.text) == ("đồng", True, "62.640.000")
    assert extract_text("Kết quả có 62 ủng hộ.").figures == []


def test_it_reads_a_typo_of_luot_only_after_sessions() -> None:
    figure = extract_text("Tổ chức được 214 cuộc với 11.154 lực cán bộ tham gia.").figures[1]
    assert (figure.unit, figure.unit_text, figure.text) == ("lượt", "lực", "11.154 lực")
    assert figure.note is not None
    assert extract_text("Huy động 300 lực lượng tham gia.").figures == []

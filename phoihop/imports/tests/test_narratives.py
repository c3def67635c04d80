"""Confirmed figures are cited in place in the narrative they came with."""

from __future__ import annotations

from decimal import Decimal

from phoihop.imports.models import ImportCandidate
from phoihop.imports.narratives import linked_paragraph
from phoihop.indicators.models import Indicator, ValueType


def _candidate(paragraph: str, text: str, value: str, unit: str, code: str, kind: str):
    start = paragraph.index(text)
    return ImportCandidate(
        text=text,
        start=start,
        end=start + len(text),
        value=Decimal(value),
        unit=unit,
        indicator=Indicator(code=code, value_type=kind),
    )


def test_a_count_a_percentage_and_a_scaled_amount_are_cited_in_place() -> None:
    paragraph = "Tổ chức 27 cuộc, đạt 98,5% kế hoạch, kinh phí gần 2,9 tỷ đồng; 3 cuộc khác."
    candidates = [
        _candidate(paragraph, "27 cuộc", "27", "cuộc", "cuoc", ValueType.INTEGER),
        _candidate(paragraph, "98,5%", "98.5", "%", "ty_le", ValueType.PERCENT),
        _candidate(paragraph, "gần 2,9 tỷ đồng", "2900000000", "đồng", "kinh_phi", ValueType.MONEY),
    ]
    assert linked_paragraph(paragraph, candidates) == (
        "Tổ chức {cuoc} cuộc, đạt {ty_le} kế hoạch, kinh phí gần {kinh_phi} đồng; 3 cuộc khác."
    )


def test_a_figure_no_longer_where_it_was_read_is_left_as_written() -> None:
    paragraph = "Tổ chức 27 cuộc."
    moved = _candidate(paragraph, "27 cuộc", "27", "cuộc", "cuoc", ValueType.INTEGER)
    moved.start += 1
    assert linked_paragraph(paragraph, [moved]) == paragraph

"""Figures in sentences: plain data in, the seed's way of writing out (no database)."""

from __future__ import annotations

from decimal import Decimal

from phoihop.documents.context_prose import (
    Figure,
    figures_paragraph,
    headline_comparison,
)


def fig(code: str, name: str, unit: str, value: int, **extra) -> Figure:
    return Figure(code=code, name=name, unit_label=unit, value=Decimal(value), **extra)


TT = "Tuyên truyền Luật NVQS, DQTV, DBĐV, truyền thống"
CUOC = fig("tt_qp_cuoc", f"{TT}: số cuộc", "cuộc", 45, comparison="tăng 18,4% so với cùng kỳ")
LUOT = fig(
    "tt_qp_luot", f"{TT}: số lượt người", "lượt", 2126, comparison="tăng 19,2% so với cùng kỳ"
)
THANH_NIEN = fig(
    "tt_qp_thanh_nien",
    "trong đó: thanh niên trong độ tuổi",
    "thanh niên",
    4284,
    part_of="tt_qp_luot",
)


def test_a_pair_is_joined_and_a_part_follows_its_whole():
    text = figures_paragraph([CUOC, LUOT, THANH_NIEN], narrative="", cited=set())
    assert text == (
        "Tuyên truyền Luật NVQS, DQTV, DBĐV, truyền thống được 45 cuộc với 2.126 lượt, "
        "trong đó có 4.284 thanh niên trong độ tuổi."
    )


def test_the_catalogue_pattern_writes_the_sentence():
    pattern = (
        "tuyên truyền Luật NVQS được {tt_qp_cuoc} cuộc[ với {tt_qp_luot} lượt cán bộ hội viên "
        "tham gia][, trong đó có {tt_qp_thanh_nien} thanh niên trong độ tuổi]"
    )
    cuoc = Figure(**{**CUOC.__dict__, "sentence": pattern})
    assert figures_paragraph([cuoc, LUOT, THANH_NIEN], narrative="", cited=set()) == (
        "Tuyên truyền Luật NVQS được 45 cuộc với 2.126 lượt cán bộ hội viên tham gia, trong "
        "đó có 4.284 thanh niên trong độ tuổi."
    )
    # A part the narrative already wrote is left out of the pattern.
    assert (
        figures_paragraph([cuoc, LUOT, THANH_NIEN], narrative="có 4.284 thanh niên", cited=set())
        == "Tuyên truyền Luật NVQS được 45 cuộc với 2.126 lượt cán bộ hội viên tham gia."
    )


def test_a_figure_the_narrative_cites_is_not_repeated():
    assert figures_paragraph([CUOC, LUOT], narrative="", cited={"tt_qp_cuoc", "tt_qp_luot"}) == ""
    written = "Hội tổ chức 45 cuộc với 2.126 lượt cán bộ tham gia."
    assert figures_paragraph([CUOC, LUOT], narrative=written, cited=set()) == ""


def test_a_part_whose_whole_is_written_names_the_whole():
    text = figures_paragraph([LUOT, THANH_NIEN], narrative="", cited={"tt_qp_luot"})
    assert text == "Trong tổng số 2.126 lượt có 4.284 thanh niên trong độ tuổi."


def test_only_headline_comparisons_are_in_the_text():
    other = fig("x", "Băng rôn đã treo", "băng rôn", 34, comparison="tăng 13,3% so với cùng kỳ")
    assert headline_comparison([CUOC, LUOT, other]) == (
        "So với cùng kỳ năm trước, số cuộc tuyên truyền Luật NVQS, DQTV, DBĐV, truyền thống "
        "tăng 18,4%, số lượt người tăng 19,2%."
    )
    assert headline_comparison([fig("y", "Đợt hiến máu", "đợt", 2)]) == ""

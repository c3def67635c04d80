"""Ranking the indicators an extracted figure may report."""

from __future__ import annotations

import pytest

from phoihop.demo.seed import SEED_REPORT
from phoihop.imports.extractor import ExtractionResult, extract_file
from phoihop.imports.ranking import IndicatorKeywords, rank_candidates

INDICATORS = [
    IndicatorKeywords("TT_CUOC", "Số cuộc tuyên truyền", "cuộc", ["tuyên truyền"]),
    IndicatorKeywords(
        "TT_LUOT",
        "Số lượt người dự tuyên truyền",
        "lượt người",
        ["tuyên truyền", "dự nghe", "tham dự"],
    ),
    IndicatorKeywords("HM_DVM", "Số đơn vị máu hiến", "đơn vị máu", ["hiến máu"], ["ctd"]),
    IndicatorKeywords("HM_DOT", "Số đợt hiến máu", "đợt", ["hiến máu"], ["ctd"]),
    IndicatorKeywords("QUA_SO", "Số phần quà tặng", "phần quà", ["tặng quà", "phần quà"]),
    IndicatorKeywords("QUA_TIEN", "Giá trị quà tặng", "đồng", ["quà", "trị giá"]),
    IndicatorKeywords(
        "NGAY_CONG", "Số ngày công", "ngày công", ["phát quang", "ngày công"], ["chqs"]
    ),
]


@pytest.fixture(scope="module")
def seed() -> ExtractionResult:
    return extract_file(SEED_REPORT)


def _best(seed: ExtractionResult, section: str, text: str) -> str:
    figure = next(f for f in seed.figures if f.section == section and f.text == text)
    return rank_candidates(figure, INDICATORS)[0][0]


@pytest.mark.parametrize(
    ("section", "text", "code"),
    [
        ("II.1", "7.286 cuộc", "TT_CUOC"),
        ("II.1", "247.362 lượt người", "TT_LUOT"),
        ("3.2", "962 đơn vị máu", "HM_DVM"),
        ("3.2", "02 đợt", "HM_DOT"),
        ("3.2", "10.848 phần quà", "QUA_SO"),
        ("3.2", "3.658.673.000 đồng", "QUA_TIEN"),
        ("3.7", "650 ngày công", "NGAY_CONG"),
        ("3.4", "11.154 lực", "TT_LUOT"),  # the typo still reads as lượt
    ],
)
def test_the_right_indicator_ranks_first(seed, section: str, text: str, code: str) -> None:
    assert _best(seed, section, text) == code


def test_scores_fall_between_zero_and_one_best_first(seed: ExtractionResult) -> None:
    for figure in seed.figures:
        ranked = rank_candidates(figure, INDICATORS)
        scores = [score for _, score in ranked]
        assert scores == sorted(scores, reverse=True)
        assert all(0 < score <= 1 for score in scores)


def test_keywords_match_without_accents_and_organisation_is_a_bonus(seed) -> None:
    figure = next(f for f in seed.figures if f.text == "962 đơn vị máu")
    plain = [IndicatorKeywords("A", "Mau", "đơn vị máu", ["hien mau"])]
    with_organisation = [IndicatorKeywords("B", "Mau", "đơn vị máu", ["hien mau"], ["ctd"])]
    ((_, score_plain),) = rank_candidates(figure, plain)
    ((_, score_bonus),) = rank_candidates(figure, with_organisation)
    assert score_plain > 0.4 + 0.25  # unit and accent-insensitive keyword
    assert score_bonus > score_plain


def test_a_unit_mismatch_ranks_low(seed: ExtractionResult) -> None:
    figure = next(f for f in seed.figures if f.text == "7.286 cuộc")
    ranked = dict(rank_candidates(figure, INDICATORS))
    assert ranked["TT_CUOC"] > 3 * ranked["TT_LUOT"]

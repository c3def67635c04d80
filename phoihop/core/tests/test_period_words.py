"""Period words of a narrative copied from another period follow the new period."""

from __future__ import annotations

import pytest

from phoihop.core.period_words import rewrite_copied_paragraphs, rewrite_period_words
from phoihop.core.periods import Period

S1, S2 = Period.parse("2020S1"), Period.parse("2020S2")


def rewrite(text: str, source: Period = S1, target: Period = S2) -> str:
    return rewrite_period_words(text, source=source, target=target)


def test_it_turns_the_first_half_into_the_second():
    assert rewrite("Trong 6 tháng đầu năm 2020, Hội đã") == "Trong 6 tháng cuối năm 2020, Hội đã"
    assert rewrite("Sáu tháng đầu năm 2020, Ban CHQS") == "Sáu tháng cuối năm 2020, Ban CHQS"
    assert rewrite("đợt kiểm tra 6 tháng đầu năm tại") == "đợt kiểm tra 6 tháng cuối năm tại"


def test_the_plan_names_the_period_after_the_new_one():
    assert (
        rewrite("kiểm tra trong 6 tháng cuối năm 2020.") == "kiểm tra trong 6 tháng đầu năm 2021."
    )
    # A phrase without its year that now means another year says which.
    assert rewrite("phương hướng 6 tháng cuối năm") == "phương hướng 6 tháng đầu năm 2021"


def test_a_year_moves_with_the_period():
    s2_2019 = Period.parse("2019S2")
    assert rewrite("tuyển quân năm 2020 - 2021", s2_2019, S2) == "tuyển quân năm 2021 - 2022"
    assert rewrite("tổng kết năm 2019; 6 tháng cuối năm 2019", s2_2019, S2) == (
        "tổng kết năm 2020; 6 tháng cuối năm 2020"
    )
    # Within one year, years stay: "năm 2019" in a 2020S1 text is still 2019 in 2020S2.
    assert rewrite("tổng kết chương trình năm 2019") == "tổng kết chương trình năm 2019"


def test_back_to_the_first_half():
    assert rewrite("Sáu tháng cuối năm 2020", S2, Period.parse("2021S1")) == (
        "Sáu tháng đầu năm 2021"
    )
    assert rewrite("6 tháng đầu năm 2021", S2, Period.parse("2021S1")) == "6 tháng cuối năm 2021"


@pytest.mark.parametrize("text", ["Ngay từ đầu năm, Ban Chỉ đạo", "tháng 6 năm nay", ""])
def test_other_words_stay(text):
    assert rewrite(text) == text


def test_annual_reports_move_by_years():
    assert rewrite(
        "6 tháng đầu năm 2020, năm 2020", Period.parse("2020"), Period.parse("2021")
    ) == ("6 tháng đầu năm 2021, năm 2021")


def test_only_paragraphs_copied_from_the_earlier_period_are_rewritten():
    earlier = "Trong 6 tháng đầu năm 2020, Hội tổ chức {tt_cuoc} cuộc tuyên truyền.\n\nKhác."
    text = (
        "Trong 6 tháng đầu năm 2020, Hội tổ chức {tt_cuoc} cuộc tuyên truyền cho hội viên."
        "\n\nSo với 6 tháng đầu năm 2020, kết quả cao hơn."
    )
    assert rewrite_copied_paragraphs(text, earlier=earlier, source=S1, target=S2) == (
        "Trong 6 tháng cuối năm 2020, Hội tổ chức {tt_cuoc} cuộc tuyên truyền cho hội viên."
        "\n\nSo với 6 tháng đầu năm 2020, kết quả cao hơn."
    )
    assert rewrite_copied_paragraphs(text, earlier="", source=S1, target=S2) == text

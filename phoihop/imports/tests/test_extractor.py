"""Sections, organisations, period, reporting unit and the links between figures."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phoihop.imports.extractor import extract_text, find_period
from phoihop.imports.outline import parse_heading
from phoihop.imports.textsource import blocks_from_text
from phoihop.imports.vocabulary import fold, organisation_kinds


@pytest.mark.parametrize(
    ("text", "level", "number", "title"),
    [
        ("II. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH", "roman", "II", "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH"),
        ("      IV.  ĐÁNH  GIÁ CHUNG", "roman", "IV", "ĐÁNH  GIÁ CHUNG"),
        (
            "1. Phối hợp tuyên truyền vận động nhân dân.",
            "arabic",
            "1",
            "Phối hợp tuyên truyền vận động nhân dân",
        ),
        (
            "3.2. Phối hợp hoạt động giữa Ban CHQS huyện với Hội Chữ thập đỏ.",
            "arabic",
            "3.2",
            "Phối hợp hoạt động giữa Ban CHQS huyện với Hội Chữ thập đỏ",
        ),
        (
            "3.7. Ban CHQS huyện: Trong 6 tháng đầu năm 2020 đã thực hiện",
            "arabic",
            "3.7",
            "Ban CHQS huyện",
        ),
        ("a. Nguyên nhân mạnh", "letter", "a", "Nguyên nhân mạnh"),
        ("PHẦN  THỨ NHẤT", "part", "1", "PHẦN  THỨ NHẤT"),
    ],
)
def test_it_reads_headings(text: str, level: str, number: str, title: str) -> None:
    heading = parse_heading(text)
    assert heading is not None
    assert (heading.level, heading.number, heading.title) == (level, number, title)
    assert text[heading.number_start : heading.number_end] == number or level == "part"


@pytest.mark.parametrize("text", ["7.286 cuộc với 247.362 lượt", "2.500 phần quà", "Trong năm"])
def test_figures_at_the_start_of_a_paragraph_are_no_headings(text: str) -> None:
    assert parse_heading(text) is None


def test_sections_follow_the_numbering_of_the_report() -> None:
    text = "\n".join(
        [
            "II. KẾT QUẢ",
            "1. Tuyên truyền",
            "Được 5 cuộc.",
            "3. Phối hợp với các Hội",
            "3.2. Phối hợp với Hội Chữ thập đỏ.",
            "Trao 3 căn nhà.",
            # a list inside 3.2 is not a new section 1 or 2
            "1. Tổ chức 4 đợt hiến máu.",
            "2. Tặng 6 phần quà.",
            "3.7. Ban CHQS huyện: Trong 6 tháng đã tặng 9 phần quà.",
            "III. KẾT QUẢ Ở CƠ SỞ",
            "Với 700 ngày công.",
        ]
    )
    result = extract_text(text)
    assert [(f.text, f.section, f.organisation) for f in result.figures] == [
        ("5 cuộc", "II.1", None),
        ("3 căn nhà", "3.2", "ctd"),
        ("4 đợt", "3.2", "ctd"),
        ("6 phần quà", "3.2", "ctd"),
        ("9 phần quà", "3.7", "chqs"),
        ("700 ngày công", "III", None),
    ]


def test_plans_are_marked_and_results_are_not() -> None:
    text = "I. KẾT QUẢ\nTổ chức 5 cuộc.\nII. PHƯƠNG HƯỚNG NĂM 2021\nPhấn đấu tổ chức 8 cuộc."
    assert [(f.text, f.planned) for f in extract_text(text).figures] == [
        ("5 cuộc", False),
        ("8 cuộc", True),
    ]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Ban CHQS huyện", ["chqs"]),
        ("Ban Chỉ huy Quân sự xã", ["chqs"]),
        ("Bộ CHQS tỉnh", ["chqs"]),
        ("Hội Cựu chiến binh", ["ccb"]),
        ("Hội CCB", ["ccb"]),
        ("Hội Chữ thập đỏ", ["ctd"]),
        ("Hội CTĐ huyện", ["ctd"]),
        ("Hội Nông dân", ["nd"]),
        ("Hội LHPN", ["pn"]),
        ("Hội Phụ nữ", ["pn"]),
        ("Hội Liên hiệp phụ nữ", ["pn"]),
        ("Liên đoàn lao động", ["ldld"]),
        ("LĐLĐ huyện", ["ldld"]),
        ("Công đoàn cơ sở", ["ldld"]),
        ("Đoàn TNCS Hồ Chí Minh", ["dtn"]),
        ("Đoàn thanh niên", ["dtn"]),
        ("Huyện đoàn", ["dtn"]),
        ("Tỉnh đoàn", ["dtn"]),
        ("Ban CHQS huyện với Hội Chữ thập đỏ", ["chqs", "ctd"]),
        ("06 đoàn thể của huyện", []),
    ],
)
def test_it_names_organisation_kinds(text: str, kinds: list[str]) -> None:
    assert organisation_kinds(text) == kinds


def test_a_lead_in_or_a_subject_names_the_organisation() -> None:
    text = "\n".join(
        [
            "1. Tuyên truyền",
            "+ Hội Nông dân: tổ chức 12 buổi với 600 lượt hội viên.",
            "Đoàn Thanh niên tặng 40 bộ sách; Ban CHQS và 06 đoàn thể của huyện tổ chức 7 cuộc.",
        ]
    )
    result = extract_text(text)
    assert [(f.text, f.organisation) for f in result.figures] == [
        ("12 buổi", "nd"),
        ("600 lượt", "nd"),
        ("40 bộ", "dtn"),
        ("7 cuộc", None),
    ]


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("Báo cáo sơ kết 6 tháng đầu năm 2020", "2020S1"),
        ("Báo cáo sơ kết 6 THÁNG CUỐI NĂM 2022", "2022S2"),
        ("Báo cáo tổng kết năm 2020", "2020"),
        ("Báo cáo kết quả quý I năm 2021", "2021Q1"),
        ("Báo cáo kết quả quý 3/2021", "2021Q3"),
        ("Báo cáo kết quả tháng 9 năm 2023", "202309"),
        ("Hà Giang, ngày 28 tháng 9 năm 2023\nBáo cáo tổng kết năm 2023", "2023"),
        ("Báo cáo 9 tháng đầu năm 2021", None),  # no period id for nine months
        ("Báo cáo công tác phối hợp", None),
    ],
)
def test_it_reads_the_period_from_the_title(title: str, period: str | None) -> None:
    assert find_period(blocks_from_text(title))[0] == period


def test_it_reads_the_reporting_unit_and_the_signing_date() -> None:
    text = "\n".join(
        [
            "BAN CHỈ ĐẠO VĐQC HUYỆN BÙ ĐĂNG",
            "Bù Đăng, ngày 15 tháng 6 năm 2020",
            "Ban chỉ đạo huyện báo cáo như sau:",
            "I. KẾT QUẢ",
            "Tuyên truyền Đại hội đại biểu tỉnh Bình Phước lần thứ XI.",
        ]
    )
    result = extract_text(text)
    assert result.reporting_unit is not None
    unit = result.reporting_unit
    assert (unit.level, unit.name, unit.province) == ("huyện", "Bù Đăng", "Bình Phước")
    assert result.issued_on is not None and result.issued_on.isoformat() == "2020-06-15"
    assert extract_text("Báo cáo công tác").reporting_unit is None


def test_it_links_sessions_parts_values_each_and_totals() -> None:
    text = (
        "Tổ chức 02 đợt hiến máu với 962 đơn vị máu. "
        "Sơ cứu 98 ca, trong đó tai nạn giao thông 28 ca, tai nạn khác 90 người. "
        "Với 650 ngày công (trong đó dân quân 250 ngày công), 2.500 phần quà, trị giá mỗi phần "
        "300.000đ. Tặng quà cho 14 gia đình: 7.000.000đ (bình quân 500.000đ/1 phần quà)."
    )
    figures = {f.text: f for f in extract_text(text).figures}
    assert figures["962 đơn vị máu"].linked_to == figures["02 đợt"].id
    assert figures["28 ca"].part_of == figures["98 ca"].id
    assert figures["90 người"].part_of == figures["98 ca"].id
    assert figures["250 ngày công"].part_of == figures["650 ngày công"].id
    assert figures["2.500 phần quà"].part_of is None  # after the closing parenthesis
    each = figures["300.000đ"]
    assert (each.role, each.linked_to) == ("each", figures["2.500 phần quà"].id)
    assert (figures["7.000.000đ"].role, figures["7.000.000đ"].linked_to) == (
        "total",
        figures["14 gia đình"].id,
    )
    average = figures["500.000đ"]
    assert (average.role, average.linked_to) == ("each", figures["14 gia đình"].id)


def test_it_reads_comparisons_and_changes() -> None:
    text = (
        "Thu hút 1.200 lượt người, tăng 12,5% so với cùng kỳ; đạt 105% kế hoạch; "
        "bằng 96% so với cùng kỳ; giảm 3 cuộc so với năm trước."
    )
    found = [(f.text, f.change, f.comparison) for f in extract_text(text).figures]
    assert found == [
        ("1.200 lượt người", None, None),
        ("12,5%", "tăng", "cùng kỳ"),
        ("105%", None, "kế hoạch"),
        ("96%", None, "cùng kỳ"),
        ("3 cuộc", "giảm", "năm trước"),
    ]


def test_it_reads_a_range_as_two_values_each() -> None:
    text = "Thăm, tặng 520 phần quà, trị giá mỗi phần từ 300.000 đồng đến 500.000 đồng."
    figures = extract_text(text).figures
    assert [(f.text, f.role, f.linked_to) for f in figures] == [
        ("520 phần quà", "count", None),
        ("300.000 đồng", "each", 0),
        ("500.000 đồng", "each", 0),
    ]


def test_spans_point_into_the_paragraph_even_with_a_qualifier() -> None:
    text = "Ủng hộ gần 2,9 tỷ đồng và hơn 15 nghìn lượt người."
    result = extract_text(text)
    for figure in result.figures:
        assert result.paragraphs[figure.paragraph][figure.start : figure.end] == figure.text
    assert [f.text for f in result.figures] == ["gần 2,9 tỷ đồng", "hơn 15 nghìn lượt người"]


def test_decomposed_accents_are_read_like_composed_ones() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Trao 05 căn nhà và 3.500.000 đồng.")
    assert [f.unit for f in extract_text(text).figures] == ["căn nhà", "đồng"]


def test_fold_keeps_every_offset() -> None:
    text = "Đoàn TNCS Hồ Chí Minh, Hội Chữ thập đỏ: 1.234 lượt"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith("doan tncs ho chi minh")


def test_the_result_is_json() -> None:
    result = extract_text("6 tháng đầu năm 2020\nI. KẾT QUẢ\nTổ chức 25 cuộc với 1.850 lượt.")
    data = json.loads(result.to_json(include_rejected=True))
    assert data["period"] == "2020S1"
    assert [(f["value"], f["unit"], f["linked_to"]) for f in data["figures"]] == [
        ("25", "cuộc", None),
        ("1850", "lượt", 0),
    ]
    assert {r["reason"] for r in data["rejected"]} >= {"duration", "year"}
    assert Decimal(data["figures"][1]["value"]) == 1850


_TOKENS = [
    "25",
    "7.286",
    "1,15",
    "05",
    "2020",
    "3/2",
    "15/6/2020",
    "12/BC-BCĐ",
    "2 tỷ 265 triệu",
    "cuộc",
    "lượt người",
    "đồng",
    "đ",
    "%",
    "phần quà",
    "xã",
    "đoàn thể",
    "năm",
    "tháng",
    "với",
    "trong đó",
    "mỗi phần",
    "trị giá",
    "bình quân",
    "gần",
    "hơn",
    "=",
    "/1",
    "(",
    ")",
    ",",
    ".",
    ";",
    ":",
    "\n",
    "II.",
    "3.2.",
    "a)",
    "- ",
    "Hội Chữ thập đỏ",
    "Ban CHQS",
    "thôn",
    "Covid-19",
    "tổ chức",
    "từ",
    "đến",
    "so với cùng kỳ",
    "tăng",
    "kế hoạch",
    "lực",
]


@settings(deadline=None)  # a loaded machine must not fail it; the work is bounded
@given(st.lists(st.sampled_from(_TOKENS), max_size=60))
def test_any_text_gives_consistent_figures(tokens: list[str]) -> None:
    result = extract_text(" ".join(tokens))
    for index, figure in enumerate(result.figures):
        assert figure.id == index
        assert result.paragraphs[figure.paragraph][figure.start : figure.end] == figure.text
        for other in (figure.linked_to, figure.part_of):
            assert other is None or 0 <= other < len(result.figures)
    for rejection in result.rejected:
        assert result.paragraphs[rejection.paragraph][rejection.start : rejection.end] == (
            rejection.text
        )


@pytest.mark.parametrize(
    ("text", "figure", "noun"),
    [
        (
            "Trên địa bàn huyện hiện có 04 dự án đang triển khai.",
            "04 dự án",
            "dự án đang triển khai",
        ),
        ("Hội có 04 mô hình kinh tế tập thể.", "04 mô hình", "mô hình kinh tế tập thể"),
        ("Đến nay toàn xã đã có 12 tổ hợp tác.", "12 tổ", "tổ hợp tác"),
        ("Mạng lưới gồm 07 điểm sinh hoạt.", "07 điểm", "điểm sinh hoạt"),
    ],
)
def test_a_count_after_co_or_gom_is_a_figure_whatever_its_noun(
    text: str, figure: str, noun: str
) -> None:
    figures = extract_text(text).figures
    assert [(f.text, f.noun_phrase) for f in figures] == [(figure, noun)]

"""Numbers that are not figures of activity, one category at a time, each with its reason."""

from __future__ import annotations

import pytest

from phoihop.imports.extractor import extract_text


def _reasons(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    result = extract_text(text)
    return (
        [figure.text for figure in result.figures],
        [(rejection.text, rejection.reason) for rejection in result.rejected],
    )


@pytest.mark.parametrize(
    ("text", "rejected"),
    [
        # dates
        ("Ngày 15/6/2020 Ban chỉ đạo họp.", [("15/6/2020", "date")]),
        (
            "Các ngày lễ lớn (3/2, 26/3, 30/4, 19/5).",
            [("3/2", "date"), ("26/3", "date"), ("30/4", "date"), ("19/5", "date")],
        ),
        ("Họp ngày 15 tháng 6 để triển khai.", [("15", "date"), ("6", "date")]),
        ("Lễ ra quân 15-02-2021 được tổ chức long trọng.", [("15-02-2021", "date")]),
        # years
        ("Tuyển quân năm 2020 -2021 đạt kết quả tốt.", [("2020", "year"), ("2021", "year")]),
        ("Nhiệm kỳ 2020-2025 đã đề ra mục tiêu.", [("2020", "year"), ("2025", "year")]),
        # documents and their numbers
        ("Thực hiện Chỉ thị 05 của Bộ Chính trị.", [("05", "document_number")]),
        ("Thực hiện Nghị định 03 của Thủ tướng.", [("03", "document_number")]),
        ("Thực hiện Quyết định 1237 của Chính phủ.", [("1237", "document_number")]),
        ("Gắn với NQTW 4 (khóa XII).", [("4", "document_number")]),
        ("Báo cáo số 12/BC-BCĐ gửi Ban chỉ đạo.", [("12/BC-BCĐ", "document_number")]),
        ("Theo Nghị định 13/2016/NĐ-CP của Chính phủ.", [("13/2016/NĐ-CP", "document_number")]),
        # anniversaries, durations and ages
        ("Kỷ niệm 90 năm ngày thành lập Đảng.", [("90 năm", "anniversary")]),
        ("Chào mừng 45 năm ngày giải phóng miền Nam.", [("45 năm", "anniversary")]),
        ("Kỷ niệm 130 năm ngày sinh Chủ tịch Hồ Chí Minh.", [("130 năm", "anniversary")]),
        ("Kết quả 6 tháng đầu năm rất khả quan.", [("6 tháng", "duration")]),
        ("Thanh niên từ 18 tuổi được gọi khám tuyển.", [("18 tuổi", "age")]),
        # ordinals
        ("Đại hội lần thứ 5 của Hội thành công.", [("5", "ordinal")]),
        ("Huấn luyện dân quân đợt 2 đạt yêu cầu.", [("2", "ordinal")]),
        # names of units and places that carry numbers
        ("Tặng quà tại thôn 7 xã Đoàn Kết.", [("7", "unit_name")]),
        ("Gói bánh chưng tại Trung đội bộ binh 290 tạo mối quan hệ.", [("290", "unit_name")]),
        ("Phối hợp Sư đoàn 968 tổ chức hành quân.", [("968", "unit_name")]),
        # codes: numbers glued to letters
        ("Giao lưu với chiến sỹ b290 trong dịp lễ.", [("b290", "code")]),
        ("Lưu VT, Kh50b.", [("Kh50b", "code")]),
        ("Nhất là Nghị quyết TW8 (khóa XI).", [("TW8", "code")]),
        ("Phòng chống dịch Covid-19 hiệu quả.", [("Covid-19", "code")]),
        # set phrases of doctrine and history
        ("Thực hiện 2 nhiệm vụ chiến lược xây dựng và bảo vệ Tổ quốc.", [("2 nhiệm", "doctrine")]),
        ("Truyền thống trong 2 cuộc kháng chiến chống Pháp và chống Mỹ.", [("2 cuộc", "doctrine")]),
    ],
)
def test_it_rejects_numbers_that_are_not_activity(text: str, rejected: list) -> None:
    figures, reasons = _reasons(text)
    assert figures == []
    assert reasons == rejected


def test_section_numbers_are_not_figures() -> None:
    text = "II. KẾT QUẢ\n1. Tuyên truyền\n3.2. Phối hợp với Hội Chữ thập đỏ.\nĐược 25 cuộc."
    figures, reasons = _reasons(text)
    assert figures == ["25 cuộc"]
    assert reasons == [("II", "section_number"), ("1", "section_number"), ("3.2", "section_number")]


def test_the_scope_of_the_report_repeated_is_not_activity() -> None:
    text = (
        "Ban CHQS với 06 đoàn thể huyện 6 tháng đầu năm 2020\n"
        "Chỉ đạo Ban CHQS 16 xã, thị trấn phối hợp với 06 đoàn thể tại địa phương.\n"
        "Kiểm tra các Ban điều phối 16 xã, thị trấn về công tác phối hợp.\n"
    )
    figures, reasons = _reasons(text)
    assert figures == []
    assert [r for r in reasons if r[1] == "scope"] == [
        ("06 đoàn thể", "scope"),
        ("16 xã", "scope"),
        ("06 đoàn thể", "scope"),
        ("16 xã", "scope"),
    ]


def test_a_count_of_communes_told_once_or_acted_on_is_activity() -> None:
    assert _reasons("Có 2 xã chưa kiện toàn Ban điều phối.")[0] == ["2 xã"]
    text = "Phường có 7 tổ dân phố.\nBan CHQS đã kiểm tra 7 tổ dân phố về đăng ký NVQS."
    assert _reasons(text)[0] == ["7 tổ dân phố"]


def test_a_count_held_by_its_body_is_scope_even_once() -> None:
    figures, reasons = _reasons("Ban CHQS 16 xã, TT chỉ đạo lực lượng dân quân.")
    assert figures == []
    assert reasons == [("16 xã", "scope")]


def test_background_sections_describe_the_area() -> None:
    text = (
        "I. ĐẶC ĐIỂM TÌNH HÌNH\nXã có 3.120 hộ, 13.845 nhân khẩu.\nII. KẾT QUẢ\nThăm 25 hộ nghèo."
    )
    figures, reasons = _reasons(text)
    assert figures == ["25 hộ"]
    assert ("3.120 hộ", "background") in reasons


def test_a_fraction_of_units_is_a_figure_but_a_date_is_not() -> None:
    result = extract_text("Có 12/16 xã hoàn thành; ngày 5/7 tổ chức họp.")
    assert [(f.text, f.value, f.out_of) for f in result.figures] == [
        ("12/16 xã", 12, 16),
    ]
    assert [(r.text, r.reason) for r in result.rejected] == [("5/7", "date")]

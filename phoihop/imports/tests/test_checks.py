"""Arithmetic checks inside a report."""

from __future__ import annotations

from decimal import Decimal

from phoihop.imports.checks import (
    COUNT_TIMES_EACH,
    PARTS_WITHIN_WHOLE,
    SAME_ACTIVITY_TWICE,
    run_checks,
)
from phoihop.imports.extractor import extract_text


def _checks(text: str, kind: str):
    result = extract_text(text)
    return [
        (check.ok, [result.figures[i].text for i in check.figures])
        for check in result.checks
        if check.kind == kind
    ]


def test_it_finds_parts_that_exceed_their_whole() -> None:
    text = "Sơ cứu 98 ca, trong đó tai nạn giao thông 28 ca, tai nạn khác 90 người."
    assert _checks(text, PARTS_WITHIN_WHOLE) == [(False, ["98 ca", "28 ca", "90 người"])]
    text = "Giao 18 công dân, trong đó có 3 đảng viên và 5 đoàn viên."
    assert _checks(text, PARTS_WITHIN_WHOLE) == [
        (True, ["18 công dân", "3 đảng viên", "5 đoàn viên"])
    ]


def test_rates_broken_down_are_not_added() -> None:
    text = "Tỷ lệ đảng viên đạt 20,91%, trong đó DQ đạt 15,57%, Tự vệ đạt 44,06%."
    assert _checks(text, PARTS_WITHIN_WHOLE) == []


def test_it_multiplies_count_by_value_each() -> None:
    text = "Trao 17 phần quà cho 17 đồng chí, mỗi phần trị giá 300.000 đồng = 5.100.000đ."
    assert _checks(text, COUNT_TIMES_EACH) == [
        (True, ["17 phần quà", "300.000 đồng", "5.100.000đ"]),
    ]
    text = "Tặng 120 suất quà, mỗi suất 400.000 đồng, tổng số tiền 50.000.000 đồng."
    result = extract_text(text)
    (check,) = [c for c in result.checks if c.kind == COUNT_TIMES_EACH]
    assert (check.ok, check.expected, check.stated) == (False, Decimal(48000000), Decimal(50000000))
    assert "≠" in check.message


def test_an_average_may_be_rounded() -> None:
    text = "Tặng quà 3 gia đình: 1.000.000đ (bình quân 333.000đ/1 phần quà)."
    assert _checks(text, COUNT_TIMES_EACH) == [(True, ["3 gia đình", "333.000đ", "1.000.000đ"])]


def test_it_finds_one_campaign_told_twice() -> None:
    text = "\n".join(
        [
            "3.7. Ban CHQS huyện: Kết quả; dân quân phối hợp với các ban, ngành phát quang đường "
            "liên thôn, quét dọn nhà văn hóa, bia tưởng niệm với 650 ngày công.",
            "III. KẾT QUẢ Ở CƠ SỞ",
            "Ban CHQS xã chỉ đạo dân quân phối hợp với các ban, ngành phát quang đường liên thôn, "
            "quét dọn nhà văn hóa, bia tưởng niệm với 700 ngày công.",
        ]
    )
    result = extract_text(text)
    (check,) = [c for c in result.checks if c.kind == SAME_ACTIVITY_TWICE]
    assert [result.figures[i].text for i in check.figures] == ["650 ngày công", "700 ngày công"]
    assert "mục 3.7" in check.message and "mục III" in check.message


def test_formulaic_sessions_of_different_organisations_are_not_one_campaign() -> None:
    text = "\n".join(
        [
            "3.3. Phối hợp với Hội Nông dân",
            "Tuyên truyền Luật NVQS được 45 cuộc với 2.126 lượt cán bộ hội viên tham gia.",
            "3.4. Phối hợp với Hội LHPN",
            "Tuyên truyền luật NVQS được 122 cuộc với 6.391 lượt cán bộ, hội viên tham gia.",
            "III. KẾT QUẢ Ở CƠ SỞ",
            "Các xã tuyên truyền kỷ niệm ngày lễ lớn được 82 cuộc có 7.850 lượt cán bộ tham dự.",
        ]
    )
    assert _checks(text, SAME_ACTIVITY_TWICE) == []


def test_checks_run_on_any_list_of_figures() -> None:
    result = extract_text(
        "Sơ cứu 98 ca, trong đó 28 ca giao thông, 90 người khác.", run_checks=False
    )
    assert result.checks == []
    assert [check.ok for check in run_checks(result.figures)] == [False]

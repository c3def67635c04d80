"""Parts of the review report written from figures rather than narratives: a province's
report from its districts, a commune's from its organisations, and the appendices."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from phoihop.core.numbers import format_quantity
from phoihop.documents.context_figures import NO_DATA, OFFICIAL, Figures, format_value
from phoihop.documents.context_units import lower_units_word
from phoihop.indicators.models import Indicator, Section
from phoihop.places.models import Unit
from phoihop.reporting.models import Submission

TO_BE_WRITTEN = "(Nội dung do Ban điều phối bổ sung.)"
# Figures a landscape page holds beside the units' names.
LOWER_COLUMNS = 12
TO_BE_WRITTEN_BY_COMMITTEE = "(Nội dung do Ban chỉ đạo bổ sung.)"


def whole_unit(figures: Figures, unit: Unit, communes: list[Unit]) -> dict:
    """A district's figures as its own report states them: the communes' sum where the
    communes report an indicator (as the seed's II.1 does), else its organisations' own."""
    return {**figures.over([unit]), **figures.over(communes)}


def fill_from_lower_units(
    context: dict[str, Any],
    *,
    label: str,
    lower: list[Unit],
    per_lower: dict[int, dict],
    total: dict,
) -> None:
    """A province whose own organisations sent nothing: part II is the districts' figures
    added up, part III one paragraph per district; the assessment is left to the committee."""
    lower_word = lower_units_word(lower)

    def quantity(values: dict, code: str, unit_label: str) -> str:
        return format_quantity(values.get(code) or 0, unit_label)

    def activities(values: dict) -> str:
        return (
            f"tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước "
            f"được {quantity(values, 'tt_duong_loi_cuoc', 'cuộc')} với "
            f"{quantity(values, 'tt_duong_loi_luot', 'lượt')} người dự nghe; tuyên truyền Luật "
            f"Nghĩa vụ quân sự, Luật Dân quân tự vệ, Luật Lực lượng dự bị động viên được "
            f"{quantity(values, 'tt_qp_cuoc', 'cuộc')} với {quantity(values, 'tt_qp_luot', 'lượt')}"
            f" người tham dự; đóng góp {quantity(values, 'dan_van_ngay_cong', 'ngày công')}; "
            f"thăm, tặng {quantity(values, 'dan_van_qua_so', 'phần quà')} cho gia đình chính "
            f"sách, hộ nghèo"
        )

    note = f"(Tổng hợp từ báo cáo của {lower_word}.)"
    context["leadership"] = [TO_BE_WRITTEN_BY_COMMITTEE]
    context["information"] = [
        note,
        f"Trong {label}, Ban CHQS và các đoàn thể {lower_word} đã phối hợp tuyên truyền đường "
        f"lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước được "
        f"{quantity(total, 'tt_duong_loi_cuoc', 'cuộc')} với "
        f"{quantity(total, 'tt_duong_loi_luot', 'lượt')} người dự nghe.",
    ]
    context["defence"] = [
        note,
        f"Tuyên truyền Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ, Luật Lực lượng dự bị động "
        f"viên được {quantity(total, 'tt_qp_cuoc', 'cuộc')} với "
        f"{quantity(total, 'tt_qp_luot', 'lượt')} người tham dự, trong đó có "
        f"{quantity(total, 'tt_qp_thanh_nien', 'thanh niên')} trong độ tuổi.",
    ]
    context["communes"] = [
        note,
        *[
            f"{unit.full_name[:1].upper()}{unit.full_name[1:]}: {activities(per_lower[unit.pk])}."
            for unit in lower
        ],
        "Số liệu chi tiết của từng đơn vị tại các phụ lục kèm theo.",
    ]
    for key in ("strengths", "weaknesses", "causes_strengths", "causes_weaknesses", "plan"):
        context[key] = [TO_BE_WRITTEN_BY_COMMITTEE]


def fill_commune_parts(
    context: dict[str, Any], *, unit: Unit, label: str, word: str, figures: Figures
) -> None:
    """A commune's board has no narrative of its own: the common parts are written from the
    sums of its organisations' figures, and the assessment is left for the board to add."""
    total = figures.over([unit])

    def quantity(code: str, unit_label: str) -> str:
        return format_quantity(total.get(code) or 0, unit_label)

    place = f"{word} {unit.name}"
    context["leadership"] = [
        f"Ban điều phối liên ngành VĐQC {place} chỉ đạo Ban CHQS {word} phối hợp với các đoàn "
        f"thể xây dựng kế hoạch và tổ chức thực hiện chương trình phối hợp hoạt động {label}."
    ]
    context["information"] = [
        f"Trong {label}, Ban CHQS và các đoàn thể {place} đã phối hợp tuyên truyền đường lối, "
        f"chủ trương của Đảng, chính sách, pháp luật của Nhà nước được "
        f"{quantity('tt_duong_loi_cuoc', 'cuộc')} với {quantity('tt_duong_loi_luot', 'lượt')}"
        f" người dự nghe."
    ]
    context["defence"] = [
        f"Tuyên truyền Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ, Luật Lực lượng dự bị động "
        f"viên được {quantity('tt_qp_cuoc', 'cuộc')} với {quantity('tt_qp_luot', 'lượt')} "
        f"người tham dự, trong đó có {quantity('tt_qp_thanh_nien', 'thanh niên')} trong độ tuổi."
    ]
    context["communes"] = [
        f"Lực lượng dân quân {place} phối hợp với các đoàn thể đóng góp "
        f"{quantity('dan_van_ngay_cong', 'ngày công')} (trong đó dân quân "
        f"{quantity('dan_van_ngay_cong_dq', 'ngày công')}); thăm, tặng "
        f"{quantity('dan_van_qua_so', 'phần quà')} cho gia đình chính sách, hộ nghèo."
    ]
    for key in ("strengths", "weaknesses", "causes_strengths", "causes_weaknesses", "plan"):
        context[key] = [TO_BE_WRITTEN]


def build_appendices(
    label: str,
    columns: list[tuple[str, dict[str, Decimal | None], list[Section]]],
    own_total: dict[str, Decimal | None],
    indicators: dict[str, Indicator],
    *,
    lower: list[Unit],
    per_lower: dict[int, dict[str, Decimal | None]],
    lower_total: dict[str, Decimal | None],
    lower_sections: list[tuple[str, list[str]]],
    lower_heading: str,
    lower_word: str,
) -> list[dict[str, Any]]:
    # Appendix 1: every figure the organisations reported, indicators down, organisations across.
    codes: list[str] = []
    for _, values, sections in columns:
        for section in sections:
            for link in section.indicator_links.all():
                code = link.indicator.code
                if code not in codes and values.get(code) is not None:
                    codes.append(code)
    rows = []
    for code in codes:
        indicator = indicators[code]
        row = [f"{indicator.name} ({indicator.unit_label})"]
        row += [
            format_value(values.get(code), indicator) if values.get(code) is not None else NO_DATA
            for _, values, _ in columns
        ]
        row.append(format_value(own_total.get(code), indicator) if code in own_total else NO_DATA)
        rows.append(row)
    appendices = [
        {
            "title": f"Số liệu của các đơn vị {label}",
            "columns": ["Chỉ tiêu (đơn vị tính)", *[name for name, _, _ in columns], "Tổng cộng"],
            "rows": rows,
            "total": [],
        }
    ]
    # Then the lower units' figures in one table, units as rows (split only when there are
    # more figures than a landscape page holds).
    codes = []
    for _, section_codes in lower_sections:
        for c in section_codes:
            if (
                c not in codes
                and not indicators[c].formula
                and any(per_lower[u.pk].get(c) is not None for u in lower)
            ):
                codes.append(c)
    chunks = [codes[i : i + LOWER_COLUMNS] for i in range(0, len(codes), LOWER_COLUMNS)]
    for number, shown in enumerate(chunks, start=1):
        part = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        appendices.append(
            {
                "title": f"Số liệu của {lower_word} {label}{part}",
                "columns": [
                    lower_heading,
                    *[f"{_short_name(indicators[c])} ({indicators[c].unit_label})" for c in shown],
                ],
                "rows": [
                    [
                        unit.name,
                        *[
                            format_value(per_lower[unit.pk].get(c), indicators[c])
                            if per_lower[unit.pk].get(c) is not None
                            else NO_DATA
                            for c in shown
                        ],
                    ]
                    for unit in lower
                ],
                "total": [
                    "Tổng cộng",
                    *[
                        format_value(lower_total.get(c), indicators[c])
                        if c in lower_total
                        else NO_DATA
                        for c in shown
                    ],
                ],
            }
        )
    return appendices


def _short_name(indicator: Indicator) -> str:
    """A name a narrow column can hold: "Tuyên truyền đường lối: số cuộc"."""
    name = indicator.name.removeprefix("trong đó: ")
    head, _, tail = name.partition(": ")
    if not tail:
        return name[:1].upper() + name[1:]
    return f"{' '.join(head.split(',')[0].split()[:4])}: {tail}"


def commune_sections(
    communes: list[Unit], periods: list[str], *, statuses: tuple[str, ...] = OFFICIAL
) -> list[tuple[str, list[str]]]:
    """Sections of the forms the communes report on, merged by heading, in form order."""
    form_ids = (
        Submission.objects.filter(
            organisation__unit__in=communes, period__in=periods, status__in=statuses
        )
        .values_list("form_id", flat=True)
        .distinct()
    )
    merged: dict[str, list[str]] = {}
    for section in (
        Section.objects.filter(form_id__in=list(form_ids))
        .prefetch_related("indicator_links__indicator")
        .order_by("order", "form__code")
    ):
        codes = merged.setdefault(section.heading, [])
        for link in section.indicator_links.all():
            if link.indicator.code not in codes:
                codes.append(link.indicator.code)
    return [(heading, codes) for heading, codes in merged.items() if codes]

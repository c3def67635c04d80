"""The review report's context, read from the database: plain dicts and formatted text only.

The rendering core (rendering.py) never sees a model; everything the template may print is
built here, with every figure already written the Vietnamese way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from phoihop.core.dates import format_date_line
from phoihop.core.numbers import format_change, format_number, format_quantity
from phoihop.core.periods import CUTOFF_15, HALF, YEAR, Period
from phoihop.indicators.models import Aggregation, Indicator, Section, ValueType
from phoihop.organisations.models import Organisation
from phoihop.places.models import Level, Unit, UnitKind
from phoihop.places.selectors import UnitLookupError
from phoihop.reporting.citations import format_figure, render_citations
from phoihop.reporting.models import FigureValue, Narrative, Submission
from phoihop.reporting.selectors import computed_figures, formatted_figures

DISTRICT_BODY = "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH"
COMMUNE_BODY = "BAN ĐIỀU PHỐI LIÊN NGÀNH VẬN ĐỘNG QUẦN CHÚNG"
# Which section of the command's district form feeds which part of the report.
COMMAND_SECTIONS = {
    "leadership": ("lanh_dao",),
    "information": ("thong_tin",),
    "defence": ("quoc_phong",),
    "communes": ("co_so",),
    "strengths": ("diem_manh",),
    "weaknesses": ("han_che",),
    "causes_strengths": ("nguyen_nhan_manh",),
    "causes_weaknesses": ("nguyen_nhan_han_che",),
    "plan": ("phuong_huong",),
}
# Sections of the command's form that belong to its own part 3.7, not to the common parts.
_COMMAND_SHARED = {code for codes in COMMAND_SECTIONS.values() for code in codes}
_BLANK_LINES = re.compile(r"\n\s*\n")
NO_DATA = "-"
TO_BE_WRITTEN = "(Nội dung do Ban điều phối bổ sung.)"


@dataclass(frozen=True)
class HeaderFields:
    """What the office confirms before generating: header, signature and recipients."""

    issuing_body: str
    parent_body: str
    number: str
    place: str
    signer: str
    title: str
    on_behalf: str
    recipients: list[str] = field(default_factory=list)
    signed_note: str = ""


# ----- units ------------------------------------------------------------------------------


def reference_day(period: Period) -> dt.date:
    """The day whose units a period's report uses: the last day of the period's data."""
    return period.end_date(CUTOFF_15)


def children_in_period(unit: Unit, period: Period) -> list[Unit]:
    """The unit's children as they were during the period (the hierarchy changes over time)."""
    return list(unit.children.valid_on(reference_day(period)).order_by("code"))


def level_word(unit: Unit) -> str:
    """How a report names its own level: "huyện", "xã", "thị trấn", "tỉnh"."""
    if unit.kind == UnitKind.PROVINCIAL_CITY:
        return "thành phố"
    if unit.kind == UnitKind.CITY:
        return "thành phố"
    return unit.kind_label


def is_reportable(unit: Unit) -> bool:
    """Reports exist for districts and communes (a province report is not built yet)."""
    return unit.level in (Level.DISTRICT, Level.COMMUNE)


# ----- header defaults ----------------------------------------------------------------------


def default_header(unit: Unit) -> HeaderFields:
    """The header a unit's report gets before the office changes anything."""
    word = level_word(unit)
    parent_body = f"UBND {word} {unit.name}".upper()
    if unit.level == Level.COMMUNE:
        return HeaderFields(
            issuing_body=COMMUNE_BODY,
            parent_body=parent_body,
            number="      /BC-BĐP",
            place=unit.name,
            signer="",
            title="TRƯỞNG BAN",
            on_behalf="TM. BAN ĐIỀU PHỐI",
            recipients=[
                "BCĐ VĐQC liên ngành huyện",
                "Ban CHQS huyện",
                f"Đảng ủy, UBND {word}",
                f"06 đoàn thể {word}",
                "Lưu: VT",
            ],
        )
    return HeaderFields(
        issuing_body=DISTRICT_BODY,
        parent_body=parent_body,
        number="      /BC-BCĐ",
        place=unit.name,
        signer="",
        title="TRƯỞNG BAN",
        on_behalf="TM. BAN CHỈ ĐẠO",
        recipients=[
            "BCĐ tỉnh",
            "Phòng Chính trị/Bộ CHQS tỉnh",
            f"Ban Dân vận {word.capitalize()} ủy",
            f"06 đoàn thể {word}",
            "Lưu: VT",
        ],
    )


# ----- figures ------------------------------------------------------------------------------


def _source_periods(period: Period) -> list[str]:
    """Periods whose submissions make up this one: a year without its own submissions is its
    two halves (the demo and most boards report by half-year)."""
    if period.kind == YEAR and not Submission.objects.filter(period=period.id).exists():
        return [half.id for half in period.children(HALF)]
    return [period.id]


def _aggregate(
    parts: list[dict[str, Decimal | None]], indicators: dict[str, Indicator], *, keep_last: bool
) -> dict[str, Decimal | None]:
    """Figures of several parts as one: sums add up, averages average the values reported;
    any other figure is the last part's value with keep_last, else left out."""
    collected: dict[str, list[Decimal]] = defaultdict(list)
    for part in parts:
        for code, value in part.items():
            if value is not None:
                collected[code].append(value)
    result: dict[str, Decimal | None] = {}
    for code, values in collected.items():
        aggregation = indicators[code].aggregation if code in indicators else Aggregation.NONE
        if aggregation == Aggregation.SUM:
            result[code] = sum(values, Decimal(0))
        elif aggregation == Aggregation.AVERAGE:
            result[code] = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))
        elif keep_last:
            result[code] = values[-1]
    return result


@dataclass
class _Figures:
    """Every figure of the units concerned in a set of periods, read in one query."""

    # (unit id, kind code) -> code -> value
    by_organisation: dict[tuple[int, str], dict[str, Decimal | None]]
    indicators: dict[str, Indicator]

    def of(self, unit: Unit, kind: str) -> dict[str, Decimal | None]:
        return self.by_organisation.get((unit.pk, kind), {})

    def over(self, units: list[Unit], kinds: list[str] | None = None) -> dict:
        """Aggregated over units (and kinds): sums add, averages average the values reported."""
        unit_ids = {u.pk for u in units}
        parts = [
            values
            for (unit_id, kind), values in self.by_organisation.items()
            if unit_id in unit_ids and (kinds is None or kind in kinds)
        ]
        return _aggregate(parts, self.indicators, keep_last=False)


def _read_figures(units: list[Unit], periods: list[str], indicators: dict) -> _Figures:
    rows = FigureValue.objects.filter(
        submission__organisation__unit__in=units, submission__period__in=periods
    ).values_list(
        "submission__organisation__unit_id",
        "submission__organisation__kind__code",
        "submission__period",
        "indicator__code",
        "value",
    )
    per_period: dict[tuple[int, str], dict[str, dict[str, Decimal | None]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for unit_id, kind, period, code, value in rows:
        per_period[(unit_id, kind)][period][code] = value
    by_organisation = {
        key: _aggregate([parts[p] for p in periods if p in parts], indicators, keep_last=True)
        for key, parts in per_period.items()
    }
    return _Figures(by_organisation=by_organisation, indicators=indicators)


def _format_value(value: Decimal | None, indicator: Indicator) -> str:
    if value is None:
        return NO_DATA
    return format_figure(value, value_type=indicator.value_type, pad=indicator.pad_small)


def _comparable(indicator: Indicator) -> bool:
    # A change of a rate or of an average gift is not what officials compare with last year.
    return indicator.aggregation == Aggregation.SUM and indicator.value_type != ValueType.PERCENT


# ----- narratives ---------------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n")
    return [" ".join(p.split()) for p in _BLANK_LINES.split(text) if p.strip()]


@dataclass
class _Report:
    """One organisation's submissions in the report's periods: narratives and sections."""

    narratives: dict[str, str]  # section code -> text (last period's wins)
    sections: list[Section]


def _submissions(units: list[Unit], periods: list[str]) -> dict[tuple[int, str], _Report]:
    submissions = (
        Submission.objects.filter(organisation__unit__in=units, period__in=periods)
        .select_related("organisation__kind", "form")
        .prefetch_related(
            Prefetch("narratives", queryset=Narrative.objects.select_related("section")),
        )
    )
    order = {p: i for i, p in enumerate(periods)}
    result: dict[tuple[int, str], _Report] = {}
    sections: dict[int, list[Section]] = {}
    for submission in sorted(submissions, key=lambda s: order[s.period]):
        key = (submission.organisation.unit_id, submission.organisation.kind.code)
        report = result.setdefault(key, _Report(narratives={}, sections=[]))
        for narrative in submission.narratives.all():
            if narrative.text.strip():
                report.narratives[narrative.section.code] = narrative.text
        if submission.form_id not in sections:
            sections[submission.form_id] = _form_sections(submission.form_id)
        report.sections = sections[submission.form_id]
    return result


def _form_sections(form_id: int) -> list[Section]:
    # Read once per form: organisations and periods that share a form share its sections.
    return list(
        Section.objects.filter(form_id=form_id)
        .prefetch_related("indicator_links__indicator")
        .order_by("order")
    )


# ----- the context --------------------------------------------------------------------------


def _subject(unit: Unit, period: Period, organisations: int, *, with_name: bool) -> str:
    kind = "Tổng kết" if period.kind == YEAR else "Sơ kết"
    where = f"{level_word(unit)} {unit.name}" if with_name else level_word(unit)
    return (
        f"{kind} chương trình phối hợp hoạt động giữa Ban CHQS với "
        f"{format_number(organisations, pad=True)} đoàn thể {where} {period.label}"
    )


def report_context(
    unit: Unit,
    period: Period,
    *,
    header: HeaderFields | None = None,
    issued_on: dt.date | None = None,
) -> dict[str, Any]:
    """The whole review report of a district or commune for a period, as a plain dict."""
    if not is_reportable(unit):
        raise UnitLookupError(
            f"Chưa hỗ trợ báo cáo cho {unit.full_name}: chỉ lập báo cáo cấp huyện và cấp xã."
        )
    header = header or default_header(unit)
    is_commune = unit.level == Level.COMMUNE
    periods = _source_periods(period)
    previous_periods = _source_periods(period.same_period_last_year())
    communes = [] if is_commune else children_in_period(unit, period)
    indicators = {i.code: i for i in Indicator.objects.all()}
    current = _read_figures([unit, *communes], periods, indicators)
    previous = _read_figures([unit], previous_periods, indicators)
    reports = _submissions([unit], periods)
    organisations = list(
        Organisation.objects.filter(unit=unit, is_active=True)
        .select_related("kind")
        .order_by("kind__order")
    )
    command = next((o for o in organisations if o.kind.is_command), None)
    members = [o for o in organisations if not o.kind.is_command]
    word = level_word(unit)

    commune_figures = formatted_figures(current.over(communes)) if communes else None

    def cited(kind: str, text: str) -> str:
        own = current.of(unit, kind)
        values = {**own, **computed_figures(own, list(indicators.values()))}
        return render_citations(text, own=formatted_figures(values), communes=commune_figures)

    def section_paragraphs(kind: str, codes: tuple[str, ...]) -> list[str]:
        report = reports.get((unit.pk, kind))
        if report is None:
            return []
        return [
            paragraph
            for code in codes
            for paragraph in _paragraphs(cited(kind, report.narratives.get(code, "")))
        ]

    def organisation_part(number: str, organisation: Organisation) -> dict[str, Any]:
        kind = organisation.kind.code
        report = reports.get((unit.pk, kind))
        if organisation.kind.is_command:
            heading = f"Ban CHQS {word}"
        else:
            heading = f"Phối hợp hoạt động giữa Ban CHQS với {organisation.kind.name} {word}"
        if report is None:
            return {
                "number": number,
                "heading": heading,
                "paragraphs": [f"Chưa nhận được báo cáo của {organisation.name}."],
                "figures": [],
            }
        codes = tuple(
            s.code
            for s in report.sections
            if not (organisation.kind.is_command and not is_commune and s.code in _COMMAND_SHARED)
        )
        own = current.of(unit, kind)
        before = previous.of(unit, kind)
        figures = []
        for section in report.sections:
            if section.code not in codes:
                continue
            for link in section.indicator_links.all():
                indicator = link.indicator
                value = own.get(indicator.code)
                if value is None:
                    continue
                figures.append(
                    {
                        "name": indicator.name,
                        "value": format_quantity(
                            value, indicator.unit_label, pad=indicator.pad_small
                        ),
                        "comparison": format_change(value, before.get(indicator.code))
                        if _comparable(indicator)
                        else "",
                    }
                )
        return {
            "number": number,
            "heading": heading,
            "paragraphs": section_paragraphs(kind, codes),
            "figures": figures,
        }

    ordered = [*members, *([command] if command else [])]
    parts = [organisation_part(f"3.{i}", o) for i, o in enumerate(ordered, start=1)]
    label = period.label
    count = len(members)
    count_text = format_number(count, pad=True)
    review = "tổng kết" if period.kind == YEAR else "sơ kết"
    body = (
        "Ban chỉ đạo vận động quần chúng liên ngành (VĐQC)"
        if not is_commune
        else ("Ban điều phối liên ngành vận động quần chúng (VĐQC)")
    )
    context: dict[str, Any] = {
        "header": {
            "parent_body": header.parent_body,
            "issuing_body": header.issuing_body,
            "number": header.number,
            "date_line": format_date_line(
                header.place, issued_on or reference_day(period) + dt.timedelta(days=1)
            ),
        },
        "subject": _subject(unit, period, count, with_name=is_commune),
        "period_title": label.upper(),
        "next_period_title": period.next().label.upper(),
        "level_upper": word.upper(),
        "opening": (
            f"Căn cứ vào nội dung ký kết và công tác phối hợp hoạt động giữa Ban chỉ huy Quân sự "
            f"với {count_text} đoàn thể của {word} năm {period.year}, {body} {word} báo cáo kết "
            f"quả {label} như sau:"
        ),
        "organisations": parts,
        "closing": (
            f"Trên đây là báo cáo {review} chương trình phối hợp hoạt động giữa Ban chỉ huy Quân "
            f"sự với {count_text} đoàn thể {word} {label}./."
        ),
        "recipients": list(header.recipients),
        "signature": {
            "on_behalf": header.on_behalf,
            "title": header.title,
            "signed_note": header.signed_note,
            "name": header.signer,
        },
    }
    command_kind = command.kind.code if command else ""
    for key, codes in COMMAND_SECTIONS.items():
        context[key] = section_paragraphs(command_kind, codes) if command else []
    if is_commune:
        _fill_commune_parts(context, unit=unit, label=label, word=word, figures=current)
    context["appendices"] = _appendices(
        unit,
        period,
        ordered,
        communes,
        current,
        indicators,
        reports,
        periods=periods,
        is_commune=is_commune,
    )
    return context


def _fill_commune_parts(
    context: dict[str, Any], *, unit: Unit, label: str, word: str, figures: _Figures
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


def _appendices(
    unit: Unit,
    period: Period,
    organisations: list[Organisation],
    communes: list[Unit],
    figures: _Figures,
    indicators: dict[str, Indicator],
    reports: dict[tuple[int, str], _Report],
    *,
    periods: list[str],
    is_commune: bool,
) -> list[dict[str, Any]]:
    label = period.label
    # Appendix 1: every figure the organisations reported, indicators down, organisations across.
    reporting = [o for o in organisations if figures.of(unit, o.kind.code)]
    codes: list[str] = []
    for organisation in reporting:
        report = reports.get((unit.pk, organisation.kind.code))
        for section in report.sections if report else []:
            for link in section.indicator_links.all():
                code = link.indicator.code
                if (
                    code not in codes
                    and figures.of(unit, organisation.kind.code).get(code) is not None
                ):
                    codes.append(code)
    total = figures.over([unit])
    rows = []
    for code in codes:
        indicator = indicators[code]
        row = [f"{indicator.name} ({indicator.unit_label})"]
        row += [
            _format_value(figures.of(unit, o.kind.code).get(code), indicator)
            if figures.of(unit, o.kind.code).get(code) is not None
            else NO_DATA
            for o in reporting
        ]
        row.append(_format_value(total.get(code), indicator) if code in total else NO_DATA)
        rows.append(row)
    appendices = [
        {
            "title": f"Số liệu của các đơn vị {label}",
            "columns": [
                "Chỉ tiêu (đơn vị tính)",
                *[o.kind.short_name for o in reporting],
                "Tổng cộng",
            ],
            "rows": rows,
            "total": [],
        }
    ]
    if is_commune or not communes:
        return appendices
    # Appendices 2..: the communes' figures, one table per section of the communes' forms.
    sections = _commune_sections(communes, periods)
    per_commune = {c.pk: figures.over([c]) for c in communes}
    grand = figures.over(communes)
    for heading, section_codes in sections:
        shown = [
            c
            for c in section_codes
            if not indicators[c].formula
            and any(per_commune[u.pk].get(c) is not None for u in communes)
        ]
        if not shown:
            continue
        appendices.append(
            {
                "title": f"{heading} của các xã, thị trấn {label}",
                "columns": [
                    "Xã, thị trấn",
                    *[f"{_short_name(indicators[c])} ({indicators[c].unit_label})" for c in shown],
                ],
                "rows": [
                    [
                        commune.name,
                        *[
                            _format_value(per_commune[commune.pk].get(c), indicators[c])
                            if per_commune[commune.pk].get(c) is not None
                            else NO_DATA
                            for c in shown
                        ],
                    ]
                    for commune in communes
                ],
                "total": [
                    "Tổng cộng",
                    *[
                        _format_value(grand.get(c), indicators[c]) if c in grand else NO_DATA
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


def _commune_sections(communes: list[Unit], periods: list[str]) -> list[tuple[str, list[str]]]:
    """Sections of the forms the communes report on, merged by heading, in form order."""
    form_ids = (
        Submission.objects.filter(organisation__unit__in=communes, period__in=periods)
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


__all__ = [
    "HeaderFields",
    "UnitLookupError",
    "children_in_period",
    "default_header",
    "is_reportable",
    "report_context",
]

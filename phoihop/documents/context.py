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
from phoihop.organisations.models import Organisation, OrganisationKind
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
TO_BE_WRITTEN_BY_COMMITTEE = "(Nội dung do Ban chỉ đạo bổ sung.)"


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
    """Reports exist for provinces, districts and communes."""
    return unit.level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)


def command_name(unit: Unit, *, short: bool = True) -> str:
    """The military command of a unit's level: "Bộ CHQS" of a province, "Ban CHQS" below."""
    if unit.level == Level.PROVINCE:
        return "Bộ CHQS" if short else "Bộ Chỉ huy Quân sự"
    return "Ban CHQS" if short else "Ban chỉ huy Quân sự"


def lower_units_word(units: list[Unit]) -> str:
    """How a province report names its districts: "các huyện", or all three kinds."""
    if all(u.kind == UnitKind.DISTRICT for u in units):
        return "các huyện"
    return "các huyện, thị xã, thành phố"


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
    if unit.level == Level.PROVINCE:
        return HeaderFields(
            issuing_body=DISTRICT_BODY,
            parent_body=parent_body,
            number="      /BC-BCĐ",
            place=unit.name,
            signer="",
            title="TRƯỞNG BAN",
            on_behalf="TM. BAN CHỈ ĐẠO",
            recipients=[
                "Cục Dân vận/Tổng cục Chính trị",
                "Ban Dân vận Tỉnh ủy",
                "06 đoàn thể tỉnh",
                "BCĐ VĐQC liên ngành các huyện, thị xã, thành phố",
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
        f"{kind} chương trình phối hợp hoạt động giữa {command_name(unit)} với "
        f"{format_number(organisations, pad=True)} đoàn thể {where} {period.label}"
    )


def report_context(
    unit: Unit,
    period: Period,
    *,
    header: HeaderFields | None = None,
    issued_on: dt.date | None = None,
) -> dict[str, Any]:
    """The whole review report of a province, district or commune for a period, as a dict."""
    if not is_reportable(unit):
        raise UnitLookupError(
            f"Không lập báo cáo cho {unit.full_name}: chỉ lập báo cáo cấp tỉnh, huyện và xã."
        )
    header = header or default_header(unit)
    is_commune = unit.level == Level.COMMUNE
    is_province = unit.level == Level.PROVINCE
    periods = _source_periods(period)
    previous_periods = _source_periods(period.same_period_last_year())
    # A province's part III and appendices go over its districts, a district's over its
    # communes; a province sees each district whole: the district and its communes.
    lower = [] if is_commune else children_in_period(unit, period)
    below = {c.pk: children_in_period(c, period) if is_province else [] for c in lower}
    grass_roots = [u for units in below.values() for u in units]
    indicators = {i.code: i for i in Indicator.objects.all()}
    current = _read_figures([unit, *lower, *grass_roots], periods, indicators)
    previous = _read_figures([unit, *(lower if is_province else [])], previous_periods, indicators)
    reports = _submissions([unit], periods)
    organisations = list(
        Organisation.objects.filter(unit=unit, is_active=True)
        .select_related("kind")
        .order_by("kind__order")
    )
    # A province whose own organisations sent nothing is reported from its districts' reports.
    from_lower = is_province and not any((unit.pk, o.kind.code) in reports for o in organisations)
    lower_reports = _submissions(lower, periods) if from_lower else {}
    command = next((o for o in organisations if o.kind.is_command), None)
    members = [o for o in organisations if not o.kind.is_command]
    word = level_word(unit)
    chqs = command_name(unit)

    if is_province:
        per_lower = {c.pk: _whole_unit(current, c, below[c.pk]) for c in lower}
        lower_total = _aggregate(list(per_lower.values()), indicators, keep_last=False)
    else:
        per_lower = {c.pk: current.over([c]) for c in lower}
        lower_total = current.over(lower)
    commune_figures = formatted_figures(lower_total) if lower else None

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

    def figure_lines(
        sections: list[Section], codes: tuple[str, ...], own: dict, before: dict
    ) -> list[dict[str, str]]:
        figures = []
        for section in sections:
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
        return figures

    def own_codes(kind: OrganisationKind, sections: list[Section]) -> tuple[str, ...]:
        # The command's shared sections feed parts I, II.1, II.2, III and IV, not its 3.x.
        return tuple(
            s.code
            for s in sections
            if not (kind.is_command and not is_commune and s.code in _COMMAND_SHARED)
        )

    def organisation_part(number: str, organisation: Organisation) -> dict[str, Any]:
        kind = organisation.kind.code
        report = reports.get((unit.pk, kind))
        if organisation.kind.is_command:
            heading = f"{chqs} {word}"
        else:
            heading = f"Phối hợp hoạt động giữa {chqs} với {organisation.kind.name} {word}"
        if report is None:
            return {
                "number": number,
                "heading": heading,
                "paragraphs": [f"Chưa nhận được báo cáo của {organisation.name}."],
                "figures": [],
            }
        codes = own_codes(organisation.kind, report.sections)
        return {
            "number": number,
            "heading": heading,
            "paragraphs": section_paragraphs(kind, codes),
            "figures": figure_lines(
                report.sections, codes, current.of(unit, kind), previous.of(unit, kind)
            ),
        }

    lower_word = lower_units_word(lower)

    def lower_part(number: str, kind: OrganisationKind) -> dict[str, Any]:
        """One kind of organisation over the districts: their figures added up."""
        if kind.is_command:
            heading = f"Ban CHQS {lower_word}"
        else:
            heading = f"Phối hợp hoạt động giữa Ban CHQS với {kind.name} {lower_word}"
        sections = next(
            (r.sections for (_, code), r in lower_reports.items() if code == kind.code), []
        )
        codes = own_codes(kind, sections)
        figures = figure_lines(
            sections,
            codes,
            current.over(lower, [kind.code]),
            previous.over(lower, [kind.code]),
        )
        return {
            "number": number,
            "heading": heading,
            "paragraphs": [f"(Tổng hợp từ báo cáo của {lower_word}.)"],
            "figures": figures,
        }

    if from_lower:
        kinds = list(
            OrganisationKind.objects.filter(organisations__unit__in=lower)
            .distinct()
            .order_by("is_command", "order")
        )
        parts = [lower_part(f"3.{i}", k) for i, k in enumerate(kinds, start=1)]
        count = sum(1 for k in kinds if not k.is_command)
    else:
        ordered = [*members, *([command] if command else [])]
        parts = [organisation_part(f"3.{i}", o) for i, o in enumerate(ordered, start=1)]
        count = len(members)
    label = period.label
    count_text = format_number(count, pad=True)
    review = "tổng kết" if period.kind == YEAR else "sơ kết"
    body = (
        "Ban chỉ đạo vận động quần chúng liên ngành (VĐQC)"
        if not is_commune
        else ("Ban điều phối liên ngành vận động quần chúng (VĐQC)")
    )
    command_long = command_name(unit, short=False)
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
            f"Căn cứ vào nội dung ký kết và công tác phối hợp hoạt động giữa {command_long} "
            f"với {count_text} đoàn thể của {word} năm {period.year}, {body} {word} báo cáo kết "
            f"quả {label} như sau:"
        ),
        "organisations": parts,
        "closing": (
            f"Trên đây là báo cáo {review} chương trình phối hợp hoạt động giữa {command_long} "
            f"với {count_text} đoàn thể {word} {label}./."
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
    elif from_lower:
        _fill_from_lower_units(
            context, label=label, lower=lower, per_lower=per_lower, total=lower_total
        )
    if from_lower:
        columns = [
            (part_kind.short_name, current.over(lower, [part_kind.code]), part_sections)
            for part_kind in kinds
            if current.over(lower, [part_kind.code])
            for part_sections in [
                next((r.sections for (_, c), r in lower_reports.items() if c == part_kind.code), [])
            ]
        ]
        own_total = current.over(lower)
    else:
        columns = [
            (o.kind.short_name, current.of(unit, o.kind.code), report.sections)
            for o in [*members, *([command] if command else [])]
            if current.of(unit, o.kind.code)
            for report in [reports.get((unit.pk, o.kind.code))]
            if report is not None
        ]
        own_total = current.over([unit])
    context["appendices"] = _appendices(
        label,
        columns,
        own_total,
        indicators,
        lower=lower,
        per_lower=per_lower,
        lower_total=lower_total,
        lower_sections=_commune_sections([*lower, *grass_roots], periods) if lower else [],
        lower_heading="Huyện, thị xã, thành phố" if is_province else "Xã, thị trấn",
        lower_word=lower_word if is_province else "các xã, thị trấn",
    )
    return context


def _whole_unit(figures: _Figures, unit: Unit, communes: list[Unit]) -> dict:
    """A district's figures as its own report states them: the communes' sum where the
    communes report an indicator (as the seed's II.1 does), else its organisations' own."""
    return {**figures.over([unit]), **figures.over(communes)}


def _fill_from_lower_units(
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
            _format_value(values.get(code), indicator) if values.get(code) is not None else NO_DATA
            for _, values, _ in columns
        ]
        row.append(_format_value(own_total.get(code), indicator) if code in own_total else NO_DATA)
        rows.append(row)
    appendices = [
        {
            "title": f"Số liệu của các đơn vị {label}",
            "columns": ["Chỉ tiêu (đơn vị tính)", *[name for name, _, _ in columns], "Tổng cộng"],
            "rows": rows,
            "total": [],
        }
    ]
    # Appendices 2..: the lower units' figures, one table per section of their forms.
    for heading, section_codes in lower_sections:
        shown = [
            c
            for c in section_codes
            if not indicators[c].formula and any(per_lower[u.pk].get(c) is not None for u in lower)
        ]
        if not shown:
            continue
        appendices.append(
            {
                "title": f"{heading} của {lower_word} {label}",
                "columns": [
                    lower_heading,
                    *[f"{_short_name(indicators[c])} ({indicators[c].unit_label})" for c in shown],
                ],
                "rows": [
                    [
                        unit.name,
                        *[
                            _format_value(per_lower[unit.pk].get(c), indicators[c])
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
                        _format_value(lower_total.get(c), indicators[c])
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

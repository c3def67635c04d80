"""The review report's context, read from the database: plain dicts and formatted text only.

The rendering core (rendering.py) never sees a model; everything the template may print is
built here, with every figure already written the Vietnamese way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from phoihop.core.dates import format_date_line
from phoihop.core.numbers import format_change, format_number
from phoihop.core.period_words import rewrite_copied_paragraphs
from phoihop.core.periods import YEAR, Period
from phoihop.documents.context_edits import apply_parts, report_version
from phoihop.documents.context_figures import (
    OFFICIAL,
    WITH_SUBMITTED,
    aggregate,
    comparable,
    read_figures,
    read_reports,
    source_periods,
    split_paragraphs,
)
from phoihop.documents.context_inspections import inspection_paragraphs
from phoihop.documents.context_parts import (
    build_appendices,
    commune_sections,
    fill_commune_parts,
    fill_from_lower_units,
    whole_unit,
)
from phoihop.documents.context_programme import programme_context
from phoihop.documents.context_prose import (
    Figure,
    comparison_appendix,
    figure_line,
    figures_paragraph,
    headline_comparison,
)
from phoihop.documents.context_status import (
    NOT_STARTED,
    missing_organisations,
    status_appendix,
    status_paragraph,
)
from phoihop.documents.context_units import (
    HeaderFields,
    children_in_period,
    command_name,
    default_header,
    is_reportable,
    level_word,
    lower_units_word,
    reference_day,
)
from phoihop.documents.models import ReportText
from phoihop.indicators.models import Indicator, Section
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Level, Unit
from phoihop.places.selectors import UnitLookupError
from phoihop.reporting.citations import cited_codes, render_citations
from phoihop.reporting.selectors import computed_figures, formatted_figures

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
    draft: bool = False,
    office_text: bool = True,
) -> dict[str, Any]:
    """The whole review report of a province, district or commune for a period, as a dict.

    Official: accepted submissions only. A draft for the office (`draft`) also takes those
    submitted and awaiting review, each organisation's part saying its figures are not yet
    accepted; drafts and returned submissions are never read. The office's own wording of
    this version of the report replaces the generated text, unless `office_text` is False."""
    if not is_reportable(unit):
        raise UnitLookupError(
            f"Không lập báo cáo cho {unit.full_name}: chỉ lập báo cáo cấp tỉnh, huyện và xã."
        )
    header = header or default_header(unit)
    is_commune = unit.level == Level.COMMUNE
    is_province = unit.level == Level.PROVINCE
    statuses = WITH_SUBMITTED if draft else OFFICIAL
    periods = source_periods(period, statuses=statuses)
    # What a period is compared with is always its official figures.
    previous_periods = source_periods(period.same_period_last_year())
    # A province's part III and appendices go over its districts, a district's over its
    # communes; a province sees each district whole: the district and its communes.
    lower = [] if is_commune else children_in_period(unit, period)
    below = {c.pk: children_in_period(c, period) if is_province else [] for c in lower}
    grass_roots = [u for units in below.values() for u in units]
    indicators = {i.code: i for i in Indicator.objects.all()}
    code_of = {i.pk: i.code for i in indicators.values()}
    compared: list[tuple[str, Figure]] = []
    current = read_figures([unit, *lower, *grass_roots], periods, indicators, statuses=statuses)
    previous = read_figures([unit, *(lower if is_province else [])], previous_periods, indicators)
    reports = read_reports([unit], periods, statuses=statuses)
    # Narratives copied from the period before have their period words rewritten.
    earlier_period = period.previous()
    earlier_reports = read_reports(
        [unit], source_periods(earlier_period, statuses=statuses), statuses=statuses
    )
    missing, expected = missing_organisations([unit, *lower, *grass_roots], periods)
    state_of = {m.organisation.pk: m.state for m in missing if m.unit.pk == unit.pk}
    organisations = list(
        Organisation.objects.filter(unit=unit, is_active=True)
        .select_related("kind")
        .order_by("kind__order")
    )
    # A province whose own organisations sent nothing is reported from its districts' reports.
    from_lower = is_province and not any((unit.pk, o.kind.code) in reports for o in organisations)
    lower_reports = read_reports(lower, periods, statuses=statuses) if from_lower else {}
    command = next((o for o in organisations if o.kind.is_command), None)
    members = [o for o in organisations if not o.kind.is_command]
    word = level_word(unit)
    chqs = command_name(unit)

    if is_province:
        per_lower = {c.pk: whole_unit(current, c, below[c.pk]) for c in lower}
        lower_total = aggregate(list(per_lower.values()), indicators, keep_last=False)
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
        earlier = earlier_reports.get((unit.pk, kind))

        def text(code: str) -> str:
            own = report.narratives.get(code, "")
            if earlier is None:
                return own
            return rewrite_copied_paragraphs(
                own, earlier=earlier.narratives.get(code, ""), source=earlier_period, target=period
            )

        return [
            paragraph for code in codes for paragraph in split_paragraphs(cited(kind, text(code)))
        ]

    def figure_lines(
        sections: list[Section], codes: tuple[str, ...], own: dict, before: dict
    ) -> list[Figure]:
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
                    Figure(
                        code=indicator.code,
                        name=indicator.name,
                        unit_label=indicator.unit_label,
                        value=value,
                        value_type=indicator.value_type,
                        pad=indicator.pad_small,
                        part_of=code_of.get(indicator.part_of_id or 0, ""),
                        sentence=indicator.sentence,
                        comparison=format_change(value, before.get(indicator.code))
                        if comparable(indicator)
                        else "",
                        previous=before.get(indicator.code),
                    )
                )
        return figures

    def prose(
        short_name: str, paragraphs: list[str], figures: list[Figure], cited: set[str]
    ) -> list[str]:
        """The narrative, then the figures it does not write, then the headline comparisons;
        every comparison is kept for the appendix."""
        compared.extend((short_name, f) for f in figures if f.comparison)
        written = figures_paragraph(figures, narrative="\n".join(paragraphs), cited=cited)
        return [p for p in (*paragraphs, written, headline_comparison(figures)) if p]

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
                "paragraphs": [
                    f"Chưa có báo cáo được duyệt của {organisation.name} "
                    f"({state_of.get(organisation.pk, NOT_STARTED)})."
                ],
                "figures": [],
            }
        codes = own_codes(organisation.kind, report.sections)
        # Only a draft for the office holds figures not yet accepted, and it says whose.
        pending = [f"Số liệu của {organisation.name} chưa được duyệt."] if report.pending else []
        figures = figure_lines(
            report.sections, codes, current.of(unit, kind), previous.of(unit, kind)
        )
        cited = {
            code for section in codes for _, code in cited_codes(report.narratives.get(section, ""))
        }
        return {
            "number": number,
            "heading": heading,
            "paragraphs": [
                *pending,
                *prose(
                    organisation.kind.short_name,
                    section_paragraphs(kind, codes),
                    figures,
                    cited,
                ),
            ],
            "figures": [figure_line(f) for f in figures],
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
            "paragraphs": prose(
                kind.short_name, [f"(Tổng hợp từ báo cáo của {lower_word}.)"], figures, set()
            ),
            "figures": [figure_line(f) for f in figures],
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
        fill_commune_parts(context, unit=unit, label=label, word=word, figures=current)
    elif from_lower:
        fill_from_lower_units(
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
    context["appendices"] = build_appendices(
        label,
        columns,
        own_total,
        indicators,
        lower=lower,
        per_lower=per_lower,
        lower_total=lower_total,
        # The grass roots' forms: what every lower unit reports alike (a province's districts
        # are compared on their communes' figures, added up).
        lower_sections=(
            commune_sections(grass_roots or lower, periods, statuses=statuses) if lower else []
        ),
        lower_heading="Huyện, thị xã, thành phố" if is_province else "Xã, thị trấn",
        lower_word=lower_word if is_province else "các xã, thị trấn",
    )
    comparisons = comparison_appendix(label, compared)
    if comparisons is not None:
        context["appendices"].insert(1, comparisons)
    context["draft"] = draft
    programme = programme_context(unit, period)  # targets reached, joint activities
    context["programme_progress"] = programme["programme_progress"]
    if programme["programme_appendix"] is not None:
        context["appendices"].append(programme["programme_appendix"])
    context["inspections"] = inspection_paragraphs(unit, period)
    if missing:
        # Who is not in the report, and why: at the end of section III (the office may reword
        # it with the rest of that part), and listed.
        context["communes"] = [
            *context["communes"],
            status_paragraph(missing, expected, label=label, draft=draft),
        ]
        context["appendices"].append(status_appendix(missing, label=label))
    if office_text:
        saved = ReportText.objects.filter(
            unit=unit, period=period.id, version=report_version(unit, period, draft=draft)
        ).first()
        if saved is not None:
            apply_parts(context, saved.parts, saved.replaced)
    return context


__all__ = ["report_context"]

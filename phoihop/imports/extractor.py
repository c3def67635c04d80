"""Figures of activity out of Vietnamese review reports: value, unit, place, section and links.

The work is shared out: `scanner` finds the numbers of a paragraph and tells figures from dates,
ordinals and names (with the word lists of `patterns`); `sentences` links the figures of a
sentence; `outline` follows the report's sections; `checks` does the arithmetic. This module
walks the report and puts the pieces together.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from phoihop.imports.checks import run_checks as check_all
from phoihop.imports.figures import (
    AMOUNT,
    COUNT,
    RATE,
    REJECTION_REASONS,
    ExtractionResult,
    Figure,
    Rejection,
)
from phoihop.imports.outline import Outline
from phoihop.imports.patterns import DIGIT_RE, INCOME_BEFORE, PER_PERIOD_AFTER
from phoihop.imports.reportinfo import (
    ReportingUnit,
    find_issue_date,
    find_period,
    find_reporting_unit,
)
from phoihop.imports.scanner import BlockScanner, Candidate
from phoihop.imports.sentences import (
    decorate,
    link_block,
    link_table_rows,
    noun_phrase,
    sentence_bounds,
    sentence_index,
    sentence_subjects,
)
from phoihop.imports.textsource import (
    TextBlock,
    TextSourceError,
    blocks_from_text,
    read_blocks,
)
from phoihop.imports.values import NUMBER_RE, read_quantity
from phoihop.imports.vocabulary import MONEY, PERCENT, SCOPE, Unit, match_unit, unit_family

__all__ = [
    "REJECTION_REASONS",
    "ExtractionResult",
    "Figure",
    "Rejection",
    "ReportingUnit",
    "extract_blocks",
    "extract_file",
    "extract_text",
    "find_period",
    "main",
]

# Characters of its sentence kept on either side of a figure (real sentences are shorter).
SENTENCE_WINDOW = 600


def _table_header_unit(header: str) -> tuple[Unit, Decimal] | None:
    """The unit a table column is counted in: "Số cuộc", "Kinh phí (triệu đồng)", "Tỷ lệ (%)"."""
    for match in re.finditer(r"(?<!\w)(?=[^\W\d_]|%)", header):
        found = match_unit(header, match.start())
        if found is not None:
            scale = re.search(r"(nghìn|ngàn|triệu|tỷ)\s*$", header[: match.start()].lower())
            multiplier = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9}.get(
                scale.group(1) if scale else "", 1
            )
            return found[0], Decimal(multiplier)
    return None


@dataclass
class _Reading:
    """What a walk through the report's blocks collects before figures are made."""

    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    # block -> (section, section title, organisation, planned, background)
    places: dict[int, tuple[str | None, str | None, str | None, bool, bool]] = field(
        default_factory=dict
    )
    headers: dict[tuple[int, int], str] = field(default_factory=dict)  # table column headings
    subjects: dict[int, list[tuple[int, str | None]]] = field(default_factory=dict)
    row_labels: dict[tuple[int, int], str] = field(default_factory=dict)


def _scan(blocks: Sequence[TextBlock]) -> _Reading:
    """Follow the outline and find the candidate numbers of every block."""
    outline = Outline()
    reading = _Reading()
    for index, block in enumerate(blocks):
        scan_from = 0
        if block.cell is None:
            heading = outline.advance(block.text)
            if heading is not None:
                scan_from = heading.body_start
                reading.rejected.append(
                    Rejection(
                        heading.number,
                        index,
                        heading.number_start,
                        heading.number_end,
                        "section_number",
                    )
                )
            organisation = outline.organisation
            lead = Outline.lead_organisation(block.text[scan_from:]) if heading is None else None
            organisation = lead or organisation
        else:
            cell = block.cell
            if cell.row == 0:
                reading.headers[(cell.table, cell.column)] = block.text
            if (cell.table, cell.row) not in reading.row_labels and re.search(
                r"[^\W\d_]", block.text
            ):
                reading.row_labels[(cell.table, cell.row)] = block.text  # the first cell with words
            label = reading.row_labels.get((cell.table, cell.row), "")
            organisation = Outline.lead_organisation(label + ":") or outline.organisation
        reading.places[index] = (
            outline.section,
            outline.section_title,
            organisation,
            outline.planned,
            outline.background,
        )
        if not DIGIT_RE.search(block.text, scan_from):
            continue  # most paragraphs of a review state no figure at all
        scanner = BlockScanner(block.text, index, scan_from)
        scanner.scan()
        if block.cell is not None and block.cell.row > 0:
            _column_units(block, scanner, reading.headers)
        if scanner.candidates and block.cell is None and organisation == outline.organisation:
            reading.subjects[index] = sentence_subjects(block.text, scan_from)
        reading.candidates.extend(scanner.candidates)
        reading.rejected.extend(scanner.rejected)
    return reading


def _make_figures(blocks: Sequence[TextBlock], reading: _Reading) -> list[Figure]:
    """Figures from the candidates, less the counts of the area's own units."""
    # Counts of the area's own communes or organisations ("Ban CHQS 16 xã", "06 đoàn thể")
    # recur through a report; an activity on communes ("kiểm tra 5 xã") is told once.
    scope_counts = Counter(
        (c.value, c.unit) for c in reading.candidates if unit_family(c.unit) == SCOPE
    )
    figures: list[Figure] = []
    for candidate in reading.candidates:
        text = blocks[candidate.block].text
        section, title, organisation, planned, background = reading.places[candidate.block]
        is_scope = unit_family(candidate.unit) == SCOPE and (
            candidate.body_before
            or (
                scope_counts[(candidate.value, candidate.unit)] > 1
                and not candidate.activity_before
            )
        )
        # An income a year or a month describes those who earn it, not an activity.
        income = INCOME_BEFORE.search(text, 0, candidate.start) is not None and (
            PER_PERIOD_AFTER.match(text, candidate.end) is not None
        )
        if is_scope or background or income:
            reason = "scope" if is_scope else "background"
            span = text[candidate.start : candidate.end]
            reading.rejected.append(
                Rejection(span, candidate.block, candidate.start, candidate.end, reason)
            )
            continue
        subject = None
        for sentence_start, found in reading.subjects.get(candidate.block, []):
            if sentence_start > candidate.start:
                break
            subject = found
        organisation = subject or organisation
        cell = blocks[candidate.block].cell
        noun = noun_phrase(text, candidate.unit_text, candidate.unit_end)
        if cell is not None and cell.row > 0 and candidate.note and "cột" in candidate.note:
            noun = " ".join(
                part for part in (reading.row_labels.get((cell.table, cell.row)), noun) if part
            )
        figures.append(
            Figure(
                id=len(figures),
                text=text[candidate.start : candidate.end],
                value=candidate.value,
                unit=candidate.unit,
                unit_text=candidate.unit_text,
                noun_phrase=noun,
                paragraph=candidate.block,
                start=candidate.start,
                end=candidate.end,
                section=section,
                section_title=title,
                organisation=organisation,
                unit_inferred=candidate.unit_inferred,
                approximate=candidate.qualifier is not None,
                qualifier=candidate.qualifier,
                out_of=candidate.out_of,
                planned=planned,
                cell=cell,
                note=candidate.note,
            )
        )
    return figures


def _relate(blocks: Sequence[TextBlock], figures: list[Figure]) -> None:
    """Roles, links, comparisons and sentences of the figures, paragraph by paragraph."""
    by_block: dict[int, list[Figure]] = {}
    for figure in figures:
        by_block.setdefault(figure.paragraph, []).append(figure)
    for block_index, block_figures in by_block.items():
        text = blocks[block_index].text
        if blocks[block_index].cell is None:
            link_block(block_figures, text)
        bounds = sentence_bounds(text)
        for figure in block_figures:
            if figure.family == PERCENT and figure.role == COUNT:
                figure.role = RATE
            elif figure.family == MONEY and figure.role == COUNT:
                figure.role = AMOUNT
            decorate(figure, text)
            start, end = bounds[sentence_index(bounds, figure.start)]
            # A run-on "sentence" is kept only around the figure: each figure carries its own.
            start = max(start, figure.start - SENTENCE_WINDOW)
            end = min(end, figure.end + SENTENCE_WINDOW)
            stripped = len(text[start:end]) - len(text[start:end].lstrip())
            figure.sentence_start = start + stripped
            figure.sentence = text[start:end].strip()
    link_table_rows(figures)


def extract_blocks(
    blocks: Sequence[TextBlock], *, source: str | None = None, run_checks: bool = True
) -> ExtractionResult:
    """Extract the figures of a report given as blocks (paragraphs and table cells)."""
    reading = _scan(blocks)
    figures = _make_figures(blocks, reading)
    _relate(blocks, figures)
    reading.rejected.sort(key=lambda r: (r.paragraph, r.start))
    period, period_text = find_period(blocks)
    result = ExtractionResult(
        source=source,
        paragraphs=[block.text for block in blocks],
        period=period,
        period_text=period_text,
        reporting_unit=find_reporting_unit(blocks),
        issued_on=find_issue_date(blocks),
        figures=figures,
        rejected=reading.rejected,
    )
    if run_checks:
        result.checks = check_all(result.figures)
    return result


def _column_units(
    block: TextBlock, scanner: BlockScanner, headers: dict[tuple[int, int], str]
) -> None:
    """A bare number in a table cell takes the unit of its column heading."""
    cell = block.cell
    assert cell is not None
    header = headers.get((cell.table, cell.column))
    stripped = block.text.strip()
    if header is None or not NUMBER_RE.fullmatch(stripped):
        return
    found = _table_header_unit(header)
    if found is None:
        return
    unit, multiplier = found
    start = block.text.index(stripped)
    quantity = read_quantity(block.text, start)
    if quantity is None:
        return
    scanner.rejected = [r for r in scanner.rejected if r.start != start]
    scanner.candidates = [c for c in scanner.candidates if c.number_start != start]
    scanner.candidates.append(
        Candidate(
            scanner.block,
            start,
            start,
            quantity.end,
            quantity.value * multiplier * unit.multiplier,
            unit.name,
            None,
            quantity.end,
            note=f"đơn vị theo tiêu đề cột «{header.strip()}»",
        )
    )


def extract_text(
    text: str, *, source: str | None = None, run_checks: bool = True
) -> ExtractionResult:
    """Extract the figures of a plain-text report (one paragraph per line)."""
    return extract_blocks(blocks_from_text(text), source=source, run_checks=run_checks)


def extract_file(path: str | Path, *, run_checks: bool = True) -> ExtractionResult:
    """Extract the figures of a .docx, .pdf or .txt report."""
    return extract_blocks(read_blocks(path), source=str(path), run_checks=run_checks)


# --- command line ---------------------------------------------------------------------------


def _describe(figure: Figure) -> str:
    links = []
    if figure.linked_to is not None:
        links.append(f"→#{figure.linked_to}")
    if figure.part_of is not None:
        links.append(f"⊂#{figure.part_of}")
    return (
        f"#{figure.id:<3} {figure.section or '-':<7} {figure.organisation or '-':<5} "
        f"{figure.role:<6} {str(figure.value):>14} {figure.unit or '?':<12} "
        f"{' '.join(links):<10} «{figure.text}» {figure.noun_phrase}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures of a report: `python -m phoihop.imports.extractor report.docx`."""
    parser = argparse.ArgumentParser(description="Đọc số liệu từ báo cáo sơ kết, tổng kết.")
    parser.add_argument("path", help="tệp .docx, .pdf hoặc .txt")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--rejected", action="store_true", help="in cả các số bị loại")
    options = parser.parse_args(argv)
    try:
        result = extract_file(options.path)
    except TextSourceError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    if options.json:
        print(result.to_json(include_rejected=options.rejected))
        return 0
    unit = result.reporting_unit
    print(f"Kỳ báo cáo: {result.period or '?'} ({result.period_text or 'không rõ'})")
    if unit is not None:
        province = f", tỉnh {unit.province}" if unit.province else ""
        print(f"Đơn vị: {unit.level} {unit.name or '?'}{province}")
    print(f"{len(result.figures)} số liệu:")
    for figure in result.figures:
        print("  " + _describe(figure))
    if options.rejected:
        print(f"{len(result.rejected)} số bị loại:")
        for rejection in result.rejected:
            print(f"  đoạn {rejection.paragraph}: «{rejection.text}» ({rejection.reason})")
    print(f"Kiểm tra số học: {len(result.checks)}, sai: {len(result.problems)}")
    for check in result.checks:
        print(f"  [{'đúng' if check.ok else 'SAI'}] {check.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

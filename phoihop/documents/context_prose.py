"""Figures written into sentences, the way the seed report writes them.

An organisation's figures that its narrative does not already cite become one paragraph of
clauses: each indicator's sentence pattern from the catalogue ("… được {tt_qp_cuoc} cuộc[ với
{tt_qp_luot} lượt người tham dự]"), else its "số cuộc / số lượt" partner joined ("N cuộc với M
lượt người") and its "trong đó" parts in the same clause. Comparisons with the same period go to
an appendix; the text names only the headline ones. Plain data in, text out: no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from phoihop.core.numbers import format_quantity
from phoihop.reporting.citations import PLACEHOLDER, format_figure

# A part of a sentence pattern dropped when a figure it cites is missing or already written.
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_PART_PREFIX = "trong đó: "
# How many comparisons with the same period a section's text names; the rest are in the appendix.
HEADLINE_COMPARISONS = 2


@dataclass(frozen=True)
class Figure:
    """One figure of an organisation, as the report may write it."""

    code: str
    name: str
    unit_label: str
    value: Decimal
    value_type: str = "integer"
    pad: bool = False
    part_of: str = ""
    sentence: str = ""
    comparison: str = ""  # "tăng 19% so với cùng kỳ", or "" when not compared
    previous: Decimal | None = None  # the same period a year earlier

    @property
    def quantity(self) -> str:
        """With its unit: "25 cuộc", "4.350.000 đồng", "1,15%"."""
        return format_quantity(self.value, self.unit_label, pad=self.pad)

    @property
    def number(self) -> str:
        """As a pattern cites it: the number alone (a percentage keeps its sign)."""
        return format_figure(self.value, value_type=self.value_type, pad=self.pad)


def _lower_first(text: str) -> str:
    # Keep acronyms and proper names ("NVQS", "Tết") as they are; lower only a capital word.
    head, _, tail = text.partition(" ")
    if len(head) > 1 and head[1:].islower():
        head = head[:1].lower() + head[1:]
    return f"{head} {tail}" if tail else head


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _subject(figure: Figure) -> str:
    """What the figure counts, as a sentence names it: "số cuộc tuyên truyền Luật NVQS…"."""
    name = figure.name.removeprefix(_PART_PREFIX)
    head, _, tail = name.partition(": ")
    if tail:
        return f"{tail} {_lower_first(head)}"
    return _lower_first(name)


def figure_line(figure: Figure) -> dict[str, str]:
    """The figure for templates that list figures: name, value with its unit, comparison."""
    return {"name": figure.name, "value": figure.quantity, "comparison": figure.comparison}


def _part(figure: Figure) -> str:
    """A "trong đó" part: "4.284 thanh niên trong độ tuổi", "tai nạn giao thông 28 ca"."""
    subject = _subject(figure)
    if figure.unit_label and subject.startswith(f"{figure.unit_label} "):
        return f"{figure.number} {subject}"
    return f"{subject} {figure.quantity}"


def cited_in(figure: Figure, text: str, codes: set[str]) -> bool:
    """Whether the narrative already writes this figure: by placeholder, or the figure with its
    unit as it would be printed ("25 cuộc", "4.350.000 đồng")."""
    return figure.code in codes or (bool(figure.quantity) and figure.quantity in text)


def _fill(pattern: str, numbers: dict[str, str], spent: set[str]) -> tuple[str, set[str]] | None:
    """The pattern with its figures, and the codes it wrote; None when a figure it needs
    (outside [...]) is missing."""
    used: set[str] = set()

    def optional(match: re.Match) -> str:
        codes = [m["code"] for m in PLACEHOLDER.finditer(match.group(1))]
        if any(c not in numbers or c in spent for c in codes):
            return ""
        used.update(codes)
        return PLACEHOLDER.sub(lambda m: numbers[m["code"]], match.group(1))

    text = _OPTIONAL.sub(optional, pattern)
    required = [m["code"] for m in PLACEHOLDER.finditer(text)]
    if any(c not in numbers for c in required):
        return None
    used.update(required)
    return PLACEHOLDER.sub(lambda m: numbers[m["code"]], text), used


def _partner(figure: Figure, remaining: list[Figure]) -> Figure | None:
    """The "số lượt" figure that goes with a "số cuộc" one of the same activity."""
    head, _, tail = figure.name.partition(": ")
    if not tail.startswith("số cuộc"):
        return None
    return next(
        (
            other
            for other in remaining
            if other.name.startswith(f"{head}: số lượt") and other.code != figure.code
        ),
        None,
    )


def figure_clauses(figures: list[Figure], *, narrative: str, cited: set[str]) -> list[str]:
    """Clauses for the figures the narrative does not write yet, in the figures' order."""
    numbers = {f.code: f.number for f in figures}
    by_code = {f.code: f for f in figures}
    spent = {f.code for f in figures if cited_in(f, narrative, cited)}
    clauses: list[str] = []
    for figure in figures:
        if figure.code in spent:
            continue
        filled = _fill(figure.sentence, numbers, spent) if figure.sentence else None
        if filled is not None and figure.code in filled[1]:
            text, used = filled
        else:
            before = set(spent)
            text = _generic(figure, figures, spent, by_code)
            used = (spent - before) | {figure.code}
        spent |= used
        # "trong đó" parts the clause did not write go with their whole.
        parts = [p for p in figures if p.part_of in used and p.code not in spent]
        if parts:
            text += ", trong đó có " + ", ".join(_part(p) for p in parts)
            spent |= {p.code for p in parts}
        clauses.append(text)
    return clauses


def _generic(
    figure: Figure, figures: list[Figure], spent: set[str], by_code: dict[str, Figure]
) -> str:
    remaining = [f for f in figures if f.code not in spent]
    partner = _partner(figure, remaining)
    if partner is not None:
        spent.add(partner.code)
        head = figure.name.partition(": ")[0]
        return f"{_lower_first(head)} được {figure.quantity} với {partner.quantity}"
    whole = by_code.get(figure.part_of)
    if whole is not None and whole.code in spent:
        # The whole is written elsewhere (in the narrative): name it again, briefly.
        return f"trong tổng số {whole.quantity} có {_part(figure)}"
    return f"{_subject(figure)}: {figure.quantity}"


def figures_paragraph(figures: list[Figure], *, narrative: str, cited: set[str]) -> str:
    """One paragraph of the clauses, or "" when the narrative wrote every figure."""
    clauses = figure_clauses(figures, narrative=narrative, cited=cited)
    if not clauses:
        return ""
    return _upper_first("; ".join(clauses)) + "."


def headline_comparison(figures: list[Figure], *, limit: int = HEADLINE_COMPARISONS) -> str:
    """The section's few comparisons with the same period, as one sentence (or "")."""
    compared = [f for f in figures if f.comparison][:limit]
    if not compared:
        return ""
    changes = []
    previous_head = None
    for figure in compared:
        head, _, tail = figure.name.removeprefix(_PART_PREFIX).partition(": ")
        # "số cuộc tuyên truyền X tăng 19%, số lượt người tăng 10%": X is named once.
        subject = tail if tail and head == previous_head else _subject(figure)
        previous_head = head if tail else None
        changes.append(f"{subject} {figure.comparison.removesuffix(' so với cùng kỳ')}")
    return f"So với cùng kỳ năm trước, {', '.join(changes)}."


def comparison_appendix(label: str, compared: list[tuple[str, Figure]]) -> dict | None:
    """Every comparison with the same period, one row per organisation's figure."""
    if not compared:
        return None
    rows = []
    for owner, figure in compared:
        previous = format_figure(figure.previous, value_type=figure.value_type, pad=figure.pad)
        change = figure.comparison.removesuffix(" so với cùng kỳ")
        rows.append(
            [f"{owner}: {figure.name} ({figure.unit_label})", figure.number, previous, change]
        )
    return {
        "title": f"So sánh với cùng kỳ năm trước {label}",
        "columns": ["Đơn vị: chỉ tiêu (đơn vị tính)", "Kỳ này", "Cùng kỳ", "So sánh"],
        "rows": rows,
        "total": [],
    }

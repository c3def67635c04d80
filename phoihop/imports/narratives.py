"""The narrative an import brings into a submission: each confirmed figure's paragraph, with the
figure linked in place (`{code}`, reporting.citations) rather than copied as a number."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation

from phoihop.core.numbers import NumberFormatError, parse_number
from phoihop.imports.models import ImportCandidate
from phoihop.imports.values import NUMBER_RE
from phoihop.indicators.models import SectionIndicator, ValueType
from phoihop.reporting.models import Submission


def _written(number: str) -> Decimal | None:
    try:
        return parse_number(number)
    except (NumberFormatError, InvalidOperation):
        return None


def link_figure(paragraph: str, candidate: ImportCandidate) -> tuple[int, int, str] | None:
    """The span of the paragraph to replace by the candidate's citation, and the replacement.

    The number as written gives way to `{code}`; a percentage takes its sign with it (a cited
    percentage is shown with its sign); a number written with a scale ("2,9 tỷ đồng") takes its
    words with it, since the cited figure is the whole amount ("{code} đồng"). None when the
    figure is not where the candidate says (the paragraph changed) or has no indicator.
    """
    indicator = candidate.indicator
    if indicator is None or paragraph[candidate.start : candidate.end] != candidate.text:
        return None
    number = NUMBER_RE.search(paragraph, candidate.start, candidate.end)
    if number is None:
        return None
    start, end = number.span()
    citation = f"{{{indicator.code}}}"
    rest = paragraph[end : candidate.end]
    if indicator.value_type == ValueType.PERCENT:
        if rest.lstrip().startswith("%"):
            end += len(rest) - len(rest.lstrip()) + 1
        return start, end, citation
    if _written(number.group()) != candidate.value and candidate.unit:
        return start, candidate.end, f"{citation} {candidate.unit}"
    return start, end, citation


def linked_paragraph(paragraph: str, candidates: list[ImportCandidate]) -> str:
    """The paragraph with each candidate's figure replaced by its citation, right to left."""
    spans = sorted(
        (span for span in (link_figure(paragraph, c) for c in candidates) if span is not None),
        reverse=True,
    )
    previous_start = len(paragraph) + 1
    for start, end, citation in spans:
        if end > previous_start:  # overlapping figures: the first one read keeps its text
            continue
        paragraph = paragraph[:start] + citation + paragraph[end:]
        previous_start = start
    return paragraph


def import_narratives(
    paragraphs: list[str], submission: Submission, members: list[ImportCandidate]
) -> dict[str, str]:
    """The paragraphs of the confirmed figures, for the narrative of their indicators' sections.

    A section whose narrative someone already wrote keeps it. In each paragraph the figures
    confirmed for this submission are linked in place.
    """
    section_of = dict(
        SectionIndicator.objects.filter(
            section__form=submission.form, section__has_narrative=True
        ).values_list("indicator__code", "section__code")
    )
    written = {
        code
        for code, text in submission.narratives.values_list("section__code", "text")
        if text.strip()
    }
    by_paragraph: dict[int, list[ImportCandidate]] = defaultdict(list)
    for candidate in members:
        by_paragraph[candidate.paragraph].append(candidate)
    by_section: dict[str, list[int]] = defaultdict(list)
    for candidate in members:
        section = section_of.get(candidate.indicator.code) if candidate.indicator else None
        if section is None or section in written:
            continue
        if candidate.paragraph not in by_section[section]:
            by_section[section].append(candidate.paragraph)
    return {
        section: "\n\n".join(
            linked_paragraph(paragraphs[index], by_paragraph[index]).strip()
            for index in sorted(indexes)
            if index < len(paragraphs)
        )
        for section, indexes in by_section.items()
    }

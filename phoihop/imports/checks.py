"""Arithmetic checks in a report: parts and whole, count × value each, one campaign told twice."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, islice

from phoihop.core.numbers import format_number
from phoihop.imports.figures import EACH, RATE, TOTAL, Figure
from phoihop.imports.vocabulary import PERCENT, fold

__all__ = [
    "CheckResult",
    "check_count_times_each",
    "check_parts_within_whole",
    "check_same_activity_twice",
    "run_checks",
]

PARTS_WITHIN_WHOLE = "parts_within_whole"
COUNT_TIMES_EACH = "count_times_each"
SAME_ACTIVITY_TWICE = "same_activity_twice"

# Two tellings of one campaign share most of their wording; two organisations reporting their
# own propaganda sessions share only the formula "được N cuộc với M lượt".
SIMILARITY_THRESHOLD = 0.5
CONTEXT_WORDS = 20
MIN_CONTEXT_PAIRS = 4
MAX_PAIRS = 10_000
# "bình quân 500.000đ/1 phần quà" is an average and may be rounded.
AVERAGE_TOLERANCE = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of one check; `figures` are figure ids, the first being the reference."""

    kind: str
    ok: bool
    figures: tuple[int, ...]
    expected: Decimal | None
    stated: Decimal | None
    message: str


def _place(figure: Figure) -> str:
    section = f"mục {figure.section}, " if figure.section else ""
    return f"{section}đoạn {figure.paragraph + 1}"


def check_parts_within_whole(figures: Sequence[Figure]) -> list[CheckResult]:
    """The parts after "trong đó" may not add up to more than their whole (rates excepted)."""
    by_id = {figure.id: figure for figure in figures}
    parts: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.part_of is not None and figure.role != RATE and figure.family != PERCENT:
            parts[figure.part_of].append(figure)
    results: list[CheckResult] = []
    for whole_id, members in parts.items():
        whole = by_id[whole_id]
        total = sum((member.value for member in members), Decimal(0))
        ok = total <= whole.value
        sum_text = " + ".join(member.text for member in members)
        relation = "≤" if ok else ">"
        message = (
            f"{'Các phần' if len(members) > 1 else 'Phần'} «{sum_text}» = {format_number(total)} "
            f"{relation} tổng số «{whole.text}» ({_place(whole)})"
        )
        results.append(
            CheckResult(
                PARTS_WITHIN_WHOLE,
                ok,
                (whole.id, *(m.id for m in members)),
                whole.value,
                total,
                message,
            )
        )
    return results


def check_count_times_each(figures: Sequence[Figure]) -> list[CheckResult]:
    """A count times its value each must equal the total stated for it."""
    by_id = {figure.id: figure for figure in figures}
    each_of: dict[int, Figure] = {}
    total_of: dict[int, Figure] = {}
    for figure in figures:
        if figure.linked_to is None or figure.family is None:
            continue
        if figure.role == EACH and figure.family == "money":
            each_of.setdefault(figure.linked_to, figure)
        elif figure.role == TOTAL:
            total_of.setdefault(figure.linked_to, figure)
    results: list[CheckResult] = []
    for count_id, each in each_of.items():
        total = total_of.get(count_id)
        if total is None:
            continue
        count = by_id[count_id]
        expected = count.value * each.value
        averaged = bool(each.marker and re.search(r"bình quân|trung bình", each.marker))
        tolerance = abs(total.value) * AVERAGE_TOLERANCE if averaged else Decimal(0)
        ok = abs(expected - total.value) <= tolerance
        message = (
            f"«{count.text}» × «{each.text}» = {format_number(expected)} "
            f"{'=' if ok else '≠'} «{total.text}» ({_place(count)})"
        )
        results.append(
            CheckResult(
                COUNT_TIMES_EACH,
                ok,
                (count.id, each.id, total.id),
                expected,
                total.value,
                message,
            )
        )
    return results


_TOKEN_RE = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return ["#" if token[0].isdigit() else token for token in _TOKEN_RE.findall(fold(text))]


def _contexts(figures: Sequence[Figure]) -> dict[int, frozenset[tuple[str, str]]]:
    """Word pairs that say what each figure is about, numbers written as '#'.

    A figure's own words run from the figure before it in its sentence; a figure that belongs
    to another ("trong đó", "với M lượt") also carries that one's words. So "trong đó có N
    thanh niên" after two different campaigns does not look like one campaign told twice.
    """
    by_id = {figure.id: figure for figure in figures}
    previous_end: dict[int, int] = {}
    last: dict[int, Figure] = {}
    for figure in figures:
        before = last.get(figure.paragraph)
        in_sentence = before is not None and before.end >= figure.sentence_start
        previous_end[figure.id] = (
            before.end if before is not None and in_sentence else figure.sentence_start
        )
        last[figure.paragraph] = figure
    words: dict[int, list[str]] = {}

    def words_of(figure: Figure, depth: int = 0) -> list[str]:
        if figure.id in words:
            return words[figure.id]
        start = previous_end[figure.id] - figure.sentence_start
        own = _words(figure.sentence[max(0, start) : figure.start - figure.sentence_start])
        head_id = figure.part_of if figure.part_of is not None else figure.linked_to
        head = by_id.get(head_id) if head_id is not None and depth < 5 else None
        result = (words_of(head, depth + 1) if head else []) + own[-CONTEXT_WORDS:]
        result += ["#", *_words(figure.noun_phrase)]
        words[figure.id] = result
        return result

    return {
        figure.id: frozenset(zip(words_of(figure), words_of(figure)[1:], strict=False))
        for figure in figures
    }


def check_same_activity_twice(figures: Sequence[Figure]) -> list[CheckResult]:
    """The same campaign told in two places with different figures (650 vs 700 ngày công)."""
    groups: dict[tuple[str | None, str, bool], list[Figure]] = defaultdict(list)
    for figure in figures:
        if not figure.planned and figure.unit is not None:
            groups[(figure.unit, figure.role, figure.part_of is None)].append(figure)
    contexts = _contexts(figures)
    results: list[CheckResult] = []
    # A real report compares a few thousand pairs; a pasted list of thousands of figures would
    # compare millions. Past the budget the check stops: linear time for any upload.
    pairs = islice(
        (pair for members in groups.values() for pair in combinations(members, 2)), MAX_PAIRS
    )
    for first, second in pairs:
        if first.value == second.value or first.paragraph == second.paragraph:
            continue
        if (
            first.organisation
            and second.organisation
            and (first.organisation != second.organisation)
        ):
            continue  # two organisations may well report alike
        a, b = contexts[first.id], contexts[second.id]
        if min(len(a), len(b)) < MIN_CONTEXT_PAIRS:
            continue
        similarity = len(a & b) / len(a | b)
        if similarity < SIMILARITY_THRESHOLD:
            continue
        message = (
            f"Cùng một nội dung được báo cáo hai lần với số khác nhau: «{first.text}» "
            f"({_place(first)}) và «{second.text}» ({_place(second)})"
        )
        results.append(
            CheckResult(
                SAME_ACTIVITY_TWICE,
                False,
                (first.id, second.id),
                first.value,
                second.value,
                message,
            )
        )
    return results


def run_checks(figures: Sequence[Figure]) -> list[CheckResult]:
    """All checks, in the order parts, products, repetitions."""
    return [
        *check_parts_within_whole(figures),
        *check_count_times_each(figures),
        *check_same_activity_twice(figures),
    ]

"""Relations between the figures of a paragraph: sentences, roles, links, subjects, comparisons."""

from __future__ import annotations

import re
from bisect import bisect_right

from phoihop.imports.figures import AMOUNT, COUNT, EACH, RATE, TOTAL, Figure
from phoihop.imports.outline import organisation_of
from phoihop.imports.patterns import (
    CHANGE_RE,
    CHANGE_WORDS_RE,
    COMPARISON_AFTER,
    EACH_BEFORE,
    EVENT_LINK_RE,
    FUNCTION_WORDS,
    NOUN_STOP_RE,
    PER_UNIT_AFTER,
    PLAN_BASE_AFTER,
    RANGE_FROM_RE,
    RANGE_GAP_RE,
    SENTENCE_END_RE,
    SPENDING_MARKERS,
    STRONG_TOTAL_MARKERS,
    TOTAL_AFTER_EACH,
    WORD_RE,
    after_spaces,
)
from phoihop.imports.vocabulary import (
    EVENT,
    MONEY,
    PERCENT,
    families_compatible,
    fold,
    organisation_kinds,
)

# --- relations between the figures of one paragraph --------------------------------------------


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def noun_phrase(text: str, unit_text: str | None, from_pos: int) -> str:
    words: list[str] = [unit_text] if unit_text else []
    pos = from_pos
    while len(words) < 12:
        pos = after_spaces(text, pos)
        if NOUN_STOP_RE.match(text, pos):
            break
        word = WORD_RE.match(text, pos)
        if word is None:
            break
        words.append(word.group().rstrip("-"))
        pos = word.end()
    while len(words) > 1 and words[-1].lower() in FUNCTION_WORDS:
        words.pop()  # "17 phần quà cho 17 đồng chí": the phrase is "phần quà"
    return " ".join(words).strip()


# A sentence is read around each figure within these bounds, so that a run-on "sentence" of
# thousands of figures (a pasted table, a malicious upload) costs linear time, not quadratic.
LOOK_BACK_FIGURES = 40
LOOK_BACK_CHARS = 1500
_AFTER_ANY_END = 1 << 62


def sentence_index(bounds: list[tuple[int, int]], position: int) -> int:
    """The index of the sentence of `bounds` (from sentence_bounds) holding `position`."""
    index = bisect_right(bounds, (position, _AFTER_ANY_END)) - 1
    return min(max(index, 0), len(bounds) - 1)


def link_block(figures: list[Figure], text: str) -> None:
    """Set roles and links among the figures of one paragraph, in reading order."""
    lower = text.lower()
    bounds = sentence_bounds(text)
    by_sentence: dict[int, list[Figure]] = {}
    for figure in figures:
        sentence_id = sentence_index(bounds, figure.start)
        earlier = by_sentence.setdefault(sentence_id, [])
        same = earlier[-LOOK_BACK_FIGURES:]
        earlier.append(figure)
        sentence_start = max(bounds[sentence_id][0], figure.start - LOOK_BACK_CHARS)
        counts = [o for o in same if o.family not in (MONEY, PERCENT) and o.role != EACH]
        previous = same[-1] if same else None
        gap_start = previous.end if previous else sentence_start
        gap = lower[gap_start : figure.start]
        per_unit = PER_UNIT_AFTER.match(text, figure.end)

        if figure.family == PERCENT:
            figure.role = RATE
        if (
            previous is not None
            and previous.unit == figure.unit
            and RANGE_GAP_RE.fullmatch(gap)
            and RANGE_FROM_RE.search(lower[max(0, previous.start - 6) : previous.start])
        ):
            # "trị giá mỗi phần từ 300.000 đồng đến 500.000 đồng": the upper end of a range
            figure.role, figure.linked_to, figure.marker = previous.role, previous.linked_to, "đến"
            figure.note = f"cận trên của khoảng từ «{previous.text}»"
            continue
        each_match = EACH_BEFORE.search(gap)
        # "mỗi suất 500.000 đồng" names what each is before the figure, "500.000 đồng/suất" after.
        each_after = per_unit if per_unit is not None and figure.family == MONEY else None
        if each_match is not None:
            figure.role = EACH
            figure.marker = each_match.group().strip()
            named = re.search(r"(?:mỗi|từng)\s+([^\W\d]+)", each_match.group())
            figure.linked_to = _each_target(counts, named.group(1) if named else "")
        elif each_after is not None:
            figure.role = EACH
            figure.marker = each_after.group().strip()
            figure.linked_to = _each_target(counts, each_after.group(1).split()[0])
        elif figure.family == MONEY:
            figure.role = AMOUNT
            total_after_each = TOTAL_AFTER_EACH.search(gap)
            if previous is not None and previous.role == EACH and total_after_each:
                figure.role, figure.marker = TOTAL, total_after_each.group()
                figure.linked_to = previous.linked_to
            elif counts:
                count = counts[-1]
                between = lower[count.end : figure.start]
                strong = STRONG_TOTAL_MARKERS.search(between)
                if (
                    ";" not in between
                    and not SPENDING_MARKERS.search(between)
                    and (strong or "," not in between)
                ):
                    figure.role, figure.linked_to = TOTAL, count.id
                    figure.marker = strong.group() if strong else None
        elif figure.role == COUNT and previous is not None and previous.family == EVENT:
            between = lower[previous.end : figure.start]
            link = EVENT_LINK_RE.match(between)
            if link and len(between.split()) <= 25 and figure.family != EVENT:
                figure.linked_to = previous.id
                figure.marker = between.split()[-1] if between.split() else None

        # "trong đó": the figures after it are parts of the figure before it
        cut = lower.rfind("trong đó", sentence_start, figure.start)
        if cut >= 0 and figure.role != EACH:
            closing = lower.find(")", cut, figure.start)
            opened = lower[max(sentence_start, cut - 2) : cut].strip() == "("
            if not (opened and closing >= 0):
                wholes = [
                    other
                    for other in same
                    if other.end <= cut
                    and other.role != EACH
                    and families_compatible(other.unit, figure.unit)
                ]
                if wholes:
                    figure.part_of = wholes[-1].id


def _each_target(counts: list[Figure], noun: str) -> int | None:
    if not counts:
        return None
    # "mỗi phần" belongs to the "phần quà", not to the "đồng chí" who received them
    if noun:
        for count in reversed(counts):
            if fold(count.unit or "").split()[:1] == [fold(noun)]:
                return count.id
    return counts[-1].id


def decorate(figure: Figure, text: str) -> None:
    """Comparison base and direction of change: "tăng 12,5% so với cùng kỳ"."""
    after = text[figure.end : figure.end + 60]
    comparison = COMPARISON_AFTER.match(after)
    if comparison is not None:
        figure.comparison = comparison.group(1).strip()
    else:
        base = PLAN_BASE_AFTER.match(after)
        if base is not None:
            figure.comparison = base.group(1).lower()
    change = CHANGE_RE.search(text[max(0, figure.start - 30) : figure.start])
    if change is not None:
        figure.change = change.group(1).lower()
    elif figure.qualifier is None:
        words = CHANGE_WORDS_RE.search(text[max(0, figure.start - 30) : figure.start])
        if words is not None and text[figure.start - 4 : figure.start].strip() == "hơn":
            figure.change = "tăng" if words.group(1).lower() in ("cao", "nhiều", "tăng") else "giảm"


# --- public entry points --------------------------------------------------------------------


_SUBJECT_WINDOW = 60
_COLLECTIVE_RE = re.compile(r"đoàn thể|các tổ chức|các ngành|các ban", re.IGNORECASE)


def sentence_subjects(text: str, scan_from: int) -> list[tuple[int, str | None]]:
    """Where a sentence opens with an organisation, it is that organisation's figure.

    "Hội Nông dân vận động hội viên đóng góp 4.350.000đồng" is the farmers' union's figure even
    in a section about the command; "Ban CHQS và 06 đoàn thể" speaks for all and names no one.
    """
    found: list[tuple[int, str | None]] = []
    for start, _ in sentence_bounds(text):
        start = max(start, scan_from)
        opening = re.sub(r"^[\s\-+•–*]+", "", text[start : start + _SUBJECT_WINDOW])
        head = re.split(r"[,;:]", opening, maxsplit=1)[0]
        kinds = organisation_kinds(head)
        # "Ban CHQS xã phối hợp Đoàn Thanh niên ...": the one who leads is the subject;
        # "Ban CHQS và Hội Nông dân huyện ..." is the programme with the farmers' union.
        lead_verb = re.search(r"phối hợp|chủ trì|chỉ đạo|vận động", head, re.IGNORECASE)
        organisation = kinds[0] if kinds and lead_verb else organisation_of(head)
        if lead_verb and kinds and not organisation_kinds(head[: lead_verb.start()]):
            organisation = None  # "Phối hợp Hội CTĐ tỉnh tổ chức ...": the CTĐ is the partner
        if organisation is not None and not _COLLECTIVE_RE.search(head):
            found.append((start, organisation))
        else:
            found.append((start, None))
    return found


def link_table_rows(figures: list[Figure]) -> None:
    """In a table row, "Số lượt" after "Số cuộc" is the attendance of those sessions."""
    last_event: dict[tuple[int, int], Figure] = {}
    for figure in figures:
        if figure.cell is None:
            continue
        row = (figure.cell.table, figure.cell.row)
        if figure.family == EVENT:
            last_event[row] = figure
        elif row in last_event and figure.family not in (MONEY, PERCENT):
            figure.linked_to = last_event[row].id

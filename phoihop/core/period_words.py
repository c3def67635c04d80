"""Period words of a text written for one period, rewritten for another.

A narrative copied from the half-year before says "6 tháng đầu năm 2020" where the new report
means "6 tháng cuối năm 2020", and its plan names the period after it. Each half-year phrase
("6 tháng đầu năm", "Sáu tháng cuối năm 2020") is read as a period relative to the text's own
(the same, the next, the one before) and written as the period at the same distance from the
new one; a year ("năm 2020", "năm 2020 - 2021") moves by the years between the two periods.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from phoihop.core.periods import HALF, Period

__all__ = ["HALF_PHRASE", "rewrite_copied_paragraphs", "rewrite_period_words"]

# A paragraph this close to one of the earlier period's is taken to be copied from it.
COPIED_RATIO = 0.8
_BLANK_LINES = re.compile(r"(\n\s*\n)")

# "6 tháng đầu năm", "Sáu tháng cuối năm 2020", "sáu tháng đầu năm nay"
HALF_PHRASE = re.compile(
    r"(?P<number>6|[Ss]áu) tháng (?P<half>đầu|cuối) năm(?P<year> (?:19|20)\d{2})?(?!\d)"
)
# "năm 2020", "năm 2020 - 2021", "năm 2020-2021": not the year of a half phrase (done first).
_YEAR = re.compile(r"(?P<word>[Nn]ăm) (?P<first>(?:19|20)\d{2})(?P<rest>\s?-\s?(?:19|20)\d{2})?")
_KEEP = "\x00"  # marks a year already rewritten inside a half phrase


def _half_index(year: int, half: int) -> int:
    return year * 2 + half - 1


def rewrite_period_words(text: str, *, source: Period, target: Period) -> str:
    """`text`, written for `source`, with its period words made to fit `target`."""
    if source == target or not text:
        return text
    years = target.year - source.year
    halves = (
        _half_index(target.year, target.index) - _half_index(source.year, source.index)
        if source.kind == HALF and target.kind == HALF
        else years * 2
    )

    def half(match: re.Match[str]) -> str:
        year = int(match["year"]) if match["year"] else source.year
        index = _half_index(year, 1 if match["half"] == "đầu" else 2) + halves
        new_year, new_half = divmod(index, 2)
        words = f"{match['number']} tháng {'đầu' if new_half == 0 else 'cuối'} năm"
        if match["year"]:
            return f"{words} {_KEEP}{new_year}"
        # A phrase without its year means the text's own year: a move into another year
        # must say which year it now means.
        return f"{words} {_KEEP}{new_year}" if new_year != target.year else words

    def year(match: re.Match[str]) -> str:
        first = int(match["first"]) + years
        rest = ""
        if match["rest"]:
            second = int(match["rest"][-4:]) + years
            rest = match["rest"][:-4] + str(second)
        return f"{match['word']} {first}{rest}"

    text = HALF_PHRASE.sub(half, text)
    if years:
        text = _YEAR.sub(year, text)  # a marked year no longer follows "năm " directly
    return text.replace(_KEEP, "")


def _copied(paragraph: str, earlier: list[str]) -> bool:
    words = paragraph.split()
    for other in earlier:
        matcher = SequenceMatcher(None, words, other.split(), autojunk=False)
        # The quick ratios are upper bounds of ratio(): most pairs are told apart by them.
        if (
            matcher.real_quick_ratio() >= COPIED_RATIO
            and matcher.quick_ratio() >= COPIED_RATIO
            and matcher.ratio() >= COPIED_RATIO
        ):
            return True
    return False


def rewrite_copied_paragraphs(text: str, *, earlier: str, source: Period, target: Period) -> str:
    """`text` of the `target` period with the paragraphs copied from `earlier` (the text of
    `source`) rewritten for `target`; paragraphs written anew are left as they are."""
    if not earlier.strip() or source == target:
        return text
    earlier_paragraphs = [p for p in _BLANK_LINES.split(earlier) if p.strip()]
    pieces = _BLANK_LINES.split(text)  # paragraphs and, between them, their blank lines
    return "".join(
        rewrite_period_words(piece, source=source, target=target)
        if piece.strip() and _copied(piece, earlier_paragraphs)
        else piece
        for piece in pieces
    )

"""What earlier confirmed imports taught: a phrase of a report and where the office put it.

A phrase is keyed by the words just before its number, within the clause, and the first words
of the noun after it, folded and without digits: "Phối hợp tổ chức 27 cuộc tuyên truyền" and
"phối hợp tổ chức 31 cuộc tuyên truyền" of a later report share their key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from phoihop.imports.vocabulary import fold

# Words kept on each side of the number.
WORDS_BEFORE = 4
WORDS_AFTER = 3
_CLAUSE_END_RE = re.compile(r"[.;:,()\n]")
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Learned:
    """An indicator and organisation kind the office confirmed for a phrase."""

    code: str
    kind: str | None
    # The unit path of whoever confirmed it ("" when unknown): only an office of the same
    # branch of units (the importing unit, above or below it) makes it sure enough to tick.
    unit_path: str = ""

    def vouched_for(self, unit_path: str) -> bool:
        return bool(self.unit_path and unit_path) and (
            unit_path.startswith(self.unit_path) or self.unit_path.startswith(unit_path)
        )


def phrase_key(paragraph: str, start: int, noun_phrase: str) -> str:
    """The key of the figure starting at `start` of `paragraph`, whose noun is `noun_phrase`.

    Empty when the figure has neither words before it nor a noun: nothing to learn from.
    """
    before = paragraph[:start]
    clauses = _CLAUSE_END_RE.split(before)
    words_before = _WORD_RE.findall(fold(clauses[-1]).lower())[-WORDS_BEFORE:]
    words_after = _WORD_RE.findall(fold(noun_phrase).lower())[:WORDS_AFTER]
    if not words_after or not words_before:
        return ""
    return f"{' '.join(words_before)} # {' '.join(words_after)}"[:255]

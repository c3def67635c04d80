"""Which indicator an extracted figure most likely reports: unit, keywords and organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from phoihop.imports.figures import Figure
from phoihop.imports.vocabulary import fold, unit_family

__all__ = ["IndicatorKeywords", "rank_candidates"]

UNIT_WEIGHT = 0.4
KEYWORD_WEIGHT = 0.5
ORGANISATION_BONUS = 0.1
# A figure in the wrong unit is rarely the indicator, however well its words match.
UNIT_MISMATCH_FACTOR = 0.3

_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class IndicatorKeywords:
    """What the ranking needs to know of an indicator."""

    code: str
    name: str
    unit: str | None
    keywords: list[str] = field(default_factory=list)
    organisation_kinds: Sequence[str] | None = None


def _tokens(text: str) -> list[str]:
    return _WORD_RE.findall(fold(text))


def _unit_score(figure_unit: str | None, indicator_unit: str | None) -> float | None:
    """1 for the same unit, 0.75 for a unit of the same family ("lượt" and "lượt người")."""
    if figure_unit is None or indicator_unit is None:
        return None
    if fold(figure_unit) == fold(indicator_unit):
        return 1.0
    first, second = fold(figure_unit).split(), fold(indicator_unit).split()
    if first[:1] == second[:1]:
        return 0.9
    family = unit_family(figure_unit)
    if family is not None and family == unit_family(indicator_unit):
        return 0.5
    return 0.0


def _phrase_in(phrase: list[str], words: list[str]) -> bool:
    size = len(phrase)
    return size > 0 and any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def _keyword_score(figure: Figure, indicator: IndicatorKeywords) -> float:
    # The noun phrase says what is counted; the sentence says which activity it was.
    words = _tokens(f"{figure.sentence} {figure.noun_phrase} {figure.section_title or ''}")
    keywords = [_tokens(keyword) for keyword in indicator.keywords]
    keywords = [keyword for keyword in keywords if keyword]
    hits = sum(1 for keyword in keywords if _phrase_in(keyword, words)) if keywords else 0
    keyword_part = hits / len(keywords) if keywords else 0.0
    name_words = {word for word in _tokens(indicator.name) if len(word) > 1}
    name_part = len(name_words & set(words)) / len(name_words) if name_words else 0.0
    # A keyword found counts more than a name word shared: names repeat "số", "lượt", "cuộc".
    return max(keyword_part, 0.5 * name_part) if keywords else name_part


def rank_candidates(
    figure: Figure, indicators: Sequence[IndicatorKeywords]
) -> list[tuple[str, float]]:
    """Indicator codes with a score in (0, 1], best first; indicators scoring 0 are left out."""
    ranked: list[tuple[str, float]] = []
    for indicator in indicators:
        unit = _unit_score(figure.unit, indicator.unit)
        score = KEYWORD_WEIGHT * _keyword_score(figure, indicator)
        if unit is not None:
            score += UNIT_WEIGHT * unit
        if (
            indicator.organisation_kinds
            and figure.organisation
            and figure.organisation in indicator.organisation_kinds
        ):
            score += ORGANISATION_BONUS
        if unit == 0.0:
            score *= UNIT_MISMATCH_FACTOR
        if score > 0:
            ranked.append((indicator.code, round(min(score, 1.0), 4)))
    ranked.sort(key=lambda pair: (-pair[1], pair[0]))
    return ranked

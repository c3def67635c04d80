"""Which indicator an extracted figure most likely reports: unit, keywords and organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from phoihop.imports.figures import Figure
from phoihop.imports.vocabulary import fold, unit_family

__all__ = ["Catalogue", "IndicatorKeywords", "rank_candidates"]

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


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An indicator's words folded and split once per import, not once per figure."""

    indicator: IndicatorKeywords
    unit: str | None
    unit_head: list[str]
    unit_family: str | None
    keywords: tuple[tuple[str, ...], ...]
    name_words: frozenset[str]


class Catalogue:
    """The indicators of an import, their words normalised once (rank many figures with it)."""

    def __init__(self, indicators: Sequence[IndicatorKeywords]):
        self.prepared = [
            _Prepared(
                indicator=indicator,
                unit=fold(indicator.unit) if indicator.unit is not None else None,
                unit_head=fold(indicator.unit).split()[:1] if indicator.unit is not None else [],
                unit_family=unit_family(indicator.unit),
                keywords=tuple(
                    tuple(words) for words in (_tokens(k) for k in indicator.keywords) if words
                ),
                name_words=frozenset(w for w in _tokens(indicator.name) if len(w) > 1),
            )
            for indicator in indicators
        ]
        self.by_first_word: dict[str, set[tuple[str, ...]]] = {}
        for prepared in self.prepared:
            for keyword in prepared.keywords:
                self.by_first_word.setdefault(keyword[0], set()).add(keyword)
        self._unit_scores: dict[str | None, list[float | None]] = {}

    def unit_scores(self, figure_unit: str | None) -> list[float | None]:
        """The unit score of every indicator for a figure's unit (a report has few units)."""
        if figure_unit not in self._unit_scores:
            folded = fold(figure_unit) if figure_unit is not None else None
            family = unit_family(figure_unit)
            self._unit_scores[figure_unit] = [
                _unit_score(folded, family, prepared) for prepared in self.prepared
            ]
        return self._unit_scores[figure_unit]


def _unit_score(folded: str | None, family: str | None, indicator: _Prepared) -> float | None:
    """1 for the same unit, 0.75 for a unit of the same family ("lượt" and "lượt người")."""
    if folded is None or indicator.unit is None:
        return None
    if folded == indicator.unit:
        return 1.0
    if folded.split()[:1] == indicator.unit_head:
        return 0.9
    if family is not None and family == indicator.unit_family:
        return 0.5
    return 0.0


def _found_keywords(words: list[str], catalogue: Catalogue) -> set[tuple[str, ...]]:
    """The catalogue's keywords that occur in the words, each looked up from its first word."""
    found: set[tuple[str, ...]] = set()
    for index, word in enumerate(words):
        for keyword in catalogue.by_first_word.get(word, ()):
            if tuple(words[index : index + len(keyword)]) == keyword:
                found.add(keyword)
    return found


def _keyword_score(
    indicator: _Prepared, found: set[tuple[str, ...]], words: frozenset[str]
) -> float:
    keywords = indicator.keywords
    hits = sum(1 for keyword in keywords if keyword in found) if keywords else 0
    keyword_part = hits / len(keywords) if keywords else 0.0
    name_words = indicator.name_words
    name_part = len(name_words & words) / len(name_words) if name_words else 0.0
    # A keyword found counts more than a name word shared: names repeat "số", "lượt", "cuộc".
    return max(keyword_part, 0.5 * name_part) if keywords else name_part


def rank_candidates(
    figure: Figure, indicators: Sequence[IndicatorKeywords] | Catalogue
) -> list[tuple[str, float]]:
    """Indicator codes with a score in (0, 1], best first; indicators scoring 0 are left out."""
    catalogue = indicators if isinstance(indicators, Catalogue) else Catalogue(indicators)
    # The noun phrase says what is counted; the sentence says which activity it was.
    words = _tokens(f"{figure.sentence} {figure.noun_phrase} {figure.section_title or ''}")
    found = _found_keywords(words, catalogue)
    word_set = frozenset(words)
    units = catalogue.unit_scores(figure.unit)
    ranked: list[tuple[str, float]] = []
    for prepared, unit in zip(catalogue.prepared, units, strict=True):
        indicator = prepared.indicator
        score = KEYWORD_WEIGHT * _keyword_score(prepared, found, word_set)
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

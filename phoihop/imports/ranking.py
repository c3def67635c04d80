"""Which indicator an extracted figure most likely reports: unit, keywords and organisation."""

from __future__ import annotations

import copy
import heapq
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from phoihop.imports.figures import EACH, Figure
from phoihop.imports.vocabulary import fold, unit_family

__all__ = ["Catalogue", "IndicatorKeywords", "explain", "local_contexts", "rank_candidates"]

UNIT_WEIGHT = 0.4
KEYWORD_WEIGHT = 0.5
ORGANISATION_BONUS = 0.1
# A figure in the wrong unit is rarely the indicator, however well its words match.
UNIT_MISMATCH_FACTOR = 0.3
# A figure's own words (from the figure before it) weigh more than the rest of its sentence.
LOCAL_SHARE = 0.7
# Characters after a figure that may still speak of it ("1,15% so với dân số").
AFTER_CHARS = 40
_CLAUSE_END_RE = re.compile(r"[,;:(.]")
# A value "each" is an indicator of one ("mỗi phần", "bình quân"); a total is not.
EACH_NAME_RE = re.compile(r"\b(?:moi|binh quan)\b")
ROLE_BONUS = 0.1

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
    each: bool


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
                each=EACH_NAME_RE.search(fold(indicator.name)) is not None,
            )
            for indicator in indicators
        ]
        self.by_first_word: dict[str, set[tuple[str, ...]]] = {}
        # Which indicators a keyword or a word of a name may concern: the others' keyword part
        # is 0 for a figure whose words touch none of them, and is not worked out.
        self.by_keyword: dict[tuple[str, ...], list[int]] = {}
        self.by_name_word: dict[str, list[int]] = {}
        self.by_code = {p.indicator.code: p for p in self.prepared}
        self.codes = [p.indicator.code for p in self.prepared]
        self.name_sizes = [len(p.name_words) for p in self.prepared]
        self.keyword_counts = [len(p.keywords) for p in self.prepared]
        self.longest = max((len(k) for p in self.prepared for k in p.keywords), default=1)
        for index, prepared in enumerate(self.prepared):
            for keyword in prepared.keywords:
                self.by_first_word.setdefault(keyword[0], set()).add(keyword)
                self.by_keyword.setdefault(keyword, []).append(index)
            for word in prepared.name_words:
                self.by_name_word.setdefault(word, []).append(index)
        self._forget()

    def fresh(self) -> Catalogue:
        """The same prepared words, with nothing remembered of any figure: one per import."""
        catalogue = copy.copy(self)
        catalogue._forget()
        return catalogue

    def _forget(self) -> None:
        self._unit_scores: dict[str | None, list[float | None]] = {}
        self._base_scores: dict[tuple[str | None, str | None, bool], list[float]] = {}
        self._tokens: dict[str, tuple[str, ...]] = {}
        self._found: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = {}
        self._name_words: dict[str, frozenset[str]] = {}
        self._parts: dict[tuple[frozenset[tuple[str, ...]], frozenset[str]], dict[int, float]] = {}

    def tokens(self, text: str) -> tuple[str, ...]:
        """The folded words of a text; a sentence of several figures is split once."""
        words = self._tokens.get(text)
        if words is None:
            words = self._tokens[text] = tuple(_tokens(text))
        return words

    def _name_words_in(self, text: str) -> frozenset[str]:
        """The words of the text that are words of some indicator's name."""
        words = self._name_words.get(text)
        if words is None:
            words = self._name_words[text] = frozenset(self.by_name_word.keys() & self.tokens(text))
        return words

    def _words(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        if len(texts) == 1:
            return self.tokens(texts[0])
        return tuple(chain.from_iterable(map(self.tokens, texts)))

    def _found_in(self, texts: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
        found = self._found.get(texts)
        if found is not None:
            return found
        words = self._words(texts)
        if len(texts) == 1:
            found = frozenset(_found_keywords(words, self, range(len(words))))
        else:
            # Each text's own keywords are known (a sentence is read for each of its figures);
            # only a keyword that runs across where one text meets the next is looked for.
            starts: set[int] = set()
            boundary = 0
            for text in texts[:-1]:
                boundary += len(self.tokens(text))
                starts.update(range(max(0, boundary - self.longest + 1), boundary))
            found = frozenset(
                chain(
                    chain.from_iterable(self._found_in((text,)) for text in texts),
                    _found_keywords(words, self, sorted(starts)),
                )
            )
        self._found[texts] = found
        return found

    def found(self, *texts: str) -> frozenset[tuple[str, ...]]:
        """The catalogue's keywords found in the texts read as one (once for the same texts:
        ranking and the reason read a figure's words again)."""
        return self._found_in(texts)

    def read(self, *texts: str) -> tuple[frozenset[tuple[str, ...]], dict[int, float]]:
        """The keywords found in the texts read as one, and the keyword part of each indicator
        they touch. The figures of one sentence mostly share both: worked out once."""
        found = self._found_in(texts)
        # Of the words, only those of some indicator's name count: the figures of a sentence,
        # whose noun phrases differ in other words, share the result.
        key = (found, frozenset().union(*map(self._name_words_in, texts)))
        if key not in self._parts:
            self._parts[key] = _keyword_parts(self, *key)
        return found, self._parts[key]

    def base_scores(self, figure: Figure) -> list[float]:
        """Every indicator's score for a figure whose words touch none of its keywords or name
        words: the same for all figures of one unit, organisation and role."""
        key = (figure.unit, figure.organisation, figure.role == EACH)
        if key not in self._base_scores:
            units = self.unit_scores(figure.unit)
            self._base_scores[key] = [
                _score(prepared, unit, 0.0, figure)
                for prepared, unit in zip(self.prepared, units, strict=True)
            ]
        return self._base_scores[key]

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
    if family is not None and indicator.unit_family is not None and family != indicator.unit_family:
        return 0.0  # "đồng chí" is not "đồng"
    if folded.split()[:1] == indicator.unit_head:
        return 0.9
    if family is not None and family == indicator.unit_family:
        return 0.5
    return 0.0


def _found_keywords(
    words: tuple[str, ...], catalogue: Catalogue, starts: Iterable[int]
) -> set[tuple[str, ...]]:
    """The catalogue's keywords that start at these positions of the words, each looked up from
    its first word."""
    found: set[tuple[str, ...]] = set()
    by_first_word = catalogue.by_first_word
    for index in starts:
        keywords = by_first_word.get(words[index])
        if keywords is None:
            continue
        for keyword in keywords:
            if words[index : index + len(keyword)] == keyword:
                found.add(keyword)
    return found


def _keyword_parts(
    catalogue: Catalogue, found: frozenset[tuple[str, ...]], words: frozenset[str]
) -> dict[int, float]:
    """How well the words speak of each indicator they touch (by index in the catalogue): its
    keywords found, more evidence better. Untouched indicators score 0 and are left out."""
    by_keyword, by_name_word = catalogue.by_keyword, catalogue.by_name_word
    hits = Counter(chain.from_iterable(by_keyword[k] for k in found if k in by_keyword))
    shared = Counter(
        chain.from_iterable(map(by_name_word.__getitem__, words & by_name_word.keys()))
    )
    parts: dict[int, float] = {}
    name_sizes, keyword_counts = catalogue.name_sizes, catalogue.keyword_counts
    # Touched by a word of its name (so its name has words): with no keyword found, the name
    # part alone, halved for an indicator that has keywords (worked out as below, in short).
    for index, count in shared.items():
        name_part = count / name_sizes[index]
        parts[index] = 0.5 * name_part if keyword_counts[index] else name_part
    # A keyword of it found (so it has keywords).
    for index, count in hits.items():
        name_size = name_sizes[index]
        name_part = shared.get(index, 0) / name_size if name_size else 0.0
        # Two keywords found say more than one: "trị giá" alone fits every gift's value.
        keyword_part = 0.8 * (count / keyword_counts[index]) + 0.2 * min(count, 2) / 2
        # A keyword found counts more than a name word shared: names repeat "số", "lượt", "cuộc".
        parts[index] = max(keyword_part, 0.5 * name_part)
    return parts


def local_contexts(figures: Sequence[Figure]) -> dict[int, str]:
    """The words that belong to each figure rather than to its whole sentence.

    From the figure before it in the sentence (or the sentence's start) to the figure, and a
    few words after it ("đạt 1,15% so với dân số"), up to the next figure. A value or an
    attendance linked to a count also carries that count's words ("56 suất học bổng ...
    61.500.000 đồng").
    """
    ordered = sorted(figures, key=lambda f: (f.paragraph, f.start))
    own: dict[int, str] = {}
    for index, figure in enumerate(ordered):
        before = ordered[index - 1] if index else None
        after = ordered[index + 1] if index + 1 < len(ordered) else None
        offset = figure.sentence_start
        begin = figure.sentence_start
        if before is not None and before.paragraph == figure.paragraph and before.end > begin:
            # What follows the figure before, up to a comma, is still about that one.
            between = figure.sentence[before.end - offset : figure.start - offset]
            cut = _CLAUSE_END_RE.search(between)
            begin = before.end + (cut.end() if cut else 0)
        end = figure.end + AFTER_CHARS
        if after is not None and after.paragraph == figure.paragraph:
            end = min(end, after.start)
        end = min(end, offset + len(figure.sentence))
        text = figure.sentence[max(0, begin - offset) : figure.end - offset]
        tail = figure.sentence[figure.end - offset : max(0, end - offset)]
        text += _CLAUSE_END_RE.split(tail, maxsplit=1)[0]
        own[figure.id] = f"{text} {figure.noun_phrase}"
    return {
        figure.id: own[figure.id] + (f" {own[figure.linked_to]}" if figure.linked_to in own else "")
        for figure in figures
    }


def _score(prepared: _Prepared, unit: float | None, keyword: float, figure: Figure) -> float:
    """An indicator's score for a figure, from its keyword part and its unit score."""
    indicator = prepared.indicator
    score = KEYWORD_WEIGHT * keyword
    if unit is not None:
        score += UNIT_WEIGHT * unit
    if (
        indicator.organisation_kinds
        and figure.organisation
        and figure.organisation in indicator.organisation_kinds
    ):
        score += ORGANISATION_BONUS
    if figure.unit is not None and prepared.unit_family == "money":
        score += ROLE_BONUS if (figure.role == EACH) == prepared.each else -ROLE_BONUS
    if unit == 0.0:
        score *= UNIT_MISMATCH_FACTOR
    return score


def rank_candidates(
    figure: Figure,
    indicators: Sequence[IndicatorKeywords] | Catalogue,
    *,
    local: str | None = None,
    among: Collection[str] | None = None,
    limit: int | None = None,
) -> list[tuple[str, float]]:
    """Indicator codes with a score in (0, 1], best first; indicators scoring 0 are left out.

    `local` are the figure's own words (see local_contexts); the whole sentence counts less.
    `among` keeps only these codes and `limit` only the best so many: the same as filtering
    and cutting the whole list, without sorting and rounding what would be cut.
    """
    catalogue = indicators if isinstance(indicators, Catalogue) else Catalogue(indicators)
    # The noun phrase says what is counted; the sentence says which activity it was.
    _found, sentence_parts = catalogue.read(
        figure.sentence, figure.noun_phrase, figure.section_title or ""
    )
    local_parts = catalogue.read(local)[1] if local is not None else {}
    # Indicators the words do not touch score on unit, organisation and role alone.
    scores = list(catalogue.base_scores(figure))
    units = catalogue.unit_scores(figure.unit)
    for index in sentence_parts.keys() | local_parts.keys():
        keyword = sentence_parts.get(index, 0.0)
        if local is not None:
            keyword = LOCAL_SHARE * local_parts.get(index, 0.0) + (1 - LOCAL_SHARE) * keyword
        scores[index] = _score(catalogue.prepared[index], units[index], keyword, figure)
    scored = [
        (-score, code)
        for code, score in zip(catalogue.codes, scores, strict=True)
        if score > 0 and (among is None or code in among)
    ]
    # Sorted on the score before it is capped at 1: the better of two good fits comes first.
    if limit is None:
        scored.sort()
    else:
        scored = heapq.nsmallest(limit, scored)
    return [(code, round(min(-score, 1.0), 4)) for score, code in scored]


def explain(
    figure: Figure, indicator: IndicatorKeywords, catalogue: Catalogue, *, local: str
) -> list[str]:
    """What made the indicator fit: the keywords found near the figure and the unit."""
    prepared = catalogue.by_code[indicator.code]
    found = catalogue.found(local, figure.sentence)
    hits = [
        keyword
        for keyword, folded in zip(indicator.keywords, prepared.keywords, strict=False)
        if folded in found
    ]
    unit = _unit_score(
        fold(figure.unit) if figure.unit else None, unit_family(figure.unit), prepared
    )
    return [
        *(f"«{keyword}»" for keyword in hits),
        *([f"đơn vị «{figure.unit}»"] if unit and unit >= 0.9 else []),
    ]

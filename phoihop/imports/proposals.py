"""The proposals of an import: each figure read from an old report placed under an organisation
and ranked indicators, with the reason in the reviewer's words (nothing is saved here)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from phoihop.imports import selectors
from phoihop.imports.extractor import ExtractionResult
from phoihop.imports.figures import Figure
from phoihop.imports.learned import Learned, phrase_key
from phoihop.imports.models import ImportCandidate
from phoihop.imports.ranking import (
    Catalogue,
    IndicatorKeywords,
    explain,
    local_contexts,
    rank_candidates,
)
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit

# Offered first in the review's choice of indicator.
TOP_CANDIDATES = 5
# Below this a proposal is a guess: shown, but left for the reviewer to tick.
INCLUDE_THRESHOLD = 0.6
# What an earlier confirmed import taught for the same phrase is near certain.
LEARNED_SCORE = 0.98


def propose(result: ExtractionResult, *, unit: Unit) -> list[ImportCandidate]:
    """The proposals for a reading, for the unit's organisations (nothing is saved)."""
    return propose_candidates(result, selectors.organisations_of(unit))


def propose_candidates(
    result: ExtractionResult, organisations: list[Organisation]
) -> list[ImportCandidate]:
    """A candidate for each figure, with its organisation and ranked indicators (not saved).

    The catalogue's words are normalised once here, for all the figures of the import.
    """
    found = selectors.import_catalogue(organisations)
    catalogue = found.ranking
    by_code = {k.code: k for k in found.keywords}
    reportable, indicators = found.reportable, found.indicators
    local = local_contexts(result.figures)
    keys = {
        f.id: phrase_key(result.paragraphs[f.paragraph], f.start, f.noun_phrase)
        for f in result.figures
    }
    learned = selectors.learned_mappings(set(keys.values()) - {""})
    taught: dict[int, Learned] = {}
    candidates: list[ImportCandidate] = []
    for figure in result.figures:
        lesson = learned.get(keys[figure.id])
        kind = figure.organisation or (lesson.kind if lesson else None)
        organisation = selectors.default_organisation(organisations, kind)
        allowed = reportable.get(organisation.pk) if organisation else None
        # An indicator outside the organisation's form could not be saved for it. One more
        # than shown, in case the lesson's indicator is among them.
        ranked = rank_candidates(
            figure, catalogue, local=local[figure.id], among=allowed, limit=TOP_CANDIDATES + 1
        )
        if lesson and lesson.code in indicators and (allowed is None or lesson.code in allowed):
            taught[figure.id] = lesson
            ranked = [(lesson.code, LEARNED_SCORE), *(r for r in ranked if r[0] != lesson.code)]
        ranked = ranked[:TOP_CANDIDATES]
        code, score = ranked[0] if ranked else ("", 0.0)
        candidates.append(
            ImportCandidate(
                figure_id=figure.id,
                text=figure.text[:255],
                paragraph=figure.paragraph,
                start=figure.start,
                end=figure.end,
                value=figure.value,
                unit=(figure.unit or "")[:60],
                noun_phrase=figure.noun_phrase[:255],
                section=(figure.section or "")[:40],
                section_title=(figure.section_title or "")[:500],
                organisation_kind=figure.organisation or "",
                proposed_code=code,
                score=score,
                ranked=[[c, s] for c, s in ranked],
                indicator=indicators.get(code),
                organisation=organisation,
                chosen_value=figure.value,
                included=False,
            )
        )
    # Ranked first wherever it was learned; ticked only where an office of this branch of
    # units confirmed it (another district's habit is a hint, not a decision).
    here = organisations[0].unit.path if organisations else ""
    vouched = {figure_id for figure_id, lesson in taught.items() if lesson.vouched_for(here)}
    _assign(candidates, result.figures, indicators, by_code, taught=vouched)
    for candidate, figure in zip(candidates, result.figures, strict=True):
        reason = _reason(candidate, figure, by_code, catalogue, local[figure.id])
        if figure.id in taught and candidate.proposed_code == taught[figure.id].code:
            if figure.id in vouched:
                reason = "; ".join((_("đã xác nhận ở lần nhập trước"), reason))
            else:
                candidate.included = False
                elsewhere = _("đơn vị khác đã xác nhận cụm từ này ở lần nhập trước, cần kiểm tra")
                reason = "; ".join((elsewhere, reason))
        candidate.reason = reason[:500]
    return candidates


def _assign(
    candidates: list[ImportCandidate],
    figures: list[Figure],
    indicators: dict[str, Indicator],
    by_code: dict[str, IndicatorKeywords],
    *,
    taught: set[int],
) -> None:
    """Give each indicator of an organisation to its best figure, and tick the sure ones.

    Reports repeat a figure in summary and in detail, and one sentence holds several figures
    of one activity: best scores first, each figure takes the best indicator still free for its
    organisation ("DQTV 20,91%, trong đó DQ 15,57%, Tự vệ 44,06%"). A figure the text gives to
    no organisation is the command's only for what the command alone reports; otherwise it is
    most likely a summary of all of them, and left unticked, unless an earlier import
    confirmed where its phrase goes (`taught`).
    """
    by_figure = {figure.id: figure for figure in figures}
    offers = sorted(
        (
            # Between equal (capped) scores, the ranking's own order decides.
            (-score, candidate.figure_id, position, index, code)
            for index, candidate in enumerate(candidates)
            for position, (code, score) in enumerate(candidate.ranked)
            if score >= INCLUDE_THRESHOLD and not by_figure[candidate.figure_id].planned
        ),
    )
    taken: set[tuple[str, int | None]] = set()
    done: set[int] = set()
    for negative, _figure_id, _position, index, code in offers:
        candidate = candidates[index]
        key = (code, candidate.organisation.pk if candidate.organisation else None)
        if index in done or key in taken:
            continue
        done.add(index)
        taken.add(key)
        candidate.proposed_code, candidate.score = code, -negative
        candidate.indicator = indicators.get(code)
        figure = by_figure[candidate.figure_id]
        kind = candidate.organisation.kind.code if candidate.organisation else None
        reporters = by_code[code].organisation_kinds if code in by_code else None
        candidate.included = (
            bool(figure.organisation)
            or set(reporters or ()) == {kind}
            or candidate.figure_id in taught
        )


def _reason(
    candidate: ImportCandidate,
    figure: Figure,
    by_code: dict[str, IndicatorKeywords],
    catalogue: Catalogue,
    local: str,
) -> str:
    """Why the proposal, in the reviewer's words."""
    parts: list[str] = []
    if candidate.organisation is not None:
        if figure.organisation:
            parts.append(
                _("tổ chức: %(name)s (theo tiêu đề mục hoặc chủ ngữ của câu)")
                % {"name": candidate.organisation.kind.short_name}
            )
        else:
            parts.append(
                _("tổ chức: văn bản không nêu, tạm gán %(name)s")
                % {"name": candidate.organisation.kind.short_name}
            )
    indicator = by_code.get(candidate.proposed_code)
    if indicator is not None:
        evidence = explain(figure, indicator, catalogue, local=local)
        parts.append(
            _("chỉ tiêu: %(evidence)s")
            % {"evidence": ", ".join(evidence) if evidence else _("gần giống tên chỉ tiêu")}
        )
    if figure.planned:
        parts.append(_("số trong phần phương hướng, là chỉ tiêu kế hoạch"))
    elif not candidate.included and candidate.proposed_code:
        if candidate.score < INCLUDE_THRESHOLD:
            parts.append(_("độ tin cậy thấp, cần kiểm tra"))
        elif not figure.organisation:
            parts.append(_("có thể là số tổng hợp của nhiều tổ chức"))
        else:
            parts.append(_("chỉ tiêu này đã có một số khác phù hợp hơn"))
    return "; ".join(parts)

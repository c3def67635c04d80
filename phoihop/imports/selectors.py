"""Reads for the import of old reports: sessions, the indicator catalogue for ranking, the review."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from phoihop.accounts import permissions
from phoihop.imports.learned import Learned
from phoihop.imports.models import ImportCandidate, ImportSession, LearnedMapping
from phoihop.imports.ranking import Catalogue, IndicatorKeywords
from phoihop.imports.reportinfo import ReportingUnit
from phoihop.imports.vocabulary import fold
from phoihop.indicators.models import Form, Indicator, SectionIndicator, is_reported_by
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit, UnitKind


def import_sessions_for(user) -> QuerySet[ImportSession]:
    """The sessions of the units the user is the standing office for, newest first."""
    sessions = ImportSession.objects.select_related("unit", "created_by")
    if permissions.is_admin(user):
        return sessions
    if not permissions.is_an_office(user) or user.unit is None:
        return sessions.none()
    return sessions.filter(unit__path__startswith=user.unit.path)


def access_import_session_by_id(user, session_id: int) -> ImportSession:
    """The session if the user is the standing office for its unit; 404 otherwise."""
    try:
        session = import_sessions_for(user).get(pk=session_id)
    except (ImportSession.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not permissions.is_office_for(user, session.unit):
        raise Http404
    return session


def importable_indicators() -> list[Indicator]:
    """Indicators a person may type: computed ones are worked out, never imported."""
    return list(Indicator.objects.filter(formula="").order_by("name"))


def indicator_keywords() -> list[IndicatorKeywords]:
    """The catalogue as the ranking needs it: keywords, name, unit, and who reports each one."""
    return import_catalogue([]).keywords


@dataclass(frozen=True)
class ImportCatalogue:
    """What proposing indicators for an import needs, read once in a handful of queries."""

    keywords: list[IndicatorKeywords]
    indicators: dict[str, Indicator]
    # organisation id -> the codes its own form collects (as reporting.services.form_for picks)
    reportable: dict[int, set[str]]
    # The keywords prepared for ranking, with nothing remembered of any figure yet.
    ranking: Catalogue


@dataclass(frozen=True)
class _Read:
    """The catalogue as read from the database, the same for every organisation."""

    keywords: list[IndicatorKeywords]
    # Shared by every import while the catalogue stays the same, across threads: read them,
    # never change them (nor load a relation onto them).
    indicators: dict[str, Indicator]
    # form id -> its levels and the kinds of organisation that report it, active forms that
    # some kind reports, in the forms' order (the first that an organisation reports is its form)
    forms: dict[int, tuple[list[str], set[int]]]
    links: dict[int, list[int]]
    codes: dict[int, str]
    ranking: Catalogue


_INDICATOR_FIELDS = [field.attname for field in Indicator._meta.concrete_fields]


def _catalogue_rows() -> tuple[tuple, ...]:
    """Every value the catalogue of an import is made from, as plain rows, in three queries."""
    return (
        tuple(Indicator.objects.order_by("name", "pk").values_list(*_INDICATOR_FIELDS)),
        # A form that no kind of organisation reports is nobody's: its kinds are its rows.
        tuple(
            Form.organisation_kinds.through.objects.filter(form__is_active=True)
            # In the forms' own order (by code), as reporting.services.form_for meets them.
            .order_by("form__code", "form_id", "pk")
            .values_list("form_id", "form__levels", "organisationkind_id", "organisationkind__code")
        ),
        tuple(
            SectionIndicator.objects.filter(section__form__is_active=True)
            .order_by("pk")
            .values_list("section__form_id", "indicator_id")
        ),
    )


def _read_catalogue(rows: tuple[tuple, ...]) -> _Read:
    indicator_rows, kind_rows, link_rows = rows
    database = Indicator.objects.db
    everything = [Indicator.from_db(database, _INDICATOR_FIELDS, row) for row in indicator_rows]
    # The importable ones as importable_indicators() reads them.
    indicators = [indicator for indicator in everything if indicator.formula == ""]
    forms: dict[int, tuple[list[str], set[int]]] = {}
    form_kinds: dict[int, set[str]] = defaultdict(set)
    for form_id, levels, kind_id, kind_code in kind_rows:
        forms.setdefault(form_id, (levels, set()))[1].add(kind_id)
        form_kinds[form_id].add(kind_code)
    links: dict[int, list[int]] = defaultdict(list)
    for form_id, indicator_id in link_rows:
        links[form_id].append(indicator_id)
    kinds: dict[int, set[str]] = defaultdict(set)
    for form_id in forms:
        for indicator_id in links[form_id]:
            kinds[indicator_id] |= form_kinds[form_id]
    keywords = [
        IndicatorKeywords(
            code=indicator.code,
            name=indicator.name,
            unit=indicator.unit_label,
            keywords=[line.strip() for line in indicator.keywords.splitlines() if line.strip()],
            organisation_kinds=sorted(kinds[indicator.pk]) or None,
        )
        for indicator in indicators
    ]
    return _Read(
        keywords,
        {i.code: i for i in indicators},
        forms,
        dict(links),
        {indicator.pk: indicator.code for indicator in everything},
        Catalogue(keywords),
    )


# The catalogue made for an earlier import and the rows it was made from: an import whose rows
# are the same reuses it. Kept by content rather than cleared on a change, so that no path can
# leave it stale: another process (the task worker, the command line), a catalogue file's bulk
# insert, an update without signals, a rolled-back transaction.
_kept: tuple[tuple[tuple, ...], _Read] | None = None


def import_catalogue(organisations: list[Organisation]) -> ImportCatalogue:
    """The importable indicators, who reports each, and what each organisation's form holds.

    The catalogue changes rarely and imports come often: its rows are read each time (plain
    values, three queries), its objects and prepared words made again only when they changed.
    """
    global _kept
    rows = _catalogue_rows()
    kept = _kept  # one look: another thread may replace it meanwhile
    if kept is not None and kept[0] == rows:
        read = kept[1]
    else:
        read = _read_catalogue(rows)
        _kept = (rows, read)
    reportable: dict[int, set[str]] = {}
    for organisation in organisations:
        form_id = next(
            (
                f
                for f, (levels, kinds) in read.forms.items()
                if is_reported_by(levels, kinds, organisation)
            ),
            None,
        )
        reportable[organisation.pk] = (
            {read.codes[i] for i in read.links.get(form_id, ())} if form_id is not None else set()
        )
    return ImportCatalogue(
        list(read.keywords), dict(read.indicators), reportable, read.ranking.fresh()
    )


_LEVEL_KINDS: dict[str, tuple[str, ...]] = {
    "tỉnh": (UnitKind.PROVINCE, UnitKind.CITY),
    "huyện": (UnitKind.DISTRICT,),
    "quận": (UnitKind.URBAN_DISTRICT,),
    "thị xã": (UnitKind.TOWN,),
    "thành phố": (UnitKind.PROVINCIAL_CITY, UnitKind.CITY),
    "xã": (UnitKind.COMMUNE,),
    "thị trấn": (UnitKind.TOWNSHIP,),
    "phường": (UnitKind.WARD,),
}


def propose_unit(user, found: ReportingUnit | dict | None) -> Unit | None:
    """The unit the report's title names, among those the user is the office for."""
    units = permissions.visible_units(user)
    if isinstance(found, dict):
        found = ReportingUnit(**found)
    if found is not None and found.name:
        name = fold(found.name)
        matches = [
            unit for unit in units.filter(name__iexact=found.name) if fold(unit.name) == name
        ]
        if not matches:
            matches = [unit for unit in units if fold(unit.name) == name]
        kinds = _LEVEL_KINDS.get(found.level.lower(), ())
        matches.sort(key=lambda unit: unit.kind not in kinds)
        if matches:
            return matches[0]
    if getattr(user, "unit_id", None):
        return user.unit
    return units.order_by("level", "path").first()


def organisations_of(unit: Unit) -> list[Organisation]:
    return list(
        Organisation.objects.filter(unit=unit, is_active=True)
        .select_related("kind", "unit")
        .order_by("kind__order")
    )


def default_organisation(
    organisations: list[Organisation], kind_code: str | None
) -> Organisation | None:
    """The organisation of the figure's section, or the command when the text names none."""
    by_kind = {organisation.kind.code: organisation for organisation in organisations}
    if kind_code and kind_code in by_kind:
        return by_kind[kind_code]
    return next((o for o in organisations if o.kind.is_command), None)


def learned_mappings(keys: set[str]) -> dict[str, Learned]:
    """What earlier confirmed imports taught for these phrase keys (imports.learned)."""
    if not keys:
        return {}
    return {
        key: Learned(code=code, kind=kind, unit_path=path or "")
        for key, code, kind, path in LearnedMapping.objects.filter(key__in=keys).values_list(
            "key", "indicator__code", "organisation_kind__code", "confirmed_by__unit__path"
        )
    }


# ----- the review page ---------------------------------------------------------------------


def findings_by_figure(session: ImportSession) -> dict[int, list[str]]:
    """Messages of the failed arithmetic checks, for each figure they concern."""
    found: dict[int, list[str]] = defaultdict(list)
    for check in session.checks:
        if not check.get("ok"):
            for figure_id in check.get("figures") or ():
                found[int(figure_id)].append(check["message"])
    return dict(found)


def failed_checks(session: ImportSession) -> list[dict]:
    return [check for check in session.checks if not check.get("ok")]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the report with its figures marked."""

    index: int
    html: SafeString
    has_figures: bool


def highlighted_paragraphs(
    session: ImportSession,
    candidates: list[ImportCandidate],
    *,
    flagged: Set[int] = frozenset(),
) -> list[Paragraph]:
    """The report's text, escaped, with each figure in a <mark> that links to its row."""
    spans: dict[int, list[ImportCandidate]] = defaultdict(list)
    for candidate in candidates:
        spans[candidate.paragraph].append(candidate)
    paragraphs: list[Paragraph] = []
    for index, text in enumerate(session.paragraphs):
        pieces: list[str] = []
        position = 0
        for candidate in sorted(spans.get(index, []), key=lambda c: c.start):
            if candidate.start < position or candidate.end > len(text):
                continue  # overlapping or stale spans are listed in the table, not marked
            pieces.append(escape(text[position : candidate.start]))
            css = "figure flagged" if candidate.figure_id in flagged else "figure"
            pieces.append(
                format_html(
                    '<mark id="f-{}" class="{}"><a href="#row-{}" data-row="row-{}">{}</a></mark>',
                    candidate.figure_id,
                    css,
                    candidate.figure_id,
                    candidate.figure_id,
                    text[candidate.start : candidate.end],
                )
            )
            position = candidate.end
        pieces.append(escape(text[position:]))
        # Every piece is escaped above or built by format_html.
        paragraphs.append(Paragraph(index, mark_safe("".join(pieces)), index in spans))  # noqa: S308
    return paragraphs

"""The review report's figures and narratives, read from the database in a few queries.

Only accepted submissions are read, unless a draft for the office asks for those submitted
but not yet accepted too (`statuses`); drafts and returned submissions never are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from phoihop.core.periods import HALF, YEAR, Period
from phoihop.indicators.models import Aggregation, Indicator, Section, ValueType
from phoihop.places.models import Unit
from phoihop.reporting.citations import format_figure
from phoihop.reporting.models import FigureValue, Narrative, Status, Submission

OFFICIAL = (Status.ACCEPTED,)
WITH_SUBMITTED = (Status.ACCEPTED, Status.SUBMITTED)
_BLANK_LINES = re.compile(r"\n\s*\n")
NO_DATA = "-"


def source_periods(period: Period, *, statuses: tuple[str, ...] = OFFICIAL) -> list[str]:
    """Periods whose submissions make up this one: a year without its own submissions is its
    two halves (the demo and most boards report by half-year)."""
    own = Submission.objects.filter(period=period.id, status__in=statuses)
    if period.kind == YEAR and not own.exists():
        return [half.id for half in period.children(HALF)]
    return [period.id]


def aggregate(
    parts: list[dict[str, Decimal | None]], indicators: dict[str, Indicator], *, keep_last: bool
) -> dict[str, Decimal | None]:
    """Figures of several parts as one: sums add up, averages average the values reported;
    any other figure is the last part's value with keep_last, else left out."""
    collected: dict[str, list[Decimal]] = defaultdict(list)
    for part in parts:
        for code, value in part.items():
            if value is not None:
                collected[code].append(value)
    result: dict[str, Decimal | None] = {}
    for code, values in collected.items():
        aggregation = indicators[code].aggregation if code in indicators else Aggregation.NONE
        if aggregation == Aggregation.SUM:
            result[code] = sum(values, Decimal(0))
        elif aggregation == Aggregation.AVERAGE:
            result[code] = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))
        elif keep_last:
            result[code] = values[-1]
    return result


@dataclass
class Figures:
    """Every figure of the units concerned in a set of periods, read in one query."""

    # (unit id, kind code) -> code -> value
    by_organisation: dict[tuple[int, str], dict[str, Decimal | None]]
    indicators: dict[str, Indicator]

    def of(self, unit: Unit, kind: str) -> dict[str, Decimal | None]:
        return self.by_organisation.get((unit.pk, kind), {})

    def over(self, units: list[Unit], kinds: list[str] | None = None) -> dict:
        """Aggregated over units (and kinds): sums add, averages average the values reported."""
        unit_ids = {u.pk for u in units}
        parts = [
            values
            for (unit_id, kind), values in self.by_organisation.items()
            if unit_id in unit_ids and (kinds is None or kind in kinds)
        ]
        return aggregate(parts, self.indicators, keep_last=False)


def read_figures(
    units: list[Unit],
    periods: list[str],
    indicators: dict,
    *,
    statuses: tuple[str, ...] = OFFICIAL,
) -> Figures:
    rows = FigureValue.objects.filter(
        submission__organisation__unit__in=units,
        submission__period__in=periods,
        submission__status__in=statuses,
    ).values_list(
        "submission__organisation__unit_id",
        "submission__organisation__kind__code",
        "submission__period",
        "indicator__code",
        "value",
    )
    per_period: dict[tuple[int, str], dict[str, dict[str, Decimal | None]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for unit_id, kind, period, code, value in rows:
        per_period[(unit_id, kind)][period][code] = value
    by_organisation = {
        key: aggregate([parts[p] for p in periods if p in parts], indicators, keep_last=True)
        for key, parts in per_period.items()
    }
    return Figures(by_organisation=by_organisation, indicators=indicators)


def format_value(value: Decimal | None, indicator: Indicator) -> str:
    if value is None:
        return NO_DATA
    return format_figure(value, value_type=indicator.value_type, pad=indicator.pad_small)


def comparable(indicator: Indicator) -> bool:
    # A change of a rate or of an average gift is not what officials compare with last year.
    return indicator.aggregation == Aggregation.SUM and indicator.value_type != ValueType.PERCENT


# ----- narratives ---------------------------------------------------------------------------


def split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n")
    return [" ".join(p.split()) for p in _BLANK_LINES.split(text) if p.strip()]


@dataclass
class OrganisationReport:
    """One organisation's submissions in the report's periods: narratives and sections."""

    narratives: dict[str, str]  # section code -> text (last period's wins)
    sections: list[Section]
    pending: bool = False  # some of it submitted but not yet accepted (a draft document only)


def read_reports(
    units: list[Unit], periods: list[str], *, statuses: tuple[str, ...] = OFFICIAL
) -> dict[tuple[int, str], OrganisationReport]:
    submissions = (
        Submission.objects.filter(
            organisation__unit__in=units, period__in=periods, status__in=statuses
        )
        .select_related("organisation__kind", "form")
        .prefetch_related(
            Prefetch("narratives", queryset=Narrative.objects.select_related("section")),
        )
    )
    order = {p: i for i, p in enumerate(periods)}
    result: dict[tuple[int, str], OrganisationReport] = {}
    sections: dict[int, list[Section]] = {}
    for submission in sorted(submissions, key=lambda s: order[s.period]):
        key = (submission.organisation.unit_id, submission.organisation.kind.code)
        report = result.setdefault(key, OrganisationReport(narratives={}, sections=[]))
        report.pending |= submission.status != Status.ACCEPTED
        for narrative in submission.narratives.all():
            if narrative.text.strip():
                report.narratives[narrative.section.code] = narrative.text
        if submission.form_id not in sections:
            sections[submission.form_id] = form_sections(submission.form_id)
        report.sections = sections[submission.form_id]
    return result


def form_sections(form_id: int) -> list[Section]:
    # Read once per form: organisations and periods that share a form share its sections.
    return list(
        Section.objects.filter(form_id=form_id)
        .prefetch_related("indicator_links__indicator")
        .order_by("order")
    )

"""Reads of the programme: its targets against accepted figures, and who is behind.

Progress is measured against **accepted** figures only (official means accepted): for a summed
indicator the periods of the year so far are added up, for a rate or an average the latest
period counts. A share is a percentage (Decimal, 50 means half the yearly target); a unit's or
an organisation's overall share is the mean of its targets' shares, each capped at 100 so that
one target far exceeded does not hide another far behind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from phoihop.core import clock
from phoihop.core.dates import format_date
from phoihop.core.numbers import format_number, format_quantity, percent_of
from phoihop.core.periods import YEAR, Period, PeriodError
from phoihop.indicators.models import Aggregation, Indicator, ValueType
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes import excel
from phoihop.programmes.models import (
    ActivityFigure,
    Direction,
    JointActivity,
    Programme,
    Target,
)
from phoihop.reporting.models import FigureValue, Narrative, Status
from phoihop.reporting.services import form_for

HUNDRED = Decimal(100)
HALF = Decimal(2)


@dataclass(frozen=True)
class TargetProgress:
    """One target beside what accepted figures reached so far."""

    indicator: Indicator
    yearly: Decimal
    half_year: Decimal | None
    note: str
    actual: Decimal | None  # so far in the year
    first_half: Decimal | None  # in the first six months
    mid_year_passed: bool  # whether the first half has been reported on (so "behind" means it)

    @property
    def share(self) -> Decimal | None:
        """The percentage of the yearly target reached (may exceed 100)."""
        return percent_of(self.actual or Decimal(0), self.yearly, places=1)

    @property
    def summed(self) -> bool:
        return self.indicator.aggregation == Aggregation.SUM and (
            self.indicator.value_type != ValueType.PERCENT
        )

    @property
    def mid_year_target(self) -> Decimal:
        if self.half_year is not None:
            return self.half_year
        return self.yearly / HALF if self.summed else self.yearly

    @property
    def behind_at_mid_year(self) -> bool:
        """Short of the half-year target (half the yearly one for a count) after six months."""
        if not self.mid_year_passed:
            return False
        return (self.first_half or Decimal(0)) < self.mid_year_target

    @property
    def exceeded(self) -> bool:
        return self.actual is not None and self.actual > self.yearly


@dataclass(frozen=True)
class ProgrammeProgress:
    programme: Programme
    targets: list[TargetProgress]

    @property
    def share(self) -> Decimal | None:
        return mean_share(self.targets)

    @property
    def behind(self) -> list[TargetProgress]:
        return [t for t in self.targets if t.behind_at_mid_year]


def mean_share(targets: Iterable[TargetProgress]) -> Decimal | None:
    """The mean of the targets' shares, each capped at 100; None without a target."""
    shares = [min(t.share, HUNDRED) for t in targets if t.share is not None]
    if not shares:
        return None
    return (sum(shares, Decimal(0)) / len(shares)).quantize(Decimal("0.1"))


def _counts(period: Period, convention: str, *, on_date: dt.date | None, through: Period | None):
    if on_date is not None and period.end_date(convention) > on_date:
        return False
    if through is not None and (period.year, period.last_month) > (
        through.year,
        through.last_month,
    ):
        return False
    return True


def _accepted_figures(
    organisation_ids: Iterable[int],
    year: int,
    *,
    on_date: dt.date | None,
    through: Period | None,
) -> dict[int, list[tuple[Period, dict[str, Decimal]]]]:
    """Per organisation, its accepted figures of the year's periods that count, oldest first."""
    rows = FigureValue.objects.filter(
        submission__organisation_id__in=list(organisation_ids),
        submission__status=Status.ACCEPTED,
        submission__period__startswith=str(year),
        value__isnull=False,
    ).values_list(
        "submission__organisation_id",
        "submission__period",
        "submission__form__period_convention",
        "indicator__code",
        "value",
    )
    by_org: dict[int, dict[Period, dict[str, Decimal]]] = defaultdict(dict)
    for org_id, period_id, convention, code, value in rows:
        try:
            period = Period.parse(period_id)
        except PeriodError:
            continue
        if value is None or period.year != year:
            continue
        if not _counts(period, convention, on_date=on_date, through=through):
            continue
        by_org[org_id].setdefault(period, {})[code] = value
    return {org: sorted(periods.items()) for org, periods in by_org.items()}


def _reached(indicator: Indicator, periods: list[tuple[Period, dict[str, Decimal]]]):
    values = [figures[indicator.code] for _p, figures in periods if indicator.code in figures]
    if not values:
        return None
    if indicator.aggregation == Aggregation.SUM and indicator.value_type != ValueType.PERCENT:
        return sum(values, Decimal(0))
    return values[-1]


def _first_half(periods: list[tuple[Period, dict[str, Decimal]]]):
    return [(p, f) for p, f in periods if p.kind != YEAR and p.last_month <= 6]


def _mid_year_passed(year: int, *, on_date: dt.date | None, through: Period | None) -> bool:
    """Whether the first half of the year is over (so that "behind" means something)."""
    if through is not None:
        return (through.year, through.last_month) >= (year, 6)
    return (on_date or clock.today()) >= dt.date(year, 6, 15)


def progress_of(
    programmes: Iterable[Programme],
    *,
    on_date: dt.date | None = None,
    through: Period | None = None,
) -> list[ProgrammeProgress]:
    """Each programme's targets beside the accepted figures of its organisation so far."""
    programmes = list(programmes)
    if not programmes:
        return []
    targets: dict[int, list[Target]] = defaultdict(list)
    for target in (
        Target.objects.filter(programme__in=programmes)
        .select_related("indicator")
        .order_by("indicator__code")
    ):
        targets[target.programme_id].append(target)
    result = []
    by_year: dict[int, list[Programme]] = defaultdict(list)
    for programme in programmes:
        by_year[programme.year].append(programme)
    figures: dict[int, list] = {}
    for year, of_year in by_year.items():
        for org_id, periods in _accepted_figures(
            [p.organisation_id for p in of_year], year, on_date=on_date, through=through
        ).items():
            figures[org_id] = periods
    for programme in programmes:
        periods = figures.get(programme.organisation_id, [])
        first = _first_half(periods)
        mid_year_passed = _mid_year_passed(programme.year, on_date=on_date, through=through)
        result.append(
            ProgrammeProgress(
                programme=programme,
                targets=[
                    TargetProgress(
                        indicator=t.indicator,
                        yearly=t.yearly,
                        half_year=t.half_year,
                        note=t.note,
                        actual=_reached(t.indicator, periods),
                        first_half=_reached(t.indicator, first),
                        mid_year_passed=mid_year_passed,
                    )
                    for t in targets[programme.pk]
                ],
            )
        )
    return result


def programmes_of_unit(unit: Unit, year: int):
    return (
        Programme.objects.filter(organisation__unit=unit, year=year)
        .select_related("organisation__kind", "organisation__unit")
        .order_by("organisation__kind__order")
    )


def unit_progress(*, unit: Unit, year: int, on_date: dt.date | None = None) -> Decimal | None:
    """The share (%) of the unit's yearly targets — every organisation's — reached so far by
    accepted figures; None when the unit has no programme (or no target) that year."""
    progress = progress_of(programmes_of_unit(unit, year), on_date=on_date)
    return mean_share(t for p in progress for t in p.targets)


def organisation_progress(
    *, organisation: Organisation, year: int, on_date: dt.date | None = None
) -> Decimal | None:
    """The share (%) of one organisation's yearly targets reached so far; None without one."""
    programme = Programme.objects.filter(organisation=organisation, year=year).first()
    if programme is None:
        return None
    return progress_of([programme], on_date=on_date)[0].share


def units_progress(
    units: Iterable[Unit], year: int, *, on_date: dt.date | None = None
) -> dict[int, tuple[Decimal | None, int]]:
    """Per unit: the share of its targets reached and how many organisations are behind."""
    units = list(units)
    programmes = Programme.objects.filter(organisation__unit__in=units, year=year).select_related(
        "organisation"
    )
    per_unit: dict[int, list[ProgrammeProgress]] = defaultdict(list)
    for progress in progress_of(programmes, on_date=on_date):
        per_unit[progress.programme.organisation.unit_id].append(progress)
    return {
        unit.pk: (
            mean_share(t for p in per_unit[unit.pk] for t in p.targets),
            sum(1 for p in per_unit[unit.pk] if p.behind),
        )
        for unit in units
        if per_unit[unit.pk]
    }


def targets_for(organisation: Organisation, year: int) -> dict[str, Target]:
    """The organisation's targets of a year by indicator code (the entry page shows them)."""
    return {
        t.indicator.code: t
        for t in Target.objects.filter(
            programme__organisation=organisation, programme__year=year
        ).select_related("indicator")
    }


# ----- joint activities: seen by every partner, counted once ---------------------------------


def activities_of_units(unit: Unit, period: str | None = None):
    """The joint activities of a unit and the units below it (of a period, if given)."""
    activities = JointActivity.objects.filter(unit__path__startswith=unit.path)
    if period:
        activities = activities.filter(period=period)
    return activities.select_related("lead__kind", "unit").prefetch_related(
        "partners__kind", "figures__indicator"
    )


def activities_of(organisation: Organisation):
    """Every joint activity an organisation took part in, as lead or as a partner."""
    return (
        JointActivity.objects.filter(Q(lead=organisation) | Q(partners=organisation))
        .distinct()
        .select_related("lead__kind", "unit")
        .prefetch_related("partners__kind", "figures__indicator")
    )


def activity_totals(unit: Unit, period: str) -> dict[str, Decimal]:
    """The figures of the joint activities of a unit and below for a period, each activity
    counted once however many bodies took part."""
    rows = (
        ActivityFigure.objects.filter(
            activity__unit__path__startswith=unit.path, activity__period=period
        )
        .values("indicator__code")
        .annotate(total=Sum("value"))
    )
    return {row["indicator__code"]: row["total"] for row in rows}


@dataclass(frozen=True)
class DoubleCount:
    """Two or more bodies of a joint activity reporting its figure separately."""

    activity: JointActivity
    indicator: Indicator
    value: Decimal
    reporters: list[tuple[Organisation, Decimal]]

    @property
    def message(self) -> str:
        who = ", ".join(f"{org.kind.short_name} {format_number(v)}" for org, v in self.reporters)
        return _(
            "«%(title)s» (%(day)s): %(value)s của hoạt động phối hợp có thể đã được báo cáo "
            "riêng nhiều lần (%(indicator)s: %(who)s); chỉ cơ quan chủ trì (%(lead)s) tính "
            "số này, các cơ quan phối hợp không cộng lại."
        ) % {
            "title": self.activity.title,
            "day": format_date(self.activity.held_on),
            "value": format_quantity(self.value, self.indicator.unit_label),
            "indicator": self.indicator.name,
            "who": who,
            "lead": self.activity.lead.kind.short_name,
        }


def double_counts(unit: Unit, period: str) -> list[DoubleCount]:
    """The reconciliation check: a joint activity's figure reported separately by two or more
    of its bodies (each reporting at least that much for the indicator in the period, sent or
    accepted), which adds it up twice in the totals."""
    activities = list(activities_of_units(unit, period))
    if not activities:
        return []
    organisation_ids = {a.lead_id for a in activities} | {
        p.pk for a in activities for p in a.partners.all()
    }
    reported: dict[tuple[int, str], Decimal] = {}
    for org_id, code, value in FigureValue.objects.filter(
        submission__organisation_id__in=organisation_ids,
        submission__period=period,
        submission__status__in=(Status.SUBMITTED, Status.ACCEPTED),
        value__isnull=False,
    ).values_list("submission__organisation_id", "indicator__code", "value"):
        if value is not None:
            reported[(org_id, code)] = value
    found = []
    for activity in activities:
        bodies = [activity.lead, *activity.partners.all()]
        for figure in activity.figures.all():
            code = figure.indicator.code
            reporters = [
                (org, reported[(org.pk, code)])
                for org in bodies
                if reported.get((org.pk, code), Decimal(-1)) >= figure.value
            ]
            if len(reporters) >= 2:
                found.append(DoubleCount(activity, figure.indicator, figure.value, reporters))
    return found


# ----- the workbook --------------------------------------------------------------------------


def _sheet(organisation: Organisation, year: int) -> excel.ProgrammeSheet:
    programme = Programme.objects.filter(organisation=organisation, year=year).first()
    targets = targets_for(organisation, year) if programme else {}
    form = form_for(organisation)
    indicators: list[Indicator] = []
    if form is not None:
        for section in form.sections.order_by("order").prefetch_related(
            "indicator_links__indicator"
        ):
            indicators += [
                link.indicator
                for link in section.indicator_links.all()
                if not link.indicator.is_computed
            ]
    indicators += [t.indicator for code, t in targets.items() if t.indicator not in indicators]
    return excel.ProgrammeSheet(
        title=organisation.kind.short_name,
        organisation_id=organisation.pk,
        organisation_name=organisation.name,
        unit_name=organisation.unit.full_name,
        year=year,
        signed_on=programme.signed_on if programme else None,
        reference=programme.reference if programme else "",
        rows=tuple(
            excel.TargetRow(
                code=i.code,
                name=i.name,
                unit_label=i.unit_label,
                value_type=i.value_type,
                yearly=targets[i.code].yearly if i.code in targets else None,
                half_year=targets[i.code].half_year if i.code in targets else None,
                note=targets[i.code].note if i.code in targets else "",
            )
            for i in indicators
        ),
    )


def programme_workbook(unit: Unit, year: int) -> bytes:
    """The workbook of a unit's programmes of a year: one sheet per organisation."""
    organisations = Organisation.objects.filter(unit=unit, is_active=True).select_related(
        "kind", "unit"
    )
    return excel.build_workbook([_sheet(o, year) for o in organisations.order_by("kind__order")])


# ----- the dashboard's panel -----------------------------------------------------------------


def progress_panel(
    *, unit: Unit, year: int, organisations, lower: Iterable[Unit]
) -> dict[str, Any] | None:
    """The dashboard's progress panel: each organisation's (of `organisations`, those the
    reader sees) and each lower unit's share of its yearly targets, who is behind at mid-year,
    and every target beside what was reached. Before a year's programmes are signed it shows
    the latest year's; None when the unit has none."""
    latest = (
        Programme.objects.filter(organisation__unit=unit, year__lte=year)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    year = latest or year
    progress = progress_of(programmes_of_unit(unit, year).filter(organisation__in=organisations))
    lower = list(lower)
    per_lower = units_progress(lower, year)
    if not progress and not per_lower:
        return None
    return {
        "year": year,
        "organisations": [
            {
                "organisation": p.programme.organisation,
                "share": p.share,
                "behind": p.behind,
                "targets": p.targets,
            }
            for p in progress
        ],
        "lower": [
            {"unit": u, "share": per_lower[u.pk][0], "behind": per_lower[u.pk][1]}
            for u in lower
            if u.pk in per_lower
        ],
    }


# ----- tasks drawn from a report's directions ------------------------------------------------

DIRECTIONS_SECTION = "phuong_huong"
# A task's name: the direction's first sentence or clause, clipped at a word to this length.
TITLE_LENGTH = 120


def report_directions(unit: Unit, period: Period) -> list[str]:
    """The directions (phương hướng) the unit's command wrote in its accepted report of the
    period, one per paragraph."""
    text = (
        Narrative.objects.filter(
            submission__organisation__unit=unit,
            submission__organisation__kind__is_command=True,
            submission__period=period.id,
            submission__status=Status.ACCEPTED,
            section__code=DIRECTIONS_SECTION,
        )
        .values_list("text", flat=True)
        .first()
    )
    lines = [line.strip(" -–•+\t") for line in (text or "").splitlines()]
    return [line for line in lines if len(line) > 20]


def direction_title(text: str) -> str:
    """A direction's short name: its first sentence or clause, clipped at a word."""
    first = re.split(r"[.;](?:\s|$)", text.strip(), maxsplit=1)[0].strip()
    if len(first) <= TITLE_LENGTH:
        return first
    return first[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def directions_of(unit: Unit, period: str):
    """The tasks a unit has for a period, in the order its report wrote them."""
    return (
        Direction.objects.filter(unit=unit, period=period)
        .select_related("lead__kind", "activity", "planned")
        .prefetch_related("partners__kind")
        .order_by("order", "pk")
    )

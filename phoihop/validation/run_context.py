"""What a validation run reads, loaded once, and the draft results its stages produce."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet

from phoihop.core.periods import CUTOFF_15, Period
from phoihop.indicators.models import Aggregation, Indicator, SectionIndicator, ValueType
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting.models import FigureValue, Submission
from phoihop.validation.checks import IndicatorDef
from phoihop.validation.rule_compiler import CHILDREN_PREFIX


def indicator_defs(indicators: Iterable[Indicator]) -> list[IndicatorDef]:
    return [
        IndicatorDef(
            code=i.code,
            name=i.name,
            unit=i.unit_label,
            value_type=i.value_type,
            aggregation=i.aggregation,
            part_of=i.part_of.code if i.part_of else None,
            formula=i.formula or None,
            min_value=i.min_value,
            max_value=i.max_value,
        )
        for i in indicators
    ]


def additive(indicator: Indicator) -> bool:
    return indicator.aggregation == Aggregation.SUM and indicator.value_type != ValueType.PERCENT


def period_units(unit: Unit, period: str) -> QuerySet[Unit]:
    """The unit and the units under it that existed at some time during the period."""
    start, end = Period.parse(period).date_range(CUTOFF_15)
    return (
        Unit.objects.subtree(unit)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        .order_by("path")
    )


def figures_by_submission(
    submissions: QuerySet[Submission],
) -> dict[int, dict[str, Decimal | None]]:
    result: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    rows = FigureValue.objects.filter(submission__in=submissions).values_list(
        "submission_id", "indicator__code", "value"
    )
    for submission_id, code, value in rows:
        result[submission_id][code] = value
    return result


def unit_values(
    unit: Unit, period: str, kinds: set[int], additive: Collection[str]
) -> dict[str, Decimal] | None:
    """Additive sums over a unit's organisations, and (prefixed) over its children; or None."""
    own = FigureValue.objects.filter(
        submission__period=period, submission__organisation__unit=unit, value__isnull=False
    )
    below = FigureValue.objects.filter(
        submission__period=period,
        submission__organisation__unit__parent=unit,
        value__isnull=False,
    )
    if kinds:
        own = own.filter(submission__organisation__kind__in=kinds)
        below = below.filter(submission__organisation__kind__in=kinds)
    values: dict[str, Decimal] = {}
    for prefix, rows in (("", own), (CHILDREN_PREFIX, below)):
        for code, value in rows.values_list("indicator__code", "value"):
            if code in additive and value is not None:  # always: filtered on above
                key = prefix + code
                values[key] = values.get(key, Decimal(0)) + value
    return values or None


@dataclass
class Draft:
    kind: str
    code: str
    importance: str
    message: str
    unit: Unit
    organisation: Organisation | None = None
    submission: Submission | None = None
    blocking: bool = False
    snapshot: list[dict] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        org = self.organisation.pk if self.organisation else ""
        return f"{self.kind}:{self.code}:{self.unit.pk}:{org}"[:255]


def row(label: str, value: Decimal | int | None, unit: str = "") -> dict:
    return {"label": label, "value": None if value is None else str(value), "unit": unit}


class RunContext:
    """Everything a run reads, loaded once: units, submissions, figures, indicators."""

    def __init__(self, unit: Unit, period: str) -> None:
        self.unit = unit
        self.period = period
        self.units = list(period_units(unit, period))
        self.unit_ids = {u.pk for u in self.units}
        self.submissions = list(
            Submission.objects.filter(period=period, organisation__unit__in=self.units)
            .select_related("form", "organisation__unit", "organisation__kind")
            .order_by("organisation__unit__path", "organisation__kind__order")
        )
        self.figures = figures_by_submission(
            Submission.objects.filter(pk__in=[s.pk for s in self.submissions])
        )
        self.indicators = {i.code: i for i in Indicator.objects.select_related("part_of")}
        self.additive = [code for code, i in self.indicators.items() if additive(i)]
        self.form_codes: dict[int, list[str]] = defaultdict(list)
        links = SectionIndicator.objects.filter(
            section__form__in={s.form_id for s in self.submissions}
        ).values_list("section__form_id", "indicator__code")
        for form_id, code in links:
            if code not in self.form_codes[form_id]:
                self.form_codes[form_id].append(code)
        self.children: dict[int, list[Unit]] = defaultdict(list)
        for child in self.units:
            if child.parent_id in self.unit_ids:
                self.children[child.parent_id].append(child)
        self.by_unit: dict[int, list[Submission]] = defaultdict(list)
        for submission in self.submissions:
            self.by_unit[submission.organisation.unit_id].append(submission)

    def org_value(
        self, unit: Unit, code: str, kind_id: int | None
    ) -> tuple[Decimal | None, Submission | None]:
        """A unit's figure summed over its organisations (of one kind), and the submission."""
        total: Decimal | None = None
        source = None
        for submission in self.by_unit.get(unit.pk, []):
            if kind_id is not None and submission.organisation.kind_id != kind_id:
                continue
            value = self.figures.get(submission.pk, {}).get(code)
            if value is not None:
                total = value if total is None else total + value
                source = submission
        return total, source

    def label(self, code: str) -> tuple[str, str]:
        indicator = self.indicators[code]
        return indicator.name, indicator.unit_label

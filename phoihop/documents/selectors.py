"""Reads for the report page: what is still wrong before the report is generated."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import Count, Max

from phoihop.committee.models import CheckResult, Inspection, InspectionPlan, Recommendation
from phoihop.core.periods import Period
from phoihop.documents.context_units import children_in_period
from phoihop.documents.models import ReportSettings, ReportText
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import Organisation
from phoihop.places.models import Level, Unit
from phoihop.programmes.models import (
    ActivityFigure,
    CommonPlan,
    Content,
    Direction,
    JointActivity,
    PlannedActivity,
    Programme,
    Target,
)
from phoihop.reporting.models import FigureValue, Narrative, Status, Submission
from phoihop.validation.services import open_violations


def report_problems(unit: Unit, period: Period) -> dict:
    """What is still wrong before the report is generated: the submissions not yet accepted,
    and the open findings of validation (built-in checks, rules, levels, organisations)."""
    units, level = [unit], [unit]
    while level and level[0].level < Level.COMMUNE:  # a province's districts, then communes
        level = [child for u in level for child in children_in_period(u, period)]
        units += level
    pending = (
        Submission.objects.filter(organisation__unit__in=units, period=period.id)
        .select_related("organisation__unit", "organisation__kind", "form")
        .order_by("organisation__unit__path", "organisation__kind__order")
    )
    return {
        "pending": list(pending.exclude(status=Status.ACCEPTED)),
        "violations": open_violations(unit, period.id),
    }


def data_mark() -> str:
    """A cheap token of everything a report can show: it changes whenever any figure,
    narrative or submission (its status included) changes, anywhere, and whenever a unit,
    organisation, indicator, header or template is added or changed. It names a report's
    files without reading the report's data; a change elsewhere only costs one reading."""
    submissions = Submission.objects.aggregate(
        count=Count("pk"), changed=Max("updated_at"), last=Max("pk")
    )
    parts = [
        submissions["count"],
        submissions["changed"],
        submissions["last"],
        Submission.history.aggregate(last=Max("history_id"))["last"],
        FigureValue.history.aggregate(last=Max("history_id"))["last"],
        FigureValue.objects.aggregate(count=Count("pk"))["count"],
        Narrative.history.aggregate(last=Max("history_id"))["last"],
        Unit.objects.aggregate(count=Count("pk"), last=Max("pk")),
        Organisation.objects.aggregate(count=Count("pk"), last=Max("pk")),
        Indicator.objects.aggregate(count=Count("pk"), last=Max("pk")),
        ReportSettings.objects.aggregate(changed=Max("updated_at"), count=Count("pk")),
        ReportText.objects.aggregate(changed=Max("edited_at"), count=Count("pk")),
        _catalogue_mark(),
        *(_table_mark(model) for model in _PROGRAMME_AND_COMMITTEE),
    ]
    return "|".join(str(part) for part in parts)


# What the report's programme and inspection parts read (documents.context_programme and
# context_inspections): a change to any of them must make a new document.
_PROGRAMME_AND_COMMITTEE = [
    Programme,
    Content,
    Target,
    JointActivity,
    ActivityFigure,
    CommonPlan,
    PlannedActivity,
    Direction,
    InspectionPlan,
    Inspection,
    CheckResult,
    Recommendation,
]


def _table_mark(model: Any) -> str:
    """Rows and the latest change of a table: its history's last id where it keeps one."""
    mark = model.objects.aggregate(count=Count("pk"), last=Max("pk"))
    if hasattr(model, "history"):
        mark["changed"] = model.history.aggregate(last=Max("history_id"))["last"]
    return str(mark)


def _catalogue_mark() -> str:
    """Indicators keep no history: a digest of the catalogue's rows (some seventy) tells when a
    name, a unit or a sentence pattern changed."""
    rows = Indicator.objects.order_by("pk").values_list()
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:16]

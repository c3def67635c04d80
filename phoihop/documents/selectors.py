"""Reads for the report page: what is still wrong before the report is generated."""

from __future__ import annotations

from phoihop.core.periods import Period
from phoihop.documents.context_units import children_in_period
from phoihop.places.models import Level, Unit
from phoihop.reporting.models import Status, Submission
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

"""Reads for the report page: what is still wrong before the report is generated."""

from __future__ import annotations

from phoihop.core.periods import Period
from phoihop.documents.context import children_in_period
from phoihop.places.models import Level, Unit
from phoihop.reporting.models import Status, Submission
from phoihop.validation.services import submission_warnings


def report_problems(unit: Unit, period: Period) -> list[dict]:
    """Open problems of the submissions the report is built from: not yet accepted, or
    failing a built-in check. One row per submission with at least one problem."""
    units, level = [unit], [unit]
    while level and level[0].level < Level.COMMUNE:  # a province's districts, then communes
        level = [child for u in level for child in children_in_period(u, period)]
        units += level
    rows = []
    submissions = (
        Submission.objects.filter(organisation__unit__in=units, period=period.id)
        .select_related("organisation__unit", "organisation__kind", "form")
        .order_by("organisation__unit__path", "organisation__kind__order")
    )
    for submission in submissions:
        warnings = submission_warnings(submission)
        if warnings or submission.status != Status.ACCEPTED:
            rows.append({"submission": submission, "warnings": warnings})
    return rows

"""Reads of organisations: grouped by unit for lists, with their submissions for their page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit

if TYPE_CHECKING:  # reporting sits above organisations: its models are named, not imported
    from phoihop.reporting.models import Submission


@dataclass(frozen=True)
class UnitGroup:
    unit: Unit
    organisations: list[Organisation]


def organisations_by_unit(organisations: QuerySet[Organisation]) -> list[UnitGroup]:
    """Organisations in tree order of their units, one group per unit."""
    groups: list[UnitGroup] = []
    for org in organisations.select_related("unit", "kind").order_by("unit__path", "kind__order"):
        if not groups or groups[-1].unit.pk != org.unit_id:
            groups.append(UnitGroup(unit=org.unit, organisations=[]))
        groups[-1].organisations.append(org)
    return groups


def organisation_detail(organisation: Organisation, *, submissions: QuerySet[Submission]) -> dict:
    """An organisation's page: its submissions, the latest period first."""
    rows = list(submissions.filter(organisation=organisation).select_related("form"))
    rows.sort(key=lambda s: (s.period_sort_key, s.form.code), reverse=True)
    return {"organisation": organisation, "submissions": rows}

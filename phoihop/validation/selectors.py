"""Reads for the validation pages, and who may reach them."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from phoihop.accounts.models import Role
from phoihop.accounts.permissions import (
    access_office_unit_by_id,
    is_admin,
    is_an_office,
    visible_submissions,
)
from phoihop.core.periods import CUTOFF_15, HALF, Period, PeriodError
from phoihop.places.models import Level, Unit
from phoihop.reporting.selectors import periods_with_submissions
from phoihop.validation.models import Importance, Rule, ValidationResult, ValidationRun


def access_result_by_id(user, result_id: int) -> ValidationResult:
    try:
        result = ValidationResult.objects.select_related(
            "run__unit", "unit", "organisation", "submission"
        ).get(pk=result_id)
    except (ValidationResult.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    access_office_unit_by_id(user, result.run.unit_id)
    return result


def parse_period(text: str) -> str:
    try:
        return Period.parse(text).id
    except PeriodError:
        raise Http404 from None


def index_periods(user, *, today: dt.date) -> list[Period]:
    """The periods the index offers, newest first: those with submissions the user may read,
    else the half-year containing today. The first is the one to preselect."""

    return periods_with_submissions(visible_submissions(user)) or [
        Period.containing(today, HALF, CUTOFF_15)
    ]


def manageable_rules(user) -> QuerySet[Rule]:
    """Rules the user may change: an office those of its own unit and below, admins all."""
    if is_admin(user):
        return Rule.objects.all()
    if not is_an_office(user) or user.unit is None:  # an office has its unit
        return Rule.objects.none()
    return Rule.objects.filter(unit__path__startswith=user.unit.path)


def readable_rules(user) -> QuerySet[Rule]:
    """Rules that act on the user's units: everywhere-rules, rules above and below them."""
    if is_admin(user):
        return Rule.objects.all()
    if not is_an_office(user) or user.unit is None:  # an office has its unit
        return Rule.objects.none()
    above = user.unit.path.strip("/").split("/")
    return Rule.objects.filter(
        Q(unit__isnull=True) | Q(unit__code__in=above) | Q(unit__path__startswith=user.unit.path)
    )


def access_rule_by_id(user, rule_id: int) -> Rule:
    if not is_an_office(user):
        raise PermissionDenied
    try:
        return readable_rules(user).get(pk=rule_id)
    except (Rule.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def office_units(user) -> list[Unit]:
    """Units the user may validate, above commune level (communes are checked with them)."""
    if is_admin(user):
        units = Unit.objects.filter(level__in=[Level.PROVINCE, Level.DISTRICT])
    elif user.role == Role.OFFICE and user.unit_id:
        units = Unit.objects.subtree(user.unit).filter(level__lte=max(user.unit.level, 2))
    else:
        return []
    return list(units.order_by("path"))


def attach_figures(result: ValidationResult) -> ValidationResult:
    """The result's stored figures as numbers, for the Vietnamese number filters."""
    result.figures = [
        {**row, "number": None if row.get("value") is None else Decimal(row["value"])}
        for row in result.snapshot
    ]
    return result


def run_page_data(run: ValidationRun) -> dict:
    """A run's results grouped by importance, then by unit and organisation, with figures."""
    results = list(
        run.results.select_related("unit", "organisation", "submission", "explained_by").order_by(
            "unit__path", "organisation__kind__order", "pk"
        )
    )
    groups: dict[str, OrderedDict] = {level: OrderedDict() for level in Importance.values}
    for result in results:
        attach_figures(result)
        who = result.organisation.name if result.organisation else result.unit.full_name
        groups[result.importance].setdefault(who, []).append(result)
    return {
        "groups": [
            {
                "importance": level,
                "label": Importance(level).label,
                "count": sum(len(items) for items in groups[level].values()),
                "by_subject": list(groups[level].items()),
            }
            for level in Importance.values
        ],
        "total": len(results),
        "open_count": sum(1 for r in results if r.status == "open"),
    }


def runs_of(unit: Unit, period: str) -> list[ValidationRun]:
    return list(ValidationRun.objects.filter(unit=unit, period=period).order_by("-pk")[:20])


def result_context(result: ValidationResult, *, error: str = "") -> dict:
    """What the fragment of one result (`validation/_result.html`) shows, its figures read."""
    attach_figures(result)
    return {"result": result, "error": error, "is_latest": True}

"""The hierarchy and the catalogue: units, organisations, indicators, forms, periods.

Each list is what `accounts.permissions` lets the caller see, as on the web pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router

from phoihop.accounts import permissions
from phoihop.api import schemas as s
from phoihop.api.errors import READ_ERRORS
from phoihop.core.periods import CALENDAR, Period
from phoihop.indicators.models import Form, Indicator
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit, full_names
from phoihop.reporting.selectors import periods_with_submissions
from phoihop.reporting.windows import reporting_period_now

router = Router(tags=["Danh mục"])


def _units(units: list[Unit]) -> list[dict]:
    return [
        {
            "id": u.pk,
            "code": u.code,
            "name": u.name,
            "full_name": name,
            "kind": u.kind,
            "level": u.level,
            "parent_id": u.parent_id,
            "path": u.path,
            "valid_from": u.valid_from,
            "valid_to": u.valid_to,
        }
        for u, name in zip(units, full_names(units), strict=True)
    ]


def _organisation(org: Organisation) -> dict:
    return {
        "id": org.pk,
        "name": org.name,
        "kind": org.kind.code,
        "kind_name": org.kind.name,
        "unit_id": org.unit_id,
        "unit_name": org.unit.full_name,
        "is_command": org.kind.is_command,
        "is_active": org.is_active,
    }


@router.get("/units/", response={200: s.UnitPage, **READ_ERRORS})
def list_units(
    request: HttpRequest,
    parent: Query[s.Id | None] = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=1_000_000_000),
):
    """The units the caller may see, in the order of the hierarchy; `parent` narrows to the
    units directly under one of them; `limit` (≤ 1000) and `offset`."""
    units = permissions.visible_units(request.user)
    if parent is not None:
        units = units.filter(parent=permissions.access_unit_by_id(request.user, parent))
    page = list(units.order_by("path", "pk")[offset : offset + limit])
    return {"count": units.count(), "items": _units(page)}


@router.get("/units/{unit_id}/", response={200: s.UnitOut, **READ_ERRORS})
def get_unit(request: HttpRequest, unit_id: s.Id):
    return _units([permissions.access_unit_by_id(request.user, unit_id)])[0]


@router.get("/organisations/", response={200: s.OrganisationPage, **READ_ERRORS})
def list_organisations(
    request: HttpRequest,
    unit: Query[s.Id | None] = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=1_000_000_000),
):
    """The organisations the caller may see; `unit` narrows to those of one unit; `limit`
    (≤ 1000) and `offset`."""
    organisations = permissions.visible_organisations(request.user).select_related("unit", "kind")
    if unit is not None:
        organisations = organisations.filter(unit=permissions.access_unit_by_id(request.user, unit))
    page = organisations.order_by("unit__path", "kind__order", "pk")[offset : offset + limit]
    return {"count": organisations.count(), "items": [_organisation(o) for o in page]}


@router.get("/organisations/{organisation_id}/", response={200: s.OrganisationOut, **READ_ERRORS})
def get_organisation(request: HttpRequest, organisation_id: s.Id):
    return _organisation(permissions.access_organisation_by_id(request.user, organisation_id))


def _require_catalogue(request: HttpRequest) -> None:
    if not permissions.can_view_catalogue(request.user):
        raise PermissionDenied


@router.get("/indicators/", response={200: list[s.IndicatorOut], **READ_ERRORS})
def list_indicators(request: HttpRequest):
    """The catalogue of indicators: codes to write figures with, their units and bounds."""
    _require_catalogue(request)
    return [
        {
            "code": i.code,
            "name": i.name,
            "unit_label": i.unit_label,
            "value_type": i.value_type,
            "aggregation": i.aggregation,
            "computed": i.is_computed,
            "formula": i.formula,
            "part_of": i.part_of.code if i.part_of else None,
            "min_value": s.exact(i.min_value),
            "max_value": s.exact(i.max_value),
            "change_threshold": s.exact(i.change_threshold),
            "description": i.description,
        }
        for i in Indicator.objects.select_related("part_of").order_by("pk")
    ]


@router.get("/forms/", response={200: list[s.FormOut], **READ_ERRORS})
def list_forms(request: HttpRequest):
    """The forms: their sections, in order, and the indicators of each section."""
    _require_catalogue(request)
    forms = Form.objects.prefetch_related(
        "organisation_kinds", "sections__indicator_links__indicator"
    ).order_by("code")
    return [
        {
            "code": f.code,
            "name": f.name,
            "period_type": f.period_type,
            "period_convention": f.period_convention,
            "deadline_days": f.deadline_days,
            "grace_days": f.grace_days,
            "is_active": f.is_active,
            "levels": [level for level in f.levels or [] if isinstance(level, int)],
            "organisation_kinds": sorted(k.code for k in f.organisation_kinds.all()),
            "sections": [
                {
                    "code": section.code,
                    "heading": section.heading,
                    "order": section.order,
                    "has_narrative": section.has_narrative,
                    "narrative_required": section.narrative_required,
                    "indicators": [
                        link.indicator.code
                        for link in sorted(section.indicator_links.all(), key=lambda x: x.order)
                    ],
                }
                for section in sorted(f.sections.all(), key=lambda x: (x.order, x.pk))
            ],
        }
        for f in forms
    ]


def period_out(period: Period) -> dict:
    return {
        "id": period.id,
        "label": period.label,
        "kind": period.kind,
        "start": period.start_date(CALENDAR),
        "end": period.end_date(CALENDAR),
    }


@router.get("/periods/", response={200: list[s.PeriodOut], **READ_ERRORS})
def list_periods(request: HttpRequest):
    """The period being reported now and every period with submissions the caller may see,
    newest first (dates are calendar dates; a form on cut-offs of the 15th starts earlier)."""
    _require_catalogue(request)
    periods = set(periods_with_submissions(permissions.visible_submissions(request.user)))
    periods.add(reporting_period_now())
    return [period_out(p) for p in sorted(periods, reverse=True)]

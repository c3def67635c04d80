"""Analytics and validation: completeness of periods, the pivot, validation results.

The same reads as the pages: `analytics.completeness`, `analytics.pivot` with the pivot page's
own parameters (its share link's query works here as it is), and the latest stored validation
run of a unit, which only its standing office reads."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from phoihop.accounts import permissions
from phoihop.analytics.completeness import Completeness, period_completeness
from phoihop.analytics.pivot import PivotRow
from phoihop.analytics.selectors import (
    default_periods,
    default_unit,
    parse_periods,
    parse_pivot_params,
    run_pivot,
)
from phoihop.api import schemas as s
from phoihop.api.errors import READ_ERRORS, BadRequest
from phoihop.core.periods import Period
from phoihop.organisations.models import OrganisationKind
from phoihop.validation import services as validation
from phoihop.validation.models import ValidationRun

router = Router(tags=["Phân tích và kiểm tra"])


def _completeness(c: Completeness) -> dict:
    return {
        "period": c.period.id,
        "label": c.period.label,
        "accepted": c.accepted,
        "expected": c.expected,
        "complete": c.complete,
        "mark": c.mark,
    }


@router.get("/completeness/", response={200: s.CompletenessPage, **READ_ERRORS})
def completeness(
    request: HttpRequest,
    unit: Query[s.Id | None] = None,
    periods: Query[s.Param | None] = None,
    kinds: Query[s.Param | None] = None,
):
    """Of the submissions expected in a unit and below (of the organisations the caller sees),
    how many are accepted, per period. `periods`: "2020S1", "2019S1,2020S1" or
    "2019S1..2020S2" (default: the period being reported now and the three before it);
    `kinds`: organisation kinds, comma-separated (default: all)."""
    where = (
        permissions.access_unit_by_id(request.user, unit)
        if unit is not None
        else default_unit(request.user)
    )
    if where is None:
        raise BadRequest(_("Bạn không được xem đơn vị nào."))
    chosen = parse_periods(periods) if periods else default_periods(request.user)
    chosen_kinds = None
    if kinds:
        codes = {code.strip() for code in kinds.split(",") if code.strip()}
        found = list(OrganisationKind.objects.filter(code__in=codes))
        if len(found) < len(codes):
            raise BadRequest(_("Có loại tổ chức không hợp lệ."))
        chosen_kinds = tuple(found) or None
    result = period_completeness(request.user, where, chosen, kinds=chosen_kinds)
    return {
        "unit_id": where.pk,
        "unit_name": where.full_name,
        "periods": [_completeness(result[p.id]) for p in chosen],
    }


def _pivot_row(row: PivotRow) -> dict:
    return {
        "key": row.key,
        "label": row.label,
        "cells": [s.exact(cell) for cell in row.cells],
        "is_own": row.is_own,
        "mark": row.mark,
    }


@router.get("/pivot/", response={200: s.PivotOut, **READ_ERRORS})
def pivot(
    request: HttpRequest,
    chi_tieu: Query[s.Param | None] = None,
    don_vi: Query[s.Param | None] = None,
    theo: Query[s.Param | None] = None,
    ky: Query[s.Param | None] = None,
    loai: Query[s.Param | None] = None,
    hang: Query[s.Param | None] = None,
    gop_moi: Query[s.Param | None] = None,
):
    """The pivot page's table (accepted figures only), with its parameters: `chi_tieu`
    indicator codes, `don_vi` unit code, `theo` (don_vi: the unit itself, cap_duoi: the units
    under it), `ky` periods ("2019S1..2020S2"), `loai` organisation kinds, `hang` rows (don_vi,
    to_chuc, ky), `gop_moi=1` to count merged units under their successor. What makes no sense
    is replaced by a default and said in `errors`, as on the page."""
    params = {
        name: value
        for name, value in {
            "chi_tieu": chi_tieu,
            "don_vi": don_vi,
            "theo": theo,
            "ky": ky,
            "loai": loai,
            "hang": hang,
            "gop_moi": gop_moi,
        }.items()
        if value is not None
    }
    query = parse_pivot_params(params, user=request.user)
    result = run_pivot(query, user=request.user)
    return {
        "query": query.as_params(),
        "errors": list(query.errors),
        "columns": [
            {
                "indicator": column["indicator"].code,
                "indicator_name": column["indicator"].name,
                "unit_label": column["indicator"].unit_label,
                "period": column["period"].id if column["period"] is not None else None,
                "period_label": column["period"].label if column["period"] is not None else None,
                "mark": column["mark"],
            }
            for column in result.columns
        ],
        "rows": [_pivot_row(row) for row in result.rows],
        "total": _pivot_row(result.total) if result.total is not None else None,
        "notes": result.notes,
        "completeness": [_completeness(c) for c in result.completeness.values()],
    }


def _result(r) -> dict:
    return {
        "id": r.pk,
        "kind": r.kind,
        "code": r.code,
        "importance": r.importance,
        "importance_label": str(r.get_importance_display()),
        "blocking": r.blocking,
        "message": r.message,
        "unit_id": r.unit_id,
        "unit_name": r.unit.full_name,
        "organisation_id": r.organisation_id,
        "organisation_name": r.organisation.name if r.organisation_id else None,
        "submission_id": r.submission_id,
        "status": r.status,
        "explanation": r.explanation,
        "figures": [
            {
                "label": str(row.get("label", "")),
                "value": None if row.get("value") is None else str(row["value"]),
                "unit": str(row.get("unit", "")),
            }
            for row in r.snapshot
            if isinstance(row, dict)
        ],
    }


@router.get("/validation/{unit_id}/{period}/", response={200: s.ValidationOut, **READ_ERRORS})
def validation_results(
    request: HttpRequest, unit_id: s.Id, period: s.Code, run: Query[s.Id | None] = None
):
    """The results of the latest stored validation run of a unit (and the units under it) for a
    period, or of an earlier `run`; `stale` says the data changed since. Only the standing
    office of the unit (as the page). Never validates: a read writes nothing."""
    unit = permissions.access_office_unit_by_id(request.user, unit_id)
    period_id = Period.parse(period).id
    state = validation.verdict(unit, period_id)
    latest = state["run"]
    chosen = latest
    if run is not None:
        chosen = ValidationRun.objects.filter(unit=unit, period=period_id, pk=run).first()
        if chosen is None:
            raise BadRequest(_("Không có lần kiểm tra này."))
    if chosen is None:
        return {"unit_id": unit.pk, "period": period_id, "run": None, "results": []}
    results = chosen.results.select_related("unit", "organisation").order_by(
        "unit__path", "organisation__kind__order", "pk"
    )
    return {
        "unit_id": unit.pk,
        "period": period_id,
        "run": {
            "id": chosen.pk,
            "created_at": chosen.created_at,
            "submission_count": chosen.submission_count,
            "is_latest": latest is not None and chosen.pk == latest.pk,
            "stale": state["stale"],
        },
        "results": [_result(r) for r in results],
    }

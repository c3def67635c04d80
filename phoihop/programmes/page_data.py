"""What each programme page shows, read in one place (the views only authorise and render)."""

from __future__ import annotations

from typing import Any

from phoihop.accounts import permissions
from phoihop.core import clock
from phoihop.core.numbers import format_number, format_quantity
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import Organisation
from phoihop.places.models import Level, Unit
from phoihop.programmes import selectors
from phoihop.programmes.models import CommonPlan, Programme
from phoihop.reporting.services import form_for


def default_unit(user: permissions.AnyUser) -> Unit | None:
    """The unit a reader opens on: their own, their organisation's, else the first district."""
    if getattr(user, "unit_id", None):
        return user.unit  # type: ignore[union-attr]
    if getattr(user, "organisation_id", None):
        return user.organisation.unit  # type: ignore[union-attr]
    visible = permissions.visible_units(user)
    return visible.filter(level=Level.DISTRICT).order_by("path").first() or (
        visible.order_by("path").first()
    )


def default_year(unit: Unit) -> int:
    """The latest year the unit has programmes for, else this year."""
    latest = (
        Programme.objects.filter(organisation__unit=unit)
        .order_by("-year")
        .values_list("year", flat=True)
    ).first()
    return latest or clock.today().year


def _share_text(share) -> str:
    return "—" if share is None else f"{format_number(share, decimals=1)}%"


def unit_page(user: permissions.AnyUser, unit: Unit, year: int) -> dict[str, Any]:
    # A reporter reads its own organisation's programme only; the office every body's.
    visible = permissions.visible_organisations(user)
    progress = selectors.progress_of(
        selectors.programmes_of_unit(unit, year).filter(organisation__in=visible)
    )
    with_programme = {p.programme.organisation_id for p in progress}
    organisations = visible.filter(unit=unit, is_active=True).select_related("kind")
    lower = list(
        permissions.visible_units(user).filter(parent=unit).order_by("path")
        if unit.level != Level.COMMUNE
        else []
    )
    lower_progress = selectors.units_progress(lower, year)
    period = f"{year}S1"
    activities = list(
        selectors.activities_of_units(unit)
        .filter(permissions.visible_joint_activity_q(user))
        .filter(period__startswith=str(year))
        .distinct()
    )
    totals = [
        (Indicator.objects.get(code=code), value)
        for code, value in sorted(selectors.activity_totals(unit, period).items())
    ]
    may_edit = permissions.is_office_for(user, unit)
    return {
        "unit": unit,
        "year": year,
        "years": [year - 1, year, year + 1],
        "progress": progress,
        "share": selectors.mean_share(t for p in progress for t in p.targets),
        "without": [o for o in organisations if o.pk not in with_programme],
        "lower": [
            {"unit": u, "share": lower_progress[u.pk][0], "behind": lower_progress[u.pk][1]}
            for u in lower
            if u.pk in lower_progress
        ],
        "activities": activities,
        "activity_totals": [(i, format_quantity(v, i.unit_label)) for i, v in totals],
        # The reconciliation check is the office's to act on.
        "double_counts": selectors.double_counts(unit, period)
        + selectors.double_counts(unit, f"{year}S2")
        if may_edit
        else [],
        "plans": CommonPlan.objects.filter(unit=unit, period__startswith=str(year)),
        "may_edit": may_edit,
        "share_text": _share_text,
    }


def programme_page(organisation: Organisation, year: int, *, may_edit: bool) -> dict[str, Any]:
    programme = (
        Programme.objects.filter(organisation=organisation, year=year)
        .prefetch_related(
            "contents__partners__kind", "contents__indicators", "contents__lead__kind", "versions"
        )
        .first()
    )
    progress = selectors.progress_of([programme])[0] if programme else None
    targets = {t.indicator.code: t for t in progress.targets} if progress else {}
    rows = []
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
    for indicator in indicators + [
        t.indicator for t in targets.values() if t.indicator not in indicators
    ]:
        rows.append({"indicator": indicator, "target": targets.get(indicator.code)})
    return {
        "organisation": organisation,
        "year": year,
        "programme": programme,
        "progress": progress,
        "rows": rows,
        "contents": list(programme.contents.all()) if programme else [],
        "versions": list(programme.versions.all()) if programme else [],
        "activities": list(
            selectors.activities_of(organisation).filter(period__startswith=str(year))
        ),
        "may_edit": may_edit,
        "errors": [],
    }


def entry_targets(organisation: Organisation, year: int) -> dict[str, Any]:
    """Each target of the organisation's year as the entry page shows it beside the field."""
    targets = selectors.targets_for(organisation, year)
    programme = Programme.objects.filter(organisation=organisation, year=year).first()
    progress = {
        t.indicator.code: t
        for t in (selectors.progress_of([programme])[0].targets if programme else [])
    }
    return {
        "year": year,
        "targets": [
            {
                "code": code,
                "yearly": format_quantity(t.yearly, t.indicator.unit_label),
                "half_year": format_quantity(t.half_year, t.indicator.unit_label)
                if t.half_year is not None
                else "",
                "share": progress[code].share if code in progress else None,
            }
            for code, t in targets.items()
        ],
    }

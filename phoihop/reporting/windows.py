"""Entry windows: from the start of a period to its deadline plus the form's grace days, or
later where the standing office extended it for a unit or an organisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from phoihop.core import clock
from phoihop.core.periods import DateRange, Period
from phoihop.core.periods import deadline as period_deadline
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation
from phoihop.reporting.models import EntryWindow


def deadline_of(form: Form, period: str) -> dt.date:
    """The form's deadline for a period, where there is no submission to ask."""
    return period_deadline(
        Period.parse(period), convention=form.period_convention, days_after_end=form.deadline_days
    )


def active_extensions(*, on: dt.date | None = None):
    """Extensions not revoked that still run on the given day (today by default)."""
    return EntryWindow.objects.filter(
        revoked_at__isnull=True, closes_on__gte=on or clock.today()
    ).select_related("unit")


def applies_to(extension: EntryWindow, organisation: Organisation) -> bool:
    """An extension covers the organisations of its unit and of every unit below it, or only
    the one organisation it names."""
    if extension.organisation_id is not None:
        return extension.organisation_id == organisation.pk
    return organisation.unit.path.startswith(extension.unit.path)


def extended_to(
    extensions: Iterable[EntryWindow], organisation: Organisation, form: Form, period: str
) -> dt.date | None:
    """The latest day any of the given extensions opens this organisation's form and period."""
    days = [
        e.closes_on
        for e in extensions
        if e.form_id == form.pk and e.period == period and applies_to(e, organisation)
    ]
    return max(days, default=None)


def entry_window_with(form: Form, period: str, *, extended_to: dt.date | None) -> DateRange:
    """The window for a caller that has already found the extension (no query)."""
    p = Period.parse(period)
    closes = deadline_of(form, period) + dt.timedelta(days=form.grace_days)
    if extended_to is not None and extended_to > closes:
        closes = extended_to
    return DateRange(p.start_date(form.period_convention), closes)


def entry_window(form: Form, period: str, *, organisation: Organisation) -> DateRange:
    """When this organisation may enter this form's period."""
    extensions = EntryWindow.objects.filter(
        form=form, period=period, revoked_at__isnull=True
    ).select_related("unit")
    return entry_window_with(
        form, period, extended_to=extended_to(extensions, organisation, form, period)
    )


def window_is_open(
    form: Form, period: str, *, organisation: Organisation, on: dt.date | None = None
) -> bool:
    return (on or clock.today()) in entry_window(form, period, organisation=organisation)

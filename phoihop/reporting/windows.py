"""Entry windows: from the start of a period to its deadline plus the form's grace days, or
later where the standing office extended it for a unit or an organisation."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from phoihop.core import clock
from phoihop.core.periods import CUTOFF_15, HALF, DateRange, Period
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


# ----- the period being reported now --------------------------------------------------------

NEAR_DEADLINE_DAYS = 30


def reporting_shape() -> tuple[str, str, int]:
    """The period type and convention most active forms use, and the longest deadline among
    those forms (in days after a period ends); one query."""
    forms = list(
        Form.objects.filter(is_active=True).values_list(
            "period_type", "period_convention", "deadline_days"
        )
    )
    if not forms:
        return HALF, CUTOFF_15, 0
    kind, convention = Counter((k, c) for k, c, _d in forms).most_common(1)[0][0]
    days = max(d for k, c, d in forms if (k, c) == (kind, convention))
    return kind, convention, days


def reporting_period_now(
    *, today: dt.date | None = None, shape: tuple[str, str, int] | None = None
) -> Period:
    """The period being reported now: of the forms' usual period type and convention, the
    latest period whose deadline has passed or is at most NEAR_DEADLINE_DAYS away.

    Read from the calendar and the forms, never from what someone typed into: one stray draft
    for a later period does not move it."""
    today = today or clock.today()
    kind, convention, days = shape or reporting_shape()
    period = Period.containing(today, kind, convention)
    near = dt.timedelta(days=NEAR_DEADLINE_DAYS)
    while period_deadline(period, convention=convention, days_after_end=days) - near > today:
        period = period.previous()
    return period

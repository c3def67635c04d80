"""How complete a period is: of the submissions expected in a scope, how many are accepted.

Analytics shows accepted data only, so a period whose organisations have not all been accepted
is marked with its count ("24/119 đã duyệt"), and a comparison with it says so.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import connection
from django.db.models import Count
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.analytics.models import ALL_KINDS, SubmissionTally
from phoihop.analytics.rollups import finer_period_ids
from phoihop.core.numbers import format_number
from phoihop.core.periods import CALENDAR, Period
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Unit
from phoihop.reporting.models import Status


@dataclass(frozen=True)
class Completeness:
    """Accepted submissions against those expected, for one period in one scope."""

    period: Period
    accepted: int
    expected: int

    @property
    def complete(self) -> bool:
        return self.accepted >= self.expected

    @property
    def mark(self) -> str:
        """ "24/119 đã duyệt" for an incomplete period, "" for a complete one."""
        if self.complete:
            return ""
        return _("%(accepted)s/%(expected)s đã duyệt") % {
            "accepted": format_number(self.accepted),
            "expected": format_number(self.expected),
        }

    @property
    def labelled(self) -> str:
        """The period's label with its mark: "6 tháng cuối năm 2020 (24/119 đã duyệt)"."""
        return f"{self.period.label} ({self.mark})" if self.mark else self.period.label


def period_completeness(
    user,
    unit: Unit,
    periods: tuple[Period, ...] | list[Period],
    *,
    kinds: tuple[OrganisationKind, ...] | None = None,
    whole: bool = False,
    finer: dict[str, list[str]] | None = None,
    tallies: list[tuple[str, int, int]] | None = None,
) -> dict[str, Completeness]:
    """Completeness of each period over the organisations of `unit`'s subtree the reader sees.

    Expected: every active organisation whose unit existed during the period, once per period
    reported in it (a year reported by half-years expects two submissions of each). `whole`:
    the reader sees every organisation beneath the unit (of the kinds chosen), so the counts are
    read from the tallies kept on write, a few rows whatever the size of the subtree. `finer`:
    the periods within each period, when the caller has them already. `tallies`: the unit's
    (period, submissions, accepted) rows of the kinds chosen, when the caller read them already
    (`whole` only; the pivot reads them in its one statement).
    """
    if not unit.pk or not periods:
        return {}
    finer = finer or {p.id: finer_period_ids(p) for p in periods}
    finer_ids = {f for ids in finer.values() for f in ids}
    kind_ids = [k.pk for k in kinds] if kinds else None
    reported: set[str] = set()
    accepted: Counter[str] = Counter()
    if whole:
        counts = tallies if tallies is not None else _tallies(unit, kind_ids)
        for period_id, submitted, accepted_count in counts:
            if period_id not in finer_ids:
                continue
            if submitted:
                reported.add(period_id)
            accepted[period_id] += accepted_count
        lifetimes = _lifetimes(unit, kind_ids)
    else:
        organisations = permissions.visible_organisations(user).filter(
            unit__path__startswith=unit.path, is_active=True
        )
        if kind_ids:
            organisations = organisations.filter(kind__in=kind_ids)
        lifetimes = _count_lifetimes(organisations)
        submissions = permissions.visible_submissions(user).filter(
            organisation__in=organisations.values("pk"), period__in=sorted(finer_ids)
        )
        for period_id, status, count in (
            submissions.order_by().values_list("period", "status").annotate(n=Count("pk"))
        ):
            reported.add(period_id)
            if status == Status.ACCEPTED:
                accepted[period_id] += count
    result = {}
    for period in periods:
        base = [_parsed(f) for f in finer[period.id] if f in reported] or [period]
        result[period.id] = Completeness(
            period=period,
            accepted=sum(accepted[b.id] for b in base),
            expected=sum(_existing(lifetimes, b) for b in base),
        )
    return result


@lru_cache(maxsize=4096)
def _parsed(period_id: str) -> Period:
    return Period.parse(period_id)


@lru_cache(maxsize=4096)
def _bounds(period: Period) -> tuple[date, date]:
    return period.start_date(CALENDAR), period.end_date(CALENDAR)


def _tallies(unit: Unit, kind_ids: list[int] | None) -> list[tuple[str, int, int]]:
    """The unit's few tally rows, every period: cheaper to sort out than to list the periods."""
    table = SubmissionTally._meta.db_table
    kinds_sql = ", ".join(str(int(k)) for k in (kind_ids or [ALL_KINDS]))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT period, submissions, accepted FROM {table} "
            f"WHERE unit_id = %s AND kind IN ({kinds_sql})",
            [unit.pk],
        )
        return cursor.fetchall()


def _count_lifetimes(organisations) -> list[tuple]:
    """(unit valid from, valid to, number of organisations), counted by the database."""
    return list(
        organisations.order_by()
        .values_list("unit__valid_from", "unit__valid_to")
        .annotate(n=Count("pk"))
    )


# A unit's organisations and their units' lifetimes change a few times a year, while every
# pivot asks: read once per process for each unit and kinds, dropped when an organisation or a
# unit is saved here (signals.py), and after MAX_AGE seconds for changes in other processes.
MAX_AGE = 60.0
_lifetime_cache: dict[tuple, tuple[float, list[tuple]]] = {}


def _lifetimes(unit: Unit, kind_ids: list[int] | None) -> list[tuple]:
    key = (unit.pk, unit.path, tuple(kind_ids or ()))
    cached = _lifetime_cache.get(key)
    if cached is not None and time.monotonic() - cached[0] < MAX_AGE:
        return cached[1]
    organisations = Organisation.objects.filter(unit__path__startswith=unit.path, is_active=True)
    if kind_ids:
        organisations = organisations.filter(kind__in=kind_ids)
    lifetimes = _count_lifetimes(organisations)
    _lifetime_cache[key] = (time.monotonic(), lifetimes)
    return lifetimes


def forget_organisations() -> None:
    """Called when an organisation or a unit is saved or deleted in this process."""
    _lifetime_cache.clear()


def _existing(lifetimes: list, period: Period) -> int:
    """Organisations whose unit existed during the period, from (valid from, to, count) rows."""
    start, end = _bounds(period)
    return sum(
        count
        for valid_from, valid_to, count in lifetimes
        if (valid_from is None or valid_from <= end) and (valid_to is None or valid_to >= start)
    )


def incomplete_note(completeness: dict[str, Completeness]) -> str:
    """A note naming the incomplete periods, or "" when every period is complete."""
    marked = [c.labelled for c in completeness.values() if not c.complete]
    if not marked:
        return ""
    return _(
        "Chỉ tính các báo cáo đã duyệt. Kỳ chưa đủ báo cáo được duyệt: %(periods)s; so sánh "
        "với kỳ này chưa phản ánh đầy đủ."
    ) % {"periods": "; ".join(marked)}


__all__ = ["Completeness", "incomplete_note", "period_completeness"]

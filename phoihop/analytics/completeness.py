"""How complete a period is: of the submissions expected in a scope, how many are accepted.

Analytics shows accepted data only, so a period whose organisations have not all been accepted
is marked with its count ("24/119 đã duyệt"), and a comparison with it says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.analytics.rollups import finer_period_ids
from phoihop.core.numbers import format_number
from phoihop.core.periods import CALENDAR, Period
from phoihop.organisations.models import OrganisationKind
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
) -> dict[str, Completeness]:
    """Completeness of each period over the organisations of `unit`'s subtree the reader sees.

    Expected: every active organisation whose unit existed during the period, once per period
    reported in it (a year reported by half-years expects two submissions of each).
    """
    if not unit.pk or not periods:
        return {}
    organisations = permissions.visible_organisations(user).filter(
        unit__path__startswith=unit.path, is_active=True
    )
    if kinds:
        organisations = organisations.filter(kind__in=[k.pk for k in kinds])
    # Counted by the database: a country holds tens of thousands of organisations.
    lifetimes = list(
        organisations.order_by()
        .values_list("unit__valid_from", "unit__valid_to")
        .annotate(n=Count("pk"))
    )
    finer = {p.id: finer_period_ids(p) for p in periods}
    submissions = permissions.visible_submissions(user).filter(
        organisation__in=organisations.values("pk"),
        period__in=[f for ids in finer.values() for f in ids],
    )
    reported: set[str] = set()
    accepted: Counter[str] = Counter()
    for period_id, status, count in (
        submissions.order_by().values_list("period", "status").annotate(n=Count("pk"))
    ):
        reported.add(period_id)
        if status == Status.ACCEPTED:
            accepted[period_id] += count
    result = {}
    for period in periods:
        base = [Period.parse(f) for f in finer[period.id] if f in reported] or [period]
        result[period.id] = Completeness(
            period=period,
            accepted=sum(accepted[b.id] for b in base),
            expected=sum(_existing(lifetimes, b) for b in base),
        )
    return result


def _existing(lifetimes: list, period: Period) -> int:
    """Organisations whose unit existed during the period, from (valid from, to, count) rows."""
    start, end = period.start_date(CALENDAR), period.end_date(CALENDAR)
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

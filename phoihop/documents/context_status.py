"""Who has not reported, or not been accepted, for the period of a review report.

The report carries only accepted submissions (a draft for the office also those submitted and
awaiting review); it says which organisations are missing from it and why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from phoihop.core.numbers import format_number
from phoihop.core.periods import Period
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting.models import Status, Submission

NOT_STARTED = "chưa báo cáo"
STATES: dict[str, str] = {
    Status.DRAFT: "đang soạn",
    Status.SUBMITTED: "đã gửi chưa duyệt",
    Status.RETURNED: "bị trả lại",
}
# Best first: of several submissions of one organisation and period, the furthest along counts.
_RANK: dict[str, int] = {
    Status.ACCEPTED: 0,
    Status.SUBMITTED: 1,
    Status.RETURNED: 2,
    Status.DRAFT: 3,
}


@dataclass(frozen=True)
class Missing:
    """An organisation with no accepted submission for one of the report's periods."""

    unit: Unit
    organisation: Organisation
    period: str
    status: str | None  # None: nothing reported

    @property
    def state(self) -> str:
        return STATES.get(self.status, NOT_STARTED) if self.status else NOT_STARTED


def missing_organisations(units: list[Unit], periods: list[str]) -> tuple[list[Missing], int]:
    """Organisations of these units without an accepted submission in each period, and how
    many organisation-periods were expected in all."""
    organisations = list(
        Organisation.objects.filter(unit__in=units, is_active=True)
        .select_related("unit", "kind")
        .order_by("unit__path", "kind__order")
    )
    best: dict[tuple[int, str], str] = {}
    for organisation_id, period, status in Submission.objects.filter(
        organisation__in=organisations, period__in=periods
    ).values_list("organisation_id", "period", "status"):
        known = best.get((organisation_id, period))
        if known is None or _RANK.get(status, 9) < _RANK.get(known, 9):
            best[(organisation_id, period)] = status
    missing = [
        Missing(o.unit, o, period, best.get((o.pk, period)))
        for period in periods
        for o in organisations
        if best.get((o.pk, period)) != Status.ACCEPTED
    ]
    return missing, len(organisations) * len(periods)


def status_paragraph(missing: list[Missing], expected: int, *, label: str, draft: bool) -> str:
    """One paragraph for part I: how many are missing from the report, by state."""
    by_state = Counter(m.state for m in missing)
    states = ", ".join(
        f"{format_number(by_state[state], pad=True)} {state}"
        for state in [NOT_STARTED, *STATES.values()]
        if by_state[state]
    )
    text = (
        f"Tình hình báo cáo {label}: {format_number(len(missing), pad=True)}/"
        f"{format_number(expected, pad=True)} báo cáo của các tổ chức chưa được duyệt ({states}); "
        f"số liệu của các báo cáo này chưa được tổng hợp"
    )
    if draft and by_state[STATES[Status.SUBMITTED]]:
        text += " (trừ báo cáo đã gửi chưa duyệt, có trong dự thảo này)"
    return text + ". Danh sách chi tiết tại phụ lục kèm theo."


def status_appendix(missing: list[Missing], *, label: str) -> dict[str, Any]:
    """The appendix listing each missing organisation by unit, with its state."""
    several = len({m.period for m in missing}) > 1
    return {
        "title": f"Các tổ chức chưa có báo cáo được duyệt {label}",
        "columns": ["Đơn vị", "Tổ chức", "Tình hình báo cáo"],
        "rows": [
            [
                m.unit.full_name[:1].upper() + m.unit.full_name[1:],
                m.organisation.name,
                f"{m.state} ({Period.parse(m.period).label})" if several else m.state,
            ]
            for m in missing
        ],
        "total": [],
    }

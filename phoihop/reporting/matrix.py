"""Who has reported: organisations × units for one period, with counts and rates, read live."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypedDict

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from phoihop.accounts.permissions import unit_exists_in
from phoihop.core.numbers import format_percent
from phoihop.core.periods import Period
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Unit
from phoihop.reporting.models import Status, Submission, submitted_late
from phoihop.reporting.selectors import periods_with_submissions
from phoihop.reporting.windows import deadline_of

# The state of one cell, in the order the legend lists them.
NOT_STARTED = "not_started"
DRAFT = "draft"
ON_TIME = "on_time"
LATE = "late"
RETURNED = "returned"
ACCEPTED = "accepted"
STATE_LABELS = {
    NOT_STARTED: _("chưa nhập"),
    DRAFT: _("đang soạn"),
    ON_TIME: _("đã gửi đúng hạn"),
    LATE: _("đã gửi chậm"),
    RETURNED: _("bị trả lại"),
    ACCEPTED: _("đã duyệt"),
}
# Short marks so that a phone can show seven columns; the full label is the cell's title.
STATE_MARKS = {
    NOT_STARTED: "–",
    DRAFT: _("soạn"),
    ON_TIME: _("đúng hạn"),
    LATE: _("chậm"),
    RETURNED: _("trả lại"),
    ACCEPTED: _("duyệt"),
}


@dataclass
class Cell:
    unit: Unit
    kind: OrganisationKind
    organisation: Organisation | None = None
    form: Form | None = None
    submission: Submission | None = None
    state: str | None = None  # None: no organisation or no form expected here
    deadline: dt.date | None = None

    @property
    def expected(self) -> bool:
        return self.state is not None

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state]) if self.state else ""

    @property
    def mark(self) -> str:
        return str(STATE_MARKS[self.state]) if self.state else ""


@dataclass
class Tally:
    """Counts over a row, a column or the whole matrix."""

    expected: int = 0
    reported: int = 0
    on_time: int = 0
    states: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATE_LABELS, 0))

    def add(self, cell: Cell) -> None:
        if cell.state is None:  # not expected
            return
        self.expected += 1
        self.states[cell.state] += 1
        submission = cell.submission
        if submission is not None and submission.status in (Status.SUBMITTED, Status.ACCEPTED):
            self.reported += 1
            if not _is_late(submission, cell.deadline):
                self.on_time += 1

    @property
    def reported_rate(self) -> Decimal | None:
        return _rate(self.reported, self.expected)

    @property
    def on_time_rate(self) -> Decimal | None:
        return _rate(self.on_time, self.expected)

    @property
    def reported_text(self) -> str:
        return _percent_text(self.reported_rate)

    @property
    def on_time_text(self) -> str:
        return _percent_text(self.on_time_rate)


class MatrixRow(TypedDict):
    """One unit's line of the matrix: its cells in the order of the kinds, and their counts."""

    unit: Unit
    cells: list[Cell]
    tally: Tally


def _rate(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def _percent_text(rate: Decimal | None) -> str:
    if rate is None:
        return "—"
    return format_percent(rate.normalize() if rate == rate.to_integral() else rate)


def _is_late(submission: Submission, deadline: dt.date | None) -> bool:
    return deadline is not None and submitted_late(submission.submitted_at, deadline)


def _state(submission: Submission | None, deadline: dt.date) -> str:
    if submission is None:
        return NOT_STARTED
    if submission.status == Status.ACCEPTED:
        return ACCEPTED
    if submission.status == Status.RETURNED:
        return RETURNED
    if submission.status == Status.SUBMITTED:
        return LATE if _is_late(submission, deadline) else ON_TIME
    return DRAFT


def reporting_matrix(*, unit: Unit, period: Period, organisations: QuerySet[Organisation]) -> dict:
    """The matrix of one unit and its communes: one row per unit, one column per kind.

    Units run down the side because a district has many communes and only seven kinds of
    organisation: the table then fits a phone's width. Six queries, whatever the size.
    `organisations` is what the reader may see; cells of others stay empty.
    """
    # The communes of the period itself: a 2020 matrix shows 2020's communes.
    day = period.end_date("calendar")
    # A unit that did not exist in the period (merged away, or not yet created) expects nothing.
    exists = unit_exists_in(unit, period.id, convention="calendar")
    units = [unit] if exists else []
    units += list(Unit.objects.filter(parent=unit).valid_on(day).order_by("path"))
    kinds = list(OrganisationKind.objects.order_by("order"))
    orgs = {
        (o.unit_id, o.kind_id): o
        for o in organisations.filter(unit__in=units, is_active=True).select_related("unit")
    }
    forms = list(Form.objects.filter(is_active=True).prefetch_related("organisation_kinds"))
    submissions = {
        (s.organisation_id, s.form_id): s
        for s in Submission.objects.filter(period=period.id, organisation__in=orgs.values()).only(
            "pk", "organisation_id", "form_id", "status", "submitted_at", "period"
        )
    }
    rows: list[MatrixRow] = []
    columns = [Tally() for _k in kinds]
    overall = Tally()
    for row_unit in units:
        cells = []
        tally = Tally()
        for index, kind in enumerate(kinds):
            cell = Cell(unit=row_unit, kind=kind)
            organisation = orgs.get((row_unit.pk, kind.pk))
            form = (
                next((f for f in forms if f.is_reported_by(organisation)), None)
                if organisation is not None
                else None
            )
            if organisation is not None and form is not None:
                cell.organisation, cell.form = organisation, form
                cell.deadline = deadline_of(form, period.id)
                cell.submission = submissions.get((organisation.pk, form.pk))
                cell.state = _state(cell.submission, cell.deadline)
            cells.append(cell)
            tally.add(cell)
            columns[index].add(cell)
            overall.add(cell)
        rows.append(MatrixRow(unit=row_unit, cells=cells, tally=tally))
    deadlines = sorted({d for r in rows for c in r["cells"] if (d := c.deadline)})
    return {
        "unit": unit,
        "unit_missing": not exists,
        "period": period,
        "kinds": kinds,
        "rows": rows,
        "columns": columns,
        "overall": overall,
        "deadlines": deadlines,
        "states": [
            (key, label, STATE_MARKS[key], overall.states[key])
            for key, label in STATE_LABELS.items()
        ],
        "forms": sorted({c.form for r in rows for c in r["cells"] if c.form}, key=lambda f: f.code),
    }


def matrix_periods(submissions: QuerySet[Submission], *, current: Period) -> list[Period]:
    """The periods the chooser offers: every period with submissions, and the current one."""
    return sorted({current, *periods_with_submissions(submissions)}, reverse=True)

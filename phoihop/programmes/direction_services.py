"""Every write of the tasks drawn from a report's directions (phương hướng): made the tasks of
the next period, then each closed as done, postponed or cancelled. The common plan's writes
are in `services`; the permission asked is the same (`can_plan_for`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.core.dates import format_date
from phoihop.core.periods import CUTOFF_15, Period
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes import selectors
from phoihop.programmes.models import Direction, JointActivity, PlannedActivity
from phoihop.programmes.services import ProgrammeError
from phoihop.reporting.services import form_for


def _convention(organisation: Organisation) -> str:
    form = form_for(organisation)
    return form.period_convention if form is not None else CUTOFF_15


@transaction.atomic
def create_tasks_from_directions(
    *, user: permissions.AnyUser, unit: Unit, period: str
) -> list[Direction]:
    """The tasks of `period` from the directions of the unit's accepted report of the period
    before, led by the command and due at the period's end (to be adjusted one by one). Made
    once: asked again, the tasks already made are returned as they are."""
    if not permissions.can_plan_for(user, unit):
        raise PermissionDenied
    parsed = Period.parse(period)
    source = parsed.previous()
    # Two clicks at once: the second waits here, then finds the tasks the first one made.
    Unit.objects.select_for_update().only("pk").get(pk=unit.pk)
    made = Direction.objects.filter(unit=unit, period=parsed.id, source_period=source.id)
    if made.exists():
        return list(made.order_by("order", "pk"))
    lines = selectors.report_directions(unit, source)
    if not lines:
        raise ProgrammeError(
            [
                _(
                    "Báo cáo %(period)s của %(unit)s chưa được duyệt hoặc không ghi phương "
                    "hướng: chưa có nhiệm vụ nào để tạo."
                )
                % {"period": source.label, "unit": unit.full_name}
            ]
        )
    command = Organisation.objects.filter(unit=unit, kind__is_command=True).first()
    if command is None:
        raise ProgrammeError([_("Đơn vị chưa có cơ quan thường trực để chủ trì nhiệm vụ.")])
    due_on = parsed.end_date(_convention(command))
    # The common plan of the period may already carry a direction as a planned activity.
    planned = {
        p.title: p
        for p in PlannedActivity.objects.filter(
            plan__unit=unit, plan__period=parsed.id, source=PlannedActivity.Source.DIRECTION
        )
    }
    last = Direction.objects.filter(unit=unit, period=parsed.id).aggregate(m=Max("order"))["m"]
    return Direction.objects.bulk_create(
        Direction(
            unit=unit,
            source_period=source.id,
            period=parsed.id,
            title=selectors.direction_title(line),
            text=line,
            lead=command,
            due_on=due_on,
            planned=planned.get(line[:500]),
            order=(last or 0) + number,
            created_by=user,
        )
        for number, line in enumerate(lines, start=1)
    )


@dataclass(frozen=True)
class TaskChange:
    """How a task stands now, as the office says it; None leaves a field as it is."""

    status: str
    reason: str = ""
    title: str | None = None
    lead: Organisation | None = None
    partners: list[Organisation] | None = None
    due_on: dt.date | None = None
    activity: JointActivity | None = None
    planned: PlannedActivity | None = None


def _refusals(task: Direction, change: TaskChange) -> list[str]:
    errors = []
    if change.status not in Direction.Status.values:
        errors.append(_("Kết quả không hợp lệ."))
    postponed = (Direction.Status.POSTPONED, Direction.Status.CANCELLED)
    if change.status in postponed and not change.reason.strip():
        errors.append(_("Hoãn hoặc huỷ cần ghi lý do."))
    if change.title is not None and not change.title.strip():
        errors.append(_("Cần ghi tên nhiệm vụ."))
    bodies = [change.lead] if change.lead is not None else []
    if any(b.unit_id != task.unit_id for b in [*bodies, *(change.partners or [])]):
        errors.append(_("Cơ quan chủ trì, phối hợp phải cùng đơn vị với nhiệm vụ."))
    lead = change.lead or task.lead
    # Partners not given stay as they are; a new lead may not be one of them either.
    partners = change.partners
    if partners is None and change.lead is not None:
        partners = list(task.partners.all())
    both = [p for p in partners or [] if p.pk == lead.pk]
    if both:
        errors.append(
            _("%(name)s đã chủ trì nhiệm vụ, không thể đồng thời là cơ quan phối hợp.")
            % {"name": both[0].name}
        )
    if change.due_on is not None:
        period = Period.parse(task.period)
        if change.due_on not in period.date_range(_convention(lead)):
            errors.append(
                _("Thời hạn phải trong %(period)s (từ %(start)s đến %(end)s).")
                % {
                    "period": period.label,
                    "start": format_date(period.start_date(_convention(lead))),
                    "end": format_date(period.end_date(_convention(lead))),
                }
            )
    if change.activity is not None and change.activity.unit_id != task.unit_id:
        errors.append(_("Hoạt động đã thực hiện phải của cùng đơn vị."))
    if change.planned is not None and change.planned.plan.unit_id != task.unit_id:
        errors.append(_("Việc trong kế hoạch chung phải của cùng đơn vị."))
    return errors


@transaction.atomic
def update_task(*, user: permissions.AnyUser, task: Direction, change: TaskChange) -> Direction:
    """Say how a task stands: done (with what carried it out, if anything), postponed or
    cancelled (with a reason), or still open; and who leads it, with which partners (never
    the lead itself), by when. A refusal (ProgrammeError) changes nothing; a change is one row
    of the task's history, its partners included."""
    if not permissions.can_plan_for(user, task.unit):
        raise PermissionDenied
    errors = _refusals(task, change)
    if errors:
        raise ProgrammeError(errors)
    task.status = change.status
    task.reason = change.reason.strip()
    if change.title is not None:
        task.title = change.title.strip()[:200]
    if change.lead is not None:
        task.lead = change.lead
    if change.due_on is not None:
        task.due_on = change.due_on
    if change.planned is not None:
        task.planned = change.planned
    task.activity = change.activity if change.status == Direction.Status.DONE else None
    if change.partners is not None:
        # Set quietly: the one history row the save below writes records them with the rest.
        task.skip_history_when_saving = True  # type: ignore[attr-defined]
        try:
            task.partners.set(change.partners)
        finally:
            del task.skip_history_when_saving  # type: ignore[attr-defined]
    task._history_user = user  # type: ignore[attr-defined]
    task.save()
    return task

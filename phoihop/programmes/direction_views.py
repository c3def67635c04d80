"""The tasks drawn from a report's directions, on the common plan's page: made from the last
report's part two, then each said done, postponed or cancelled (by the office)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import permissions
from phoihop.core.periods import Period, PeriodError
from phoihop.core.views import report_errors
from phoihop.organisations.models import Organisation
from phoihop.programmes import direction_services
from phoihop.programmes.forms import DirectionForm
from phoihop.programmes.models import Direction
from phoihop.programmes.services import ProgrammeError


@login_required
@require_POST
def directions_create(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """Make the period's tasks from the directions of the unit's last accepted report."""
    unit = permissions.access_unit_by_id(request.user, unit_id)
    try:
        parsed = Period.parse(period)
        source = parsed.previous()
    except PeriodError:
        raise Http404 from None
    if not permissions.can_plan_for(request.user, unit):
        raise PermissionDenied
    try:
        tasks = direction_services.create_tasks_from_directions(
            user=request.user, unit=unit, period=parsed.id
        )
    except ProgrammeError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Có %(n)d nhiệm vụ từ phương hướng %(period)s.")
            % {"n": len(tasks), "period": source.label},
        )
    return redirect(f"{_plan_url(unit.pk, parsed.id)}#directions")


@login_required
@require_POST
def direction_update(request: HttpRequest, direction_id: int) -> HttpResponse:
    """Say how one task stands: done, postponed or cancelled (with a reason), or still open."""
    task = get_object_or_404(Direction.objects.select_related("unit", "lead"), pk=direction_id)
    unit = permissions.access_unit_by_id(request.user, task.unit_id)
    if not permissions.can_plan_for(request.user, unit):
        raise PermissionDenied
    # The bodies the user may plan with, and the task's own lead and partners even where one
    # has since been closed: the row sends them back as they were, which must not change them.
    own = [task.lead_id, *task.partners.values_list("pk", flat=True)]
    bodies = permissions.bodies_to_plan_with(request.user, unit) | Organisation.objects.filter(
        pk__in=[pk for pk in own if pk is not None]
    )
    form = DirectionForm(request.POST, unit=unit, period=task.period, bodies=bodies)
    if not form.is_valid():
        report_errors(request, form, lead=_("Chưa cập nhật được: "))
        return redirect(f"{_plan_url(unit.pk, task.period)}#directions")
    data = form.cleaned_data
    # The page's row sends the lead with the partners ticked (none ticked sends no key at
    # all); a post naming neither (a program's, or a command's) leaves the partners alone.
    names_bodies = "lead" in request.POST or "partners" in request.POST
    change = direction_services.TaskChange(
        status=data["status"],
        reason=data["reason"],
        title=data["title"] or None,
        lead=data["lead"],
        partners=list(data["partners"]) if names_bodies else None,
        due_on=data["due_on"],
        activity=data["activity"],
        planned=data["planned"],
    )
    try:
        direction_services.update_task(user=request.user, task=task, change=change)
    except ProgrammeError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("Đã cập nhật nhiệm vụ."))
    return redirect(f"{_plan_url(unit.pk, task.period)}#directions")


def _plan_url(unit_id: int, period: str) -> str:
    return reverse("programmes:plan", args=[unit_id, period])

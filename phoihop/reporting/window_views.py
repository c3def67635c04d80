"""Entry-window extensions: listed on one page, granted per unit, organisation and form, and
revoked by the standing office; each change is kept in their history."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import permissions
from phoihop.core import clock
from phoihop.core.dates import parse_date
from phoihop.core.periods import Period, PeriodError
from phoihop.core.views import HtmxHttpRequest
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.reporting import services
from phoihop.reporting.entry_views import _bad
from phoihop.reporting.selectors import entry_windows_for


@login_required
def window_list(request: HttpRequest) -> HttpResponse:
    """Every extension of the units the office is responsible for, newest first."""
    if not permissions.can_extend_entry_window(request.user):
        raise PermissionDenied
    context = {
        "windows": entry_windows_for(request.user),
        "forms": Form.objects.filter(is_active=True).order_by("name"),
        "units": permissions.visible_units(request.user).order_by("path")[:500],
        "kinds": OrganisationKind.objects.order_by("order"),
        "today": clock.today(),
        "period": request.GET.get("ky", ""),
    }
    return render(request, "reporting/windows/page.html", context)


def _parse_extension(request: HttpRequest):
    """The posted extension's parts, or the Vietnamese reasons it cannot be granted."""
    post, errors = request.POST, []
    form = Form.objects.filter(code=post.get("bieu_mau", "")).first()
    if form is None:
        errors.append(_("Chọn biểu mẫu."))
    period = None
    try:
        period = Period.parse(post.get("ky", "").strip())
    except PeriodError:
        errors.append(_("Kỳ báo cáo không hợp lệ."))
    closes_on = None
    try:
        closes_on = parse_date(post.get("den_ngay", "").strip())
    except ValueError:
        errors.append(_("Ngày không hợp lệ; viết theo dạng 31/12/2027."))
    reason = post.get("ly_do", "").strip()[:2000]
    if not reason:
        errors.append(_("Cần ghi lý do gia hạn."))
    user = permissions.signed_in_user(request)
    unit = user.unit
    if post.get("don_vi"):
        unit = permissions.access_unit_by_id(user, post["don_vi"])
    if unit is None or not permissions.is_office_for(user, unit):
        raise PermissionDenied
    organisation = None
    if post.get("loai"):
        organisation = Organisation.objects.filter(unit=unit, kind__code=post["loai"]).first()
        if organisation is None:
            errors.append(_("Đơn vị này không có tổ chức đó."))
    if closes_on is not None and closes_on < clock.today() - dt.timedelta(days=1):
        errors.append(_("Ngày gia hạn đã qua."))
    return form, period, unit, organisation, closes_on, reason, errors


@login_required
@require_POST
def extend_window(request: HtmxHttpRequest) -> HttpResponse:
    """The office lets a form's period be entered late by a unit (and the units below it) or
    by one of its organisations, until a day."""
    if not permissions.can_extend_entry_window(request.user):
        raise PermissionDenied
    form, period, unit, organisation, closes_on, reason, errors = _parse_extension(request)
    if errors:
        return _bad(request, " ".join(errors))
    services.extend_entry_window(
        user=request.user,
        form=form,
        period=period.id,
        unit=unit,
        organisation=organisation,
        closes_on=closes_on,
        reason=reason,
    )
    messages.success(
        request,
        _("Đã gia hạn nhập liệu «%(form)s» kỳ %(period)s cho %(who)s.")
        % {
            "form": form.name,
            "period": period.label,
            "who": organisation.name if organisation else unit.full_name,
        },
    )
    return redirect(f"{reverse('reporting:windows')}?ky={period.id}")


@login_required
@require_POST
def revoke_window(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_extend_entry_window(request.user):
        raise PermissionDenied
    # Not found and not the office's own look the same: nothing is revealed.
    window = get_object_or_404(entry_windows_for(request.user), pk=pk)
    try:
        services.revoke_entry_window(window, user=request.user)
    except services.WorkflowError as exc:
        return _bad(request, exc.message)
    messages.success(request, _("Đã thu hồi gia hạn."))
    return redirect("reporting:windows")

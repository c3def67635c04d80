"""The bell: a person's notifications, their unread count, and marking them read (POST only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from phoihop.accounts.permissions import signed_in_user
from phoihop.core.views import HtmxHttpRequest
from phoihop.reporting import notifications

# The bell in the site shell listens for this event and fetches its count again.
CHANGED = "phoihop-notifications-changed"


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    # Opening the list reads it but marks nothing: a GET never writes.
    rows = notifications.notifications_for(signed_in_user(request))
    unread = sum(1 for n in rows if n.read_at is None)
    return render(
        request,
        "reporting/notifications/list.html",
        {"notifications": rows, "unread": unread},
    )


@login_required
@require_GET
def notification_count(request: HttpRequest) -> HttpResponse:
    """The bell's count, loaded by htmx after the page so no page pays a query for it."""
    count = notifications.unread_count(signed_in_user(request))
    return render(request, "reporting/notifications/_bell.html", {"count": count})


@login_required
@require_POST
def notification_read(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Mark one of one's own notifications read; anyone else's is 404."""
    user = signed_in_user(request)
    notification = notifications.access_notification_by_id(user, pk)
    notifications.mark_read(notification)
    if request.htmx:
        # The item in place, and the line above the list with its new unread count.
        context = {
            "n": notification,
            "unread": notifications.unread_count(user),
            "oob": True,
        }
        response = render(request, "reporting/notifications/_read.html", context)
        response["HX-Trigger"] = CHANGED
        return response
    return redirect("reporting:notifications")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notifications.mark_all_read(signed_in_user(request))
    if count:
        messages.success(request, _("Đã đánh dấu tất cả thông báo là đã đọc."))
    else:
        messages.info(request, _("Không có thông báo nào chưa đọc."))
    return redirect("reporting:notifications")

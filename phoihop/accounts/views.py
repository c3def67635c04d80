"""A person's own account page: who they are here, and how they hear of notifications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phoihop.accounts import services
from phoihop.accounts.forms import NotificationSettingsForm


@login_required
def account_settings(request: HttpRequest) -> HttpResponse:
    """GET shows the page; POST saves the notification settings of the signed-in person only."""
    user = request.user
    if request.method != "POST":
        form = NotificationSettingsForm(initial={"email": user.email, "notify_by": user.notify_by})
        return render(request, "accounts/settings.html", {"form": form})
    form = NotificationSettingsForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/settings.html", {"form": form}, status=400)
    services.update_notification_settings(user, **form.cleaned_data)
    messages.success(request, _("Đã lưu cách nhận thông báo."))
    return redirect("accounts:settings")

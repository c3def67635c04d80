"""A person's own account (notifications, password), signing in, and the office's page of
locked sign-ins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.accounts import permissions, selectors, services
from phoihop.accounts.forms import NotificationSettingsForm

# The sign-in pages show the application's name, never the host they were reached at (Django's
# views would put the request's host in `site_name`).
_NO_HOST = {"site_name": "phoihop", "site": None}


@login_required
def account_settings(request: HttpRequest) -> HttpResponse:
    """GET shows the page; POST saves the notification settings of the signed-in person only."""
    user = permissions.signed_in_user(request)
    if request.method != "POST":
        form = NotificationSettingsForm(initial={"email": user.email, "notify_by": user.notify_by})
        return render(request, "accounts/settings.html", {"form": form})
    form = NotificationSettingsForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/settings.html", {"form": form}, status=400)
    services.update_notification_settings(user, **form.cleaned_data)
    messages.success(request, _("Đã lưu cách nhận thông báo."))
    return redirect("accounts:settings")


class SignIn(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    extra_context = _NO_HOST


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: dict | None = None
) -> HttpResponse:
    """django-axes' answer to a locked username and address: the sign-in page, saying so."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = AuthenticationForm(request, data=request.POST or None)
    context = {**_NO_HOST, "form": form, "locked_minutes": minutes, "next": ""}
    return render(request, "accounts/login.html", context, status=429)


class PasswordChange(SuccessMessageMixin, auth_views.PasswordChangeView):
    """A signed-in person changes their own password (and stays signed in)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")
    success_message = gettext_lazy("Đã đổi mật khẩu.")


class PasswordReset(auth_views.PasswordResetView):
    """Forgotten password: a link by e-mail to the address stored for the account."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_context = _NO_HOST

    @property
    def extra_email_context(self) -> dict[str, str]:  # type: ignore[override]
        # The link starts with the address users reach the site at, when it is configured.
        return {"site_url": settings.PHOIHOP_SITE_URL.rstrip("/")}


class PasswordResetDone(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"
    extra_context = _NO_HOST


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = _NO_HOST


class PasswordResetComplete(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    extra_context = _NO_HOST


@login_required
def sign_in_locks(request: HttpRequest) -> HttpResponse:
    """GET lists the sign-ins being counted or locked; POST unlocks one username."""
    if not permissions.may_unlock_sign_ins(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username = request.POST.get("username", "")
        if not username or not permissions.may_unlock_sign_in_of(request.user, username):
            raise PermissionDenied
        services.unlock_sign_in(username=username)
        messages.success(request, _("Đã mở khoá đăng nhập cho %(name)s.") % {"name": username})
        return redirect("accounts:sign_in_locks")
    locks = selectors.sign_in_locks(request.user)
    return render(request, "accounts/sign_in_locks.html", {"locks": locks})

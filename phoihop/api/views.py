"""A person's own page of API access tokens: list, create (shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from phoihop.accounts.permissions import signed_in_user
from phoihop.api import selectors, services


@login_required
@require_GET
def token_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "api/tokens.html", {"tokens": selectors.tokens_of(signed_in_user(request))}
    )


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    token, raw = services.create_token(
        user=signed_in_user(request), name=request.POST.get("name", "")
    )
    # The token itself is shown on this answer only: it is not kept, and not put in a redirect.
    return render(
        request,
        "api/tokens.html",
        {"tokens": selectors.tokens_of(signed_in_user(request)), "new_token": raw, "new": token},
        status=201,
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.tokens_of(signed_in_user(request)).filter(pk=pk).first()
    if token is None:
        raise Http404  # not one of the person's own: nothing revoked, nothing revealed
    services.revoke_token(token, user=signed_in_user(request))
    messages.success(request, _("Đã thu hồi mã %(prefix)s….") % {"prefix": token.prefix})
    return redirect("api:tokens")

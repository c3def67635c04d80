"""Pages of the catalogue: indicators and forms, readable by everyone signed in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from phoihop.accounts.permissions import can_view_catalogue
from phoihop.core import clock
from phoihop.indicators.selectors import form_detail, form_list, indicator_detail, indicator_list


def _authorise(request: HttpRequest) -> None:
    if not can_view_catalogue(request.user):
        raise PermissionDenied


@login_required
def indicator_index(request: HttpRequest) -> HttpResponse:
    _authorise(request)
    return render(request, "indicators/indicator_list.html", {"indicators": indicator_list()})


@login_required
def indicator_view(request: HttpRequest, code: str) -> HttpResponse:
    _authorise(request)
    data = indicator_detail(code)
    if data is None:
        raise Http404
    return render(request, "indicators/indicator_detail.html", data)


@login_required
def form_index(request: HttpRequest) -> HttpResponse:
    _authorise(request)
    return render(request, "indicators/form_list.html", {"forms": form_list()})


@login_required
def form_view(request: HttpRequest, code: str) -> HttpResponse:
    _authorise(request)
    data = form_detail(code, today=clock.today())
    if data is None:
        raise Http404
    return render(request, "indicators/form_detail.html", data)

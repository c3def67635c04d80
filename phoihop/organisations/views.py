"""Pages of the organisations."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from phoihop.accounts.permissions import (
    access_organisation_by_id,
    visible_organisations,
    visible_submissions,
)
from phoihop.organisations.selectors import organisation_detail, organisations_by_unit


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    groups = organisations_by_unit(visible_organisations(request.user))
    return render(request, "organisations/organisation_list.html", {"groups": groups})


@login_required
def organisation_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access_organisation_by_id(request.user, pk)
    data = organisation_detail(organisation, submissions=visible_submissions(request.user))
    return render(request, "organisations/organisation_detail.html", data)

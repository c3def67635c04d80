"""The home page: what the signed-in person has to do now, and how reporting stands."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from phoihop.accounts import permissions
from phoihop.accounts.models import Role
from phoihop.accounts.permissions import (
    visible_organisations,
    visible_submissions,
    visible_units,
)
from phoihop.core import clock
from phoihop.reporting.selectors import home_overview, open_entries

REPORTER_ROLES: tuple[str, ...] = (Role.ORG_REPORTER, Role.COMMUNE_REPORTER)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = permissions.signed_in_user(request)
    units = visible_units(user)
    submissions = visible_submissions(user)
    # Where the reader stands: the unit of their board or office, their organisation's unit,
    # the communes a member follows, or the top of the hierarchy they may read.
    if user.role == Role.ORG_REPORTER and user.organisation is not None:
        scope_units = [user.organisation.unit]
    elif user.role == Role.MEMBER:
        scope_units = list(units.filter(pk__in=user.assigned_units.all()).order_by("path"))
    elif user.unit is not None:
        scope_units = [user.unit]
    else:
        scope_units = list(units.filter(parent__isnull=True).order_by("path"))
    data = home_overview(
        scope_units=scope_units,
        units=units,
        organisations=visible_organisations(user),
        submissions=submissions,
        own_submissions=submissions if user.role in REPORTER_ROLES else None,
        today=clock.today(),
    )
    if user.role in REPORTER_ROLES:
        # The periods the reporter may enter now, as "Nhập báo cáo kỳ …" buttons.
        data["open_entries"] = open_entries(
            [o for o in data["organisations"] if permissions.can_enter_for(user, o)],
            today=clock.today(),
        )
    context = {
        **data,
        "is_reporter": user.role in REPORTER_ROLES,
        # The who-has-reported matrix is drawn for a district or a province; a member follows
        # a few communes, whose submissions the list shows instead.
        "follows_communes": user.role == Role.MEMBER,
    }
    return render(request, "reporting/home.html", context)

"""Pages of the unit hierarchy."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from phoihop.accounts.permissions import access_unit_by_id, visible_organisations, visible_units
from phoihop.core.dates import DateFormatError, format_date, parse_date
from phoihop.core.views import render_page
from phoihop.places.selectors import unit_detail, unit_tree


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = visible_units(request.user)
    raw_day = request.GET.get("ngay", "").strip()
    day, error = None, None
    if raw_day:
        try:
            day = parse_date(raw_day)
        except DateFormatError:
            # A mistyped date shows every unit with a note rather than an error page.
            error = _("Không đọc được ngày «%(text)s»; đang hiện mọi đơn vị.") % {"text": raw_day}
    context = {
        "rows": unit_tree(units, valid_on=day),
        "day": day,
        "day_iso": day.isoformat() if day else "",
        "day_text": format_date(day),
        "error": error,
    }
    return render_page(
        request, "places/unit_list.html", context, fragment="places/_unit_table.html"
    )


@login_required
def unit_view(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access_unit_by_id(request.user, pk)
    data = unit_detail(
        unit,
        visible_units=visible_units(request.user),
        visible_organisations=visible_organisations(request.user),
    )
    return render(request, "places/unit_detail.html", data)

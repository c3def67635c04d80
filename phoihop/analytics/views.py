"""Pages of analytics: the dashboard, the pivot, its exports and favourites."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts.permissions import signed_in_user
from phoihop.analytics import services
from phoihop.analytics.selectors import (
    BY_CHILDREN,
    BY_COMMUNES,
    BY_SELF,
    ROWS_KIND,
    ROWS_PERIOD,
    ROWS_UNIT,
    dashboard_data,
    parse_pivot_params,
    run_pivot,
    unit_choices,
)
from phoihop.core.views import render_page
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import OrganisationKind

MAX_UNIT_CHOICES = 400


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    data = dashboard_data(request.user)
    return render_page(request, "analytics/dashboard.html", data)


def _form_choices(user) -> dict:
    return {
        "all_indicators": list(Indicator.objects.order_by("pk").only("code", "name", "unit_label")),
        "unit_choices": unit_choices(user, limit=MAX_UNIT_CHOICES),
        "kind_choices": list(OrganisationKind.objects.order_by("order", "code")),
        "by_choices": [
            (BY_CHILDREN, _("theo các đơn vị trực thuộc")),
            (BY_COMMUNES, _("theo mọi xã, phường, thị trấn bên dưới")),
            (BY_SELF, _("chỉ đơn vị này")),
        ],
        "row_choices": [
            (ROWS_UNIT, _("đơn vị")),
            (ROWS_KIND, _("tổ chức")),
            (ROWS_PERIOD, _("kỳ báo cáo")),
        ],
    }


@login_required
def pivot(request: HttpRequest) -> HttpResponse:
    query = parse_pivot_params(request.GET, user=request.user)
    result = run_pivot(query, user=request.user)
    share = urlencode(query.as_params())
    context = {
        "query": query,
        "result": result,
        "share": share,
        "period_text": query.as_params()["ky"],
        "chart": result.chart_data(),
        "selected_codes": {i.code for i in query.indicators},
        "selected_kinds": {k.code for k in query.kinds or ()},
        **_form_choices(request.user),
    }
    return render_page(
        request, "analytics/pivot.html", context, fragment="analytics/_pivot_result.html"
    )


@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    query = parse_pivot_params(request.GET, user=request.user)
    result = run_pivot(query, user=request.user)
    name = f"phan-tich-{query.unit.code or 'x'}-{query.periods[0].id}-{query.periods[-1].id}"
    if fmt == "xlsx":
        response = HttpResponse(
            services.export_xlsx(result),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(services.export_csv(result), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
@require_POST
def favourite_add(request: HttpRequest) -> HttpResponse:
    query = parse_pivot_params(_query_dict(request.POST.get("query", "")), user=request.user)
    services.save_favourite(
        signed_in_user(request),
        name=request.POST.get("name", ""),
        query=urlencode(query.as_params()),
    )
    messages.success(request, _("Đã lưu bảng vào trang phân tích của bạn."))
    return redirect("analytics:dashboard")


@login_required
@require_POST
def favourite_delete(request: HttpRequest, favourite_id: int) -> HttpResponse:
    if not services.delete_favourite(signed_in_user(request), favourite_id=favourite_id):
        raise Http404  # not one of the user's own: nothing was deleted, nothing is revealed
    messages.success(request, _("Đã xoá bảng khỏi danh sách yêu thích."))
    return redirect("analytics:dashboard")


def _query_dict(text: str):

    return QueryDict(text.lstrip("?")[:2000])

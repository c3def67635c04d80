"""The committee's pages: the overview, a board, the member's page, the inspection ranking."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import permissions
from phoihop.committee import forms, selectors, services
from phoihop.committee.models import Member
from phoihop.committee.view_steps import carry_out
from phoihop.core import clock
from phoihop.core.periods import CUTOFF_15, HALF, Period, PeriodError
from phoihop.reporting.windows import reporting_period_now


def _period(text: str | None, *, default: Period) -> Period:
    if not text:
        return default
    try:
        return Period.parse(text)
    except PeriodError:
        raise Http404 from None


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if permissions.is_member(request.user):
        return redirect("committee:member")
    user = permissions.signed_in_user(request)
    unit = user.unit
    if unit is not None and not permissions.can_view_committee_of(user, unit):
        unit = None
    context = {
        "unit": unit,
        "inspections": selectors.inspections_for(user),
        "notices": selectors.notices_for(user),
        "plans": unit is not None and permissions.can_plan_inspections(user, unit),
    }
    return render(request, "committee/index.html", context)


@login_required
def board(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = selectors.access_committee_unit(request.user, unit_id)
    data = selectors.board_page(unit, day=selectors.day_of(unit, clock.today()))
    manage = permissions.can_manage_board(request.user, unit)
    context = {
        "unit": unit,
        **data,
        "manage": manage,
        "member_form": forms.MemberForm() if manage else None,
        "document_form": forms.BoardDocumentForm() if manage else None,
    }
    return render(request, "committee/board.html", context)


@login_required
@require_POST
def add_member(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = selectors.access_committee_unit(request.user, unit_id)
    if not permissions.can_manage_board(request.user, unit):
        raise PermissionDenied
    carry_out(
        request,
        lambda data: services.add_member(unit, **data),
        form=forms.MemberForm(request.POST),
        done=_("Đã thêm thành viên."),
    )
    return redirect("committee:board", unit_id=unit.pk)


@login_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    member: Member = selectors.access_member_by_id(request.user, pk)
    unit = member.board.unit
    day = selectors.day_of(unit, clock.today())
    carry_out(
        request,
        lambda data: services.assign_member(member, units=data["units"], since=data["since"]),
        form=forms.AssignForm(request.POST, communes=selectors.communes_of(unit, day=day)),
        done=_("Đã phân công địa bàn cho %(name)s.") % {"name": member.full_name},
    )
    return redirect("committee:board", unit_id=unit.pk)


@login_required
@require_POST
def upload_document(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = selectors.access_committee_unit(request.user, unit_id)
    if not permissions.can_manage_board(request.user, unit):
        raise PermissionDenied
    carry_out(
        request,
        lambda data: services.upload_board_document(
            unit,
            kind=data["kind"],
            issued_on=data["issued_on"],
            number=data["number"],
            version=data["version"],
            filename=data["file"].name,
            content=data["file"].read(services.MAX_DOCUMENT_BYTES + 1),
            user=permissions.signed_in_user(request),
        ),
        form=forms.BoardDocumentForm(request.POST, request.FILES),
        done=_("Đã lưu văn bản."),
    )
    return redirect("committee:board", unit_id=unit.pk)


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
}


@login_required
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.access_board_document_by_id(request.user, pk)
    suffix = document.filename.rsplit(".", 1)[-1].lower()
    response = HttpResponse(
        bytes(document.content), content_type=CONTENT_TYPES.get(suffix, "application/octet-stream")
    )
    response["Content-Disposition"] = content_disposition_header(True, document.filename)
    return response


@login_required
def member(request: HttpRequest) -> HttpResponse:
    if not permissions.is_member(request.user):
        raise PermissionDenied
    today = clock.today()
    period = _period(request.GET.get("ky"), default=reporting_period_now(today=today))
    context = {
        "period": period,
        "rows": selectors.member_page(
            permissions.signed_in_user(request), today=today, period=period
        ),
        "notices": selectors.notices_for(permissions.signed_in_user(request)),
        "no_programme": "chưa có chương trình",
    }
    return render(request, "committee/member.html", context)


@login_required
def ranking(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = selectors.access_committee_unit(request.user, unit_id)
    if not permissions.can_plan_inspections(request.user, unit):
        raise PermissionDenied
    today = clock.today()
    period = _period(request.GET.get("ky"), default=Period.containing(today, HALF, CUTOFF_15))
    weights = selectors.weights_of(unit)
    context = {
        "unit": unit,
        "period": period,
        "ranked": selectors.risk_ranking(unit, period, weights=selectors.as_weights(weights)),
        "form": forms.WeightsForm(instance=weights),
    }
    return render(request, "committee/ranking.html", context)


@login_required
@require_POST
def save_weights(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = selectors.access_committee_unit(request.user, unit_id)
    if not permissions.can_plan_inspections(request.user, unit):
        raise PermissionDenied
    carry_out(
        request,
        lambda data: services.save_risk_weights(
            unit, values=data, user=permissions.signed_in_user(request)
        ),
        form=forms.WeightsForm(request.POST, instance=selectors.weights_of(unit)),
        done=_("Đã lưu trọng số xếp hạng."),
    )
    period = request.POST.get("ky", "")
    url = reverse("committee:ranking", args=[unit.pk])
    return redirect(url + (f"?ky={period}" if period else ""))

"""Downloads of the committee's documents: an inspection plan, an inspection's minutes, and a
member's short report on their communes (all DOCX, built by inspection_docs)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from phoihop.accounts import permissions
from phoihop.committee import selectors
from phoihop.committee.models import InspectionStatus
from phoihop.core import clock
from phoihop.core.periods import Period, PeriodError
from phoihop.documents import inspection_docs
from phoihop.documents.views import _download
from phoihop.reporting.windows import reporting_period_now


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.access_plan_by_id(request.user, pk)
    return _download(inspection_docs.plan_docx(inspection_docs.stored_plan_data(plan)))


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.access_inspection_by_id(request.user, pk)
    if inspection.status != InspectionStatus.DONE:
        raise Http404
    return _download(inspection_docs.minutes_docx(inspection))


@login_required
def member_report(request: HttpRequest) -> HttpResponse:
    if not permissions.is_member(request.user):
        raise PermissionDenied
    try:
        period = Period.parse(request.GET.get("ky") or reporting_period_now(today=clock.today()).id)
    except PeriodError:
        raise Http404 from None
    return _download(inspection_docs.member_report_docx(request.user, period=period))

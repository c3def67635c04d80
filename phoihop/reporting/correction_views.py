"""Returning a submission for correction from a validation result: a workflow step taken on the
validation page, so it lives with the workflow (validation never imports it)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.core.views import HtmxHttpRequest
from phoihop.reporting import workflow
from phoihop.reporting.services import WorkflowError
from phoihop.validation import selectors as validation_selectors


def _result_fragment(request: HttpRequest, result, *, error: str = "", status: int = 200):
    context = validation_selectors.result_context(result, error=error)
    return render(request, "validation/_result.html", context, status=status)


@login_required
@require_POST
def return_for_correction(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    result = validation_selectors.access_result_by_id(request.user, pk)
    try:
        workflow.return_for_correction(result, user=request.user)
    except WorkflowError as exc:
        if request.htmx:
            return _result_fragment(request, result, error=exc.message, status=400)
        return HttpResponseBadRequest(exc.message)
    if result.submission is not None:  # always: the step refuses a result without one
        result.submission.refresh_from_db()
    if request.htmx:
        return _result_fragment(request, result)
    messages.success(request, _("Đã trả lại báo cáo để sửa."))
    return redirect("validation:unit_period", unit_id=result.run.unit_id, period=result.run.period)

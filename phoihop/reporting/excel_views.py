"""Excel for offline work: download a pre-filled workbook, upload it, confirm the changes."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts.permissions import access_organisation_by_id, access_unit_by_id
from phoihop.core.periods import Period, PeriodError
from phoihop.indicators.models import Form
from phoihop.reporting import excel_services, services
from phoihop.reporting.excel import Problem, megabytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_PREFIX = "phoihop_excel_plan:"


def _period_or_404(text: str) -> str:
    try:
        return Period.parse(text).id
    except PeriodError:
        raise Http404 from None


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def download_organisation(request: HttpRequest, organisation_id: int, period: str) -> HttpResponse:
    organisation = access_organisation_by_id(request.user, organisation_id)
    period = _period_or_404(period)
    code = request.GET.get("bieu_mau")
    form = get_object_or_404(Form, code=code) if code else services.form_for(organisation)
    if form is None:
        raise Http404
    data = excel_services.organisation_workbook(organisation, form=form, period=period)
    return _xlsx(data, f"phoihop-{form.code}-{organisation.pk}-{period}.xlsx")


@login_required
def download_unit(request: HttpRequest, unit_id: int, form_code: str, period: str) -> HttpResponse:
    unit = access_unit_by_id(request.user, unit_id)
    period = _period_or_404(period)
    form = get_object_or_404(Form, code=form_code)
    if not excel_services.communes_of(unit, form=form, period=period, user=request.user):
        raise Http404
    data = excel_services.unit_workbook(unit, form=form, period=period, user=request.user)
    return _xlsx(data, f"phoihop-{form.code}-{unit.code}-{period}.xlsx")


@login_required
def choose_unit_workbook(request: HttpRequest, unit_id: int) -> HttpResponse:
    """Pick the form and period of the all-communes workbook, then download it."""
    unit = access_unit_by_id(request.user, unit_id)
    form_code, period = request.GET.get("bieu_mau"), request.GET.get("ky")
    if form_code and period:
        return redirect("reporting:excel_unit", unit.pk, form_code, _period_or_404(period))
    forms = [f for f in Form.objects.filter(is_active=True) if 3 in f.levels]
    return render(
        request,
        "reporting/excel/choose_unit.html",
        {"unit": unit, "forms": forms, "periods": excel_services.recent_periods()},
    )


def _expected(request: HttpRequest) -> tuple[str | None, str | None]:
    """The period and form the upload was opened for, when it came from a submission's page."""
    period = request.POST.get("ky") or request.GET.get("ky") or None
    form_code = request.POST.get("bieu_mau") or request.GET.get("bieu_mau") or None
    if period:
        period = _period_or_404(period)
    if form_code:
        get_object_or_404(Form, code=form_code)
    return period, form_code


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    period, form_code = _expected(request)
    context = {"period": period, "form_code": form_code, "period_label": None}
    if period:
        context["period_label"] = Period.parse(period).label
    if request.method != "POST":
        return render(request, "reporting/excel/upload.html", context)

    upload_file = request.FILES.get("tep")
    if upload_file is None:
        problems = [Problem(None, None, None, _("Hãy chọn tệp Excel để tải lên."))]
        return render(
            request, "reporting/excel/upload.html", {**context, "problems": problems}, status=400
        )
    # Refuse by declared size before reading a byte of it into memory (Django always sets the
    # size of a posted file; the stubs allow None).
    if (upload_file.size or 0) > settings.PHOIHOP_MAX_UPLOAD_BYTES:
        problems = [
            Problem(
                None,
                None,
                None,
                _("Tệp quá lớn; chỉ nhận tệp đến %(max)s MB.")
                % {"max": megabytes(settings.PHOIHOP_MAX_UPLOAD_BYTES)},
            )
        ]
        return render(
            request, "reporting/excel/upload.html", {**context, "problems": problems}, status=400
        )
    plan = excel_services.plan_upload(
        upload_file.read(), user=request.user, period=period, form_code=form_code
    )
    if plan.problems:
        return render(
            request,
            "reporting/excel/upload.html",
            {**context, "problems": plan.problems, "notes": plan.notes},
            status=400,
        )
    token = secrets.token_urlsafe(16)
    # The plan waits server-side; the browser only holds the token, so it cannot be altered.
    request.session[SESSION_PREFIX + token] = plan.to_dict()
    return render(
        request, "reporting/excel/confirm.html", {**context, "plan": plan, "token": token}
    )


@login_required
@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    data = request.session.pop(SESSION_PREFIX + token, None)
    if data is None:
        messages.error(
            request, _("Phiên nhập tệp đã hết hạn hoặc đã được xác nhận. Hãy tải tệp lên lại.")
        )
        return redirect("reporting:excel_upload")
    plan = excel_services.UploadPlan.from_dict(data)
    try:
        saved = excel_services.apply_upload(plan, user=request.user)
    except excel_services.ImportRefused as exc:
        return render(request, "reporting/excel/refused.html", {"message": exc.message}, status=409)
    messages.success(
        request,
        _("Đã nhập số liệu từ tệp Excel vào %(n)d báo cáo.") % {"n": len(saved)},
    )
    if len(saved) == 1:
        return redirect("reporting:submission_detail", saved[0].pk)
    return redirect(reverse("reporting:submission_list"))

"""The office's report pages: confirm the header, check problems, download DOCX/PDF/ZIP."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts.permissions import (
    access_office_unit_by_id,
    is_office_for,
    signed_in_user,
    visible_submissions,
)
from phoihop.core.params import parse_id
from phoihop.core.periods import Period, PeriodError
from phoihop.documents.context_edits import standing_parts
from phoihop.documents.context_units import is_reportable
from phoihop.documents.forms import HeaderForm, TemplateUploadForm
from phoihop.documents.models import ReportTemplate
from phoihop.documents.rendering import TemplateError, placeholder_reference
from phoihop.documents.selectors import report_problems
from phoihop.documents.services import (
    DOCX_TYPE,
    GeneratedReport,
    TemplateRejected,
    choose_template,
    chosen_template,
    default_template_bytes,
    discard_report_text,
    generate_docx,
    generated_parts,
    header_for,
    office_text,
    save_report_settings,
    save_report_text,
    upload_template,
)
from phoihop.documents.tasks import start_report_job
from phoihop.jobs.models import Job
from phoihop.places.models import Level
from phoihop.reporting.selectors import periods_with_submissions

PART_FIELD = "part."


def _period(period_id: str) -> Period:
    try:
        return Period.parse(period_id)
    except PeriodError:
        raise Http404 from None


def _download(report: GeneratedReport) -> HttpResponse:
    response = HttpResponse(report.content, content_type=report.content_type)
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if user.unit is None or not is_office_for(user, user.unit):
        raise PermissionDenied
    periods = periods_with_submissions(visible_submissions(user))
    if not periods:
        raise Http404
    return redirect("documents:report", unit_id=user.unit_id, period=periods[0].id)


@login_required
def report(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = access_office_unit_by_id(request.user, unit_id)
    the_period = _period(period)
    if not is_reportable(unit):
        raise Http404
    header = header_for(unit)
    if request.method == "POST":
        form = HeaderForm(request.POST)
        if form.is_valid():
            # Remembered so that the next report starts from what the office confirmed.
            save_report_settings(unit, header=form.header(), user=signed_in_user(request))
            messages.success(request, _("Đã lưu thông tin văn bản."))
            return redirect("documents:report", unit_id=unit.pk, period=the_period.id)
    else:
        form = HeaderForm(initial=HeaderForm.initial_from(header))
    context = {
        "unit": unit,
        "period": the_period,
        "form": form,
        "problems": report_problems(unit, the_period),
        "template": chosen_template(unit),
        "has_communes": unit.level == Level.DISTRICT,
        "has_districts": unit.level == Level.PROVINCE,
    }
    return render(request, "documents/report.html", context)


def _params(request: HttpRequest) -> QueryDict:
    # The download form posts (it starts jobs); a plain link may still ask for the DOCX by GET.
    return request.POST if request.method == "POST" else request.GET


def _issued_on(request: HttpRequest) -> dt.date | None:
    # An empty or malformed date falls back to the default: the day after the period's data.
    try:
        return dt.date.fromisoformat(_params(request).get("issued_on", ""))
    except ValueError:
        return None


def _draft(request: HttpRequest) -> bool:
    # The office's working draft (with submissions awaiting review) only when asked for.
    return _params(request).get("du_thao", "") in ("1", "on")


@login_required
def download_docx(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """The Word file at once: rendering takes a fraction of a second, and it is cached."""
    unit = access_office_unit_by_id(request.user, unit_id)
    try:
        return _download(
            generate_docx(
                unit, _period(period), issued_on=_issued_on(request), draft=_draft(request)
            )
        )
    except TemplateError as exc:
        messages.error(request, _("Mẫu đang dùng bị lỗi: %(error)s") % {"error": exc})
        return redirect("documents:report", unit_id=unit.pk, period=period)


def _start(request: HttpRequest, unit_id: int, period: str, kind: str) -> Job:
    unit = access_office_unit_by_id(request.user, unit_id)
    the_period = _period(period)
    if kind == "zip" and unit.level not in (Level.DISTRICT, Level.PROVINCE):
        raise Http404
    return start_report_job(
        kind,
        unit,
        the_period,
        user=signed_in_user(request),
        issued_on=_issued_on(request),
        draft=_draft(request),
        link=reverse("documents:report", args=[unit.pk, the_period.id]),
    )


@login_required
@require_POST
def start_pdf(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """Start the PDF in the background; its page shows progress, then offers the file."""
    job = _start(request, unit_id, period, "pdf")
    return redirect("jobs:status", pk=job.pk)


@login_required
@require_POST
def start_zip(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    job = _start(request, unit_id, period, "zip")
    return redirect("jobs:status", pk=job.pk)


@login_required
@require_POST
def preview(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """The PDF's pages as images (separate URLs), swapped into the report page by htmx: at
    once from the cache, otherwise a job whose fragment polls until the pages are ready."""
    job = _start(request, unit_id, period, "preview")
    return render(request, "jobs/_status.html", {"job": job})


@login_required
def report_text(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """The generated text, part by part, for the office to reword before export."""
    unit = access_office_unit_by_id(request.user, unit_id)
    the_period = _period(period)
    if not is_reportable(unit):
        raise Http404
    if request.method == "POST":
        if "restore" in request.POST:
            discard_report_text(unit, period=the_period)
            messages.success(request, _("Đã trở lại văn bản tạo tự động."))
        else:
            texts = {
                key.removeprefix(PART_FIELD): request.POST.get(key, "")
                for key in request.POST
                if key.startswith(PART_FIELD)
            }
            save_report_text(unit, period=the_period, texts=texts, user=signed_in_user(request))
            messages.success(request, _("Đã lưu văn bản; tệp Word tải về sẽ dùng văn bản này."))
        return redirect("documents:text", unit_id=unit.pk, period=the_period.id)
    saved = office_text(unit, the_period)
    parts = generated_parts(unit, the_period)
    generated = {part["key"]: part["paragraphs"] for part in parts}
    reworded = standing_parts(saved.parts, saved.replaced, generated) if saved is not None else {}
    for part in parts:
        part["edited"] = part["key"] in reworded
        # Reworded, but the data behind it changed since: generated afresh, and said so.
        part["outdated"] = saved is not None and part["key"] in saved.parts and not part["edited"]
        part["text"] = "\n\n".join(reworded[part["key"]] if part["edited"] else part["paragraphs"])
    context = {
        "unit": unit,
        "period": the_period,
        "parts": parts,
        "saved": saved,
        "field": PART_FIELD,
    }
    return render(request, "documents/report_text.html", context)


@login_required
def templates(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access_office_unit_by_id(request.user, unit_id)
    problems: list = []
    if request.method == "POST":
        form = TemplateUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                upload_template(
                    unit, name=upload.name, content=upload.read(), user=signed_in_user(request)
                )
            except TemplateRejected as exc:
                problems = exc.problems
            else:
                messages.success(request, _("Đã tải lên mẫu «%(name)s».") % {"name": upload.name})
                return redirect("documents:templates", unit_id=unit.pk)
        status = 400
    else:
        form, status = TemplateUploadForm(), 200
    context = {
        "unit": unit,
        "form": form,
        "problems": problems,
        "uploaded": ReportTemplate.objects.filter(unit=unit).defer("content"),
        "chosen": chosen_template(unit),
        "period": request.GET.get("ky", ""),
    }
    return render(request, "documents/templates.html", context, status=status)


@login_required
@require_POST
def use_template(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access_office_unit_by_id(request.user, unit_id)
    chosen = request.POST.get("template") or None
    pk = parse_id(chosen)
    template = get_object_or_404(ReportTemplate, pk=pk, unit=unit) if chosen else None
    choose_template(unit, template=template, user=signed_in_user(request))
    messages.success(request, _("Đã chọn mẫu báo cáo."))
    return redirect("documents:templates", unit_id=unit.pk)


@login_required
def template_file(request: HttpRequest, unit_id: int, pk: int) -> HttpResponse:
    unit = access_office_unit_by_id(request.user, unit_id)
    template = get_object_or_404(ReportTemplate, pk=pk, unit=unit)
    response = HttpResponse(bytes(template.content), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="mau-{template.pk}.docx"'
    return response


@login_required
def default_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(default_template_bytes(), content_type=DOCX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-bao-cao-mac-dinh.docx"'
    return response


@login_required
def placeholders(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/placeholders.html", {"rows": placeholder_reference()})

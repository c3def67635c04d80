"""Pages of the programme: a unit's programmes and progress, one programme with its targets,
its versions, the Excel round trip, and the targets beside the entry page's fields."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import permissions
from phoihop.core.dates import parse_date
from phoihop.core.params import parse_year
from phoihop.core.periods import Period, PeriodError
from phoihop.core.views import report_errors
from phoihop.programmes import page_data as pages
from phoihop.programmes import selectors, services
from phoihop.programmes.forms import ContentForm
from phoihop.programmes.models import Programme

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """A unit's programmes of a year: each organisation's progress, the communes', activities."""
    unit_id = request.GET.get("don_vi", "")
    if unit_id and not unit_id.isdigit():
        raise Http404
    unit = (
        permissions.access_unit_by_id(request.user, int(unit_id))
        if unit_id
        else pages.default_unit(request.user)
    )
    if unit is None:
        return render(request, "programmes/index.html", {"unit": None})
    year = parse_year(request.GET.get("nam"), pages.default_year(unit))
    return render(request, "programmes/index.html", pages.unit_page(request.user, unit, year))


@login_required
def programme(request: HttpRequest, organisation_id: int, year: int) -> HttpResponse:
    """One organisation's programme: signing, contents, targets beside what was reached."""
    organisation = permissions.access_organisation_by_id(request.user, organisation_id)
    may_edit = permissions.can_edit_programme(request.user, organisation)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        targets = {
            code.removeprefix("y."): services.TargetInput(
                yearly=request.POST.get(code, ""),
                half_year=request.POST.get("h." + code.removeprefix("y."), ""),
                note=request.POST.get("n." + code.removeprefix("y."), ""),
            )
            for code in request.POST
            if code.startswith("y.")
        }
        signed_text = request.POST.get("signed_on", "").strip()
        try:
            signed_on = parse_date(signed_text) if signed_text else None
            services.save_programme(
                user=request.user,
                organisation=organisation,
                year=year,
                targets=targets,
                signed_on=signed_on,
                reference=request.POST.get("reference", "").strip()[:80],
                reason=request.POST.get("reason", "").strip() or _("Sửa chỉ tiêu trên trang"),
            )
        except services.ProgrammeError as exc:
            data = pages.programme_page(organisation, year, may_edit=may_edit)
            data["errors"] = exc.messages
            data["typed"] = request.POST
            return render(request, "programmes/programme.html", data, status=400)
        except ValueError as exc:
            data = pages.programme_page(organisation, year, may_edit=may_edit)
            data["errors"] = [str(exc)]
            return render(request, "programmes/programme.html", data, status=400)
        messages.success(request, _("Đã lưu chương trình phối hợp (phiên bản mới)."))
        return redirect("programmes:programme", organisation.pk, year)
    data = pages.programme_page(organisation, year, may_edit=may_edit)
    return render(request, "programmes/programme.html", data)


@login_required
def version(request: HttpRequest, organisation_id: int, year: int, number: int) -> HttpResponse:
    """An earlier version of a programme, as it stood."""
    organisation = permissions.access_organisation_by_id(request.user, organisation_id)
    found = get_object_or_404(Programme, organisation=organisation, year=year)
    kept = get_object_or_404(found.versions, number=number)
    return render(
        request,
        "programmes/version.html",
        {"organisation": organisation, "programme": found, "kept": kept},
    )


@login_required
def download(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    unit = permissions.access_unit_by_id(request.user, unit_id)
    response = HttpResponse(selectors.programme_workbook(unit, year), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="phoihop-chuong-trinh-{unit.code}-{year}.xlsx"'
    )
    return response


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload the programme workbook: saved whole, or nothing with every bad cell named."""
    if not permissions.is_an_office(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "programmes/upload.html", {})
    upload_file = request.FILES.get("tep")
    if upload_file is None:
        problems = [_("Chưa chọn tệp.")]
        return render(request, "programmes/upload.html", {"problems": problems}, status=400)
    try:
        saved = services.import_workbook(upload_file.read(), user=request.user)
    except services.ProgrammeError as exc:
        return render(request, "programmes/upload.html", {"problems": exc.messages}, status=400)
    messages.success(
        request,
        _("Đã nhập chỉ tiêu của %(n)d chương trình phối hợp.") % {"n": len(saved)},
    )
    first = saved[0] if saved else None
    if first is None:
        return redirect("programmes:index")
    return redirect(
        f"{reverse('programmes:index')}?don_vi={first.organisation.unit_id}&nam={first.year}"
    )


@login_required
def entry_targets(request: HttpRequest, submission_id: int) -> HttpResponse:
    """The targets beside each field of the entry page: an htmx fragment of out-of-band swaps,
    loaded by the entry page (reporting sits below this app and does not import it)."""
    submission = permissions.access_submission_by_id(request.user, submission_id)
    try:
        year = Period.parse(submission.period).year
    except PeriodError:
        raise Http404 from None
    data = pages.entry_targets(submission.organisation, year)
    return render(request, "programmes/_entry_targets.html", data)


@login_required
@require_POST
def add_content(request: HttpRequest, organisation_id: int, year: int) -> HttpResponse:
    organisation = permissions.access_organisation_by_id(request.user, organisation_id)
    if not permissions.can_edit_programme(request.user, organisation):
        raise PermissionDenied
    found = get_object_or_404(Programme, organisation=organisation, year=year)
    form = ContentForm(request.POST, organisation=organisation)
    if form.is_valid():
        services.add_content(
            user=request.user,
            programme=found,
            title=form.cleaned_data["title"],
            lead=form.cleaned_data["lead"],
            partners=list(form.cleaned_data["partners"]),
            indicators=list(form.cleaned_data["indicators"]),
            section_id=form.cleaned_data["section"].pk if form.cleaned_data["section"] else None,
        )
        messages.success(request, _("Đã thêm nội dung phối hợp."))
    else:
        report_errors(request, form, lead=_("Nội dung chưa thêm được: "))
    return redirect("programmes:programme", organisation.pk, year)

"""The standing office's validation pages: violations of a unit and period, and the rules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import permissions
from phoihop.core import clock
from phoihop.core.params import parse_id
from phoihop.core.periods import Period
from phoihop.core.views import HtmxHttpRequest
from phoihop.jobs.models import JobState
from phoihop.validation import selectors, services
from phoihop.validation.forms import ExplanationForm, RuleForm
from phoihop.validation.models import ValidationRun


@login_required
def index(request: HttpRequest) -> HttpResponse:
    units = selectors.office_units(request.user)
    if not units:
        raise PermissionDenied
    period = (request.GET.get("ky") or "").strip()
    unit_id = parse_id(request.GET.get("don_vi"))
    if period and unit_id:
        return redirect("validation:unit_period", unit_id=unit_id, period=period)
    periods = selectors.index_periods(request.user, today=clock.today())
    return render(
        request,
        "validation/index.html",
        {"units": units, "periods": periods, "selected": periods[0]},
    )


@login_required
def unit_period(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = permissions.access_office_unit_by_id(request.user, unit_id)
    period = selectors.parse_period(period)
    # A GET only reads: the latest stored verdict, and whether the data changed since.
    state = services.verdict(unit, period)
    latest = state["run"]
    run = latest
    if request.GET.get("lan"):
        run_id = parse_id(request.GET["lan"])
        run = (
            None
            if run_id is None
            else ValidationRun.objects.filter(unit=unit, period=period, pk=run_id).first()
        )
        if run is None:
            return HttpResponseBadRequest(_("Không có lần kiểm tra này."))
    context = {
        "unit": unit,
        "period": Period.parse(period),
        "run": run,
        "is_latest": run is not None and latest is not None and run.pk == latest.pk,
        "stale": state["stale"],
        "runs": selectors.runs_of(unit, period),
        **(selectors.run_page_data(run) if run is not None else {"groups": [], "total": 0}),
    }
    return render(request, "validation/unit_period.html", context)


@login_required
@require_POST
def rerun(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """Validate again in the background: back to the page once done, else the job's page."""
    unit = permissions.access_office_unit_by_id(request.user, unit_id)
    period = selectors.parse_period(period)
    job = services.start_rerun(
        unit,
        period,
        user=permissions.signed_in_user(request),
        link=reverse("validation:unit_period", args=[unit.pk, period]),
    )
    if job.state == JobState.DONE:
        messages.success(request, _("Đã kiểm tra lại số liệu."))
        return redirect("validation:unit_period", unit_id=unit.pk, period=period)
    return redirect("jobs:status", pk=job.pk)


@login_required
@require_POST
def rerun_all(request: HttpRequest) -> HttpResponse:
    """Validate again everything of the office's unit whose data changed, in the background."""
    if not permissions.may_revalidate_everything(request.user):
        raise PermissionDenied
    job = services.start_validate_everything(request.user, link=reverse("validation:index"))
    if job.state == JobState.DONE:
        messages.success(request, job.message)
        return redirect("validation:index")
    return redirect("jobs:status", pk=job.pk)


def _result_fragment(request: HttpRequest, result, *, error: str = "", status: int = 200):
    context = selectors.result_context(result, error=error)
    return render(request, "validation/_result.html", context, status=status)


@login_required
@require_POST
def explain(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    result = selectors.access_result_by_id(request.user, pk)
    form = ExplanationForm(request.POST)
    if not form.is_valid():
        error = " ".join(str(e) for e in form.non_field_errors()) or _("Giải trình không hợp lệ.")
        if request.htmx:
            return _result_fragment(request, result, error=error, status=400)
        return HttpResponseBadRequest(error)
    services.explain_result(
        result,
        user=permissions.signed_in_user(request),
        explanation=form.cleaned_data["explanation"],
        resolved=form.cleaned_data["resolved"],
    )
    if request.htmx:
        return _result_fragment(request, result)
    return redirect("validation:unit_period", unit_id=result.run.unit_id, period=result.run.period)


# ----- rules -------------------------------------------------------------------------------


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    if not permissions.is_an_office(request.user):
        raise PermissionDenied
    rules = selectors.readable_rules(request.user).select_related("unit", "form")
    editable = set(selectors.manageable_rules(request.user).values_list("pk", flat=True))
    return render(request, "validation/rule_list.html", {"rules": rules, "editable": editable})


@login_required
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not permissions.is_an_office(request.user):
        raise PermissionDenied
    rule = None
    if pk is not None:
        rule = selectors.access_rule_by_id(request.user, pk)
        if not selectors.manageable_rules(request.user).filter(pk=rule.pk).exists():
            raise PermissionDenied
    form = RuleForm(request.POST or None, instance=rule)
    tried = None
    if request.method == "POST" and form.is_valid():
        if "try" in request.POST:
            candidate = services.rule_candidate(
                form, user=permissions.signed_in_user(request), rule=rule
            )
            period = form.cleaned_data["try_period"]
            if not period:
                form.add_error("try_period", _("Chọn kỳ để thử quy tắc, ví dụ 2020S1."))
            else:
                kinds = [k.pk for k in form.cleaned_data["organisation_kinds"]]
                tried = {
                    "period": Period.parse(period),
                    "rows": services.try_rule(candidate, period=period, kinds=kinds),
                }
        else:
            saved, _job = services.save_rule(form, user=request.user, rule=rule)
            messages.success(
                request,
                _(
                    "Đã lưu quy tắc «%(code)s»; các kết quả kiểm tra đã có được tính lại theo "
                    "quy tắc mới (chạy nền)."
                )
                % {"code": saved.code},
            )
            return redirect("validation:rule_list")
    return render(
        request,
        "validation/rule_form.html",
        {"form": form, "rule": rule, "tried": tried},
        status=400 if request.method == "POST" and form.errors else 200,
    )

"""The inspection pages: plans of a unit, a plan, an inspection and its recommendations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import permissions
from phoihop.committee import forms, selectors, services
from phoihop.committee.models import PlanStatus
from phoihop.committee.view_steps import carry_out
from phoihop.core import clock
from phoihop.core.periods import Period, PeriodError
from phoihop.core.views import report_errors


@login_required
def plans(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = selectors.access_committee_unit(request.user, unit_id)
    if not permissions.can_plan_inspections(request.user, unit):
        raise PermissionDenied
    context = {
        "unit": unit,
        "plans": selectors.plans_of(unit),
        "form": forms.PlanCreateForm(),
    }
    return render(request, "committee/plans.html", context)


@login_required
@require_POST
def create_plan(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = selectors.access_committee_unit(request.user, unit_id)
    if not permissions.can_plan_inspections(request.user, unit):
        raise PermissionDenied
    form = forms.PlanCreateForm(request.POST)
    if not form.is_valid():
        report_errors(request, form)
        return redirect("committee:plans", unit_id=unit.pk)
    try:
        period = Period.parse(form.cleaned_data["period"])
    except PeriodError as exc:
        messages.error(request, str(exc))
        return redirect("committee:plans", unit_id=unit.pk)
    plan = services.create_plan(
        unit, period, user=permissions.signed_in_user(request), count=form.cleaned_data["count"]
    )
    messages.success(request, _("Đã lập dự thảo kế hoạch kiểm tra từ bảng xếp hạng."))
    return redirect("committee:plan", pk=plan.pk)


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.access_plan_by_id(request.user, pk)
    edit = permissions.can_plan_inspections(request.user, plan.unit)
    data = selectors.plan_page(plan)
    context = {**data, "edit": edit and plan.status == PlanStatus.DRAFT}
    if context["edit"]:
        day = selectors.plan_day(plan)
        candidates = selectors.board_rows([plan.unit], day=day)[0].members
        context["edit_form"] = forms.PlanEditForm(
            initial={
                "number": plan.number,
                "preparation": plan.preparation,
                "checklist": "\n".join(i["label"] for i in plan.checklist),
            }
        )
        context["team_form"] = forms.TeamForm(
            candidates=candidates,
            initial={
                "members": [t.member_id for t in data["team"]],
                "leader": next((t.member_id for t in data["team"] if t.leads), None),
            },
        )
        planned = {i.unit_id for i in data["inspections"]}
        context["add_form"] = forms.AddCommuneForm(
            communes=[c for c in selectors.communes_of(plan.unit, day=day) if c.pk not in planned]
        )
    return render(request, "committee/plan.html", context)


@login_required
@require_POST
def edit_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.access_plan_by_id(request.user, pk, for_edit=True)
    form = forms.PlanEditForm(request.POST)
    carry_out(
        request,
        lambda data: services.update_plan(
            plan,
            number=data["number"],
            preparation=data["preparation"],
            checklist=form.checklist_items(plan.checklist),
        ),
        form=form,
        done=_("Đã lưu kế hoạch."),
    )
    return redirect("committee:plan", pk=plan.pk)


@login_required
@require_POST
def set_team(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.access_plan_by_id(request.user, pk, for_edit=True)
    candidates = selectors.board_rows([plan.unit], day=selectors.plan_day(plan))[0].members
    carry_out(
        request,
        lambda data: services.set_team(plan, members=list(data["members"]), leader=data["leader"]),
        form=forms.TeamForm(request.POST, candidates=candidates),
        done=_("Đã lưu thành phần đoàn kiểm tra."),
    )
    return redirect("committee:plan", pk=plan.pk)


@login_required
@require_POST
def add_commune(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.access_plan_by_id(request.user, pk, for_edit=True)
    communes = selectors.communes_of(plan.unit, day=selectors.plan_day(plan))
    carry_out(
        request,
        lambda data: services.add_commune(plan, **data),
        form=forms.AddCommuneForm(request.POST, communes=communes),
        done=_("Đã thêm xã vào kế hoạch."),
    )
    return redirect("committee:plan", pk=plan.pk)


@login_required
@require_POST
def remove_commune(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.access_inspection_by_id(request.user, pk)
    if not permissions.can_plan_inspections(request.user, inspection.plan.unit):
        raise PermissionDenied
    carry_out(
        request,
        lambda _data: services.remove_commune(inspection),
        done=_("Đã bỏ xã khỏi kế hoạch."),
    )
    return redirect("committee:plan", pk=inspection.plan_id)


@login_required
@require_POST
def send_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.access_plan_by_id(request.user, pk, for_edit=True)
    carry_out(
        request,
        lambda _data: services.send_plan(plan, user=permissions.signed_in_user(request)),
        done=lambda notices: _("Đã gửi kế hoạch; %(count)s thông báo.") % {"count": len(notices)},
    )
    return redirect("committee:plan", pk=plan.pk)


def _record_form(inspection, data=None) -> forms.RecordForm:  # type: ignore[no-untyped-def]
    page = selectors.inspection_page(inspection)
    initial = {"done_on": inspection.done_on or clock.today(), **_record_initial(page)}
    return forms.RecordForm(
        data,
        initial=initial,
        bodies=[b["kind"] for b in page["bodies"]],
        checklist=page["checklist"],
    )


def _record_initial(page: dict) -> dict:  # type: ignore[type-arg]
    initial = {"findings": page["inspection"].findings, "strengths": page["inspection"].strengths}
    for body in page["bodies"]:
        if body["attendance"] is not None:
            initial[f"present_{body['kind'].pk}"] = body["attendance"].present
            initial[f"person_{body['kind'].pk}"] = body["attendance"].person
    for check in page["checks"]:
        initial[f"verdict_{check.code}"] = check.verdict
        initial[f"note_{check.code}"] = check.note
    return initial


@login_required
def inspection(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.access_inspection_by_id(request.user, pk)
    record = permissions.can_record_inspection(request.user, inspection.unit)
    context = {
        **selectors.inspection_page(inspection),
        "record": record,
        "answer": permissions.can_answer_recommendation(request.user, inspection.unit),
        "record_form": _record_form(inspection) if record else None,
        "recommendation_form": forms.RecommendationForm() if record else None,
        "answer_form": forms.AnswerForm(),
        "today": clock.today(),
    }
    return render(request, "committee/inspection.html", context)


@login_required
@require_POST
def record(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.access_inspection_by_id(request.user, pk, for_record=True)
    form = _record_form(inspection, request.POST)
    carry_out(
        request,
        lambda data: services.record_inspection(
            inspection,
            user=permissions.signed_in_user(request),
            done_on=data["done_on"],
            attendance=form.attendance(),
            checks=form.checks(),
            findings=data["findings"],
            strengths=data["strengths"],
        ),
        form=form,
        done=_("Đã ghi kết quả kiểm tra."),
    )
    return redirect("committee:inspection", pk=inspection.pk)


@login_required
@require_POST
def add_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.access_inspection_by_id(request.user, pk, for_record=True)
    carry_out(
        request,
        lambda data: services.add_recommendation(
            inspection, user=permissions.signed_in_user(request), **data
        ),
        form=forms.RecommendationForm(request.POST),
        done=_("Đã thêm kiến nghị."),
    )
    return redirect("committee:inspection", pk=inspection.pk)


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.access_recommendation_by_id(request.user, pk)
    if not permissions.can_answer_recommendation(request.user, item.inspection.unit):
        raise PermissionDenied
    carry_out(
        request,
        lambda data: services.answer_recommendation(
            item, answer=data["answer"], user=permissions.signed_in_user(request)
        ),
        form=forms.AnswerForm(request.POST),
        done=_("Đã báo cáo kết quả thực hiện kiến nghị."),
    )
    return redirect("committee:inspection", pk=item.inspection_id)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.access_recommendation_by_id(request.user, pk)
    if not permissions.can_record_inspection(request.user, item.inspection.unit):
        raise PermissionDenied
    carry_out(
        request,
        lambda _data: services.close_recommendation(item, user=permissions.signed_in_user(request)),
        done=_("Kiến nghị đã hoàn thành."),
    )
    return redirect("committee:inspection", pk=item.inspection_id)

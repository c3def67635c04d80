"""Pages of joint activities (recorded once, seen by every partner) and of the common plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts import permissions
from phoihop.core.periods import Period, PeriodError
from phoihop.core.views import report_errors
from phoihop.organisations.models import Organisation
from phoihop.programmes import selectors, services
from phoihop.programmes.forms import (
    EvidenceForm,
    JointActivityForm,
    OutcomeForm,
    PlannedActivityForm,
)
from phoihop.programmes.models import (
    CommonPlan,
    Direction,
    Evidence,
    JointActivity,
    PlannedActivity,
)


def _activity_or_404(user, activity_id: int) -> JointActivity:
    activities = JointActivity.objects.filter(permissions.visible_joint_activity_q(user))
    activity = (
        activities.select_related("lead__kind", "lead__unit", "unit")
        .prefetch_related("partners__kind", "figures__indicator", "communes", "evidence")
        .filter(pk=activity_id)
        .first()
    )
    if activity is None:
        raise Http404
    return activity


def _leads(user):
    """The organisations a user may record a joint activity for (as its lead)."""
    return [
        o
        for o in permissions.visible_organisations(user).select_related("unit", "kind")
        if permissions.can_record_joint_activity(user, o)
    ]


@login_required
def activity_new(request: HttpRequest) -> HttpResponse:
    """Record a joint activity once, with its lead, partners and figures."""
    leads = _leads(request.user)
    if not leads:
        raise PermissionDenied
    lead_ids = [o.pk for o in leads]
    units = {o.unit_id for o in leads}
    bodies = Organisation.objects.filter(unit_id__in=units, is_active=True).select_related("kind")
    form = JointActivityForm(
        request.POST or None,
        leads=Organisation.objects.filter(pk__in=lead_ids).select_related("kind", "unit"),
        bodies=bodies,
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.record_joint_activity(
                user=request.user,
                lead=form.cleaned_data["lead"],
                partners=list(form.cleaned_data["partners"]),
                title=form.cleaned_data["title"],
                held_on=form.cleaned_data["held_on"],
                figures=form.figures(),
                description=form.cleaned_data["description"],
            )
        except services.ProgrammeError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Đã ghi nhận hoạt động phối hợp."))
            return redirect("programmes:activity", activity.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "programmes/activity_new.html", {"form": form}, status=status)


@login_required
def activity(request: HttpRequest, activity_id: int) -> HttpResponse:
    found = _activity_or_404(request.user, activity_id)
    return render(
        request,
        "programmes/activity.html",
        {
            "activity": found,
            "may_edit": permissions.can_record_joint_activity(request.user, found.lead),
            "form": EvidenceForm(),
            "double_counts": [
                d for d in selectors.double_counts(found.unit, found.period) if d.activity == found
            ],
        },
    )


@login_required
@require_POST
def evidence_upload(request: HttpRequest, activity_id: int) -> HttpResponse:
    found = _activity_or_404(request.user, activity_id)
    if not permissions.can_record_joint_activity(request.user, found.lead):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        # Read one byte past the limit: enough to refuse a larger file without reading it all.
        data = upload.read(services.MAX_EVIDENCE_BYTES + 1)
        try:
            services.attach_evidence(
                user=request.user,
                activity=found,
                kind=form.cleaned_data["kind"],
                filename=upload.name,
                data=data,
            )
        except services.ProgrammeError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, _("Đã đính kèm minh chứng."))
    else:
        messages.error(request, _("Chưa chọn tệp minh chứng."))
    return redirect("programmes:activity", found.pk)


@login_required
def evidence_download(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence, pk=evidence_id)
    _activity_or_404(request.user, evidence.activity_id)
    response = HttpResponse(bytes(evidence.content), content_type=evidence.content_type)
    response["Content-Disposition"] = f'attachment; filename="{evidence.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ----- the common plan ---------------------------------------------------------------------


def _period_id(text: str) -> str:
    """A period of the plan's address, one with a period before it (whose directions count)."""
    try:
        parsed = Period.parse(text)
        parsed.previous()
    except PeriodError:
        raise Http404 from None
    return parsed.id


@login_required
def plan(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = permissions.access_unit_by_id(request.user, unit_id)
    period = _period_id(period)
    found = CommonPlan.objects.filter(unit=unit, period=period).first()
    planned = (
        found.activities.select_related("lead__kind", "expected_indicator", "activity")
        .prefetch_related("partners__kind", "communes")
        .order_by("order", "pk")
        if found
        else []
    )
    # Those the reader may plan with: the unit's open bodies for its office, none for others.
    bodies = permissions.bodies_to_plan_with(request.user, unit).select_related("kind")
    return render(
        request,
        "programmes/plan.html",
        {
            "unit": unit,
            "period": Period.parse(period),
            "plan": found,
            "planned": planned,
            "may_plan": permissions.can_plan_for(request.user, unit),
            "form": PlannedActivityForm(bodies=bodies),
            "outcomes": PlannedActivity.Outcome.choices,
            "activities": selectors.activities_of_units(unit, period),
            "directions": selectors.directions_of(unit, period),
            "source_period": Period.parse(period).previous(),
            "statuses": Direction.Status.choices,
            "bodies": bodies,
            "joint": JointActivity.objects.filter(unit=unit, period=period).order_by("-held_on"),
        },
    )


@login_required
@require_POST
def plan_start(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = permissions.access_unit_by_id(request.user, unit_id)
    period = _period_id(period)
    if not permissions.can_plan_for(request.user, unit):
        raise PermissionDenied
    services.start_common_plan(user=request.user, unit=unit, period=period)
    messages.success(request, _("Đã lập kế hoạch chung từ chương trình phối hợp."))
    return redirect("programmes:plan", unit.pk, period)


@login_required
@require_POST
def plan_add(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = permissions.access_unit_by_id(request.user, unit_id)
    period = _period_id(period)
    if not permissions.can_plan_for(request.user, unit):
        raise PermissionDenied
    found = services.start_common_plan(user=request.user, unit=unit, period=period)
    bodies = Organisation.objects.filter(unit=unit, is_active=True)
    form = PlannedActivityForm(request.POST, bodies=bodies)
    if not form.is_valid():
        report_errors(request, form, lead=_("Chưa thêm được: "))
        return redirect("programmes:plan", unit.pk, period)
    try:
        services.plan_activity(
            user=request.user,
            plan=found,
            title=form.cleaned_data["title"],
            lead=form.cleaned_data["lead"],
            partners=list(form.cleaned_data["partners"]),
            due_on=form.cleaned_data["due_on"],
            place=form.cleaned_data["place"],
            expected_indicator=form.cleaned_data["expected_indicator"],
            expected_value=form.cleaned_data["expected_value"],
        )
    except services.ProgrammeError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("Đã thêm vào kế hoạch chung."))
    return redirect("programmes:plan", unit.pk, period)


@login_required
@require_POST
def plan_close(request: HttpRequest, planned_id: int) -> HttpResponse:
    planned = get_object_or_404(PlannedActivity.objects.select_related("plan__unit"), pk=planned_id)
    unit = permissions.access_unit_by_id(request.user, planned.plan.unit_id)
    if not permissions.can_plan_for(request.user, unit):
        raise PermissionDenied
    form = OutcomeForm(request.POST)
    if form.is_valid():
        linked = None
        if form.cleaned_data["activity"]:
            linked = JointActivity.objects.filter(pk=form.cleaned_data["activity"]).first()
        try:
            services.close_planned_activity(
                user=request.user,
                planned=planned,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
                activity=linked,
            )
        except services.ProgrammeError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, _("Đã cập nhật kết quả."))
    else:
        messages.error(request, _("Kết quả không hợp lệ."))
    return redirect("programmes:plan", unit.pk, planned.plan.period)

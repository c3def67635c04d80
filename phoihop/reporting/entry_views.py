"""Entry and the submission workflow: type, check, save, submit, return, accept, reopen;
the who-has-reported matrix. (The in-app notifications are in notification_views.py.)"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from phoihop.accounts import permissions
from phoihop.core import clock
from phoihop.core.dates import parse_date
from phoihop.core.period_words import HALF_PHRASE
from phoihop.core.periods import Period, PeriodError
from phoihop.core.views import HtmxHttpRequest, render_page
from phoihop.indicators.values import clean_value
from phoihop.reporting import matrix as matrix_selectors
from phoihop.reporting import services, workflow
from phoihop.reporting.models import Status, Submission
from phoihop.reporting.selectors import current_period, entry_form_data
from phoihop.reporting.windows import entry_window
from phoihop.validation.services import submission_warnings

FIGURE = "f."
NARRATIVE = "n."
EXPLANATION = "giai_trinh."


def _bad(request: HtmxHttpRequest, message: str, *, status: int = 400) -> HttpResponse:
    """A refusal the person can read: a line for htmx to swap in, or a small page."""
    template = "reporting/entry/_refusal.html" if request.htmx else "reporting/entry/refusal.html"
    return render(request, template, {"message": message}, status=status)


def _parse_entry(post) -> tuple[dict[str, str], dict[str, str]]:
    figures = {k[len(FIGURE) :]: v for k, v in post.items() if k.startswith(FIGURE)}
    narratives = {k[len(NARRATIVE) :]: v for k, v in post.items() if k.startswith(NARRATIVE)}
    return figures, narratives


def _entry_warnings(submission: Submission) -> list[dict]:
    """The checks' warnings, and what must still be explained or written before sending, each
    placed next to its field as the reporter types."""
    pending = [
        {
            "code": b.code,
            "message": b.message,
            "importance": "high",
            "blocking": False,
            "indicators": list(b.indicators),
        }
        for b in workflow.pending_explanations(submission)
    ]
    return submission_warnings(submission) + pending


def _page_context(submission: Submission, user, **extra) -> dict:
    warnings = _entry_warnings(submission)
    window = entry_window(submission.form, submission.period, organisation=submission.organisation)
    today = clock.today()
    open_until = submission.reopened_until if submission.open_for_correction(today) else None
    return {
        "submission": submission,
        **entry_form_data(submission, warnings=warnings),
        "open_until": open_until,
        "window_open": today in window or open_until is not None,
        "window_closes": window.end,
        "is_office": permissions.is_office_for(user, submission.organisation.unit),
        **extra,
    }


# ----- starting and entering --------------------------------------------------------------


@login_required
def start(request: HtmxHttpRequest) -> HttpResponse:
    """GET confirms what will be started; POST starts (or reopens the existing draft)."""
    params = request.POST if request.method == "POST" else request.GET
    organisation = permissions.access_organisation_by_id(request.user, params.get("to_chuc"))
    try:
        period = Period.parse((params.get("ky") or "").strip())
    except PeriodError as exc:
        return _bad(request, str(exc))
    if not permissions.can_enter_for(request.user, organisation):
        raise PermissionDenied
    if request.method != "POST":
        existing = Submission.objects.filter(organisation=organisation, period=period.id).first()
        if existing is not None:
            return redirect("reporting:entry", existing.pk)
        return render(
            request,
            "reporting/entry/start.html",
            {"organisation": organisation, "period": period},
        )
    try:
        submission = services.start_submission(
            user=request.user, organisation=organisation, period=period.id
        )
    except services.WorkflowError as exc:
        return _bad(request, exc.message)
    return redirect("reporting:entry", submission.pk)


@login_required
def entry(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The entry page (GET) and its save (POST: htmx autosave, or the plain button)."""
    submission = permissions.access_submission_by_id(request.user, pk, for_edit=True)
    if request.method != "POST":
        if submission.status not in (Status.DRAFT, Status.RETURNED):
            messages.info(request, _("Báo cáo đã gửi hoặc đã duyệt nên không sửa được."))
            return redirect("reporting:submission_detail", submission.pk)
        return render(request, "reporting/entry/page.html", _page_context(submission, request.user))
    figures, narratives = _parse_entry(request.POST)
    try:
        base_version = int(request.POST.get("version", ""))
    except ValueError:
        return _bad(request, _("Thiếu số phiên bản của biểu mẫu; hãy tải lại trang."))
    try:
        submission = services.save_submission(
            submission,
            user=request.user,
            figures=figures,
            narratives=narratives,
            base_version=base_version,
        )
    except services.EditConflict as exc:
        return render(
            request,
            "reporting/entry/_conflict.html",
            {"message": exc.message, "changes": exc.changes, "submission": submission},
            status=409,
        )
    except services.WorkflowError as exc:
        return _bad(request, exc.message)
    except services.FieldErrors as exc:
        if request.htmx:
            return render(
                request, "reporting/entry/_errors.html", {"errors": exc.errors}, status=400
            )
        context = _page_context(submission, request.user, errors=exc.errors, typed=request.POST)
        return render(request, "reporting/entry/page.html", context, status=400)
    if not request.htmx:
        workflow.refresh_checks(submission, user=permissions.signed_in_user(request))
        messages.success(request, _("Đã lưu."))
        return redirect("reporting:entry", submission.pk)
    context = _page_context(submission, request.user, saved_at=timezone.localtime())
    response = render(request, "reporting/entry/_saved.html", context)
    # The page's script clears its "unsaved changes" flag on this event.
    response["HX-Trigger"] = "phoihop-saved"
    return response


@login_required
@require_POST
def check_value(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One typed figure checked as the reporter types; the message goes next to the field."""
    submission = permissions.access_submission_by_id(request.user, pk, for_edit=True)
    code = request.POST.get("field", "")
    indicator = next((i for i in submission.form.indicators() if i.code == code), None)
    if indicator is None:
        return _bad(request, _("Chỉ tiêu không có trong biểu mẫu này."))
    message = note = ""
    try:
        value = clean_value(indicator, request.POST.get(FIGURE + code, ""))
    except ValidationError as exc:
        message = exc.messages[0]
    else:
        # A large change is not an error, but sending will ask why: say so now.
        changes = workflow.large_changes(submission, {code: value})
        note = changes[0].message if changes else ""
    return render(
        request,
        "reporting/entry/_field_check.html",
        {
            "code": code,
            "message": message,
            "note": note,
            "note_label": _("Khi gửi cần giải trình:"),
        },
    )


@login_required
@require_POST
def previous_narrative(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    """The section's narrative of the period before, put into the text box (not yet saved)."""
    submission = permissions.access_submission_by_id(request.user, pk, for_edit=True)
    found = submission.form.sections.filter(code=section).first()
    if found is None:
        raise Http404
    previous = services.previous_narratives(submission).get(section, "")
    text = previous or request.POST.get(NARRATIVE + section, "")
    note = "" if previous else _("Kỳ trước không có phần thuyết minh này.")
    if HALF_PHRASE.search(previous):
        # The copy names this period now: the reporter confirms it reads right.
        note = _("Các cụm từ chỉ kỳ báo cáo đã được đổi sang kỳ này; xin đọc lại trước khi gửi.")
    response = render(
        request,
        "reporting/entry/_narrative_box.html",
        {"section": found, "text": text, "note": note},
    )
    if previous:
        # The page marks itself changed and saves, as if the reporter had typed the text.
        response["HX-Trigger"] = "phoihop-filled"
    return response


# ----- workflow ---------------------------------------------------------------------------


@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET lists what stands in the way and every check the figures break, each with room for
    an explanation; POST submits with the explanations through the workflow, which refuses
    while anything must still be fixed or explained."""
    submission = permissions.access_submission_by_id(request.user, pk, for_edit=True)
    context = _submit_context(submission)
    if request.method != "POST":
        return render(request, "reporting/entry/submit.html", context)
    codes = {w["code"] for w in context["warnings"]} | {c.code for c in context["changes"]}
    texts = {
        code: request.POST.get(EXPLANATION + code, "")[:5000]
        for code in codes
        if EXPLANATION + code in request.POST
    }
    try:
        workflow.submit_submission(submission, user=request.user, explanations=texts)
    except workflow.SubmitRefused as exc:
        context = _submit_context(submission, typed=texts)
        context["error"] = exc.message
        return render(request, "reporting/entry/submit.html", context, status=400)
    except services.WorkflowError as exc:
        context["error"] = exc.message
        return render(request, "reporting/entry/submit.html", context, status=400)
    messages.success(request, _("Đã gửi báo cáo tới cơ quan thường trực."))
    return redirect("reporting:submission_detail", submission.pk)


def _submit_context(submission: Submission, *, typed: dict[str, str] | None = None) -> dict:
    explained = dict(submission.explanations.values_list("rule_code", "text"))
    explained.update(typed or {})
    return {
        "submission": submission,
        # The broken checks, blocking ones marked, each once.
        "warnings": submission_warnings(submission),
        # What else must be fixed: the required narratives still empty.
        "blockers": workflow.missing_narratives(submission),
        # Large changes stay listed once explained, so the explanation can be read and edited.
        "changes": workflow.large_changes(
            submission, dict(submission.figures.values_list("indicator__code", "value"))
        ),
        "explained": explained,
    }


def _review(request: HtmxHttpRequest, pk: int, step: str) -> HttpResponse:
    submission = permissions.access_submission_by_id(request.user, pk)
    if not permissions.can_review_submission(request.user, submission):
        raise PermissionDenied
    reason = request.POST.get("ly_do", "")[:5000]
    open_until = None
    if request.POST.get("mo_den", "").strip():
        try:
            open_until = parse_date(request.POST["mo_den"].strip())
        except ValueError:
            return _bad(request, _("Ngày mở để sửa không hợp lệ; viết theo dạng 27/12/2020."))
    try:
        if step == "return":
            workflow.return_submission(
                submission, user=request.user, reason=reason, open_until=open_until
            )
            done = _("Đã trả lại báo cáo cho người báo cáo.")
        elif step == "accept":
            workflow.accept_submission(submission, user=request.user)
            done = _("Đã duyệt báo cáo.")
        else:
            workflow.reopen_submission(
                submission, user=request.user, reason=reason, open_until=open_until
            )
            done = _("Đã mở lại báo cáo để sửa.")
    except services.WorkflowError as exc:
        return _bad(request, exc.message)
    messages.success(request, done)
    return redirect("reporting:submission_detail", submission.pk)


@login_required
@require_POST
def return_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, "return")


@login_required
@require_POST
def accept_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, "accept")


@login_required
@require_POST
def reopen_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, "reopen")


# ----- who has reported -------------------------------------------------------------------


def _matrix_context(request: HttpRequest, *, period_id: str | None = None) -> dict:
    """The matrix of the reader's unit (or the first district it may read) for a period."""
    user = permissions.signed_in_user(request)
    if not permissions.can_follow_reporting(user):
        raise PermissionDenied
    units = permissions.visible_units(user)
    unit = user.unit if user.unit is not None else units.filter(level=2).order_by("path").first()
    if unit is None:
        raise Http404
    submissions = permissions.visible_submissions(user)
    current, _convention = current_period(submissions, today=clock.today())
    error = ""
    period = current
    if period_id:
        try:
            period = Period.parse(period_id.strip())
        except PeriodError:
            error = _("Kỳ báo cáo không hợp lệ, đang hiển thị kỳ hiện tại.")
    data = matrix_selectors.reporting_matrix(
        unit=unit, period=period, organisations=permissions.visible_organisations(user)
    )
    return {
        **data,
        "periods": matrix_selectors.matrix_periods(submissions, current=current),
        "period_error": error,
        "may_extend": permissions.can_extend_entry_window(user),
        "may_start": permissions.is_office_for(user, unit),
    }


@login_required
@require_GET
def matrix(request: HttpRequest) -> HttpResponse:
    context = _matrix_context(request, period_id=request.GET.get("ky"))
    return render_page(
        request, "reporting/matrix/page.html", context, fragment="reporting/matrix/_matrix.html"
    )

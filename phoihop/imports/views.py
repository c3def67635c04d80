"""Pages of the import of old reports: upload, review beside the text, confirm."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.core.numbers import format_number
from phoihop.imports import selectors, services
from phoihop.imports.forms import ReviewForm, UploadForm, row_choices
from phoihop.imports.models import ImportCandidate, ImportSession, ImportStatus
from phoihop.imports.tasks import start_import_job
from phoihop.indicators.models import Indicator
from phoihop.jobs.models import JobState


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not permissions.is_an_office(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        job = start_import_job(
            request.user,
            file_name=upload_file.name,
            data=upload_file.read(),
            link=reverse("imports:upload"),
        )
        # Read already (tasks run at once): straight to the review, or the reason here.
        if job.state == JobState.DONE and job.result_link:
            return redirect(job.result_link)
        if job.state == JobState.FAILED:
            problems = [job.message]
        else:
            return redirect("jobs:status", pk=job.pk)
    status = 400 if request.method == "POST" else 200
    sessions = selectors.import_sessions_for(request.user)[:20]
    return render(
        request,
        "imports/upload.html",
        {"form": form, "problems": problems, "sessions": sessions},
        status=status,
    )


# Proposals offered in each row's list; any other indicator is typed from the shared list.
SHOWN_PROPOSALS = 3


def _rows(
    candidates: list[ImportCandidate],
    *,
    indicators: dict[str, Indicator],
    findings: dict[int, list[str]],
    data=None,
    errors: dict[int, str] | None = None,
) -> list[dict]:
    """One table row per figure: the posted choice when re-shown after an error, else the stored."""
    rows = []
    for candidate in candidates:
        key = candidate.pk
        if data is not None:
            indicator_code = data.get(f"indicator-{key}", "")
            organisation_id = data.get(f"organisation-{key}", "")
            value_text = data.get(f"value-{key}", "")
            included = data.get(f"include-{key}") == "on"
        else:
            indicator_code = candidate.indicator.code if candidate.indicator else ""
            organisation_id = str(candidate.organisation_id or "")
            value_text = format_number(candidate.chosen_value)
            included = candidate.included
        ranked = [
            (indicators[code], round(score * 100))
            for code, score in candidate.ranked[:SHOWN_PROPOSALS]
            if code in indicators
        ]
        rows.append(
            {
                "candidate": candidate,
                "indicator_code": indicator_code,
                "organisation_id": organisation_id,
                "value_text": value_text,
                "included": included,
                "ranked": ranked,
                "chosen_in_ranked": any(i.code == indicator_code for i, _score in ranked),
                "chosen_name": (
                    f"{indicators[indicator_code].name} ({indicators[indicator_code].unit_label})"
                    if indicator_code in indicators
                    else indicator_code
                ),
                "confidence": round(candidate.score * 100),
                "findings": findings.get(candidate.figure_id, []),
                "error": (errors or {}).get(key),
            }
        )
    return rows


def _render_review(
    request: HttpRequest,
    session: ImportSession,
    form: ReviewForm,
    *,
    data=None,
    errors: dict[int, str] | None = None,
    problems: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    candidates = list(
        session.candidates.select_related("indicator", "organisation__kind").order_by("figure_id")
    )
    findings = selectors.findings_by_figure(session)
    indicators = selectors.importable_indicators()
    rows = _rows(
        candidates,
        indicators={i.code: i for i in indicators},
        findings=findings,
        data=data,
        errors=errors,
    )
    if form.is_bound and form.is_valid():
        target = (form.cleaned_data["unit"], form.cleaned_data["period"])
    else:
        target = (session.unit, session.period)
    context = {
        "warnings": services.target_warnings(session, unit=target[0], period=target[1]),
        "session": session,
        "form": form,
        "paragraphs": selectors.highlighted_paragraphs(session, candidates, flagged=set(findings)),
        "rows": rows,
        "checks": selectors.failed_checks(session),
        "indicators": indicators,
        "organisations": selectors.organisations_of(session.unit),
        "problems": problems or [],
        "editable": session.status == ImportStatus.REVIEWING,
    }
    return render(request, "imports/review.html", context, status=status)


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.is_an_office(request.user):
        raise PermissionDenied
    session = selectors.access_import_session_by_id(request.user, pk)
    if request.method != "POST":
        form = ReviewForm(
            initial={"unit": session.unit, "period": session.period}, user=request.user
        )
        return _render_review(request, session, form)

    form = ReviewForm(request.POST, user=request.user)
    candidates = list(session.candidates.all())
    choices, errors = row_choices(request.POST, candidates)
    if not form.is_valid() or errors:
        return _render_review(request, session, form, data=request.POST, errors=errors, status=400)
    target = {"unit": form.cleaned_data["unit"], "period": form.cleaned_data["period"]}
    try:
        if request.POST.get("action") == "import":
            saved = services.import_session(
                session,
                user=request.user,
                choices=choices,
                acknowledged=form.cleaned_data["acknowledged"],
                **target,
            )
        else:
            services.save_review(session, user=request.user, choices=choices, **target)
            messages.success(request, _("Đã lưu lựa chọn; chưa nhập số liệu nào vào báo cáo."))
            return redirect("imports:review", session.pk)
    except services.ImportRefused as refused:
        return _render_review(
            request, session, form, data=request.POST, problems=refused.messages, status=400
        )
    messages.success(
        request,
        _("Đã nhập số liệu vào %(n)d báo cáo (đang soạn).") % {"n": len(saved)},
    )
    if len(saved) == 1:
        return redirect("reporting:submission_detail", saved[0].pk)
    return redirect("imports:review", session.pk)

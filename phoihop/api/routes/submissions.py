"""Submissions: list, read, start, write figures to a draft, and the workflow's steps.

Every write goes through the web's services (`reporting.services.save_submission`, the
workflow's `submit_submission`, `accept_submission`, `return_submission`,
`reopen_submission`), which ask `accounts.permissions` as they do for the web; each runs in a
transaction, so a refusal leaves nothing changed."""

from typing import cast

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from phoihop.accounts import permissions
from phoihop.accounts.models import User
from phoihop.api import schemas as s
from phoihop.api.errors import READ_ERRORS, WRITE_ERRORS, BadRequest
from phoihop.core.periods import Period
from phoihop.indicators.models import Form
from phoihop.organisations.models import OrganisationKind
from phoihop.reporting import services, workflow
from phoihop.reporting.models import Status, Submission
from phoihop.reporting.selectors import SubmissionFilters, submission_list

router = Router(tags=["Báo cáo"])


def caller(request: HttpRequest) -> User:
    # Every operation sits behind BearerToken, which sets the token's owner as the user.
    return cast(User, request.user)


def _row(sub: Submission) -> dict:
    org = sub.organisation
    return {
        "id": sub.pk,
        "form": sub.form.code,
        "organisation_id": org.pk,
        "organisation_name": org.name,
        "kind": org.kind.code,
        "unit_id": org.unit_id,
        "unit_name": org.unit.full_name,
        "period": sub.period,
        "period_label": sub.period_label,
        "status": sub.status,
        "status_label": str(Status(sub.status).label),
        "version": sub.version,
        "submitted_at": sub.submitted_at,
        "reviewed_at": sub.reviewed_at,
    }


def detail(user: permissions.AnyUser, sub: Submission) -> dict:
    """A submission as the API answers it: its figures, narratives, explanations and steps, and
    what the caller may do with it now."""
    refusal = permissions.write_refusal(user, sub)
    return {
        **_row(sub),
        "deadline": sub.deadline,
        "return_reason": sub.return_reason,
        "reopened_until": sub.reopened_until,
        "may_edit": refusal is None,
        "edit_refusal": refusal,
        "may_review": permissions.can_review_submission(user, sub),
        "figures": [
            {"indicator": f.indicator.code, "value": s.exact(f.value), "comment": f.comment}
            for f in sub.figures.select_related("indicator").order_by("indicator__pk")
        ],
        "narratives": [
            {"section": n.section.code, "text": n.text}
            for n in sub.narratives.select_related("section").order_by("section__order")
        ],
        "explanations": [
            {"code": e.rule_code, "text": e.text} for e in sub.explanations.order_by("rule_code")
        ],
        "events": [
            {
                "action": e.action,
                "action_label": e.get_action_display(),
                "actor": str(e.actor) if e.actor_id else None,
                "at": e.at,
                "reason": e.reason,
            }
            for e in sub.events.select_related("actor")
        ],
    }


@router.get("/submissions/", response={200: s.SubmissionPage, **READ_ERRORS})
def list_submissions(
    request: HttpRequest,
    period: Query[s.Param | None] = None,
    status: Query[s.Param | None] = None,
    kind: Query[s.Param | None] = None,
    organisation: Query[s.Id | None] = None,
    unit: Query[s.Id | None] = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=1_000_000_000),
):
    """The submissions the caller may see (as the web's list), newest period first: `period`
    (2020S1), `status` (draft, submitted, accepted, returned), `kind` of organisation (ctd…),
    one `organisation`, or a `unit` and the units under it; `limit` (≤ 1000) and `offset`."""
    if status is not None and status not in Status.values:
        raise BadRequest(
            _("Trạng thái không hợp lệ; dùng một trong: %(values)s.")
            % {"values": ", ".join(Status.values)}
        )
    if kind is not None and not OrganisationKind.objects.filter(code=kind).exists():
        raise BadRequest(_("Không có loại tổ chức «%(code)s».") % {"code": kind})
    filters = SubmissionFilters(
        period=Period.parse(period).id if period is not None else None, status=status, kind=kind
    )
    visible = permissions.visible_submissions(request.user)
    if organisation is not None:
        visible = visible.filter(
            organisation=permissions.access_organisation_by_id(request.user, organisation)
        )
    if unit is not None:
        below = permissions.access_unit_by_id(request.user, unit)
        visible = visible.filter(organisation__unit__path__startswith=below.path)
    rows = submission_list(visible, filters=filters)["submissions"]
    return {"count": rows.count(), "items": [_row(sub) for sub in rows[offset : offset + limit]]}


@router.post("/submissions/", response={200: s.SubmissionDetailOut, **WRITE_ERRORS})
@transaction.atomic
def start_submission(request: HttpRequest, payload: s.StartIn):
    """The organisation's submission for the period, started as a draft if there is none (the
    web's "Bắt đầu nhập"); the organisation's form unless `form` names another."""
    organisation = permissions.access_organisation_by_id(request.user, payload.organisation)
    period = Period.parse(payload.period)
    form = None
    if payload.form is not None:
        form = Form.objects.filter(code=payload.form, is_active=True).first()
        if form is None or not form.is_reported_by(organisation):
            raise BadRequest(
                _("Tổ chức này không báo cáo theo biểu mẫu «%(code)s».") % {"code": payload.form}
            )
    sub = services.start_submission(
        user=request.user, organisation=organisation, period=period.id, form=form
    )
    return detail(request.user, permissions.access_submission_by_id(request.user, sub.pk))


@router.get("/submissions/{submission_id}/", response={200: s.SubmissionDetailOut, **READ_ERRORS})
def get_submission(request: HttpRequest, submission_id: s.Id):
    return detail(request.user, permissions.access_submission_by_id(request.user, submission_id))


def _save(request: HttpRequest, submission_id: int, payload: s.SubmissionIn, *, whole: bool):
    sub = permissions.access_submission_by_id(request.user, submission_id, for_edit=True)
    figures = dict(payload.figures)
    narratives = dict(payload.narratives)
    if whole:
        # PUT sends the whole submission: what it leaves out is emptied.
        for indicator in sub.form.indicators():
            if not indicator.is_computed:
                figures.setdefault(indicator.code, None)
        for section in sub.form.sections.filter(has_narrative=True):
            narratives.setdefault(section.code, "")
    sub = services.save_submission(
        sub,
        user=request.user,
        figures=figures,
        narratives=narratives,
        comments=payload.comments,
        base_version=payload.version,
        reason=payload.reason,
    )
    # An explicit save, as the web's "Lưu": the stored verdicts are brought up to date.
    workflow.refresh_checks(sub, user=caller(request))
    return detail(request.user, permissions.access_submission_by_id(request.user, sub.pk))


@router.patch(
    "/submissions/{submission_id}/", response={200: s.SubmissionDetailOut, **WRITE_ERRORS}
)
@transaction.atomic
def patch_submission(request: HttpRequest, submission_id: s.Id, payload: s.SubmissionIn):
    """Change the figures, narratives and comments given; the rest stay as they are. Only a
    draft or returned submission, by those who enter it, inside its entry window (as the web)."""
    return _save(request, submission_id, payload, whole=False)


@router.put("/submissions/{submission_id}/", response={200: s.SubmissionDetailOut, **WRITE_ERRORS})
@transaction.atomic
def put_submission(request: HttpRequest, submission_id: s.Id, payload: s.SubmissionIn):
    """Replace the submission's content: figures and narratives not given are emptied."""
    return _save(request, submission_id, payload, whole=True)


@router.get("/submissions/{submission_id}/blockers/", response={200: s.BlockersOut, **READ_ERRORS})
def get_blockers(request: HttpRequest, submission_id: s.Id):
    """What submitting would refuse now: broken blocking checks, large changes not explained,
    required narratives still empty."""
    sub = permissions.access_submission_by_id(request.user, submission_id, for_edit=True)
    blockers = workflow.submit_blockers(sub)
    return {
        "may_submit": not blockers and permissions.write_refusal(request.user, sub) is None,
        "blockers": [
            {
                "code": b.code,
                "message": b.message,
                "indicators": list(b.indicators),
                "explainable": b.explainable,
            }
            for b in blockers
        ],
    }


@router.post(
    "/submissions/{submission_id}/submit/", response={200: s.SubmissionDetailOut, **WRITE_ERRORS}
)
@transaction.atomic
def submit(request: HttpRequest, submission_id: s.Id, payload: s.SubmitIn):
    """Send to the standing office, with explanations by code; refused (409, every reason in
    `blockers`) while something must still be fixed or explained."""
    sub = permissions.access_submission_by_id(request.user, submission_id, for_edit=True)
    sub = workflow.submit_submission(sub, user=request.user, explanations=payload.explanations)
    return detail(request.user, sub)


@router.post(
    "/submissions/{submission_id}/accept/", response={200: s.SubmissionDetailOut, **WRITE_ERRORS}
)
@transaction.atomic
def accept(request: HttpRequest, submission_id: s.Id):
    """Accept a submitted report (the standing office): its figures become official."""
    sub = permissions.access_submission_by_id(request.user, submission_id)
    return detail(request.user, workflow.accept_submission(sub, user=request.user))


@router.post(
    "/submissions/{submission_id}/return/", response={200: s.SubmissionDetailOut, **WRITE_ERRORS}
)
@transaction.atomic
def return_(request: HttpRequest, submission_id: s.Id, payload: s.ReviewIn):
    """Send a submitted report back to its reporter with the reason (the standing office)."""
    sub = permissions.access_submission_by_id(request.user, submission_id)
    sub = workflow.return_submission(
        sub, user=request.user, reason=payload.reason, open_until=payload.open_until
    )
    return detail(request.user, sub)


@router.post(
    "/submissions/{submission_id}/reopen/", response={200: s.SubmissionDetailOut, **WRITE_ERRORS}
)
@transaction.atomic
def reopen(request: HttpRequest, submission_id: s.Id, payload: s.ReviewIn):
    """Unlock an accepted report for correction, with the reason (the standing office)."""
    sub = permissions.access_submission_by_id(request.user, submission_id)
    sub = workflow.reopen_submission(
        sub, user=request.user, reason=payload.reason, open_until=payload.open_until
    )
    return detail(request.user, sub)

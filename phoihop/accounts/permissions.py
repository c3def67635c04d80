"""The one place where access is decided: who may see or change what."""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias, TypeGuard

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from phoihop.accounts.models import Role, User
from phoihop.core import clock
from phoihop.core.dates import format_date
from phoihop.core.periods import Period, PeriodError
from phoihop.jobs.models import Job
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit, UnitQuerySet
from phoihop.reporting import windows
from phoihop.reporting.models import Status, Submission

# Whoever makes a request: `request.user`, signed in or not. The predicates below that answer
# True only for someone signed in say so (`TypeGuard[User]`), so that after asking them a
# service may store the user as the actor.
AnyUser: TypeAlias = User | AnonymousUser


def _signed_in(user: AnyUser | None) -> TypeGuard[User]:
    return bool(user and user.is_authenticated and user.is_active)


def signed_in_user(request: HttpRequest) -> User:
    """The person of a @login_required view's request, as services record them. Only a real
    user gets past login_required; anyone else is refused here rather than passed on."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def is_admin(user: AnyUser) -> TypeGuard[User]:
    return _signed_in(user) and (user.is_superuser or user.role == Role.ADMIN)


def _unit_scope_q(user: User, *, prefix: str) -> Q | None:
    """The units a user reads, as a filter on `prefix`path; None means everything."""
    if is_admin(user):
        return None
    role = user.role
    if role in (Role.OFFICE, Role.VIEWER, Role.COMMUNE_REPORTER):
        if user.unit is None:
            # A viewer without a unit reads the whole country.
            return None if role == Role.VIEWER else Q(pk__in=[])
        return Q(**{f"{prefix}path__startswith": user.unit.path})
    if role == Role.MEMBER:
        paths = list(user.assigned_units.values_list("path", flat=True))
        q = Q(pk__in=[])
        for path in paths:
            q |= Q(**{f"{prefix}path__startswith": path})
        return q
    if role == Role.ORG_REPORTER:
        if user.organisation is None:
            return Q(pk__in=[])
        return Q(**{f"{prefix}pk": user.organisation.unit_id})
    return Q(pk__in=[])


# ----- units -----------------------------------------------------------------------------


def visible_units(user: AnyUser) -> UnitQuerySet:
    if not _signed_in(user):
        return Unit.objects.none()
    q = _unit_scope_q(user, prefix="")
    units = Unit.objects.all()
    return units if q is None else units.filter(q)


def sees_everything_below(user: AnyUser, unit: Unit) -> bool:
    """Whether the reader sees `unit`, every unit below it and every organisation in them, told
    without a query (as `visible_units` and `visible_organisations` scope them): an
    administrator, a viewer of the whole country, or a reader of a unit's subtree (office,
    viewer, commune reporter) for a unit within it. False where it cannot be told so simply (a
    member's several units, an organisation's reporter): the caller then asks the database."""
    if not _signed_in(user) or not unit.pk:
        return False
    if is_admin(user):
        return True
    if user.role in (Role.OFFICE, Role.VIEWER, Role.COMMUNE_REPORTER):
        if user.unit is None:
            return user.role == Role.VIEWER
        return unit.path.startswith(user.unit.path)
    return False


def can_view_unit(user: AnyUser, unit: Unit) -> bool:
    return visible_units(user).filter(pk=unit.pk).exists()


# ----- organisations ---------------------------------------------------------------------


def visible_organisations(user: AnyUser) -> QuerySet[Organisation]:
    if not _signed_in(user):
        return Organisation.objects.none()
    if user.role == Role.ORG_REPORTER and not is_admin(user):
        if user.organisation_id is None:
            return Organisation.objects.none()
        return Organisation.objects.filter(pk=user.organisation_id)
    q = _unit_scope_q(user, prefix="unit__")
    orgs = Organisation.objects.all()
    return orgs if q is None else orgs.filter(q)


def can_view_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return visible_organisations(user).filter(pk=organisation.pk).exists()


# ----- catalogue (indicators, forms) ------------------------------------------------------


def can_view_catalogue(user: AnyUser) -> bool:
    return _signed_in(user)


def can_manage_catalogue(user: AnyUser) -> bool:
    return is_admin(user)


# ----- submissions -----------------------------------------------------------------------


def visible_submissions(user: AnyUser) -> QuerySet[Submission]:
    if not _signed_in(user):
        return Submission.objects.none()
    return Submission.objects.filter(organisation__in=visible_organisations(user))


def can_view_submission(user: AnyUser, submission: Submission) -> bool:
    return can_view_organisation(user, submission.organisation)


def can_enter_for(user: AnyUser, organisation: Organisation) -> TypeGuard[User]:
    """Whether the user may type figures for this organisation (status and window aside)."""
    if not _signed_in(user):
        return False
    if is_admin(user):
        return True
    if user.role == Role.ORG_REPORTER:
        return organisation.pk == user.organisation_id
    if user.role == Role.COMMUNE_REPORTER:
        return user.unit_id is not None and organisation.unit_id == user.unit_id
    if user.role == Role.OFFICE:
        # The office enters late figures for its units (after the reporters' window closes).
        return user.unit is not None and organisation.unit.is_within(user.unit)
    return False


def can_edit_submission(user: AnyUser, submission: Submission) -> bool:
    """Whether the user may change figures now (see `write_refusal`)."""
    return write_refusal(user, submission) is None


def unit_exists_in(unit: Unit, period: str, *, convention: str) -> bool:
    """Whether the unit existed at some time during the period (units merge and disappear)."""
    try:
        span = Period.parse(period).date_range(convention)
    except PeriodError:
        return False
    return (unit.valid_from is None or unit.valid_from <= span.end) and (
        unit.valid_to is None or span.start <= unit.valid_to
    )


def unit_period_refusal(unit: Unit, period: str, *, convention: str) -> str | None:
    """Why a unit cannot report for a period it did not exist in (None when it can)."""
    if unit_exists_in(unit, period, convention=convention):
        return None
    try:
        label = Period.parse(period).label
    except PeriodError:
        return _("Kỳ báo cáo không hợp lệ.")
    return _(
        "%(unit)s không tồn tại trong %(period)s (hiệu lực từ %(start)s đến %(end)s); "
        "không nhập báo cáo cho kỳ này."
    ) % {
        "unit": unit.full_name,
        "period": label,
        "start": format_date(unit.valid_from) or "…",
        "end": format_date(unit.valid_to) or "nay",
    }


def write_refusal(
    user: AnyUser, submission: Submission, *, on: dt.date | None = None
) -> str | None:
    """May this user write this submission now? None if so, else why not, in Vietnamese.

    The one answer for every entry path (web, autosave, Excel, command line, API): the user
    must be one who enters this organisation's figures; the submission draft or returned; its
    unit existing in the period; and the day inside the entry window — or, once returned,
    before the day the office reopened it until. The standing office enters late at any time.
    """
    if not can_enter_for(user, submission.organisation):
        return _("Bạn không có quyền nhập báo cáo của tổ chức này.")
    if submission.status not in (Status.DRAFT, Status.RETURNED):
        return _("Báo cáo đã gửi hoặc đã được duyệt nên đang khoá; cần cơ quan thường trực mở lại.")
    form = submission.form
    unit = submission.organisation.unit
    refusal = unit_period_refusal(unit, submission.period, convention=form.period_convention)
    if refusal:
        return refusal
    if is_office_for(user, unit):
        return None  # late entry is the standing office's to make
    today = on or clock.today()
    if submission.open_for_correction(today):
        return None
    # Inside the form's own window no extension can matter: the extensions are asked only
    # outside it (a save inside the window then costs no query here).
    if today in windows.entry_window_with(form, submission.period, extended_to=None):
        return None
    window = windows.entry_window(form, submission.period, organisation=submission.organisation)
    if today in window:
        return None
    return _(
        "Đã hết thời gian nhập liệu kỳ này (từ %(start)s đến %(end)s). "
        "Liên hệ cơ quan thường trực để nhập bổ sung."
    ) % {"start": format_date(window.start), "end": format_date(window.end)}


def can_review_submission(user: AnyUser, submission: Submission) -> TypeGuard[User]:
    """Accept, return or reopen: the standing office of a unit above or at the submission's."""
    if not _signed_in(user):
        return False
    if is_admin(user):
        return True
    return (
        user.role == Role.OFFICE
        and user.unit is not None
        and submission.organisation.unit.is_within(user.unit)
    )


def is_office_for(user: AnyUser, unit: Unit) -> TypeGuard[User]:
    return is_admin(user) or (
        _signed_in(user)
        and user.role == Role.OFFICE
        and user.unit is not None
        and unit.is_within(user.unit)
    )


def access_submission_by_id(
    user: AnyUser, submission_id: int, *, for_edit: bool = False
) -> Submission:
    """The submission, if the user may see it (404 otherwise) and, for edits, change it (403)."""
    try:
        submission = Submission.objects.select_related(
            "form", "organisation__unit", "organisation__kind"
        ).get(pk=submission_id)
    except (Submission.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_view_submission(user, submission):
        # Do not reveal that a submission exists outside the user's scope.
        raise Http404
    if for_edit and not can_enter_for(user, submission.organisation):
        raise PermissionDenied
    return submission


def access_unit_by_id(user: AnyUser, unit_id: int | str | None) -> Unit:
    # The id as the request gave it: anything that is not one of the user's units is 404.
    if unit_id is None:
        raise Http404
    try:
        return visible_units(user).get(pk=unit_id)
    except (Unit.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def access_organisation_by_id(user: AnyUser, organisation_id: int | str | None) -> Organisation:
    # The id as the request gave it: anything that is not one of the user's organisations is 404.
    if organisation_id is None:
        raise Http404
    try:
        return visible_organisations(user).select_related("unit", "kind").get(pk=organisation_id)
    except (Organisation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# ----- following who has reported (issue 3) ------------------------------------------------


def can_follow_reporting(user: AnyUser) -> bool:
    """The who-has-reported matrix: the standing office and those who oversee, not reporters."""
    return is_admin(user) or (
        _signed_in(user) and user.role in (Role.OFFICE, Role.VIEWER, Role.MEMBER)
    )


def can_extend_entry_window(user: AnyUser) -> bool:
    """Only the standing office (or an administrator) lets a period be entered late."""
    return is_admin(user) or (_signed_in(user) and user.role == Role.OFFICE)


# ----- the standing office's own tools (rules, reports, imports of old reports) -------------


def is_an_office(user: AnyUser) -> TypeGuard[User]:
    """The standing office of some unit, or an administrator."""
    return is_admin(user) or (
        _signed_in(user) and user.role == Role.OFFICE and user.unit_id is not None
    )


def may_revalidate_everything(user: AnyUser) -> TypeGuard[User]:
    """ "Kiểm tra lại toàn bộ": the standing office for its unit, an administrator for all."""
    return is_an_office(user)


def access_office_unit_by_id(user: AnyUser, unit_id: int) -> Unit:
    """A unit the user is the standing office for: 404 when unseen, 403 when seen but not its."""
    unit = access_unit_by_id(user, unit_id)
    if not is_office_for(user, unit):
        raise PermissionDenied
    return unit


# ----- background jobs (a PDF, a ZIP, a validation rerun) ----------------------------------


def can_view_job(user: AnyUser, job: Job) -> bool:
    """Who asked for it, or whoever is the standing office for its unit."""
    if not _signed_in(user):
        return False
    if job.owner_id is not None and job.owner_id == user.pk:
        return True
    return job.unit is not None and is_office_for(user, job.unit)


def access_job_by_id(user: AnyUser, job_id: int) -> Job:
    """The job if the user may see it and its result; 404 otherwise (its existence included)."""
    try:
        job = Job.objects.select_related("unit").get(pk=job_id)
    except (Job.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_view_job(user, job):
        raise Http404
    return job


# ----- the coordination programme (issue 13) -------------------------------------------------
# The programme is an agreement the command signs with each organisation, recorded by the
# standing office: the office of the unit (or of a unit above) sets contents and targets; an
# organisation reads its own programme and targets but does not set them. A joint activity is
# recorded by whoever enters its lead organisation's figures (or the office); every partner
# reads it.


def can_view_programme(user: AnyUser, organisation: Organisation) -> bool:
    """Whether the user reads this organisation's programme: whoever sees the organisation."""
    return can_view_organisation(user, organisation)


def can_edit_programme(user: AnyUser, organisation: Organisation) -> TypeGuard[User]:
    """Set a programme's signing, contents and targets: the standing office of its unit or above."""
    return is_office_for(user, organisation.unit)


def can_plan_for(user: AnyUser, unit: Unit) -> TypeGuard[User]:
    """Draw up and close a unit's common plan: the standing office of the unit or above."""
    return is_office_for(user, unit)


def bodies_to_plan_with(user: AnyUser, unit: Unit) -> QuerySet[Organisation]:
    """The bodies a planner may name to lead or join a task of the unit's plan: the unit's own
    active organisations, for whoever plans the unit (`can_plan_for`); none for anyone else."""
    if not can_plan_for(user, unit):
        return Organisation.objects.none()
    return Organisation.objects.filter(unit=unit, is_active=True)


def can_record_joint_activity(user: AnyUser, lead: Organisation) -> TypeGuard[User]:
    """Record (or change) a joint activity led by `lead`: who enters its figures, or the office."""
    return can_enter_for(user, lead) or is_office_for(user, lead.unit)


def visible_joint_activity_q(user: AnyUser) -> Q:
    """The joint activities a user reads, as a filter: those whose lead or a partner they see."""
    organisations = visible_organisations(user)
    return Q(lead__in=organisations) | Q(partners__in=organisations)


# ----- the committee: boards, members, inspections (issue 14) ---------------------------------
# The committee's objects all belong to a unit (a board's, an inspection's commune), so these
# questions are asked about that unit; committee.selectors looks the objects up and asks here.


def is_member(user: AnyUser) -> TypeGuard[User]:
    """A member of a steering committee, in charge of communes (the member's page)."""
    return _signed_in(user) and user.role == Role.MEMBER


def can_view_committee_of(user: AnyUser, unit: Unit) -> bool:
    """A unit's board, its inspections and recommendations: its office and those above, the
    members in charge of it, its own coordination board's reporters, viewers of its area."""
    if is_admin(user) or is_office_for(user, unit):
        return True
    if not _signed_in(user):
        return False
    if user.role in (Role.MEMBER, Role.VIEWER):
        return can_view_unit(user, unit)
    if user.role == Role.COMMUNE_REPORTER:
        return user.unit_id == unit.pk
    return False


def committee_units(user: AnyUser) -> QuerySet[Unit]:
    """The units whose boards and inspections the user sees (as `can_view_committee_of`)."""
    if not _signed_in(user) or (user.role == Role.ORG_REPORTER and not is_admin(user)):
        return Unit.objects.none()
    return visible_units(user)


def can_manage_board(user: AnyUser, unit: Unit) -> TypeGuard[User]:
    """Members, assignments, operating rules and decisions: the standing office of the unit or
    of a unit above it."""
    return is_office_for(user, unit)


def can_plan_inspections(user: AnyUser, unit: Unit) -> TypeGuard[User]:
    """Rank communes, set the ranking's weights, draw up and send an inspection plan."""
    return is_office_for(user, unit)


def can_record_inspection(user: AnyUser, unit: Unit) -> TypeGuard[User]:
    """Record an inspection of a commune and follow its recommendations: the standing office,
    or a member in charge of the commune."""
    if is_office_for(user, unit):
        return True
    return is_member(user) and can_view_unit(user, unit)


def can_answer_recommendation(user: AnyUser, unit: Unit) -> TypeGuard[User]:
    """Report what a commune did about a recommendation: its own coordination board (or the
    standing office on its behalf)."""
    if is_office_for(user, unit):
        return True
    return _signed_in(user) and user.role == Role.COMMUNE_REPORTER and user.unit_id == unit.pk


# ----- sign-in locks (django-axes) ----------------------------------------------------------


def may_unlock_sign_ins(user: AnyUser) -> TypeGuard[User]:
    """The page of locked sign-ins: the standing office of a unit, or an administrator."""
    return is_an_office(user)


def users_whose_sign_in_may_be_unlocked(user: AnyUser) -> QuerySet[User]:
    """An office unlocks the people of its unit and below (and the reporters of organisations
    there); an administrator, everyone."""
    if is_admin(user):
        return User.objects.all()
    if not is_an_office(user) or user.unit is None:
        return User.objects.none()
    path = user.unit.path
    return User.objects.filter(
        Q(unit__path__startswith=path) | Q(organisation__unit__path__startswith=path)
    ).distinct()


def may_unlock_sign_in_of(user: AnyUser, username: str) -> bool:
    """Whether `user` may clear the wrong passwords counted for `username`. An administrator
    also clears names no account has (someone guessing names)."""
    if is_admin(user):
        return True
    return users_whose_sign_in_may_be_unlocked(user).filter(username=username).exists()

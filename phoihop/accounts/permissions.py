"""The one place where access is decided: who may see or change what."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from phoihop.accounts.models import Role, User
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting.models import Status, Submission


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_admin(user) -> bool:
    return _signed_in(user) and (user.is_superuser or user.role == Role.ADMIN)


def _unit_scope_q(user: User, *, prefix: str) -> Q | None:
    """The units a user reads, as a filter on `prefix`path; None means everything."""
    if is_admin(user):
        return None
    role = user.role
    if role in (Role.OFFICE, Role.VIEWER, Role.COMMUNE_REPORTER):
        if user.unit_id is None:
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
        if user.organisation_id is None:
            return Q(pk__in=[])
        return Q(**{f"{prefix}pk": user.organisation.unit_id})
    return Q(pk__in=[])


# ----- units -----------------------------------------------------------------------------


def visible_units(user) -> QuerySet[Unit]:
    if not _signed_in(user):
        return Unit.objects.none()
    q = _unit_scope_q(user, prefix="")
    units = Unit.objects.all()
    return units if q is None else units.filter(q)


def can_view_unit(user, unit: Unit) -> bool:
    return visible_units(user).filter(pk=unit.pk).exists()


# ----- organisations ---------------------------------------------------------------------


def visible_organisations(user) -> QuerySet[Organisation]:
    if not _signed_in(user):
        return Organisation.objects.none()
    if user.role == Role.ORG_REPORTER and not is_admin(user):
        return Organisation.objects.filter(pk=user.organisation_id)
    q = _unit_scope_q(user, prefix="unit__")
    orgs = Organisation.objects.all()
    return orgs if q is None else orgs.filter(q)


def can_view_organisation(user, organisation: Organisation) -> bool:
    return visible_organisations(user).filter(pk=organisation.pk).exists()


# ----- catalogue (indicators, forms) ------------------------------------------------------


def can_view_catalogue(user) -> bool:
    return _signed_in(user)


def can_manage_catalogue(user) -> bool:
    return is_admin(user)


# ----- submissions -----------------------------------------------------------------------


def visible_submissions(user) -> QuerySet[Submission]:
    if not _signed_in(user):
        return Submission.objects.none()
    return Submission.objects.filter(organisation__in=visible_organisations(user))


def can_view_submission(user, submission: Submission) -> bool:
    return can_view_organisation(user, submission.organisation)


def can_enter_for(user, organisation: Organisation) -> bool:
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
        return user.unit_id is not None and organisation.unit.is_within(user.unit)
    return False


def can_edit_submission(user, submission: Submission) -> bool:
    """Whether the user may change figures now: an accepted or submitted one is not editable."""
    if submission.status not in (Status.DRAFT, Status.RETURNED):
        return False
    return can_enter_for(user, submission.organisation)


def can_review_submission(user, submission: Submission) -> bool:
    """Accept, return or reopen: the standing office of a unit above or at the submission's."""
    if not _signed_in(user):
        return False
    if is_admin(user):
        return True
    return (
        user.role == Role.OFFICE
        and user.unit_id is not None
        and submission.organisation.unit.is_within(user.unit)
    )


def is_office_for(user, unit: Unit) -> bool:
    return is_admin(user) or (
        _signed_in(user)
        and user.role == Role.OFFICE
        and user.unit_id is not None
        and unit.is_within(user.unit)
    )


def access_submission_by_id(user, submission_id: int, *, for_edit: bool = False) -> Submission:
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


def access_unit_by_id(user, unit_id: int) -> Unit:
    try:
        return visible_units(user).get(pk=unit_id)
    except (Unit.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def access_organisation_by_id(user, organisation_id: int) -> Organisation:
    try:
        return visible_organisations(user).select_related("unit", "kind").get(pk=organisation_id)
    except (Organisation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# ----- following who has reported (issue 3) ------------------------------------------------


def can_follow_reporting(user) -> bool:
    """The who-has-reported matrix: the standing office and those who oversee, not reporters."""
    return is_admin(user) or (
        _signed_in(user) and user.role in (Role.OFFICE, Role.VIEWER, Role.MEMBER)
    )


def can_extend_entry_window(user) -> bool:
    """Only the standing office (or an administrator) lets a period be entered late."""
    return is_admin(user) or (_signed_in(user) and user.role == Role.OFFICE)


# ----- the standing office's own tools (rules, reports, imports of old reports) -------------


def is_an_office(user) -> bool:
    """The standing office of some unit, or an administrator."""
    return is_admin(user) or (
        _signed_in(user) and user.role == Role.OFFICE and user.unit_id is not None
    )


def access_office_unit_by_id(user, unit_id: int) -> Unit:
    """A unit the user is the standing office for: 404 when unseen, 403 when seen but not its."""
    unit = access_unit_by_id(user, unit_id)
    if not is_office_for(user, unit):
        raise PermissionDenied
    return unit

"""The permission matrix: every role against every kind of object, allowed and refused."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from phoihop.accounts import permissions as perm
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting.models import Status, Submission

PERSONAS = ["vanphong", "chuthapdo", "nongdan", "ducphong", "thanhvien", "tinh", "quantri", None]

# Units by code: province, district, three communes of 2020, a commune of 2025 (Đồng Nai).
UNIT_VIEW = {
    #            70     698    25480  25495  25492  25481
    "vanphong": (False, True, True, True, True, False),
    "chuthapdo": (False, True, False, False, False, False),
    "nongdan": (False, True, False, False, False, False),
    "ducphong": (False, False, True, False, False, False),
    "thanhvien": (False, False, False, True, True, False),
    "tinh": (True, True, True, True, True, False),
    "quantri": (True, True, True, True, True, True),
    None: (False, False, False, False, False, False),
}
UNIT_CODES = ["70", "698", "25480", "25495", "25492", "25481"]

# Organisations: (unit, kind) → view, enter figures.
ORGS = [("698", "ctd"), ("698", "nd"), ("25480", "ctd"), ("25495", "chqs")]
ORG_RIGHTS = {
    #             ctd huyện     nd huyện      ctd Đức Phong  chqs Bom Bo   (view, enter)
    "vanphong": ((True, True), (True, True), (True, True), (True, True)),
    "chuthapdo": ((True, True), (False, False), (False, False), (False, False)),
    "nongdan": ((False, False), (True, True), (False, False), (False, False)),
    "ducphong": ((False, False), (False, False), (True, True), (False, False)),
    "thanhvien": ((False, False), (False, False), (False, False), (True, False)),
    "tinh": ((True, False), (True, False), (True, False), (True, False)),
    "quantri": ((True, True), (True, True), (True, True), (True, True)),
    None: ((False, False), (False, False), (False, False), (False, False)),
}
REVIEWERS = {"vanphong", "quantri"}


@pytest.fixture
def user_of(personas):
    return lambda name: personas[name] if name else AnonymousUser()


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_decides_who_sees_each_unit(persona, user_of):
    user = user_of(persona)
    seen = tuple(perm.can_view_unit(user, Unit.objects.get(code=code)) for code in UNIT_CODES)
    assert seen == UNIT_VIEW[persona]
    assert set(
        perm.visible_units(user).filter(code__in=UNIT_CODES).values_list("code", flat=True)
    ) == {code for code, ok in zip(UNIT_CODES, UNIT_VIEW[persona], strict=True) if ok}


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_decides_who_sees_and_enters_for_each_organisation(persona, user_of):
    user = user_of(persona)
    for (unit, kind), (view, enter) in zip(ORGS, ORG_RIGHTS[persona], strict=True):
        org = Organisation.objects.get(unit__code=unit, kind__code=kind)
        assert perm.can_view_organisation(user, org) is view, (persona, unit, kind)
        assert perm.can_enter_for(user, org) is enter, (persona, unit, kind)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_decides_who_sees_edits_and_reviews_each_submission(persona, user_of):
    user = user_of(persona)
    for (unit, kind), (view, enter) in zip(ORGS, ORG_RIGHTS[persona], strict=True):
        submission = Submission.objects.get(
            organisation__unit__code=unit, organisation__kind__code=kind, period="2020S1"
        )
        assert perm.can_view_submission(user, submission) is view
        assert perm.can_review_submission(user, submission) is (persona in REVIEWERS)
        # An accepted submission is locked for everyone until it is reopened.
        assert perm.can_edit_submission(user, submission) is False
        # Returned (as the workflow returns it: open for its reporter for a while) it is not.
        submission.status = Status.RETURNED
        submission.reopened_until = dt.date(2099, 12, 31)
        assert perm.can_edit_submission(user, submission) is enter
        if view:
            assert perm.access_submission_by_id(user, submission.pk) == submission
        else:
            with pytest.raises(Http404):
                perm.access_submission_by_id(user, submission.pk)
        if view and not enter:
            with pytest.raises(PermissionDenied):
                perm.access_submission_by_id(user, submission.pk, for_edit=True)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_every_signed_in_user_read_the_catalogue_and_only_admins_change_it(
    persona, user_of
):
    user = user_of(persona)
    assert perm.can_view_catalogue(user) is (persona is not None)
    assert perm.can_manage_catalogue(user) is (persona == "quantri")


def test_it_scopes_submission_lists(personas):
    def count(name, **filters):
        return perm.visible_submissions(personas[name]).filter(period="2020S1", **filters).count()

    total = Submission.objects.filter(period="2020S1").count()
    assert count("vanphong") == total == 17 * 7
    assert count("tinh") == total
    assert count("chuthapdo") == 1
    assert count("ducphong") == 7
    assert count("thanhvien") == 14
    assert perm.visible_submissions(AnonymousUser()).count() == 0


def test_it_refuses_bad_ids_with_404(personas):
    for bad in ("abc", None, 10**9):
        with pytest.raises(Http404):
            perm.access_submission_by_id(personas["quantri"], bad)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_gives_the_office_tools_only_to_the_standing_office_and_admins(persona, user_of):
    user = user_of(persona)
    assert perm.is_an_office(user) is (persona in REVIEWERS)
    district = Unit.objects.get(code="698")
    if persona in REVIEWERS:
        assert perm.access_office_unit_by_id(user, district.pk) == district
    elif persona in ("chuthapdo", "nongdan", "tinh"):
        # They see the district but are not its office.
        with pytest.raises(PermissionDenied):
            perm.access_office_unit_by_id(user, district.pk)
    else:
        with pytest.raises(Http404):
            perm.access_office_unit_by_id(user, district.pk)

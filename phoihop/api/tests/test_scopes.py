"""Every role against every endpoint: the API shows and changes exactly what the web does.

Scopes of the demo's personas: the office of Bù Đăng its district and everything below; a
reporter of the district Red Cross (or farmers) that organisation only; the commune reporter of
Đức Phong that commune's organisations; the committee member the two communes in their charge;
the provincial viewer the province; the administrator everything."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import services
from phoihop.reporting.models import Status, Submission

pytestmark = pytest.mark.django_db
PERSONAS = ["vanphong", "chuthapdo", "nongdan", "ducphong", "thanhvien", "tinh", "quantri"]
IN_THE_WINDOW = dt.datetime(2020, 12, 20, 9, 0, tzinfo=dt.UTC)


def in_scope(persona: str, org: Organisation) -> bool:
    """Whom each persona may read, written out from the demo rather than asked of the code."""
    path, kind = org.unit.path, org.kind.code
    return {
        "vanphong": "/698/" in path,
        "chuthapdo": path.endswith("/698/") and kind == "ctd",
        "nongdan": path.endswith("/698/") and kind == "nd",
        "ducphong": path.endswith("/25480/"),
        "thanhvien": path.endswith(("/25495/", "/25492/")),
        "tinh": "/70/" in path,
        "quantri": True,
    }[persona]


# (unit, kind) → (sees it, enters its figures), as accounts/tests/test_permissions.py has it.
ORGS = [("698", "ctd"), ("698", "nd"), ("25480", "ctd"), ("25495", "chqs")]
RIGHTS = {
    "vanphong": ((True, True), (True, True), (True, True), (True, True)),
    "chuthapdo": ((True, True), (False, False), (False, False), (False, False)),
    "nongdan": ((False, False), (True, True), (False, False), (False, False)),
    "ducphong": ((False, False), (False, False), (True, True), (False, False)),
    "thanhvien": ((False, False), (False, False), (False, False), (True, False)),
    "tinh": ((True, False), (True, False), (True, False), (True, False)),
    "quantri": ((True, True), (True, True), (True, True), (True, True)),
}
REVIEWERS = {"vanphong", "quantri"}


def org(unit: str, kind: str) -> Organisation:
    return Organisation.objects.select_related("unit", "kind").get(unit__code=unit, kind__code=kind)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lists_only_the_submissions_the_persona_may_see(persona, api_as) -> None:
    response = api_as(persona).get("/api/v1/submissions/?limit=1000")
    assert response.status_code == 200
    body = response.json()
    orgs = {o.pk: o for o in Organisation.objects.select_related("unit", "kind")}
    seen = {item["organisation_id"] for item in body["items"]}
    assert seen == {pk for pk, o in orgs.items() if in_scope(persona, o) and o.submissions.exists()}
    assert body["count"] == Submission.objects.filter(organisation__in=seen).count()


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lists_only_the_organisations_and_units_the_persona_may_see(persona, api_as) -> None:
    client = api_as(persona)
    listed = {o["id"] for o in client.get("/api/v1/organisations/?limit=1000").json()["items"]}
    orgs = Organisation.objects.select_related("unit", "kind")
    assert listed == {o.pk for o in orgs if in_scope(persona, o)}
    units = {u["code"] for u in client.get("/api/v1/units/?limit=1000").json()["items"]}
    if persona in ("chuthapdo", "nongdan"):
        assert units == {"698"}
    elif persona == "thanhvien":
        assert units == {"25495", "25492"}
    elif persona == "ducphong":
        assert units == {"25480"}
    elif persona == "quantri":
        assert units == set(Unit.objects.values_list("code", flat=True))
    else:
        top = {"vanphong": "698", "tinh": "70"}[persona]
        assert units == set(
            Unit.objects.filter(path__contains=f"/{top}/").values_list("code", flat=True)
        )


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_opens_a_submission_and_its_organisation_only_within_scope(persona, api_as) -> None:
    client = api_as(persona)
    for (unit, kind), (sees, _enters) in zip(ORGS, RIGHTS[persona], strict=True):
        organisation = org(unit, kind)
        submission = organisation.submissions.get(period="2020S1")
        detail = client.get(f"/api/v1/submissions/{submission.pk}/")
        assert detail.status_code == (200 if sees else 404), (unit, kind)
        if sees:
            assert detail.json()["figures"], "an accepted report has figures"
        else:
            assert "Không tìm thấy" in detail.json()["detail"]
        assert client.get(f"/api/v1/organisations/{organisation.pk}/").status_code == (
            200 if sees else 404
        )


@pytest.fixture
def drafts(personas) -> dict[tuple[str, str], Submission]:
    """A 2020S2 draft of each organisation of ORGS (started by the administrator)."""
    found = {}
    for unit, kind in ORGS:
        submission = services.start_submission(
            user=personas["quantri"], organisation=org(unit, kind), period="2020S2"
        )
        Submission.objects.filter(pk=submission.pk).update(status=Status.DRAFT)
        found[(unit, kind)] = submission
    return found


@time_machine.travel(IN_THE_WINDOW, tick=False)
@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_those_who_enter_write_figures(persona, api_as, drafts) -> None:
    client = api_as(persona)
    for (unit, kind), (sees, enters) in zip(ORGS, RIGHTS[persona], strict=True):
        submission = drafts[(unit, kind)]
        code = next(i.code for i in submission.form.indicators() if not i.is_computed)
        response = client.patch(
            f"/api/v1/submissions/{submission.pk}/",
            {"figures": {code: 12}},
            content_type="application/json",
        )
        expected = 200 if enters else 403 if sees else 404
        assert response.status_code == expected, (unit, kind, response.content)
        stored = submission.figures.filter(indicator__code=code).first()
        if enters:
            assert response.json()["figures"] and stored.value == 12
        else:
            assert stored is None or stored.value != 12


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_the_standing_office_accept(persona, api_as) -> None:
    submitted = Submission.objects.get(
        organisation__unit__code="25480", organisation__kind__code="ctd", period="2020S2"
    )
    assert submitted.status == Status.SUBMITTED
    response = api_as(persona).post(f"/api/v1/submissions/{submitted.pk}/accept/")
    sees = RIGHTS[persona][2][0]
    expected = 200 if persona in REVIEWERS else 403 if sees else 404
    assert response.status_code == expected, response.content
    submitted.refresh_from_db()
    assert (submitted.status == Status.ACCEPTED) == (persona in REVIEWERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_validation_results_to_the_standing_office_only(persona, api_as) -> None:
    district = Unit.objects.get(code="698")
    response = api_as(persona).get(f"/api/v1/validation/{district.pk}/2020S1/")
    if persona in REVIEWERS:
        assert response.status_code == 200
        assert response.json()["run"] is not None
    else:
        sees_district = persona in ("chuthapdo", "nongdan", "tinh")
        assert response.status_code == (403 if sees_district else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_completeness_counts_only_what_the_persona_sees(persona, api_as) -> None:
    response = api_as(persona).get("/api/v1/completeness/?periods=2020S1")
    assert response.status_code == 200
    (period,) = response.json()["periods"]
    # Every 2020S1 report is accepted in the demo: what is expected is what the persona sees.
    orgs = Organisation.objects.select_related("unit", "kind").filter(is_active=True)
    unit_id = response.json()["unit_id"]
    unit = Unit.objects.get(pk=unit_id)
    expected = sum(
        1
        for o in orgs
        if in_scope(persona, o)
        and o.unit.path.startswith(unit.path)
        and o.submissions.filter(period="2020S1").exists()
    )
    assert (period["accepted"], period["expected"]) == (expected, expected)
    assert period["complete"] and period["mark"] == ""


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_pivot_adds_up_only_what_the_persona_sees(persona, api_as) -> None:
    response = api_as(persona).get(
        "/api/v1/pivot/?chi_tieu=tt_duong_loi_cuoc&don_vi=698&theo=don_vi&ky=2020S1"
    )
    assert response.status_code == 200
    body = response.json()
    if persona == "ducphong":
        # The commune's reporter cannot see the district: their commune is shown, and they are told.
        assert "Không xem được đơn vị «698»" in body["errors"][0]
        return
    (row,) = body["rows"]
    seen = Submission.objects.filter(
        period="2020S1",
        organisation__in=[
            o.pk
            for o in Organisation.objects.select_related("unit", "kind")
            if in_scope(persona, o)
        ],
        organisation__unit__path__contains="/698/",
    )
    values = [
        f.value
        for s in seen
        for f in s.figures.filter(indicator__code="tt_duong_loi_cuoc", value__isnull=False)
    ]
    assert row["cells"] == [str(int(sum(values))) if values else None]


@pytest.mark.parametrize(("path", "key"), [("units", "code"), ("organisations", "id")])
def test_units_and_organisations_come_in_pages(path, key, api_as) -> None:
    client = api_as("quantri")
    whole = client.get(f"/api/v1/{path}/?limit=1000").json()
    assert whole["count"] == len(whole["items"]) > 20
    first = client.get(f"/api/v1/{path}/?limit=10").json()
    second = client.get(f"/api/v1/{path}/?limit=10&offset=10").json()
    assert first["count"] == second["count"] == whole["count"]
    assert len(first["items"]) == len(second["items"]) == 10
    paged = [item[key] for item in first["items"] + second["items"]]
    assert paged == [item[key] for item in whole["items"][:20]]
    assert len(client.get(f"/api/v1/{path}/").json()["items"]) == min(100, whole["count"])
    assert client.get(f"/api/v1/{path}/?limit=1001").status_code in (400, 422)
    assert client.get(f"/api/v1/{path}/?offset=-1").status_code in (400, 422)

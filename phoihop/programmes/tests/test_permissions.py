"""Who may read and change a programme, record a joint activity, draw up a common plan."""

from __future__ import annotations

import pytest

from phoihop.accounts import permissions
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit

pytestmark = pytest.mark.django_db


def _org(unit: str, kind: str) -> Organisation:
    return Organisation.objects.select_related("unit").get(unit__code=unit, kind__code=kind)


# (persona, may edit the district Red Cross's programme, may edit Đức Phong's Red Cross's)
EDIT = [
    ("vanphong", True, True),  # the standing office of the district and below
    ("quantri", True, True),
    ("chuthapdo", False, False),  # an organisation reads its targets, it does not set them
    ("nongdan", False, False),
    ("ducphong", False, False),
    ("thanhvien", False, False),
    ("tinh", False, False),
]


@pytest.mark.parametrize(("username", "district", "commune"), EDIT)
def test_only_the_office_and_the_administrator_set_targets(
    personas, username, district, commune
) -> None:
    user = personas[username]
    assert permissions.can_edit_programme(user, _org("698", "ctd")) is district
    assert permissions.can_edit_programme(user, _org("25480", "ctd")) is commune
    assert permissions.can_plan_for(user, Unit.objects.get(code="698")) is district


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("vanphong", 200),
        ("chuthapdo", 200),  # its own programme
        ("nongdan", 404),  # another organisation's: not even shown
        ("ducphong", 404),
        ("thanhvien", 404),
        ("tinh", 200),
        ("quantri", 200),
    ],
)
def test_it_shows_the_programme_to_whoever_sees_the_organisation(
    client_for, username, status
) -> None:
    org = _org("698", "ctd")
    response = client_for(username).get(f"/chuong-trinh/to-chuc/{org.pk}/2020/")
    assert response.status_code == status


@pytest.mark.parametrize("username", ["chuthapdo", "tinh"])
def test_a_reader_who_may_not_set_targets_gets_403_and_nothing_changes(
    client_for, username
) -> None:
    org = _org("698", "ctd")
    response = client_for(username).post(
        f"/chuong-trinh/to-chuc/{org.pk}/2020/", {"y.tet_qua_so": "1"}
    )
    assert response.status_code == 403
    assert org.programmes.get(year=2020).targets.get(indicator__code="tet_qua_so").yearly == 20000


@pytest.mark.parametrize("username", ["chuthapdo", "nongdan", "ducphong", "thanhvien", "tinh"])
def test_only_an_office_opens_the_upload(client_for, username) -> None:
    assert client_for(username).get("/chuong-trinh/tai-len/").status_code == 403


@pytest.mark.parametrize(
    ("username", "lead", "allowed"),
    [
        ("chuthapdo", ("698", "ctd"), True),
        ("chuthapdo", ("698", "nd"), False),
        ("nongdan", ("698", "nd"), True),
        ("ducphong", ("25480", "pn"), True),  # the commune's reporter enters its organisations
        ("ducphong", ("698", "pn"), False),
        ("vanphong", ("25480", "pn"), True),
        ("thanhvien", ("25495", "ccb"), False),
        ("tinh", ("698", "ctd"), False),
        ("quantri", ("698", "ctd"), True),
    ],
)
def test_a_joint_activity_is_recorded_by_who_enters_its_lead(
    personas, username, lead, allowed
) -> None:
    assert permissions.can_record_joint_activity(personas[username], _org(*lead)) is allowed


def test_a_viewer_cannot_open_the_form_to_record_an_activity(client_for) -> None:
    assert client_for("tinh").get("/chuong-trinh/hoat-dong/moi/").status_code == 403


def test_a_reporter_sees_only_its_own_programme_on_the_unit_page(client_for) -> None:
    page = client_for("chuthapdo").get("/chuong-trinh/").content.decode()
    assert "Hội Chữ thập đỏ huyện Bù Đăng" in page
    assert "Hội Nông dân huyện Bù Đăng" not in page.split('id="activities"')[0]
    assert "Kiểm tra đối chiếu" not in page
    office = client_for("vanphong").get("/chuong-trinh/").content.decode()
    assert "Hội Nông dân huyện Bù Đăng" in office and "Kiểm tra đối chiếu" in office


# (persona, status of making the district's 2020S2 tasks and of closing one, from the web)
TASKS = [
    ("vanphong", 302),  # the standing office of the district
    ("quantri", 302),
    ("chuthapdo", 403),  # a district reporter sees the unit, but does not plan it
    ("nongdan", 403),
    ("tinh", 403),  # the province reads the district, it does not plan it
    ("ducphong", 404),  # a commune's people do not see the district's plan
    ("thanhvien", 404),
]


@pytest.mark.parametrize(("username", "status"), TASKS)
def test_only_the_office_makes_and_closes_the_tasks_of_the_directions(
    client_for, username, status
) -> None:
    from phoihop.programmes.models import Direction

    district = Unit.objects.get(code="698")
    task = Direction.objects.filter(unit=district, status=Direction.Status.OPEN).first()
    client = client_for(username)
    response = client.post(f"/chuong-trinh/nhiem-vu/{task.pk}/", {"status": "done"})
    assert response.status_code == status
    task.refresh_from_db()
    assert (task.status == Direction.Status.DONE) is (status == 302)
    Direction.objects.filter(unit=district).delete()
    response = client.post(f"/chuong-trinh/ke-hoach/{district.pk}/2020S2/nhiem-vu/")
    assert response.status_code == status
    assert Direction.objects.filter(unit=district).exists() is (status == 302)


@pytest.mark.parametrize(("username", "status"), TASKS)
def test_only_the_office_names_a_tasks_partners(personas, client_for, username, status) -> None:
    from phoihop.programmes.models import Direction

    district = Unit.objects.get(code="698")
    task = Direction.objects.filter(unit=district, status=Direction.Status.OPEN).first()
    partners = [_org("698", "ctd").pk, _org("698", "nd").pk]
    response = client_for(username).post(
        f"/chuong-trinh/nhiem-vu/{task.pk}/",
        {"status": "open", "lead": task.lead_id, "partners": partners},
    )
    assert response.status_code == status
    assert (sorted(task.partners.values_list("pk", flat=True)) == sorted(partners)) is (
        status == 302
    )
    # The picker offers the district's bodies to whoever plans it, and none to anyone else.
    offered = permissions.bodies_to_plan_with(personas[username], district)
    active = district.organisations.filter(is_active=True).count()
    assert offered.count() == (active if status == 302 else 0)

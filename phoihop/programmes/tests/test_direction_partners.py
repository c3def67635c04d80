"""The office names the partners of a task drawn from the directions, on the plan page: ticked
among the unit's bodies, never the lead itself nor a body of another unit, kept in the task's
history like its other fields."""

from __future__ import annotations

import pytest

from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes import direction_services as tasks
from phoihop.programmes import services
from phoihop.programmes.models import Direction

pytestmark = pytest.mark.django_db


def _district() -> Unit:
    return Unit.objects.get(code="698")


def _body(kind: str, unit: str = "698") -> Organisation:
    return Organisation.objects.get(unit__code=unit, kind__code=kind)


def _task() -> Direction:
    return Direction.objects.filter(unit=_district(), period="2020S2").order_by("order")[4]


def _post(client, task: Direction, **data):
    form = {"status": task.status, "reason": task.reason, "lead": task.lead_id, **data}
    return client.post(f"/chuong-trinh/nhiem-vu/{task.pk}/", form, follow=True)


def _state(task: Direction) -> tuple:
    task.refresh_from_db()
    partners = sorted(task.partners.values_list("pk", flat=True))
    return task.status, task.lead_id, partners, task.history.count()


def test_it_saves_the_partners_ticked_and_writes_them_in_the_history(client_for) -> None:
    task = _task()
    red_cross, farmers = _body("ctd"), _body("nd")
    before = task.history.count()
    response = _post(client_for("vanphong"), task, partners=[red_cross.pk, farmers.pk])
    assert "Đã cập nhật nhiệm vụ" in response.content.decode()
    assert set(task.partners.all()) == {red_cross, farmers}
    assert task.history.count() == before + 1  # one change, one row
    record = task.history.latest()
    assert {row.organisation for row in record.partners.all()} == {red_cross, farmers}
    assert record.history_user.username == "vanphong"

    # The list names them, and the task's own form shows them ticked.
    page = client_for("vanphong").get(f"/chuong-trinh/ke-hoach/{_district().pk}/2020S2/")
    text = page.content.decode()
    assert f'title="{red_cross.name}">Hội CTĐ</span>' in text
    assert f'title="{farmers.name}">Hội ND</span>' in text
    assert f'name="partners" value="{red_cross.pk}" checked' in text


def test_unticking_them_all_leaves_no_partner_but_a_bare_status_change_keeps_them(
    client_for,
) -> None:
    task = _task()
    client = client_for("vanphong")
    _post(client, task, partners=[_body("ctd").pk])
    client.post(f"/chuong-trinh/nhiem-vu/{task.pk}/", {"status": "done"})
    assert list(task.partners.all()) == [_body("ctd")]
    _post(client, task)  # the row's form sent with no box ticked
    assert not task.partners.exists()
    assert not task.history.latest().partners.exists()


def test_the_lead_cannot_also_be_a_partner_and_nothing_is_saved(client_for) -> None:
    task = _task()
    before = _state(task)
    command = task.lead
    response = _post(
        client_for("vanphong"), task, status="done", partners=[command.pk, _body("ctd").pk]
    )
    text = response.content.decode()
    assert f"{command.name} đã chủ trì nhiệm vụ, không thể đồng thời là cơ quan phối hợp" in text
    assert _state(task) == before

    # Nor may a partner become the lead while it stays ticked.
    response = _post(client_for("vanphong"), task, lead=_body("ctd").pk, partners=[_body("ctd").pk])
    assert "không thể đồng thời là cơ quan phối hợp" in response.content.decode()
    assert _state(task) == before


@pytest.mark.parametrize("forged", ["commune", "99999999999999999999999", "ba"])
def test_a_forged_organisation_gets_a_form_error_not_a_server_error(client_for, forged) -> None:
    task = _task()
    before = _state(task)
    value = _body("ctd", unit="25480").pk if forged == "commune" else forged
    response = _post(client_for("vanphong"), task, status="done", partners=[_body("nd").pk, value])
    assert response.status_code == 200
    text = response.content.decode()
    assert "Chưa cập nhật được: Cơ quan phối hợp: " in text
    assert _state(task) == before


def test_the_service_refuses_a_new_lead_that_is_already_a_partner(personas) -> None:
    task = _task()
    office, red_cross = personas["vanphong"], _body("ctd")
    tasks.update_task(
        user=office, task=task, change=tasks.TaskChange(status="open", partners=[red_cross])
    )
    with pytest.raises(services.ProgrammeError) as refused:
        tasks.update_task(
            user=office, task=task, change=tasks.TaskChange(status="open", lead=red_cross)
        )
    assert "không thể đồng thời là cơ quan phối hợp" in refused.value.messages[0]
    task.refresh_from_db()
    assert task.lead != red_cross and list(task.partners.all()) == [red_cross]


def test_the_plan_page_asks_no_more_of_the_database_for_more_tasks_or_partners(
    client_for,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("vanphong")
    url = f"/chuong-trinh/ke-hoach/{_district().pk}/2020S2/"
    counts = []
    for kinds in (["ctd", "nd", "pn", "dtn"], ["ctd"]):
        made = list(Direction.objects.filter(unit=_district(), period="2020S2"))
        for task in made:
            task.partners.set([_body(kind) for kind in kinds])
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        assert page.count('name="partners" value="') == len(made) * 7  # the unit's bodies
        counts.append(len(queries))
        # The second time round: two tasks of one partner each.
        Direction.objects.filter(pk__in=[t.pk for t in made[2:]]).delete()
    assert counts[0] == counts[1]


def test_a_closed_partner_stays_through_a_change_of_status_made_on_the_page(client_for) -> None:
    """A body closed since it was named (merged, dissolved) is still shown ticked on the task's
    row, so sending the row back to mark the task done keeps it, as it keeps the other fields."""
    task = _task()
    client = client_for("vanphong")
    red_cross, farmers = _body("ctd"), _body("nd")
    _post(client, task, partners=[red_cross.pk, farmers.pk])
    Organisation.objects.filter(pk=farmers.pk).update(is_active=False)

    page = client.get(f"/chuong-trinh/ke-hoach/{_district().pk}/2020S2/").content.decode()
    assert f'name="partners" value="{farmers.pk}" checked' in page
    response = _post(client, task, status="done", partners=[red_cross.pk, farmers.pk])
    assert "Đã cập nhật nhiệm vụ" in response.content.decode()
    task.refresh_from_db()
    assert task.status == "done"
    assert set(task.partners.all()) == {red_cross, farmers}


def test_history_written_before_partners_were_kept_is_given_them_once() -> None:
    """Migration 0003 gives each task's latest history row the partners the task has, so the
    first change after it does not read as every partner added; run twice, it adds nothing."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "phoihop.programmes.migrations.0003_direction_partners_history"
    )
    task = _task()
    red_cross, farmers = _body("ctd"), _body("nd")
    task.partners.set([red_cross, farmers])  # as before 0003: history kept no partners
    latest = task.history.latest()
    latest.partners.all().delete()
    migration.snapshot_partners(apps, None)
    migration.snapshot_partners(apps, None)
    rows = task.history.latest().partners.all()
    assert sorted(row.organisation_id for row in rows) == sorted([red_cross.pk, farmers.pk])


def test_a_change_made_in_the_admin_is_one_history_row_with_its_partners(personas, rf) -> None:
    from django.contrib import admin
    from django.forms.models import model_to_dict

    task = _task()
    model_admin = admin.site._registry[Direction]
    request = rf.post("/admin/")
    request.user = personas["quantri"]
    red_cross, farmers = _body("ctd"), _body("nd")
    data = {**model_to_dict(task), "partners": [red_cross.pk, farmers.pk], "status": "done"}
    form = model_admin.get_form(request, task, change=True)(data, instance=task)
    assert form.is_valid(), form.errors
    before = task.history.count()
    obj = model_admin.save_form(request, form, change=True)
    model_admin.save_model(request, obj, form, change=True)
    model_admin.save_related(request, form, [], change=True)
    assert task.history.count() == before + 1
    record = task.history.latest()
    assert record.status == "done"
    assert {row.organisation for row in record.partners.all()} == {red_cross, farmers}
    assert record.history_user == personas["quantri"]

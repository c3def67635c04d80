"""The directions (phương hướng) of a report become the tasks of the next period, each closed
as done, postponed or cancelled; the next report says which were done."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from docx import Document

from phoihop.core.periods import Period
from phoihop.documents.context_programme import programme_context
from phoihop.documents.services import generate_docx
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes import direction_services as tasks
from phoihop.programmes import services
from phoihop.programmes.models import CommonPlan, Direction, JointActivity
from phoihop.programmes.selectors import direction_title, report_directions

pytestmark = pytest.mark.django_db


def _district() -> Unit:
    return Unit.objects.get(code="698")


def _of_2020s2() -> list[Direction]:
    return list(Direction.objects.filter(unit=_district(), period="2020S2").order_by("order"))


def test_the_demo_made_the_first_half_directions_the_second_half_tasks() -> None:
    directions = report_directions(_district(), Period.parse("2020S1"))
    made = _of_2020s2()
    assert len(made) == len(directions) >= 5  # one task per paragraph of the seed's part two
    assert made[0].text == directions[0] and made[0].source_period == "2020S1"
    assert all(t.lead.kind.is_command for t in made)  # the command leads until told otherwise
    assert [t.status for t in made].count(Direction.Status.DONE) == 3
    postponed = next(t for t in made if t.status == Direction.Status.POSTPONED)
    assert "Mưa lũ" in postponed.reason


def test_making_them_again_returns_the_tasks_already_made(personas) -> None:
    again = tasks.create_tasks_from_directions(
        user=personas["vanphong"], unit=_district(), period="2020S2"
    )
    assert [t.pk for t in again] == [t.pk for t in _of_2020s2()]


def test_a_task_is_named_by_the_first_clause_of_its_direction() -> None:
    text = (
        "Làm tốt phong trào “Đền ơn đáp nghĩa” nhân Ngày Thương binh - Liệt sĩ 27/7; thực "
        "hiện Quyết định 1237 của Thủ tướng Chính phủ."
    )
    assert (
        direction_title(text)
        == "Làm tốt phong trào “Đền ơn đáp nghĩa” nhân Ngày Thương binh - Liệt sĩ 27/7"
    )
    long = "Các đoàn thể " + "đẩy mạnh tuyên truyền, " * 10
    title = direction_title(long)
    assert title.endswith("…") and len(title) <= 121 and not title.startswith("…")


def test_tasks_link_the_common_plan_item_that_carries_the_same_direction(personas) -> None:
    office, district = personas["vanphong"], _district()
    Direction.objects.filter(unit=district, period="2020S2").delete()
    CommonPlan.objects.filter(unit=district, period="2020S2").delete()
    plan = services.start_common_plan(user=office, unit=district, period="2020S2")
    made = tasks.create_tasks_from_directions(user=office, unit=district, period="2020S2")
    assert made and all(t.planned is not None and t.planned.plan == plan for t in made)
    assert made[0].due_on == dt.date(2020, 12, 14)  # the period ends the day before the 15th


def test_no_accepted_report_no_tasks_and_nothing_made(personas) -> None:
    with pytest.raises(services.ProgrammeError) as refused:
        tasks.create_tasks_from_directions(
            user=personas["vanphong"], unit=_district(), period="2021S1"
        )
    assert "6 tháng cuối năm 2020" in refused.value.messages[0]
    assert not Direction.objects.filter(period="2021S1").exists()


def test_a_reporter_cannot_make_or_close_tasks(personas) -> None:
    with pytest.raises(PermissionDenied):
        tasks.create_tasks_from_directions(
            user=personas["chuthapdo"], unit=_district(), period="2020S2"
        )
    task = _of_2020s2()[4]
    with pytest.raises(PermissionDenied):
        tasks.update_task(
            user=personas["chuthapdo"], task=task, change=tasks.TaskChange(status="done")
        )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (tasks.TaskChange(status="postponed"), "Hoãn hoặc huỷ cần ghi lý do"),
        (tasks.TaskChange(status="cancelled", reason=" "), "Hoãn hoặc huỷ cần ghi lý do"),
        (tasks.TaskChange(status="later"), "Kết quả không hợp lệ"),
        (tasks.TaskChange(status="open", title=" "), "Cần ghi tên nhiệm vụ"),
        (tasks.TaskChange(status="open", due_on=dt.date(2021, 3, 1)), "Thời hạn phải trong"),
    ],
)
def test_a_bad_change_is_refused_and_nothing_changes(personas, change, message) -> None:
    task = _of_2020s2()[4]
    before = (task.status, task.title, task.due_on)
    with pytest.raises(services.ProgrammeError) as refused:
        tasks.update_task(user=personas["vanphong"], task=task, change=change)
    assert message in refused.value.messages[0]
    task.refresh_from_db()
    assert (task.status, task.title, task.due_on) == before


def test_a_lead_of_another_unit_is_refused(personas) -> None:
    task = _of_2020s2()[4]
    commune_body = Organisation.objects.filter(unit__code="25480").first()
    with pytest.raises(services.ProgrammeError):
        tasks.update_task(
            user=personas["vanphong"],
            task=task,
            change=tasks.TaskChange(status="open", lead=commune_body),
        )


def test_done_keeps_the_activity_that_carried_it_out(personas) -> None:
    task = _of_2020s2()[4]
    activity = JointActivity.objects.get(unit=_district(), period="2020S2")
    youth = Organisation.objects.get(unit=_district(), kind__code="dtn")
    red_cross = Organisation.objects.get(unit=_district(), kind__code="ctd")
    tasks.update_task(
        user=personas["vanphong"],
        task=task,
        change=tasks.TaskChange(
            status="done",
            activity=activity,
            lead=youth,
            partners=[red_cross],
            due_on=dt.date(2020, 10, 1),
        ),
    )
    task.refresh_from_db()
    assert (task.status, task.activity, task.lead, task.due_on) == (
        "done",
        activity,
        youth,
        dt.date(2020, 10, 1),
    )
    assert list(task.partners.all()) == [red_cross]
    tasks.update_task(
        user=personas["vanphong"],
        task=task,
        change=tasks.TaskChange(status="postponed", reason="Chờ kinh phí", activity=activity),
    )
    task.refresh_from_db()
    assert task.activity is None  # only a task done is carried out by an activity


def test_the_next_report_says_which_were_done() -> None:
    text = "\n".join(programme_context(_district(), Period.parse("2020S2"))["programme_progress"])
    made = _of_2020s2()
    assert f"Trong số {len(made):02d} nhiệm vụ đề ra ở kỳ trước, đã hoàn thành 03" in text
    assert f"“{made[0].title}”" in text.split("chưa hoàn thành")[0]
    assert f"“{made[3].title}” (hoãn: Mưa lũ tháng 10/2020" in text.split("chưa hoàn thành")[1]
    # The report of the period before has no tasks of its own to account for.
    earlier = programme_context(_district(), Period.parse("2020S1"))["programme_progress"]
    assert not any("nhiệm vụ đề ra ở kỳ trước" in p for p in earlier)


def test_the_generated_document_says_it_in_part_one() -> None:
    document = Document(io.BytesIO(generate_docx(_district(), Period.parse("2020S2")).content))
    paragraphs = [p.text for p in document.paragraphs]
    part_two = next(i for i, p in enumerate(paragraphs) if p.startswith("PHẦN THỨ HAI"))
    said = [i for i, p in enumerate(paragraphs) if "nhiệm vụ đề ra ở kỳ trước" in p]
    assert said and said[0] < part_two
    assert "đã hoàn thành 03" in paragraphs[said[0]]


def test_the_command_line_makes_them_through_the_same_service(personas, capsys) -> None:
    Direction.objects.filter(unit=_district(), period="2020S2").delete()
    call_command("programme", "tasks", "--user", "vanphong", "--unit", "698", "--period", "2020S2")
    assert len(_of_2020s2()) >= 5
    assert "Ban CHQS, 14/12/2020" in capsys.readouterr().out
    with pytest.raises(CommandError, match="không lập kế hoạch"):
        call_command(
            "programme", "tasks", "--user", "chuthapdo", "--unit", "698", "--period", "2020S2"
        )


def test_a_period_with_none_before_it_is_not_found(client_for) -> None:
    client = client_for("vanphong")
    district = _district()
    assert client.get(f"/chuong-trinh/ke-hoach/{district.pk}/1000S1/").status_code == 404
    response = client.post(f"/chuong-trinh/ke-hoach/{district.pk}/1000S1/nhiem-vu/")
    assert response.status_code == 404
    assert client.get(f"/chuong-trinh/ke-hoach/{district.pk}/2020S2/").status_code == 200

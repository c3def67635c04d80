"""`phoihop reminders`: due and overdue reports, reporters told, the office after the deadline."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from phoihop.reporting.models import Notification

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """The command, with the e-mail it sends once its transaction commits."""

    def call(*args: str) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("reminders", *args, stdout=out)
        return out.getvalue()

    return call


@pytest.fixture
def emails(personas):
    for name in ("chuthapdo", "vanphong", "nongdan"):
        personas[name].email = f"{name}@example.vn"
        personas[name].save()
    return personas


@time_machine.travel(dt.datetime(2020, 12, 17, 8, 0, tzinfo=TZ), tick=False)
def test_it_reminds_reporters_of_reports_due_soon(emails, run, mailoutbox) -> None:
    run("--days", "3")
    mine = Notification.objects.filter(recipient=emails["chuthapdo"])
    assert [(n.kind, n.period) for n in mine] == [("due", "2020S2")]
    assert "Hội Chữ thập đỏ huyện Bù Đăng" in mine[0].message and "19/12/2020" in mine[0].message
    # Farmers have a draft, so they are reminded; the youth union's is accepted, so it is not.
    assert Notification.objects.filter(recipient=emails["nongdan"], kind="due").count() == 1
    # Before the deadline the office is not bothered.
    assert not Notification.objects.filter(recipient=emails["vanphong"]).exists()
    to = sorted(m.to[0] for m in mailoutbox)
    assert to == ["chuthapdo@example.vn", "nongdan@example.vn"]


@time_machine.travel(dt.datetime(2020, 12, 22, 8, 0, tzinfo=TZ), tick=False)
def test_it_escalates_to_the_office_after_the_deadline(emails, run, mailoutbox) -> None:
    run()
    assert Notification.objects.get(recipient=emails["chuthapdo"]).kind == "overdue"
    office = Notification.objects.filter(recipient=emails["vanphong"], kind="escalated")
    # Everyone in the district who has not submitted 2020S2: the district and the communes.
    assert office.filter(organisation__unit__code="698").count() == 4  # ccb, ctd, nd, ldld
    assert office.filter(organisation__unit__parent__code="698").exists()
    office_mail = [m for m in mailoutbox if m.to == ["vanphong@example.vn"]]
    assert len(office_mail) == 1  # one digest, not one message per organisation
    assert str(office.count()) in office_mail[0].subject


@time_machine.travel(dt.datetime(2020, 12, 22, 8, 0, tzinfo=TZ), tick=False)
def test_it_does_not_remind_twice_the_same_day(emails, run, mailoutbox) -> None:
    run()
    count, sent = Notification.objects.count(), len(mailoutbox)
    assert "Đã gửi 0 nhắc việc." in run()
    assert Notification.objects.count() == count and len(mailoutbox) == sent
    with time_machine.travel(dt.datetime(2020, 12, 23, 8, 0, tzinfo=TZ), tick=False):
        run()
    assert Notification.objects.count() == 2 * count


@time_machine.travel(dt.datetime(2020, 12, 17, 8, 0, tzinfo=TZ), tick=False)
def test_it_only_lists_on_a_dry_run(emails, run, mailoutbox) -> None:
    out = run("--dry-run")
    assert "Sẽ gửi" in out and "chuthapdo" in out
    assert not Notification.objects.exists() and not mailoutbox


@time_machine.travel(dt.datetime(2020, 11, 1, 8, 0, tzinfo=TZ), tick=False)
def test_it_stays_quiet_far_from_any_deadline(emails, run) -> None:
    run("--days", "3")
    assert not Notification.objects.filter(period="2020S2").exists()


@time_machine.travel(dt.datetime(2020, 12, 17, 8, 0, tzinfo=TZ), tick=False)
def test_it_shows_the_notifications_in_the_app(emails, run, client_for) -> None:
    run()
    client = client_for("chuthapdo")
    bell = client.get(reverse("reporting:notification_count")).content.decode()
    assert '<span class="count">1</span>' in bell
    page = client.get(reverse("reporting:notifications")).content.decode()
    assert "sắp đến hạn" in page and "Hội Chữ thập đỏ huyện Bù Đăng" in page
    # Opening the list marks nothing read (a GET never writes); the button does.
    assert (
        '<span class="count">1</span>'
        in client.get(reverse("reporting:notification_count")).content.decode()
    )
    client.post(reverse("reporting:notification_read_all"))
    assert (
        'class="count"' not in client.get(reverse("reporting:notification_count")).content.decode()
    )


OLD_COMMUNES = {
    "25480", "25483", "25484", "25486", "25489", "25492", "25495", "25498",
    "25501", "25504", "25507", "25510", "25513", "25516", "25519", "25522",
}  # fmt: skip
NEW_COMMUNES = {"25481", "25523", "25514", "25490", "25485", "25496"}


@pytest.fixture
def country_office(db):
    """An office over the whole country hears of every late organisation, old or new."""
    from phoihop.accounts.models import Role, User
    from phoihop.places.models import Unit

    return User.objects.create(username="vp_tw", role=Role.OFFICE, unit=Unit.objects.get(code="VN"))


def late_units(office, period: str) -> set[str]:
    rows = Notification.objects.filter(recipient=office, kind="escalated", period=period)
    return set(rows.values_list("organisation__unit__code", flat=True))


@time_machine.travel(dt.datetime(2025, 6, 22, 8, 0, tzinfo=TZ), tick=False)
def test_it_reminds_the_16_communes_of_2020_for_the_first_half_of_2025(
    emails, run, country_office
) -> None:
    run()
    # 15/12/2024 - 14/6/2025: Bù Đăng and its 16 communes still existed; the 6 new ones did not.
    assert late_units(country_office, "2025S1") == OLD_COMMUNES | {"698"}
    assert Notification.objects.filter(recipient=emails["ducphong"], period="2025S1").exists()
    assert not Notification.objects.filter(period="2025S2").exists()


@time_machine.travel(dt.datetime(2025, 12, 22, 8, 0, tzinfo=TZ), tick=False)
def test_it_reminds_only_the_6_new_communes_after_the_merger(emails, run, country_office) -> None:
    out = run()
    # 15/6 - 14/12/2025 ends after the reform of 1/7/2025: the district and its 16 communes are
    # gone, so neither they nor their reporters and office are reminded.
    assert late_units(country_office, "2025S2") == NEW_COMMUNES
    assert Notification.objects.filter(recipient=country_office).count() == 6 * 7
    for name in ("chuthapdo", "nongdan", "ducphong", "vanphong"):
        assert not Notification.objects.filter(recipient=emails[name]).exists()
    assert "Đã gửi 42 nhắc việc." in out


@time_machine.travel(dt.datetime(2020, 12, 22, 8, 0, tzinfo=TZ), tick=False)
def test_it_sends_reminders_by_email_only_to_those_who_chose_it(emails, run, mailoutbox) -> None:
    from phoihop.accounts.models import NotifyBy

    emails["chuthapdo"].notify_by = NotifyBy.APP
    emails["chuthapdo"].save()
    run()
    # She still sees her reminder in the application, but gets no e-mail; the others do.
    assert Notification.objects.filter(recipient=emails["chuthapdo"], kind="overdue").exists()
    assert sorted(m.to[0] for m in mailoutbox) == ["nongdan@example.vn", "vanphong@example.vn"]


@time_machine.travel(dt.datetime(2020, 12, 17, 8, 0, tzinfo=TZ), tick=False)
def test_the_worker_sends_queued_reminders(
    emails, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    # Run inside the test, the worker must not close the test's connection (PostgreSQL).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    from phoihop.jobs.models import Job, JobState
    from phoihop.jobs.services import start_job
    from phoihop.reporting.tasks import send_reminders_task

    job = start_job(
        owner=None,
        kind="reporting.reminders",
        title="Nhắc việc báo cáo",
        task=send_reminders_task.using(backend="database"),
        parameters={"days": 3},
    )
    assert not Notification.objects.exists()  # queued: nothing sent yet
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "db_worker", "--batch", "--backend", "database", "--no-startup-delay", "-v", "0"
        )
    job = Job.objects.get(pk=job.pk)
    assert job.state == JobState.DONE
    assert job.message == f"Đã gửi {Notification.objects.count()} nhắc việc."
    assert Notification.objects.filter(recipient=emails["chuthapdo"], kind="due").exists()
    assert sorted(m.to[0] for m in mailoutbox) == ["chuthapdo@example.vn", "nongdan@example.vn"]


@time_machine.travel(dt.datetime(2020, 12, 17, 8, 0, tzinfo=TZ), tick=False)
def test_it_queues_reminders_in_the_background(emails, run, mailoutbox) -> None:
    out = run("--background")
    # Tests run tasks at once: the queued job has already sent them.
    assert "hàng chờ" in out
    assert Notification.objects.filter(recipient=emails["chuthapdo"], kind="due").exists()

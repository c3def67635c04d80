"""notify_submitted / notify_returned / notify_accepted / notify_reopened: who hears of each
workflow step, what they read, and who gets it by e-mail (only after the step commits)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from phoihop.accounts.models import NotifyBy, Role, User
from phoihop.core import clock
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import services
from phoihop.reporting.models import Notification, Submission
from phoihop.reporting.notifications import (
    notify_accepted,
    notify_reopened,
    notify_returned,
    notify_submitted,
)

pytestmark = pytest.mark.django_db

UNTIL = dt.date(2020, 12, 27)


def submission_of(unit_code: str, kind: str, *, submitted_by: User | None = None) -> Submission:
    organisation = Organisation.objects.select_related("unit").get(
        unit__code=unit_code, kind__code=kind
    )
    submission, _created = Submission.objects.get_or_create(
        organisation=organisation,
        period="2020S2",
        defaults={"form": services.form_for(organisation)},
    )
    submission.submitted_by = submitted_by
    submission.save()
    return submission


def user(username: str, role: str, *, unit: str | None = None, **fields) -> User:
    person = User.objects.create(
        username=username,
        role=role,
        unit=Unit.objects.get(code=unit) if unit else None,
        **fields,
    )
    return person


def names(notifications: list[Notification]) -> list[str]:
    return sorted(n.recipient.username for n in notifications)


@pytest.fixture
def province_office(db) -> User:
    return user("tinh_vp", Role.OFFICE, unit="70")


@pytest.fixture
def strangers(db) -> dict[str, User]:
    """People who must never hear of a Bù Đăng report: the office of another province, the
    office of another commune, a member in charge of the new province, an inactive office."""
    member = user("tv_dongnai", Role.MEMBER)
    member.assigned_units.set([Unit.objects.get(code="75")])
    return {
        "other_province": user("dongnai_vp", Role.OFFICE, unit="75"),
        "other_commune": user("dangha_vp", Role.OFFICE, unit="25519"),
        "member_elsewhere": member,
        "inactive": user("vp_cu", Role.OFFICE, unit="698", is_active=False),
    }


def test_it_tells_the_offices_above_and_the_members_in_charge_of_a_commune(
    personas, province_office, strangers
) -> None:
    district_member = user("tv_huyen", Role.MEMBER)
    district_member.assigned_units.set([Unit.objects.get(code="698")])
    commune_office = user("bombo_vp", Role.OFFICE, unit="25495")
    submission = submission_of("25495", "ctd")  # Bom Bo, in thanhvien's charge

    sent = notify_submitted(submission, actor=personas["chuthapdo"], resubmitted=False)

    # The commune's own office, the district's, the province's; thanhvien (Bom Bo) and the
    # member in charge of the whole district. No reporter, viewer or administrator.
    assert names(sent) == ["bombo_vp", "thanhvien", "tinh_vp", "tv_huyen", "vanphong"]
    assert Notification.objects.filter(kind="submitted").count() == 5
    message = sent[0].message
    assert message == ("Hội Chữ thập đỏ xã Bom Bo đã gửi báo cáo 6 tháng cuối năm 2020, chờ duyệt.")
    assert all(n.submission_id == submission.pk for n in sent)
    assert not Notification.objects.filter(recipient__in=strangers.values()).exists()
    assert commune_office.notifications.get().kind == "submitted"


def test_it_does_not_tell_the_actor_nor_members_of_other_communes(personas) -> None:
    # Đức Phong is not in thanhvien's charge; the district office submits it itself.
    submission = submission_of("25480", "nd")
    sent = notify_submitted(submission, actor=personas["vanphong"], resubmitted=False)
    assert names(sent) == []
    assert not Notification.objects.exists()


def test_it_says_when_a_corrected_report_comes_back(personas) -> None:
    submission = submission_of("698", "ctd")
    sent = notify_submitted(submission, actor=personas["chuthapdo"], resubmitted=True)
    assert names(sent) == ["vanphong"]
    assert sent[0].kind == "resubmitted" and sent[0].get_kind_display() == "báo cáo gửi lại"
    assert sent[0].message == (
        "Hội Chữ thập đỏ huyện Bù Đăng đã sửa và gửi lại báo cáo 6 tháng cuối năm 2020, chờ duyệt."
    )


def test_it_tells_only_the_organisations_reporters_that_it_was_returned(personas) -> None:
    submission = submission_of("698", "ctd", submitted_by=personas["chuthapdo"])
    sent = notify_returned(
        submission, actor=personas["vanphong"], reason="Thiếu số lượt người.", open_until=UNTIL
    )
    # nongdan reports for the farmers, ducphong for a commune's board: neither hears of it.
    assert names(sent) == ["chuthapdo"]
    assert sent[0].message == (
        "Báo cáo 6 tháng cuối năm 2020 của Hội Chữ thập đỏ huyện Bù Đăng bị trả lại, "
        "mở để sửa đến ngày 27/12/2020. Lý do: Thiếu số lượt người."
    )


def test_it_tells_the_communes_board_and_whoever_submitted_it(personas, province_office) -> None:
    # The district office entered Đức Phong's late figures; the province office returns them.
    submission = submission_of("25480", "ctd", submitted_by=personas["vanphong"])
    sent = notify_returned(submission, actor=province_office, reason="Sai số.", open_until=None)
    assert names(sent) == ["ducphong", "vanphong"]
    assert "Hội Chữ thập đỏ thị trấn Đức Phong bị trả lại để sửa. Lý do: Sai số." in (
        sent[0].message
    )


def test_it_tells_of_a_second_return_the_same_day(personas) -> None:
    submission = submission_of("698", "ctd")
    office = personas["vanphong"]
    notify_returned(submission, actor=office, reason="Thiếu số liệu.", open_until=UNTIL)
    notify_returned(submission, actor=office, reason="Còn thiếu mục II.", open_until=UNTIL)
    texts = [n.message for n in personas["chuthapdo"].notifications.all()]
    assert len(texts) == 2
    assert "Còn thiếu mục II." in texts[0] and "Thiếu số liệu." in texts[1]  # newest first


def test_it_tells_the_reporters_of_acceptance_and_reopening(personas) -> None:
    submission = submission_of("698", "nd")
    office = personas["vanphong"]
    accepted = notify_accepted(submission, actor=office)
    reopened = notify_reopened(
        submission, actor=office, reason="Cập nhật số hộ nghèo.", open_until=UNTIL
    )
    assert names(accepted) == names(reopened) == ["nongdan"]
    assert accepted[0].message == (
        "Báo cáo 6 tháng cuối năm 2020 của Hội Nông dân huyện Bù Đăng đã được duyệt."
    )
    assert reopened[0].message == (
        "Báo cáo 6 tháng cuối năm 2020 của Hội Nông dân huyện Bù Đăng đã duyệt được mở lại, "
        "mở để sửa đến ngày 27/12/2020. Lý do: Cập nhật số hộ nghèo."
    )
    assert [n.kind for n in personas["nongdan"].notifications.all()] == ["reopened", "accepted"]


def test_it_emails_only_those_who_chose_it_after_the_step_commits(
    personas, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    hong = personas["chuthapdo"]
    hong.email = "hong@example.vn"
    hong.save()
    user(
        "ctd_app",
        Role.ORG_REPORTER,
        organisation=organisation,
        email="app@example.vn",
        notify_by=NotifyBy.APP,
    )
    user("ctd_no_address", Role.ORG_REPORTER, organisation=organisation)
    submission = submission_of("698", "ctd")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sent = notify_returned(
            submission, actor=personas["vanphong"], reason="Thiếu số liệu.", open_until=UNTIL
        )
    # Everyone sees it in the application; nothing is mailed before the step commits.
    assert names(sent) == ["chuthapdo", "ctd_app", "ctd_no_address"]
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert [m.to for m in mailoutbox] == [["hong@example.vn"]]
    mail = mailoutbox[0]
    assert mail.subject == (
        "[phoihop] Báo cáo bị trả lại: Hội Chữ thập đỏ huyện Bù Đăng, 6 tháng cuối năm 2020"
    )
    assert "Kính gửi Nguyễn Thị Hồng," in mail.body
    assert "mở để sửa đến ngày 27/12/2020. Lý do: Thiếu số liệu." in mail.body
    assert f"/bao-cao/{submission.pk}/" in mail.body


def test_it_sends_nothing_when_the_step_rolls_back(
    personas, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    hong = personas["chuthapdo"]
    hong.email = "hong@example.vn"
    hong.save()
    submission = submission_of("698", "ctd")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            notify_accepted(submission, actor=personas["vanphong"])
            raise RuntimeError("the workflow step failed")
    assert callbacks == [] and mailoutbox == []
    assert not Notification.objects.filter(kind="accepted").exists()


def test_new_users_with_an_address_get_email_by_default(db) -> None:
    person = User.objects.create(username="moi", email="moi@example.vn")
    assert person.notify_by == NotifyBy.APP_AND_EMAIL and person.wants_email
    assert not User.objects.create(username="khong_thu").wants_email


def test_reminders_stay_once_a_day_in_the_database(personas) -> None:
    submission = submission_of("698", "ctd")

    def row(kind: str) -> Notification:
        return Notification.objects.create(
            recipient=personas["chuthapdo"],
            kind=kind,
            organisation=submission.organisation,
            form=submission.form,
            period="2020S2",
            message="…",
            created_on=clock.today(),
            created_at=clock.now(),
        )

    row("returned")
    row("returned")  # workflow steps: as many as happen
    row("overdue")
    with pytest.raises(IntegrityError), transaction.atomic():
        row("overdue")
    assert Notification.objects.count() == 3


def test_the_mailed_link_starts_with_the_sites_address(
    personas, mailoutbox, django_capture_on_commit_callbacks, settings
) -> None:
    settings.PHOIHOP_SITE_URL = "https://phoihop.binhphuoc.gov.vn/"
    hong = personas["chuthapdo"]
    hong.email = "hong@example.vn"
    hong.save()
    submission = submission_of("698", "ctd")
    with django_capture_on_commit_callbacks(execute=True):
        notify_accepted(submission, actor=personas["vanphong"])
    (mail,) = mailoutbox
    assert f"https://phoihop.binhphuoc.gov.vn/bao-cao/{submission.pk}/" in mail.body

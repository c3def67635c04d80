"""Reminders: who still has to report, told by e-mail and in the application, once a day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from phoihop.accounts.models import Role, User
from phoihop.core.dates import format_date
from phoihop.core.periods import Period
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation
from phoihop.reporting.models import Notification, Status, Submission
from phoihop.reporting.windows import deadline_of

# Submitted and accepted reports need nothing more from their reporter.
DONE = (Status.SUBMITTED, Status.ACCEPTED)


@dataclass
class Reminder:
    recipient: User
    kind: str
    organisation: Organisation
    form: Form
    period: Period
    deadline: dt.date
    submission: Submission | None
    message: str


def _message(kind: str, organisation: Organisation, period: Period, deadline: dt.date) -> str:
    when = format_date(deadline)
    if kind == Notification.Kind.DUE:
        return f"{organisation.name}: báo cáo {period.label} cần gửi trước hạn {when}."
    if kind == Notification.Kind.OVERDUE:
        return f"{organisation.name}: báo cáo {period.label} đã quá hạn {when}, đề nghị gửi ngay."
    return f"{organisation.name} chưa gửi báo cáo {period.label} (hạn {when})."


def _reporters(organisation: Organisation, users: list[User]) -> list[User]:
    return [
        u
        for u in users
        if (u.role == Role.ORG_REPORTER and u.organisation_id == organisation.pk)
        or (u.role == Role.COMMUNE_REPORTER and u.unit_id == organisation.unit_id)
    ]


def _offices(organisation: Organisation, users: list[User]) -> list[User]:
    return [
        u
        for u in users
        if u.role == Role.OFFICE and u.unit is not None and organisation.unit.is_within(u.unit)
    ]


def pending_reminders(*, today: dt.date, days: int) -> list[Reminder]:
    """Every reminder due today: organisations expected to report on a form for its current or
    last period that have not submitted, with the deadline within `days` days or past."""
    forms = list(Form.objects.filter(is_active=True).prefetch_related("organisation_kinds"))
    organisations = list(Organisation.objects.filter(is_active=True).select_related("unit", "kind"))
    users = list(
        User.objects.filter(
            is_active=True, role__in=[Role.ORG_REPORTER, Role.COMMUNE_REPORTER, Role.OFFICE]
        ).select_related("unit")
    )
    reminders: list[Reminder] = []
    for form in forms:
        kinds = {k.pk for k in form.organisation_kinds.all()}
        current = Period.containing(today, form.period_type, form.period_convention)
        for period in (current.previous(), current):
            deadline = deadline_of(form, period.id)
            left = (deadline - today).days
            if left > days or period.start_date(form.period_convention) > today:
                continue
            # Only the units that existed in that period are expected to report on it.
            end = period.end_date(form.period_convention)
            expected = [
                o
                for o in organisations
                if o.kind_id in kinds and o.unit.level in form.levels and o.unit.is_valid_on(end)
            ]
            submissions = {
                s.organisation_id: s
                for s in Submission.objects.filter(
                    form=form, period=period.id, organisation__in=expected
                )
            }
            for organisation in expected:
                submission = submissions.get(organisation.pk)
                if submission is not None and submission.status in DONE:
                    continue
                kind = Notification.Kind.DUE if left >= 0 else Notification.Kind.OVERDUE
                recipients = [(u, kind) for u in _reporters(organisation, users)]
                if left < 0:
                    # After the deadline the standing office hears of it too.
                    recipients += [
                        (u, Notification.Kind.ESCALATED) for u in _offices(organisation, users)
                    ]
                for user, what in recipients:
                    reminders.append(
                        Reminder(
                            recipient=user,
                            kind=what,
                            organisation=organisation,
                            form=form,
                            period=period,
                            deadline=deadline,
                            submission=submission,
                            message=_message(what, organisation, period, deadline),
                        )
                    )
    return reminders


@transaction.atomic
def send_reminders(*, today: dt.date, days: int = 3, dry_run: bool = False) -> list[Reminder]:
    """Record and e-mail today's reminders; those already sent today are skipped.

    One e-mail per person lists all of its reminders, so an office with many late communes
    gets one message, not dozens. Returns the reminders that were (or would be) new.
    """
    sent_today = set(
        Notification.objects.filter(created_on=today).values_list(
            "recipient_id", "organisation_id", "form_id", "period", "kind"
        )
    )
    new = [
        r
        for r in pending_reminders(today=today, days=days)
        if (r.recipient.pk, r.organisation.pk, r.form.pk, r.period.id, r.kind) not in sent_today
    ]
    if dry_run:
        return new
    now = timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=r.recipient,
                kind=r.kind,
                organisation=r.organisation,
                form=r.form,
                period=r.period.id,
                submission=r.submission,
                message=r.message,
                created_on=today,
                created_at=now,
            )
            for r in new
        ],
        ignore_conflicts=True,
    )
    by_person: dict[int, list[Reminder]] = defaultdict(list)
    for r in new:
        by_person[r.recipient.pk].append(r)
    for items in by_person.values():
        person = items[0].recipient
        if not person.email:
            continue
        send_mail(
            subject=f"[phoihop] {len(items)} nhắc việc báo cáo ngày {format_date(today)}",
            message="\n".join(f"- {r.message}" for r in items),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[person.email],
            fail_silently=True,
        )
    return new

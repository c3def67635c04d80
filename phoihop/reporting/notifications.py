"""Notifications: the steps of a submission's workflow and the deadline reminders, shown in the
application and e-mailed to those who chose e-mail.

The workflow (`reporting/workflow.py`) calls `notify_submitted`, `notify_returned`,
`notify_accepted` and `notify_reopened` inside its transaction; e-mail leaves only once that
transaction commits, so a step that fails and rolls back tells nobody anything.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from phoihop.accounts.models import Role, User
from phoihop.core import clock
from phoihop.core.dates import format_date
from phoihop.core.numbers import format_number
from phoihop.core.periods import Period
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation
from phoihop.reporting.models import Notification, Status, Submission
from phoihop.reporting.windows import deadline_of

logger = logging.getLogger(__name__)

Kind = Notification.Kind

# Submitted and accepted reports need nothing more from their reporter.
DONE = (Status.SUBMITTED, Status.ACCEPTED)

# How many notifications the list shows; older ones stay in the database.
LIST_LIMIT = 200


# ----- e-mail -----------------------------------------------------------------------------


def site_url(path: str) -> str:
    """An absolute address for a link in an e-mail (PHOIHOP_SITE_URL, else the demo's)."""
    base = getattr(settings, "PHOIHOP_SITE_URL", "") or "http://127.0.0.1:8000"
    return base.rstrip("/") + path


def _send_now(messages: list[EmailMessage]) -> None:
    # The step is already committed: a mail server that is down must not turn it into an
    # error page, but it must not go unnoticed either.
    try:
        get_connection().send_messages(messages)
    except Exception:
        logger.exception("Could not send %d notification e-mail(s)", len(messages))


def send_after_commit(messages: list[EmailMessage]) -> None:
    """Send once the current transaction commits (at once outside a transaction)."""
    if messages:
        transaction.on_commit(lambda: _send_now(messages))


def _email(recipient: User, subject: str, lines: Iterable[str]) -> EmailMessage:
    footer = _("Đổi cách nhận thông báo tại trang Tài khoản: %(url)s") % {
        "url": site_url(reverse("accounts:settings"))
    }
    body = "\n\n".join(
        [_("Kính gửi %(name)s,") % {"name": recipient.display_name}, *lines, "--", footer]
    )
    return EmailMessage(
        subject=f"[phoihop] {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
    )


# ----- the workflow's steps ---------------------------------------------------------------


def _paths_up(path: str) -> list[str]:
    """A unit's path and those of every unit above it: "/VN/70/" → ["/VN/", "/VN/70/"]."""
    codes = path.strip("/").split("/")
    return ["/" + "/".join(codes[: i + 1]) + "/" for i in range(len(codes))]


def overseers_of(submission: Submission) -> list[User]:
    """Who follows a unit's reports: the standing office of the unit and of every unit above
    it, and the committee members in charge of the unit or of a unit above it."""
    paths = _paths_up(submission.organisation.unit.path)
    users = User.objects.filter(
        Q(role=Role.OFFICE, unit__path__in=paths)
        | Q(role=Role.MEMBER, assigned_units__path__in=paths),
        is_active=True,
    )
    return list(users.distinct().order_by("username"))


def reporters_of(submission: Submission) -> list[User]:
    """Who reports for the submission's organisation: its own reporters, the reporters of its
    unit's coordination board, and whoever submitted it."""
    organisation = submission.organisation
    q = Q(role=Role.ORG_REPORTER, organisation=organisation) | Q(
        role=Role.COMMUNE_REPORTER, unit_id=organisation.unit_id
    )
    if submission.submitted_by_id is not None:
        q |= Q(pk=submission.submitted_by_id)
    return list(User.objects.filter(q, is_active=True).order_by("username"))


def _who(organisation: Organisation) -> str:
    """The organisation and its unit, without saying the unit twice ("Hội CTĐ huyện Bù Đăng")."""
    unit = organisation.unit.full_name
    if unit.casefold() in organisation.name.casefold():
        return organisation.name
    return f"{organisation.name} ({unit})"


def workflow_message(
    kind: str, submission: Submission, *, reason: str = "", open_until: dt.date | None = None
) -> str:
    """The text of a workflow notification, naming organisation, unit and period."""
    values = {
        "who": _who(submission.organisation),
        "period": submission.period_label,
        "reason": reason.strip(),
        "until": format_date(open_until),
    }
    if kind == Kind.SUBMITTED:
        return _("%(who)s đã gửi báo cáo %(period)s, chờ duyệt.") % values
    if kind == Kind.RESUBMITTED:
        return _("%(who)s đã sửa và gửi lại báo cáo %(period)s, chờ duyệt.") % values
    if kind == Kind.ACCEPTED:
        return _("Báo cáo %(period)s của %(who)s đã được duyệt.") % values
    if kind == Kind.RETURNED and open_until is not None:
        text = _("Báo cáo %(period)s của %(who)s bị trả lại, mở để sửa đến ngày %(until)s.")
    elif kind == Kind.RETURNED:
        text = _("Báo cáo %(period)s của %(who)s bị trả lại để sửa.")
    elif kind == Kind.REOPENED and open_until is not None:
        text = _(
            "Báo cáo %(period)s của %(who)s đã duyệt được mở lại, mở để sửa đến ngày %(until)s."
        )
    elif kind == Kind.REOPENED:
        text = _("Báo cáo %(period)s của %(who)s đã duyệt được mở lại để sửa.")
    else:
        raise ValueError(f"not a workflow notification: {kind}")
    text %= values
    if values["reason"]:
        text += " " + _("Lý do: %(reason)s") % values
    return text


def _notify(
    submission: Submission, recipients: list[User], *, kind: str, actor: User | None, message: str
) -> list[Notification]:
    """Record one notification per recipient (never the actor) and e-mail those who chose it."""
    people = [u for u in recipients if actor is None or u.pk != actor.pk]
    now = clock.now()
    created = Notification.objects.bulk_create(
        Notification(
            recipient=person,
            kind=kind,
            organisation=submission.organisation,
            form=submission.form,
            period=submission.period,
            submission=submission,
            message=message,
            created_on=clock.today(),
            created_at=now,
        )
        for person in people
    )
    subject = f"{capfirst(Kind(kind).label)}: {submission.organisation.name}, "
    subject += submission.period_label
    link = _("Xem báo cáo: %(url)s") % {
        "url": site_url(reverse("reporting:submission_detail", args=[submission.pk]))
    }
    send_after_commit(
        [_email(person, subject, [message, link]) for person in people if person.wants_email]
    )
    return created


def notify_submitted(
    submission: Submission, *, actor: User | None, resubmitted: bool
) -> list[Notification]:
    """Tell the standing offices above the unit and the members in charge of it that a report
    came in (again, after correction, when `resubmitted`)."""
    kind = Kind.RESUBMITTED if resubmitted else Kind.SUBMITTED
    return _notify(
        submission,
        overseers_of(submission),
        kind=kind,
        actor=actor,
        message=workflow_message(kind, submission),
    )


def notify_returned(
    submission: Submission, *, actor: User | None, reason: str, open_until: dt.date | None
) -> list[Notification]:
    """Tell the reporters that their report came back, why, and until when they may correct it."""
    return _notify(
        submission,
        reporters_of(submission),
        kind=Kind.RETURNED,
        actor=actor,
        message=workflow_message(Kind.RETURNED, submission, reason=reason, open_until=open_until),
    )


def notify_accepted(submission: Submission, *, actor: User | None) -> list[Notification]:
    """Tell the reporters that their report was accepted."""
    return _notify(
        submission,
        reporters_of(submission),
        kind=Kind.ACCEPTED,
        actor=actor,
        message=workflow_message(Kind.ACCEPTED, submission),
    )


def notify_reopened(
    submission: Submission, *, actor: User | None, reason: str, open_until: dt.date | None
) -> list[Notification]:
    """Tell the reporters that their accepted report is open again, why, and until when."""
    return _notify(
        submission,
        reporters_of(submission),
        kind=Kind.REOPENED,
        actor=actor,
        message=workflow_message(Kind.REOPENED, submission, reason=reason, open_until=open_until),
    )


# ----- the bell: reading and marking read -------------------------------------------------


def notifications_for(user: User) -> list[Notification]:
    """A person's notifications, newest first (the most recent LIST_LIMIT)."""
    return list(
        Notification.objects.filter(recipient=user).select_related("organisation", "submission")[
            :LIST_LIMIT
        ]
    )


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def access_notification_by_id(user: User, notification_id: int | str) -> Notification:
    """One of the person's own notifications; anyone else's is 404, as if it did not exist."""
    try:
        return Notification.objects.select_related("organisation", "submission").get(
            pk=notification_id, recipient=user
        )
    except (Notification.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def mark_read(notification: Notification) -> bool:
    """Mark one notification read; False when it already was."""
    if notification.read_at is not None:
        return False
    notification.read_at = clock.now()
    notification.save(update_fields=["read_at"])
    return True


def mark_all_read(user: User) -> int:
    """Mark every unread notification of the person read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=clock.now()
    )


# ----- deadline reminders -----------------------------------------------------------------


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


def _reminder_message(
    kind: str, organisation: Organisation, period: Period, deadline: dt.date
) -> str:
    values = {"who": organisation.name, "period": period.label, "when": format_date(deadline)}
    if kind == Kind.DUE:
        return _("%(who)s: báo cáo %(period)s cần gửi trước hạn %(when)s.") % values
    if kind == Kind.OVERDUE:
        return _("%(who)s: báo cáo %(period)s đã quá hạn %(when)s, đề nghị gửi ngay.") % values
    return _("%(who)s chưa gửi báo cáo %(period)s (hạn %(when)s).") % values


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


def reports_in_period(organisation: Organisation, form: Form, period: Period) -> bool:
    """Whether the organisation owes this form for the period: an active organisation of a
    unit that existed at the period's end. Units that merged away during the period are
    reported for by their successors, and a unit created after the period owes nothing for it
    (the 16 communes of Bù Đăng end on 30/6/2025, the six new ones begin on 1/7/2025)."""
    end = period.end_date(form.period_convention)
    return (
        organisation.is_active
        and form.is_reported_by(organisation)
        and organisation.unit.is_valid_on(end)
    )


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
        current = Period.containing(today, form.period_type, form.period_convention)
        for period in (current.previous(), current):
            deadline = deadline_of(form, period.id)
            left = (deadline - today).days
            if left > days or period.start_date(form.period_convention) > today:
                continue
            expected = [o for o in organisations if reports_in_period(o, form, period)]
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
                kind = Kind.DUE if left >= 0 else Kind.OVERDUE
                recipients = [(u, kind) for u in _reporters(organisation, users)]
                if left < 0:
                    # After the deadline the standing office hears of it too.
                    recipients += [(u, Kind.ESCALATED) for u in _offices(organisation, users)]
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
                            message=_reminder_message(what, organisation, period, deadline),
                        )
                    )
    return reminders


@transaction.atomic
def send_reminders(*, today: dt.date, days: int = 3, dry_run: bool = False) -> list[Reminder]:
    """Record today's reminders and e-mail them to those who chose e-mail; those already sent
    today are skipped.

    One e-mail per person lists all of its reminders, so an office with many late communes
    gets one message, not dozens. Returns the reminders that were (or would be) new.
    """
    sent_today = set(
        Notification.objects.filter(
            created_on=today, kind__in=Notification.REMINDER_KINDS
        ).values_list("recipient_id", "organisation_id", "form_id", "period", "kind")
    )
    new = [
        r
        for r in pending_reminders(today=today, days=days)
        if (r.recipient.pk, r.organisation.pk, r.form.pk, r.period.id, r.kind) not in sent_today
    ]
    if dry_run:
        return new
    now = clock.now()
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
        # Two runs at the same moment: the database's once-a-day rule keeps one of each.
        ignore_conflicts=True,
    )
    by_person: dict[int, list[Reminder]] = defaultdict(list)
    for r in new:
        by_person[r.recipient.pk].append(r)
    emails = []
    for items in by_person.values():
        person = items[0].recipient
        if not person.wants_email:
            continue
        subject = _("%(count)s nhắc việc báo cáo ngày %(day)s") % {
            "count": format_number(len(items)),
            "day": format_date(today),
        }
        emails.append(_email(person, subject, ["\n".join(f"- {r.message}" for r in items)]))
    send_after_commit(emails)
    return new

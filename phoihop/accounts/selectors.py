"""Reads of the accounts app: the sign-ins django-axes is counting or has locked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from phoihop.accounts import permissions
from phoihop.accounts.models import User


@dataclass(frozen=True)
class SignInLock:
    """Wrong passwords counted for one username from one address."""

    username: str
    person: str
    ip_address: str
    failures: int
    last_attempt: datetime
    locked: bool
    unlocks_at: datetime


def sign_in_locks(user: User) -> list[SignInLock]:
    """The counts the user may clear, still running (not yet cooled off), locked ones first."""
    cool_off = settings.AXES_COOLOFF_TIME
    since = timezone.now() - cool_off
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")
    if not permissions.is_admin(user):
        people = permissions.users_whose_sign_in_may_be_unlocked(user)
        names = {u.username: str(u) for u in people}
        attempts = attempts.filter(username__in=names)
    else:
        usernames = attempts.values_list("username", flat=True)
        names = {u.username: str(u) for u in User.objects.filter(username__in=usernames)}
    rows = [
        SignInLock(
            username=a.username or "",
            person=names.get(a.username or "", ""),
            ip_address=a.ip_address or "",
            failures=a.failures_since_start,
            last_attempt=a.attempt_time,
            locked=a.failures_since_start >= settings.AXES_FAILURE_LIMIT,
            unlocks_at=a.attempt_time + cool_off,
        )
        for a in attempts
    ]
    return sorted(rows, key=lambda r: not r.locked)

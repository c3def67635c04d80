"""Today and now, as the application sees them: the real clock, or a demo's fixed "today".

Every date that decides something (entry windows, lateness, reminders, the period being
reported now) is read here, never from `date.today()` or `timezone.localdate()` directly.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    """The application's today (Vietnam's calendar day)."""
    return timezone.localdate()


def now() -> dt.datetime:
    """The application's current moment (aware)."""
    return timezone.now()

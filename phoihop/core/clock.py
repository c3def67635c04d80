"""Today and now, as the application sees them: the real clock, or a demo's fixed "today".

Every date that decides something (entry windows, lateness, reminders, the period being
reported now) is read here, never from `date.today()` or `timezone.localdate()` directly.

`phoihop demo` tells its story on 20/12/2020: it writes that day into the file named by the
setting PHOIHOP_DEMO_TODAY_FILE (in the data folder). While the file exists, today() is that
day and now() is that day at the current time of day; without it, the real clock. The tests
set the setting to None, so a demo day left in a developer's data folder never leaks in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.utils import timezone

_cache: dict[tuple[str, float], dt.date | None] = {}


def _demo_file() -> Path | None:
    name = getattr(settings, "PHOIHOP_DEMO_TODAY_FILE", None)
    return Path(name) if name else None


def demo_today() -> dt.date | None:
    """The demo's fixed day, or None when the application runs on the real clock."""
    path = _demo_file()
    if path is None:
        return None
    try:
        key = (str(path), path.stat().st_mtime)
    except OSError:
        return None
    if key not in _cache:
        try:
            _cache[key] = dt.date.fromisoformat(path.read_text().strip())
        except (OSError, ValueError):
            _cache[key] = None  # an unreadable file must not take every page down
    return _cache[key]


def set_demo_today(day: dt.date | None) -> None:
    """Run the application on a fixed day from now on (None: back to the real clock)."""
    path = _demo_file()
    if path is None:
        return
    if day is None:
        path.unlink(missing_ok=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(day.isoformat() + "\n")
    _cache.clear()


def today() -> dt.date:
    """The application's today (Vietnam's calendar day)."""
    return demo_today() or timezone.localdate()


def now() -> dt.datetime:
    """The application's current moment (aware); on a demo day, that day at the current time."""
    moment = timezone.now()
    day = demo_today()
    if day is None:
        return moment
    local = timezone.localtime(moment)
    return local.replace(year=day.year, month=day.month, day=day.day)

"""Writes of the accounts app."""

from __future__ import annotations

from phoihop.accounts.models import NotifyBy, User


def update_notification_settings(user: User, *, email: str, notify_by: str) -> User:
    """A person's own choice: in the application only, or also by e-mail (to this address)."""
    user.email = email.strip()
    user.notify_by = NotifyBy(notify_by)
    user.save(update_fields=["email", "notify_by"])
    return user


def unlock_sign_in(*, username: str) -> int:
    """Clear the wrong passwords counted for `username` from every address (django-axes);
    returns how many counts were cleared."""
    from axes.utils import reset

    return int(reset(username=username))

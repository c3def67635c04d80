"""Signing out after a time without requests, without writing the session at every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# How often a session in use is renewed: its expiry moves forward at most this often, so a
# reader's clicks cost no write, and an idle session ends at most this late.
RENEW_EVERY_SECONDS = 300
KEY = "_renewed_at"


class IdleSessionMiddleware:
    """Renews a signed-in session (and its cookie) every few minutes while it is used; the
    session then ends SESSION_COOKIE_AGE after the last renewal."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a signed-in session: a made-up or expired cookie must not create a session row.
        if session is not None and "_auth_user_id" in session:
            now = int(time.time())
            if now - int(session.get(KEY, 0)) >= RENEW_EVERY_SECONDS:
                session[KEY] = now  # modified: SessionMiddleware saves it and resends the cookie
        return response


def mark_renewed_at_sign_in(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Signing in saves the session anyway: it counts as its first renewal."""
    if request is not None and hasattr(request, "session"):
        request.session[KEY] = int(time.time())

"""Who calls the API: a bearer token in the Authorization header, and nothing else."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from phoihop.accounts.models import User
from phoihop.api import selectors, services

READS = ("GET", "HEAD", "OPTIONS")


class BearerToken(HttpBearer):
    """`Authorization: Bearer phoihop_…`; the request then acts as the token's owner, and every
    permission question is asked of that person as the web asks it of a signed-in one."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = selectors.token_for(token)
        if found is None:
            return None
        request.user = found.user
        if request.method not in READS:
            services.record_write(found)
        return found.user

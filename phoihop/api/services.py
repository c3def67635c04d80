"""Writes of the API app: creating, revoking and recording the use of access tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction

from phoihop.accounts.models import User
from phoihop.api.models import ApiToken
from phoihop.core import clock

TOKEN_START = "phoihop_"
PREFIX_LENGTH = len(TOKEN_START) + 6


def hash_token(raw: str) -> str:
    """What is stored of a token: its SHA-256, so a copy of the database reveals no key."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def create_token(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token for the user; the token itself is returned once and never stored."""
    raw = TOKEN_START + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.replace("\x00", "").strip()[:100],
        prefix=raw[:PREFIX_LENGTH],
        key_hash=hash_token(raw),
        created_at=clock.now(),
    )
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, *, user: User) -> ApiToken:
    """End a token now; only its owner revokes it here (the administration can too)."""
    if token.user_id != user.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = clock.now()
        token.save(update_fields=["revoked_at"])
    return token


def record_write(token: ApiToken) -> None:
    """Note that the token was just used to change something (reads are not recorded)."""
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=clock.now())

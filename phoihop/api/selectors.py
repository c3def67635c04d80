"""Reads of the API app: a person's tokens, and whose a presented token is."""

from __future__ import annotations

from django.db.models import QuerySet

from phoihop.accounts.models import User
from phoihop.api.models import ApiToken
from phoihop.api.services import hash_token

# Tokens are ~50 characters; anything much longer is not one of ours and is not hashed.
MAX_TOKEN_LENGTH = 200


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def token_for(raw: str) -> ApiToken | None:
    """The live token presented, with its user; None when unknown, revoked or the person can no
    longer sign in."""
    raw = raw.strip()
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        return None
    token = (
        ApiToken.objects.select_related("user__unit", "user__organisation")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    return token

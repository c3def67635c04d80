"""Tags of the site shell that ask permissions.py (the header's links)."""

from __future__ import annotations

from typing import Any

from django import template

from phoihop.accounts.permissions import is_admin
from phoihop.accounts.permissions import may_unlock_sign_ins as _may_unlock

register = template.Library()


@register.filter
def may_administer(user: Any) -> bool:
    """Whether the header shows the Quản trị link; the decision stays in permissions.py."""
    return is_admin(user)


@register.filter
def may_unlock_sign_ins(user: Any) -> bool:
    """Whether the account page links to the page of locked sign-ins."""
    return _may_unlock(user)

"""Tags of the site shell (header, navigation) that need to ask permissions.py."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def may_administer(user: Any) -> bool:
    """Whether the header shows the Quản trị link; the decision stays in permissions.py."""
    from phoihop.accounts.permissions import is_admin

    return is_admin(user)

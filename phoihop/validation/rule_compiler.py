"""Stored rules compiled for the engine; validation.models imports this, never the reverse."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from django.core.exceptions import ValidationError

from phoihop.indicators.models import Indicator
from phoihop.validation.engine import Rule, RuleError, compile_rule

# In a unit-scoped rule, "cap_duoi__tt_qp_cuoc" is tt_qp_cuoc summed over the child units.
CHILDREN_PREFIX = "cap_duoi__"
# The value of RuleScope.UNIT (models.py defines the choices from this module's constant).
UNIT_SCOPE = "unit"


class StoredRule(Protocol):
    """What compiling reads of a validation.models.Rule, saved or not."""

    code: str
    left: str
    operator: str
    right: str
    importance: str
    message: str
    missing: str
    blocking: bool
    scope: str

    # Read only, so that a saved rule (never None) fits as well as one being typed (maybe None).
    @property
    def tolerance(self) -> Decimal | None: ...


def known_codes(scope: str) -> set[str]:
    """The codes a rule of this scope may use; unit rules also see the child units' sums."""
    codes = set(Indicator.objects.values_list("code", flat=True))
    if scope == UNIT_SCOPE:
        codes |= {CHILDREN_PREFIX + code for code in codes}
    return codes


def compile_stored_rule(rule: StoredRule, *, codes: set[str] | None = None) -> Rule:
    """The engine's rule for a stored one; ValidationError naming the faulty field otherwise."""
    try:
        return compile_rule(
            code=rule.code or "?",
            left=rule.left,
            operator=rule.operator,
            right=rule.right,
            importance=rule.importance,
            message=rule.message,
            missing=rule.missing,
            blocking=rule.blocking,
            tolerance=rule.tolerance if rule.tolerance is not None else 0,
            known_codes=codes if codes is not None else known_codes(rule.scope),
        )
    except RuleError as exc:
        field_name = (
            exc.field
            if exc.field
            in {"left", "right", "operator", "importance", "message", "missing", "tolerance"}
            else None
        )
        raise ValidationError({field_name: exc.message} if field_name else exc.message) from exc

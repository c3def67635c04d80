"""Validation rules on plain figures: compile once when saved, evaluate to a stored verdict."""

from __future__ import annotations

import string
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from phoihop.core.expressions import (
    ARITHMETIC,
    CODE_PATTERN,
    Expression,
    ExpressionError,
    parse_expression,
    to_decimal,
)
from phoihop.core.numbers import format_number

__all__ = [
    "IMPORTANCE_LEVELS",
    "MISSING_STRATEGIES",
    "OPERATORS",
    "PLACEHOLDERS",
    "Rule",
    "RuleError",
    "RuleResult",
    "Status",
    "Violation",
    "compile_rule",
    "evaluate_rule",
    "evaluate_rules",
    "find_violations",
    "format_figure",
]

# Every accepted spelling of an operator, mapped to its canonical form.
OPERATORS: dict[str, str] = {
    "=": "=",
    "==": "=",
    "!=": "!=",
    "\u2260": "!=",  # ≠
    "<>": "!=",
    "<": "<",
    "<=": "<=",
    "\u2264": "<=",  # ≤
    ">": ">",
    ">=": ">=",
    "\u2265": ">=",  # ≥
}
IMPORTANCE_LEVELS = ("high", "medium", "low")
MISSING_STRATEGIES = ("skip_if_any", "skip_if_all", "never_skip")
PLACEHOLDERS = ("left", "right", "difference")
MISSING_FIGURE = "—"

# Messages show figures rounded to this many decimals; the verdict itself is exact.
_DISPLAY_STEP = Decimal("0.0001")


class RuleError(ValueError):
    """A rule that cannot be saved; `field` names the faulty part for a form to highlight."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Status(StrEnum):
    PASSED = "passed"
    VIOLATED = "violated"
    SKIPPED = "skipped"


def format_figure(value: Decimal | int | None) -> str:
    """A figure for a message, the Vietnamese way: 3.658.673.000; 1,15; "—" when missing."""
    number = to_decimal(value)
    if number is None:
        return MISSING_FIGURE
    if number.as_tuple().exponent < _DISPLAY_STEP.as_tuple().exponent:  # type: ignore[operator]
        number = number.quantize(_DISPLAY_STEP, rounding=ROUND_HALF_UP, context=ARITHMETIC)
    return format_number(number)


def _message_codes(message: str) -> frozenset[str]:
    """The indicator codes a message template shows; RuleError if a placeholder is malformed."""
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError:
        raise RuleError(
            "Mẫu thông báo có dấu ngoặc nhọn không khớp; muốn viết dấu { hay } thì gõ {{ hay }}",
            field="message",
        ) from None
    codes: set[str] = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        # Values are pre-formatted Vietnamese strings, so format specs and conversions (and
        # attribute access, which could reach into Python objects) have no place here.
        if spec or conversion or not CODE_PATTERN.fullmatch(name):
            shown = "{" + name + (f"!{conversion}" if conversion else "")
            shown += (f":{spec}" if spec else "") + "}"
            raise RuleError(
                f"Mẫu thông báo có chỗ trống không hợp lệ: «{shown}»; chỉ dùng "
                "{left}, {right}, {difference} hoặc {mã_chỉ_tiêu}",
                field="message",
            )
        if name not in PLACEHOLDERS:
            codes.add(name)
    return frozenset(codes)


def _expression(
    value: Expression | str, side: str, known_codes: Collection[str] | None
) -> Expression:
    if isinstance(value, Expression):
        return value
    label = "Vế trái" if side == "left" else "Vế phải"
    try:
        return parse_expression(value, known_codes=known_codes)
    except ExpressionError as exc:
        raise RuleError(f"{label}: {exc.message}", field=side) from exc


@dataclass(frozen=True)
class Rule:
    """`left operator right` over indicator figures, with a message shown when it fails.

    missing decides what happens when figures are absent:
    - skip_if_any: any absent figure skips the rule;
    - skip_if_all: skip when every figure on one side is absent (nothing to compare with),
      otherwise absent figures count as 0 — right for "parts ≤ whole" with some parts unfilled;
    - never_skip: absent figures always count as 0.
    tolerance: differences up to it are ignored (rounding), for every operator.
    """

    code: str
    left: Expression
    operator: str
    right: Expression
    importance: str
    message: str
    missing: str = "skip_if_any"
    blocking: bool = False
    tolerance: Decimal = Decimal(0)
    message_codes: frozenset[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code.strip():
            raise RuleError("Quy tắc cần có mã", field="code")
        object.__setattr__(self, "left", _expression(self.left, "left", None))
        object.__setattr__(self, "right", _expression(self.right, "right", None))
        operator = OPERATORS.get(self.operator.strip() if isinstance(self.operator, str) else "")
        if operator is None:
            raise RuleError(
                f"Phép so sánh không hợp lệ: «{self.operator}»; dùng =, ≠, <, ≤, >, ≥",
                field="operator",
            )
        object.__setattr__(self, "operator", operator)
        if self.importance not in IMPORTANCE_LEVELS:
            raise RuleError(
                f"Mức độ quan trọng không hợp lệ: «{self.importance}»; dùng high, medium, low",
                field="importance",
            )
        if self.missing not in MISSING_STRATEGIES:
            raise RuleError(
                f"Cách xử lý khi thiếu số liệu không hợp lệ: «{self.missing}»; dùng "
                "skip_if_any, skip_if_all, never_skip",
                field="missing",
            )
        try:
            tolerance = to_decimal(self.tolerance)
        except (TypeError, ValueError):
            tolerance = None
        if tolerance is None or tolerance < 0:
            raise RuleError(
                f"Sai số cho phép phải là số không âm: «{self.tolerance}»", field="tolerance"
            )
        object.__setattr__(self, "tolerance", tolerance)
        if not isinstance(self.message, str) or not self.message.strip():
            raise RuleError("Quy tắc cần có thông báo khi vi phạm", field="message")
        object.__setattr__(self, "message_codes", _message_codes(self.message))

    @property
    def expression_codes(self) -> frozenset[str]:
        return self.left.codes | self.right.codes

    @property
    def codes(self) -> frozenset[str]:
        """Every figure the rule reads or shows; its verdict's snapshot holds exactly these."""
        return self.expression_codes | self.message_codes


def compile_rule(
    *,
    code: str,
    left: str | Expression,
    operator: str,
    right: str | Expression,
    importance: str,
    message: str,
    missing: str = "skip_if_any",
    blocking: bool = False,
    tolerance: Decimal | int | str = 0,
    known_codes: Collection[str] | None = None,
) -> Rule:
    """Check a rule as it is saved: expressions, codes, operator, levels, message placeholders.

    Raises RuleError with a Vietnamese message and the faulty `field`.
    """
    if isinstance(tolerance, str):
        try:
            tolerance = Decimal(tolerance.strip())
        except ArithmeticError:
            raise RuleError(
                f"Sai số cho phép phải là số không âm: «{tolerance}»", field="tolerance"
            ) from None
    known = None if known_codes is None else frozenset(known_codes)
    if isinstance(left, Expression):
        left = str(left)
    if isinstance(right, Expression):
        right = str(right)
    rule = Rule(
        code=code,
        left=_expression(left, "left", known),
        operator=operator,
        right=_expression(right, "right", known),
        importance=importance,
        message=message,
        missing=missing,
        blocking=blocking,
        tolerance=tolerance,  # type: ignore[arg-type]
    )
    if not rule.expression_codes:
        raise RuleError(
            "Quy tắc không dùng chỉ tiêu nào nên luôn cho cùng một kết quả", field="left"
        )
    if known is not None:
        unknown = sorted(rule.message_codes - known)
        if unknown:
            listed = ", ".join(f"«{code}»" for code in unknown)
            raise RuleError(
                f"Mẫu thông báo nhắc đến mã chỉ tiêu không tồn tại: {listed}", field="message"
            )
    return rule


@dataclass(frozen=True)
class Violation:
    """A failed rule with its message and the exact figures it was judged on."""

    rule_code: str
    importance: str
    blocking: bool
    message: str
    left: Decimal
    right: Decimal
    difference: Decimal  # left - right
    snapshot: Mapping[str, Decimal | None]

    def snapshot_json(self) -> dict[str, str | None]:
        """The snapshot for a JSON column: Decimals as exact strings."""
        return {
            code: None if value is None else str(value) for code, value in self.snapshot.items()
        }


@dataclass(frozen=True)
class RuleResult:
    """The verdict of one rule on one set of figures."""

    rule_code: str
    status: Status
    left: Decimal | None
    right: Decimal | None
    snapshot: Mapping[str, Decimal | None]
    missing_codes: tuple[str, ...] = ()
    reason: str = ""  # why it was skipped, in Vietnamese
    violation: Violation | None = None


def _holds(left: Decimal, operator: str, right: Decimal, tolerance: Decimal) -> bool:
    difference = ARITHMETIC.subtract(left, right)
    if operator == "=":
        return abs(difference) <= tolerance
    if operator == "!=":
        return abs(difference) > tolerance
    if operator == "<":
        return difference < tolerance
    if operator == "<=":
        return difference <= tolerance
    if operator == ">":
        return difference > -tolerance
    if operator == ">=":
        return difference >= -tolerance
    raise AssertionError(f"unnormalised operator {operator!r}")


def _missing_side(rule: Rule, missing: set[str]) -> str | None:
    for side, expression in (("trái", rule.left), ("phải", rule.right)):
        if expression.codes and expression.codes <= missing:
            return side
    return None


def evaluate_rule(rule: Rule, values: Mapping[str, Decimal | int | None]) -> RuleResult:
    """Judge one rule; absent codes in `values` count as missing figures."""
    snapshot = {code: to_decimal(values.get(code)) for code in sorted(rule.codes)}
    missing = {code for code in rule.expression_codes if snapshot[code] is None}
    missing_codes = tuple(sorted(missing))

    def skipped(reason: str, left: Decimal | None = None, right: Decimal | None = None):
        return RuleResult(
            rule.code, Status.SKIPPED, left, right, snapshot, missing_codes, reason=reason
        )

    if missing and rule.missing == "skip_if_any":
        return skipped("Thiếu số liệu: " + ", ".join(f"«{code}»" for code in missing_codes))
    if missing and rule.missing == "skip_if_all":
        side = _missing_side(rule, missing)
        if side is not None:
            return skipped(f"Vế {side} không có số liệu nào để so sánh")
    filled = {code: Decimal(0) if value is None else value for code, value in snapshot.items()}
    left = rule.left.evaluate(filled)
    right = rule.right.evaluate(filled)
    if left is None or right is None:
        return skipped("Không tính được vì có phép chia cho 0", left, right)
    if _holds(left, rule.operator, right, rule.tolerance):
        return RuleResult(rule.code, Status.PASSED, left, right, snapshot, missing_codes)
    difference = ARITHMETIC.subtract(left, right)
    shown = {code: format_figure(value) for code, value in snapshot.items()}
    shown |= {
        "left": format_figure(left),
        "right": format_figure(right),
        "difference": format_figure(difference),
    }
    violation = Violation(
        rule_code=rule.code,
        importance=rule.importance,
        blocking=rule.blocking,
        message=rule.message.format_map(shown),
        left=left,
        right=right,
        difference=difference,
        snapshot=snapshot,
    )
    return RuleResult(
        rule.code, Status.VIOLATED, left, right, snapshot, missing_codes, violation=violation
    )


def evaluate_rules(
    rules: Iterable[Rule], values: Mapping[str, Decimal | int | None]
) -> list[RuleResult]:
    return [evaluate_rule(rule, values) for rule in rules]


def find_violations(
    rules: Iterable[Rule], values: Mapping[str, Decimal | int | None]
) -> list[Violation]:
    return [
        result.violation for result in evaluate_rules(rules, values) if result.violation is not None
    ]

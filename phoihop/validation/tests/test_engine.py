"""Tests for rules: compiling them when saved and judging figures against them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from phoihop.core.expressions import parse_expression
from phoihop.validation.engine import (
    Rule,
    RuleError,
    Status,
    compile_rule,
    evaluate_rule,
    evaluate_rules,
    find_violations,
    format_figure,
)

D = Decimal

GIFT_CODES = {"chqs_qua_so", "chqs_qua_moi_phan", "chqs_qua_tong", "dan_so"}


def rule(left: str = "a", operator: str = "=", right: str = "b", **kwargs: object) -> Rule:
    options: dict[str, object] = {
        "code": "r1",
        "importance": "medium",
        "message": "{left} so với {right}",
    }
    options.update(kwargs)
    return compile_rule(left=left, operator=operator, right=right, **options)  # type: ignore[arg-type]


def gift_rule(**kwargs: object) -> Rule:
    options: dict[str, object] = {
        "code": "qua_dqtt",
        "left": "chqs_qua_so * chqs_qua_moi_phan",
        "operator": "=",
        "right": "chqs_qua_tong",
        "importance": "high",
        "message": "{chqs_qua_so} phần quà × {chqs_qua_moi_phan} đồng = {left} đồng, "
        "nhưng tổng trị giá ghi {right} đồng (chênh lệch {difference})",
        "known_codes": GIFT_CODES,
    }
    options.update(kwargs)
    return compile_rule(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("operator", "left", "right", "holds"),
    [
        ("=", 5, 5, True),
        ("=", 5, 6, False),
        ("==", 5, 5, True),
        ("!=", 5, 6, True),
        ("!=", 5, 5, False),
        ("≠", 5, 5, False),
        ("<>", 5, 6, True),
        ("<", 5, 6, True),
        ("<", 6, 6, False),
        ("<=", 6, 6, True),
        ("<=", 7, 6, False),
        ("≤", 7, 6, False),
        (">", 7, 6, True),
        (">", 6, 6, False),
        (">=", 6, 6, True),
        (">=", 5, 6, False),
        ("≥", 5, 6, False),
    ],
)
def test_it_judges_every_operator(operator: str, left: int, right: int, holds: bool) -> None:
    result = evaluate_rule(rule(operator=operator), {"a": D(left), "b": D(right)})

    assert result.status == (Status.PASSED if holds else Status.VIOLATED)
    assert (result.violation is None) == holds


@pytest.mark.parametrize(
    ("typed", "canonical"), [("≠", "!="), ("≤", "<="), ("≥", ">="), ("==", "="), (" < ", "<")]
)
def test_it_stores_the_canonical_operator(typed: str, canonical: str) -> None:
    assert rule(operator=typed).operator == canonical


def test_it_compares_decimals_exactly() -> None:
    values = {"a": D("0.1"), "b": D("0.2"), "c": D("0.3")}

    assert evaluate_rule(rule("a + b", "=", "c"), values).status == Status.PASSED
    assert evaluate_rule(rule("a + b", "=", "c"), values | {"c": D("0.3001")}).status == (
        Status.VIOLATED
    )


@pytest.mark.parametrize(
    ("operator", "left", "right", "holds"),
    [
        ("=", "1.15", "1.16", True),
        ("=", "1.15", "1.17", False),
        ("!=", "1.15", "1.16", False),
        ("<=", "1.16", "1.15", True),
        ("<=", "1.17", "1.15", False),
        (">=", "1.14", "1.15", True),
        (">=", "1.13", "1.15", False),
        ("<", "1.15", "1.15", True),
        (">", "1.15", "1.15", True),
    ],
)
def test_it_ignores_differences_within_the_tolerance(
    operator: str, left: str, right: str, holds: bool
) -> None:
    result = evaluate_rule(rule(operator=operator, tolerance="0.01"), {"a": D(left), "b": D(right)})

    assert (result.status == Status.PASSED) == holds


def test_it_skips_on_any_missing_figure_by_default() -> None:
    result = evaluate_rule(rule("a + c", "<=", "b"), {"a": D(1), "b": D(5)})

    assert result.status == Status.SKIPPED
    assert result.missing_codes == ("c",)
    assert "«c»" in result.reason
    assert result.violation is None


def test_it_counts_missing_figures_as_zero_with_skip_if_all() -> None:
    parts_over_whole = rule("sum(a, c)", "<=", "b", missing="skip_if_all")

    result = evaluate_rule(parts_over_whole, {"a": D(28), "b": D(20)})

    assert result.status == Status.VIOLATED
    assert result.left == 28
    assert result.missing_codes == ("c",)


def test_it_skips_with_skip_if_all_when_a_side_has_no_figure() -> None:
    parts_over_whole = rule("sum(a, c)", "<=", "b", missing="skip_if_all")

    no_whole = evaluate_rule(parts_over_whole, {"a": D(28), "c": D(90)})
    no_parts = evaluate_rule(parts_over_whole, {"b": D(98)})
    nothing = evaluate_rule(parts_over_whole, {})

    assert no_whole.status == Status.SKIPPED
    assert "phải" in no_whole.reason
    assert no_parts.status == Status.SKIPPED
    assert nothing.status == Status.SKIPPED


def test_it_does_not_skip_a_side_made_only_of_constants() -> None:
    result = evaluate_rule(rule("a + c", ">=", "10", missing="skip_if_all"), {"a": D(4)})

    assert result.status == Status.VIOLATED


def test_it_never_skips_with_never_skip() -> None:
    result = evaluate_rule(rule("a", ">=", "b", missing="never_skip"), {"b": D(1)})

    assert result.status == Status.VIOLATED
    assert (result.left, result.right) == (0, 1)


def test_it_skips_when_a_divisor_is_zero() -> None:
    ratio = rule("a / b * 100", "<=", "100")

    result = evaluate_rule(ratio, {"a": D(5), "b": D(0)})

    assert result.status == Status.SKIPPED
    assert "chia cho 0" in result.reason


def test_it_passes_the_seed_gift_figures() -> None:
    # "trao 17 phần quà ..., mỗi phần trị giá 300.000 đồng = 5.100.000đ"
    values = {"chqs_qua_so": D(17), "chqs_qua_moi_phan": D(300_000), "chqs_qua_tong": D(5_100_000)}

    result = evaluate_rule(gift_rule(), values)

    assert result.status == Status.PASSED
    assert (result.left, result.right) == (D(5_100_000), D(5_100_000))


def test_it_writes_the_message_with_vietnamese_figures() -> None:
    values = {"chqs_qua_so": D(17), "chqs_qua_moi_phan": D(300_000), "chqs_qua_tong": D(5_000_000)}

    violation = evaluate_rule(gift_rule(), values).violation

    assert violation is not None
    assert violation.message == (
        "17 phần quà × 300.000 đồng = 5.100.000 đồng, "
        "nhưng tổng trị giá ghi 5.000.000 đồng (chênh lệch 100.000)"
    )
    assert violation.difference == 100_000


def test_it_writes_decimals_with_a_comma_and_negative_differences() -> None:
    percent = rule("a", "<=", "b", message="{left}% > {right}% ({difference})")

    violation = evaluate_rule(percent, {"a": D("20.91"), "b": D("1.15")}).violation
    below = evaluate_rule(rule("a", ">=", "b", message="{difference}"), {"a": 650, "b": 700})

    assert violation is not None
    assert violation.message == "20,91% > 1,15% (19,76)"
    assert below.violation is not None
    assert below.violation.message == "-50"


def test_it_shows_missing_figures_in_a_message_as_a_dash() -> None:
    parts = rule("sum(a, c)", "<=", "b", missing="skip_if_all", message="{a} + {c} > {b}")

    violation = evaluate_rule(parts, {"a": D(28), "b": D(20)}).violation

    assert violation is not None
    assert violation.message == "28 + — > 20"


def test_it_records_the_figures_a_verdict_was_computed_on() -> None:
    shown = rule("a", "<=", "b", message="{left} > {right}; dân số {dan_so}")

    result = evaluate_rule(shown, {"a": D(3), "b": 2, "dan_so": D(160_000), "other": D(1)})

    assert result.violation is not None
    assert result.violation.snapshot == {"a": D(3), "b": D(2), "dan_so": D(160_000)}
    assert result.violation.snapshot_json() == {"a": "3", "b": "2", "dan_so": "160000"}
    assert result.snapshot == result.violation.snapshot


def test_it_keeps_missing_figures_as_none_in_the_snapshot() -> None:
    result = evaluate_rule(rule("a", ">=", "b", missing="never_skip"), {"b": D(1)})

    assert result.snapshot == {"a": None, "b": D(1)}


def test_it_carries_the_rule_identity_into_the_violation() -> None:
    blocking = rule(code="qua_tong", importance="high", blocking=True)

    violation = evaluate_rule(blocking, {"a": D(1), "b": D(2)}).violation

    assert violation is not None
    assert (violation.rule_code, violation.importance, violation.blocking) == (
        "qua_tong",
        "high",
        True,
    )
    assert (violation.left, violation.right) == (D(1), D(2))


def test_it_evaluates_many_rules_and_lists_violations() -> None:
    rules = [rule(code="ok"), rule(code="bad", operator="!="), rule("c", code="skipped")]
    values = {"a": D(1), "b": D(1)}

    results = evaluate_rules(rules, values)
    violations = find_violations(rules, values)

    assert [result.status for result in results] == [
        Status.PASSED,
        Status.VIOLATED,
        Status.SKIPPED,
    ]
    assert [violation.rule_code for violation in violations] == ["bad"]


def test_it_accepts_a_rule_built_directly_from_text() -> None:
    direct = Rule("r", "a * 2", "≤", "b", "low", "{left} > {right}")

    assert direct.left == parse_expression("a * 2")
    assert direct.operator == "<="
    assert direct.codes == {"a", "b"}


def rule_error(**kwargs: object) -> RuleError:
    with pytest.raises(RuleError) as info:
        gift_rule(**kwargs)
    return info.value


def test_it_refuses_a_malformed_expression_naming_side_and_position() -> None:
    error = rule_error(left="(chqs_qua_so * chqs_qua_moi_phan")

    assert error.field == "left"
    assert str(error).startswith("Vế trái: Biểu thức sai ở vị trí 33: thiếu dấu ')'")


def test_it_refuses_an_unknown_code() -> None:
    error = rule_error(right="chqs_qua_tong + abc")

    assert error.field == "right"
    assert str(error) == "Vế phải: Mã chỉ tiêu không tồn tại: «abc» (vị trí 17)"


@pytest.mark.parametrize("operator", ["=>", "", "~", "lớn hơn"])
def test_it_refuses_an_unknown_operator(operator: str) -> None:
    error = rule_error(operator=operator)

    assert error.field == "operator"
    assert "Phép so sánh không hợp lệ" in str(error)


def test_it_refuses_an_unknown_importance() -> None:
    assert rule_error(importance="critical").field == "importance"


def test_it_refuses_an_unknown_missing_strategy() -> None:
    assert rule_error(missing="skip").field == "missing"


@pytest.mark.parametrize("tolerance", ["-1", "abc", 0.5])
def test_it_refuses_a_bad_tolerance(tolerance: object) -> None:
    assert rule_error(tolerance=tolerance).field == "tolerance"


def test_it_refuses_an_unknown_code_in_the_message() -> None:
    error = rule_error(message="Tổng {chqs_qua_tong}, phần {abc}")

    assert error.field == "message"
    assert "«abc»" in str(error)


@pytest.mark.parametrize(
    "message", ["{left:.2f}", "{left!r}", "{0}", "{}", "{left.real}", "{Left}", "{left"]
)
def test_it_refuses_a_malformed_placeholder(message: str) -> None:
    error = rule_error(message=message)

    assert error.field == "message"
    assert "Mẫu thông báo" in str(error)


def test_it_allows_literal_braces_in_a_message() -> None:
    literal = rule(message="{{ghi chú}} {left}")

    violation = evaluate_rule(literal, {"a": D(1), "b": D(2)}).violation

    assert violation is not None
    assert violation.message == "{ghi chú} 1"


def test_it_refuses_a_rule_that_reads_no_figure() -> None:
    assert rule_error(left="1", right="2").field == "left"


def test_it_refuses_an_empty_message_or_code() -> None:
    assert rule_error(message="  ").field == "message"
    assert rule_error(code="").field == "code"


def test_it_is_a_value_error() -> None:
    assert issubclass(RuleError, ValueError)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (D(3_658_673_000), "3.658.673.000"),
        (D("1.15"), "1,15"),
        (D("98.00"), "98"),
        (D(1) / D(3), "0,3333"),
        (D(-50), "-50"),
        (7286, "7.286"),
        (None, "—"),
    ],
)
def test_it_formats_figures_the_vietnamese_way(value: Decimal | int | None, shown: str) -> None:
    assert format_figure(value) == shown

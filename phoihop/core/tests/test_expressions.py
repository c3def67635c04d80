"""Tests for the expression parser and its exact Decimal evaluation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phoihop.core.expressions import (
    BinOp,
    Call,
    Expression,
    ExpressionError,
    Neg,
    Node,
    Number,
    Ref,
    parse_expression,
)

D = Decimal


def evaluate(text: str, **values: Decimal | int | None) -> Decimal | None:
    return parse_expression(text).evaluate(values)


def test_it_parses_the_gift_check_from_the_seed() -> None:
    expression = parse_expression("ctd_qua_gia_tri - (ctd_qua_so * 300000)")

    assert expression.codes == {"ctd_qua_gia_tri", "ctd_qua_so"}
    assert expression.root == BinOp(
        "-", Ref("ctd_qua_gia_tri"), BinOp("*", Ref("ctd_qua_so"), Number(D(300000)))
    )
    assert expression.evaluate({"ctd_qua_gia_tri": D(5_100_000), "ctd_qua_so": D(17)}) == 0


def test_it_evaluates_functions_and_constants() -> None:
    assert evaluate("sum(a, b, c) + 2", a=D(1), b=D(2), c=D(3)) == 8
    assert evaluate("min(a, b, 7)", a=D(9), b=D(8)) == 7
    assert evaluate("max(a, b)", a=D(-9), b=D(-8)) == -8
    assert evaluate("abs(a - b)", a=D(3), b=D(10)) == 7
    assert evaluate("a * 1.5", a=D(4)) == D("6.0")


def test_it_computes_a_percentage_exactly_in_decimal() -> None:
    # 1.840 militia in a population of 160.000 is the seed's 1,15%.
    assert evaluate("a / b * 100", a=D(1840), b=D(160000)) == D("1.15")
    assert evaluate("0.1 + 0.2") == D("0.3")


def test_it_gives_multiplication_precedence_over_addition() -> None:
    assert evaluate("a + b * c", a=D(1), b=D(2), c=D(3)) == 7
    assert evaluate("(a + b) * c", a=D(1), b=D(2), c=D(3)) == 9


def test_it_associates_subtraction_and_division_to_the_left() -> None:
    assert evaluate("a - b - c", a=D(10), b=D(3), c=D(2)) == 5
    assert evaluate("a / b / c", a=D(12), b=D(3), c=D(2)) == 2


def test_it_applies_unary_minus() -> None:
    assert evaluate("-a + 5", a=D(2)) == 3
    assert evaluate("a - -b", a=D(2), b=D(3)) == 5
    assert evaluate("-(a - b) * 2", a=D(2), b=D(3)) == 2
    assert parse_expression("+a") == parse_expression("a")


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("a × b", "a * b"),
        ("a ÷ b", "a / b"),
        ("a : b", "a / b"),
        ("a − b", "a - b"),
        ("a – b", "a - b"),
        ("−a", "-a"),
    ],
)
def test_it_accepts_the_operators_people_type(typed: str, canonical: str) -> None:
    assert parse_expression(typed) == parse_expression(canonical)
    assert str(parse_expression(typed)) == canonical


def test_it_ignores_whitespace_and_redundant_parentheses() -> None:
    assert parse_expression(" ( a+b ) ") == parse_expression("a + b")
    assert str(parse_expression("((a))*(b)")) == "a * b"


def test_it_keeps_parentheses_that_change_the_tree() -> None:
    assert str(parse_expression("a - (b - c)")) == "a - (b - c)"
    assert str(parse_expression("a / (b * c)")) == "a / (b * c)"
    assert str(parse_expression("(a + b) * c")) == "(a + b) * c"
    assert str(parse_expression("-(a + b)")) == "-(a + b)"


def test_it_returns_none_on_division_by_zero() -> None:
    assert evaluate("a / b * 100", a=D(5), b=D(0)) is None
    assert evaluate("0 / 0") is None
    assert evaluate("sum(a / b, 1)", a=D(1), b=D(0)) is None


def test_it_returns_none_when_a_figure_is_missing() -> None:
    assert evaluate("a + b", a=D(1), b=None) is None
    assert evaluate("a + b", a=D(1)) is None


def test_it_accepts_ints_but_refuses_floats() -> None:
    assert evaluate("a + 1", a=2) == 3
    with pytest.raises(TypeError):
        evaluate("a + 1", a=2.5)  # type: ignore[arg-type]


def test_it_compares_expressions_by_tree_not_by_text() -> None:
    assert parse_expression("a+b*2") == parse_expression("a + (b * 2)")
    assert parse_expression("1.50") == parse_expression("1.5")
    assert parse_expression("a + b") != parse_expression("b + a")


def error_of(text: str, **kwargs: object) -> ExpressionError:
    with pytest.raises(ExpressionError) as info:
        parse_expression(text, **kwargs)  # type: ignore[arg-type]
    return info.value


def test_it_reports_a_missing_closing_parenthesis_at_the_end() -> None:
    error = error_of("(a + b")

    assert error.position == 7
    assert str(error).startswith("Biểu thức sai ở vị trí 7: thiếu dấu ')'")


def test_it_reports_an_unmatched_closing_parenthesis() -> None:
    error = error_of("a + b) * 2")

    assert error.position == 6
    assert "dấu ')' không có dấu '(' tương ứng" in str(error)


def test_it_reports_a_missing_closing_parenthesis_of_a_function() -> None:
    assert error_of("sum(a, b").position == 9


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("a + b 5", 7, "thiếu phép tính trước «5»"),
        ("a b", 3, "thiếu phép tính trước «b»"),
        ("(a + b) (c)", 9, "thiếu phép tính trước «(»"),
        ("(a b)", 4, "thiếu phép tính trước «b»"),
        ("a, b", 2, "dấu ','"),
    ],
)
def test_it_rejects_trailing_garbage(text: str, position: int, fragment: str) -> None:
    error = error_of(text)

    assert error.position == position
    assert fragment in str(error)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_it_rejects_an_empty_expression(text: str) -> None:
    error = error_of(text)

    assert str(error) == "Biểu thức trống"
    assert error.position is None


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("a +", 4, "thiếu số hạng sau «+»"),
        ("a + * b", 5, "thiếu số hạng giữa «+» và «*»"),
        ("()", 2, "thiếu số hạng giữa «(» và «)»"),
        ("* a", 1, "thiếu số hạng trước «*»"),
        ("a $ b", 3, "ký tự không hợp lệ «$»"),
        ("a + Ctd_so", 5, "chữ thường"),
        ("ctđ_so", 3, "chữ thường"),
        ("2a", 1, "bắt đầu bằng chữ cái"),
        ("foo(a)", 1, "không có hàm «foo»"),
        ("a + b (c)", 5, "nếu là phép nhân hãy viết «b * (...)»"),
        ("abs(a, b)", 1, "hàm abs cần đúng một đối số"),
        ("sum()", 5, "thiếu số hạng"),
        ("a * 1.", 5, "viết sai"),
        ("3.658.673 - a", 1, "không có dấu phân cách hàng nghìn"),
        ("a * 300.000", 5, "dễ nhầm"),
        ("a * 1,5", 6, "số thập phân viết bằng dấu '.'"),
    ],
)
def test_it_explains_syntax_errors_with_their_position(
    text: str, position: int, fragment: str
) -> None:
    error = error_of(text)

    assert error.position == position
    assert str(error).startswith(f"Biểu thức sai ở vị trí {position}: ")
    assert fragment in str(error)


def test_it_rejects_an_unknown_indicator_code() -> None:
    error = error_of("ctd_so + abc", known_codes={"ctd_so"})

    assert str(error) == "Mã chỉ tiêu không tồn tại: «abc» (vị trí 10)"
    assert error.position == 10
    assert error.unknown_codes == ("abc",)


def test_it_lists_every_unknown_code_once() -> None:
    error = error_of("x + y * x + a", known_codes=["a"])

    assert error.unknown_codes == ("x", "y")
    assert "«x» (vị trí 1), «y» (vị trí 5)" in str(error)


def test_it_does_not_treat_function_names_as_codes() -> None:
    assert parse_expression("sum(a, b)", known_codes={"a", "b"}).codes == {"a", "b"}


def test_it_is_a_value_error() -> None:
    assert issubclass(ExpressionError, ValueError)


CODES = ["a", "b", "ctd_qua_so", "x1", "sum"]  # "sum" without parentheses is a code

numbers = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(Decimal),
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
).map(Number)
leaves = st.one_of(numbers, st.sampled_from(CODES).map(Ref))


def _branches(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        children.map(Neg),
        st.builds(BinOp, st.sampled_from("+-*/"), children, children),
        st.builds(
            Call,
            st.sampled_from(["sum", "min", "max"]),
            st.lists(children, min_size=1, max_size=3).map(tuple),
        ),
        children.map(lambda child: Call("abs", (child,))),
    )


trees = st.recursive(leaves, _branches, max_leaves=12)
figures = st.fixed_dictionaries(
    {
        code: st.one_of(
            st.just(Decimal(0)),
            st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False),
        )
        for code in CODES
    }
)


@settings(max_examples=300)
@given(tree=trees, values=figures)
def test_it_parses_rendered_trees_back_to_the_same_tree_and_value(
    tree: Node, values: dict[str, Decimal]
) -> None:
    expression = Expression(tree)

    parsed = parse_expression(str(expression))

    assert parsed == expression
    assert str(parsed) == str(expression)
    assert parsed.codes == expression.codes
    assert parsed.evaluate(values) == expression.evaluate(values)

"""Arithmetic expressions over indicator codes: a small parser and exact Decimal evaluator."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal
from functools import cached_property
from typing import TypeAlias

__all__ = [
    "CODE_PATTERN",
    "FUNCTIONS",
    "BinOp",
    "Call",
    "Expression",
    "ExpressionError",
    "Neg",
    "Node",
    "Number",
    "Ref",
    "parse_expression",
    "to_decimal",
]

CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)

# Enough digits for money in the trillions divided and multiplied again without visible loss.
ARITHMETIC = Context(prec=40)


class ExpressionError(ValueError):
    """An expression that cannot be parsed or names indicators that do not exist."""

    def __init__(
        self, message: str, *, position: int | None = None, unknown_codes: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        # 1-based character position, as shown to the user; None when it concerns the whole text.
        self.position = position
        self.unknown_codes = unknown_codes


def to_decimal(value: object) -> Decimal | None:
    """A figure as an exact Decimal; floats are refused because they are already inexact."""
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"expected Decimal, int or None, got {type(value).__name__}: {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    else:
        raise TypeError(f"expected Decimal, int or None, got {type(value).__name__}: {value!r}")
    if not result.is_finite():
        raise ValueError(f"not a finite figure: {value!r}")
    return result


Values: TypeAlias = Mapping[str, Decimal | int | None]


@dataclass(frozen=True)
class Number:
    """A constant. Never negative: "-5" is Neg(Number(5)), so the text form round-trips."""

    value: Decimal

    def __post_init__(self) -> None:
        if not isinstance(self.value, Decimal) or not self.value.is_finite() or self.value < 0:
            raise ValueError(f"Number needs a finite, non-negative Decimal: {self.value!r}")

    def evaluate(self, values: Values) -> Decimal | None:
        return self.value

    def codes(self) -> frozenset[str]:
        return frozenset()


@dataclass(frozen=True)
class Ref:
    """A reference to an indicator's figure by its code."""

    code: str

    def evaluate(self, values: Values) -> Decimal | None:
        return to_decimal(values.get(self.code))

    def codes(self) -> frozenset[str]:
        return frozenset({self.code})


@dataclass(frozen=True)
class Neg:
    operand: Node

    def evaluate(self, values: Values) -> Decimal | None:
        value = self.operand.evaluate(values)
        return None if value is None else ARITHMETIC.minus(value)

    def codes(self) -> frozenset[str]:
        return self.operand.codes()


@dataclass(frozen=True)
class BinOp:
    op: str  # one of + - * /, the canonical spellings
    left: Node
    right: Node

    def __post_init__(self) -> None:
        if self.op not in _BINARY:
            raise ValueError(f"unknown operator: {self.op!r}")

    def evaluate(self, values: Values) -> Decimal | None:
        left = self.left.evaluate(values)
        right = self.right.evaluate(values)
        if left is None or right is None:
            return None
        if self.op == "/" and right == 0:
            # A ratio over an empty denominator is undefined, not an error of the rule.
            return None
        return _BINARY[self.op](left, right)

    def codes(self) -> frozenset[str]:
        return self.left.codes() | self.right.codes()


def _sum(args: list[Decimal]) -> Decimal:
    total = Decimal(0)
    for value in args:
        total = ARITHMETIC.add(total, value)
    return total


FUNCTIONS: dict[str, Callable[[list[Decimal]], Decimal]] = {
    "sum": _sum,
    "min": min,
    "max": max,
    "abs": lambda args: ARITHMETIC.abs(args[0]),
}
# Functions that take exactly one argument; the others take one or more.
_UNARY_FUNCTIONS = frozenset({"abs"})


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]

    def __post_init__(self) -> None:
        if self.name not in FUNCTIONS:
            raise ValueError(f"unknown function: {self.name!r}")
        if not self.args or (self.name in _UNARY_FUNCTIONS and len(self.args) != 1):
            raise ValueError(f"wrong number of arguments for {self.name}: {len(self.args)}")

    def evaluate(self, values: Values) -> Decimal | None:
        args = [arg.evaluate(values) for arg in self.args]
        if any(value is None for value in args):
            return None
        return FUNCTIONS[self.name](args)  # type: ignore[arg-type]

    def codes(self) -> frozenset[str]:
        return frozenset().union(*(arg.codes() for arg in self.args))


Node: TypeAlias = Number | Ref | Neg | BinOp | Call

_BINARY: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": ARITHMETIC.add,
    "-": ARITHMETIC.subtract,
    "*": ARITHMETIC.multiply,
    "/": ARITHMETIC.divide,
}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_NEG_PRECEDENCE = 3
_ATOM_PRECEDENCE = 4


def _precedence(node: Node) -> int:
    if isinstance(node, BinOp):
        return _PRECEDENCE[node.op]
    if isinstance(node, Neg):
        return _NEG_PRECEDENCE
    return _ATOM_PRECEDENCE


def _render(node: Node) -> str:
    if isinstance(node, Number):
        text = format(node.value, "f")
        # "12.000" would be refused as a Vietnamese-grouped number, and 12 is the same value.
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(node, Ref):
        return node.code
    if isinstance(node, Call):
        return f"{node.name}({', '.join(_render(arg) for arg in node.args)})"
    if isinstance(node, Neg):
        inner = _render(node.operand)
        return f"-({inner})" if _precedence(node.operand) < _NEG_PRECEDENCE else f"-{inner}"
    own = _PRECEDENCE[node.op]
    left = _render(node.left)
    right = _render(node.right)
    if _precedence(node.left) < own:
        left = f"({left})"
    # Operators associate to the left, so an equal-precedence right operand needs parentheses
    # to keep the same tree (a - (b - c)), even where the value would not change (a + (b + c)).
    if _precedence(node.right) <= own:
        right = f"({right})"
    return f"{left} {node.op} {right}"


@dataclass(frozen=True)
class Expression:
    """A parsed expression; equal expressions have equal trees, whatever their spacing."""

    root: Node
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.root, Number | Ref | Neg | BinOp | Call):
            raise TypeError(f"not an expression node: {self.root!r}")

    @cached_property
    def codes(self) -> frozenset[str]:
        return self.root.codes()

    def evaluate(self, values: Values) -> Decimal | None:
        """The value, or None when a figure is missing or a divisor is zero."""
        return self.root.evaluate(values)

    def __str__(self) -> str:
        return _render(self.root)


# Token kinds.
_NUM, _IDENT, _OP, _LPAREN, _RPAREN, _COMMA, _END = ("number", "ident", "op", "(", ")", ",", "end")
# Spellings users paste from Word or write as taught at school (":" divides in Vietnam).
_OPERATOR_SPELLINGS = {
    "+": "+",
    "-": "-",
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash
    "*": "*",
    "\u00d7": "*",  # ×
    "/": "/",
    "\u00f7": "/",  # ÷
    ":": "/",
}
_NUMBER = re.compile(r"\d+(?:\.\d+)*", re.ASCII)
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    position: int  # 0-based index in the source
    value: str = ""  # canonical operator, or the number's text


def _error(problem: str, position: int) -> ExpressionError:
    return ExpressionError(
        f"Biểu thức sai ở vị trí {position + 1}: {problem}", position=position + 1
    )


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
            continue
        if char.isdigit() and char.isascii():
            match = _NUMBER.match(text, index)
            assert match is not None
            number = match.group()
            end = match.end()
            if (end < len(text) and text[end] == ".") or number.count(".") > 1:
                raise _error(
                    f"số «{text[index : end + 1].strip()}» viết sai; trong công thức viết số "
                    "không có dấu phân cách hàng nghìn và dùng dấu '.' cho phần thập phân, "
                    "ví dụ 300000 hoặc 1.5",
                    index,
                )
            if re.fullmatch(r"\d+\.000", number):
                # "300.000" is how officials write three hundred thousand; reading it as 300
                # would silently turn a check on đồng into nonsense.
                raise _error(
                    f"số «{number}» dễ nhầm: nếu là ba trăm nghìn hãy viết "
                    f"{number.replace('.', '')}, nếu là số thập phân hãy bỏ các số 0 cuối",
                    index,
                )
            if end < len(text) and (text[end].isalpha() or text[end] == "_"):
                raise _error(
                    f"mã chỉ tiêu phải bắt đầu bằng chữ cái: «{_word_at(text, index)}»", index
                )
            tokens.append(_Token(_NUM, number, index, number))
            index = end
            continue
        match = _IDENTIFIER.match(text, index)
        if match is not None:
            end = match.end()
            if end < len(text) and text[end].isalpha():
                raise _error(
                    "mã chỉ tiêu và tên hàm chỉ gồm chữ thường không dấu, chữ số và dấu gạch "
                    f"dưới: «{_word_at(text, index)}»",
                    end,
                )
            tokens.append(_Token(_IDENT, match.group(), index))
            index = end
            continue
        if char in _OPERATOR_SPELLINGS:
            tokens.append(_Token(_OP, char, index, _OPERATOR_SPELLINGS[char]))
        elif char == "(":
            tokens.append(_Token(_LPAREN, char, index))
        elif char == ")":
            tokens.append(_Token(_RPAREN, char, index))
        elif char == ",":
            tokens.append(_Token(_COMMA, char, index))
        elif char.isalpha() or char == "_":
            raise _error(
                "mã chỉ tiêu và tên hàm chỉ gồm chữ thường không dấu, chữ số và dấu gạch "
                f"dưới: «{_word_at(text, index)}»",
                index,
            )
        else:
            raise _error(f"ký tự không hợp lệ «{char}»", index)
        index += 1
    tokens.append(_Token(_END, "", len(text)))
    return tokens


def _word_at(text: str, index: int) -> str:
    start = index
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    end = index
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return text[start:end]


def _describe(token: _Token) -> str:
    return "cuối biểu thức" if token.kind == _END else f"«{token.text}»"


class _Parser:
    """Recursive descent: expr := term (+|- term)*; term := unary (*|/ unary)*;
    unary := - unary | + unary | primary; primary := number | code | func(expr, ...) | (expr).
    """

    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.index = 0
        self.references: list[tuple[str, int]] = []  # (code, 0-based position)

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        node = self.expression()
        token = self.current
        if token.kind != _END:
            if token.kind == _RPAREN:
                raise _error("dấu ')' không có dấu '(' tương ứng", token.position)
            raise self.unexpected(token)
        return node

    def unexpected(self, token: _Token) -> ExpressionError:
        if token.kind in (_NUM, _IDENT, _LPAREN):
            return _error(f"thiếu phép tính trước {_describe(token)}", token.position)
        if token.kind == _COMMA:
            return _error(
                "dấu ',' chỉ dùng để ngăn cách các đối số của sum, min, max; số thập phân "
                "viết bằng dấu '.'",
                token.position,
            )
        return _error(f"{_describe(token)} không đúng chỗ", token.position)

    def expression(self) -> Node:
        node = self.term()
        while self.current.kind == _OP and self.current.value in "+-":
            op = self.advance().value
            node = BinOp(op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.current.kind == _OP and self.current.value in "*/":
            op = self.advance().value
            node = BinOp(op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.current.kind == _OP and self.current.value in "+-":
            sign = self.advance().value
            operand = self.unary()
            # A unary plus changes nothing, so it leaves no trace in the tree.
            return Neg(operand) if sign == "-" else operand
        return self.primary()

    def primary(self) -> Node:
        token = self.current
        if token.kind == _NUM:
            self.advance()
            return Number(Decimal(token.value))
        if token.kind == _IDENT:
            self.advance()
            if self.current.kind == _LPAREN:
                return self.call(token)
            self.references.append((token.text, token.position))
            return Ref(token.text)
        if token.kind == _LPAREN:
            self.advance()
            node = self.expression()
            self.expect_closing(token)
            return node
        previous = self.tokens[self.index - 1] if self.index else None
        if token.kind == _END:
            if previous is None:
                raise ExpressionError("Biểu thức trống")
            raise _error(f"thiếu số hạng sau {_describe(previous)}", token.position)
        if previous is not None and previous.kind in (_OP, _LPAREN, _COMMA):
            raise _error(
                f"thiếu số hạng giữa {_describe(previous)} và {_describe(token)}", token.position
            )
        raise _error(f"thiếu số hạng trước {_describe(token)}", token.position)

    def call(self, name: _Token) -> Node:
        if name.text not in FUNCTIONS:
            raise _error(
                f"không có hàm «{name.text}» (chỉ dùng được sum, min, max, abs); nếu là phép "
                f"nhân hãy viết «{name.text} * (...)»",
                name.position,
            )
        opening = self.advance()
        args = [self.expression()]
        while self.current.kind == _COMMA:
            self.advance()
            args.append(self.expression())
        self.expect_closing(opening)
        if name.text in _UNARY_FUNCTIONS and len(args) != 1:
            raise _error(f"hàm {name.text} cần đúng một đối số", name.position)
        return Call(name.text, tuple(args))

    def expect_closing(self, opening: _Token) -> None:
        token = self.current
        if token.kind == _RPAREN:
            self.advance()
            return
        if token.kind == _END:
            raise _error(
                f"thiếu dấu ')' cho dấu '(' ở vị trí {opening.position + 1}", token.position
            )
        raise self.unexpected(token)


def parse_expression(text: str, *, known_codes: Collection[str] | None = None) -> Expression:
    """Parse text such as "ctd_qua_gia_tri - (ctd_qua_so * 300000)" into an Expression.

    With known_codes, every referenced code must be one of them.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}: {text!r}")
    if not text.strip():
        raise ExpressionError("Biểu thức trống")
    parser = _Parser(text)
    root = parser.parse()
    if known_codes is not None:
        known = known_codes if isinstance(known_codes, set | frozenset) else set(known_codes)
        unknown: dict[str, int] = {}
        for code, position in parser.references:
            if code not in known:
                unknown.setdefault(code, position)
        if unknown:
            listed = ", ".join(f"«{code}» (vị trí {pos + 1})" for code, pos in unknown.items())
            raise ExpressionError(
                f"Mã chỉ tiêu không tồn tại: {listed}",
                position=next(iter(unknown.values())) + 1,
                unknown_codes=tuple(unknown),
            )
    return Expression(root, text)

"""Reading one value of a catalogue file: text, a choice, yes/no, a number, a list of codes.

Each converter takes what YAML or Excel gave (str, int, float, bool, list or None) and returns
the value for the model, or raises BadValue with the reason in Vietnamese; the caller adds the
place. Numbers typed as text go through the one Vietnamese reader, core.numbers.parse_number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models

from phoihop.core.numbers import NumberFormatError, parse_number

__all__ = [
    "MISSING",
    "BadValue",
    "code",
    "Converter",
    "choice",
    "choice_or",
    "codes",
    "decimal",
    "levels",
    "to_decimal",
    "optional_code",
    "text",
    "whole",
    "yes_no",
]


class BadValue(ValueError):
    """A value that does not fit its field; the message says why, in Vietnamese."""


Converter = Callable[[Any], Any]


def text(*, required: bool = False, max_length: int | None = None) -> Converter:
    def convert(value: Any) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise BadValue("không được để trống")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            raise BadValue(f"phải là chữ, không phải «{value}»")
        text = str(value).strip()
        if max_length is not None and len(text) > max_length:
            raise BadValue(f"dài quá {max_length} ký tự")
        return text

    return convert


_CODE = re.compile(r"[a-z][a-z0-9_]*")


def code(max_length: int) -> Converter:
    """A code as indicators, forms and sections take it: tt_qp_cuoc."""
    required = text(required=True, max_length=max_length)

    def convert(value: Any) -> str:
        written = required(value)
        if not _CODE.fullmatch(written):
            raise BadValue(
                f"mã «{written}» chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, "
                "bắt đầu bằng chữ"
            )
        return written

    return convert


def optional_code(value: Any) -> str | None:
    return text()(value) or None


def choice(choices: type[models.TextChoices]) -> Converter:
    def convert(value: Any) -> str:
        if value is None or value == "":
            raise BadValue("không được để trống")
        text = str(value).strip()
        if text not in choices.values:
            allowed = ", ".join(choices.values)
            raise BadValue(f"«{text}» không hợp lệ; chọn một trong: {allowed}")
        return text

    return convert


def choice_or(choices: type[models.TextChoices], default: str) -> Converter:
    strict = choice(choices)
    return lambda value: default if value is None or value == "" else strict(value)


_TRUE = {"true", "có", "co", "x", "1", "yes"}
_FALSE = {"false", "không", "khong", "0", "no", ""}


def yes_no(default: bool) -> Converter:
    def convert(value: Any) -> bool:
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        text = str(value).strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise BadValue(f"«{value}» không phải có/không (true/false)")

    return convert


def whole(default: int, *, minimum: int = 0, maximum: int = 32767) -> Converter:
    def convert(value: Any) -> int:
        if value is None or value == "":
            return default
        number = to_decimal(value)
        if number != number.to_integral_value() or not minimum <= number <= maximum:
            raise BadValue(f"phải là số nguyên từ {minimum} đến {maximum}, không phải «{value}»")
        return int(number)

    return convert


def to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise BadValue(f"phải là số, không phải «{value}»")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))  # the number as written, never 1.149999...
    try:
        return parse_number(str(value))  # "1,5" or "200" typed as text
    except NumberFormatError as exc:
        raise BadValue(f"phải là số, không phải «{value}»") from exc


# A field the file leaves out, as opposed to one it leaves empty: a number left out takes its
# default (an indicator's change threshold: 200%), one left empty means "none" where it may.
MISSING: Any = object()


def decimal(default: Decimal | None, *, nullable: bool = True) -> Converter:
    def convert(value: Any) -> Decimal | None:
        if value is MISSING:
            return default
        if value is None or value == "":
            return None if nullable else default
        try:
            number = to_decimal(value)
        except InvalidOperation as exc:
            raise BadValue(f"phải là số, không phải «{value}»") from exc
        if abs(number) >= Decimal(10) ** 15:
            raise BadValue("số quá lớn")
        return number

    convert.sees_missing = True  # type: ignore[attr-defined]
    return convert


def codes(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        value = [value]
    codes = [str(item).strip() for item in value if item is not None and str(item).strip()]
    return codes


def levels(value: Any) -> list[int]:
    levels = []
    for item in codes(value):
        if item not in ("1", "2", "3"):
            raise BadValue(f"cấp chỉ gồm các số 1 (tỉnh), 2 (huyện), 3 (xã), không phải «{item}»")
        levels.append(int(item))
    return levels

"""Reading and checking a typed value against its indicator: counts, money, percentages."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from phoihop.core.numbers import NumberFormatError, format_number, parse_number
from phoihop.indicators.models import Indicator, ValueType


def clean_value(indicator: Indicator, raw: str | Decimal | int | None) -> Decimal | None:
    """The exact value of what was typed, or a ValidationError with a Vietnamese message."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str):
        try:
            value = parse_number(raw)
        except NumberFormatError as exc:
            raise ValidationError(str(exc)) from exc
    else:
        try:
            value = Decimal(raw)
        except (InvalidOperation, TypeError, ValueError) as exc:
            raise ValidationError(f"Không đọc được số: «{raw}»") from exc
    if not value.is_finite():
        raise ValidationError(f"Không đọc được số: «{raw}»")
    if (
        indicator.value_type in (ValueType.INTEGER, ValueType.MONEY)
        and value != value.to_integral()
    ):
        what = "số tiền (đồng)" if indicator.value_type == ValueType.MONEY else "số đếm"
        raise ValidationError(f"«{indicator.name}» là {what}, phải là số nguyên.")
    low, high = indicator.bounds
    if low is not None and value < low:
        raise ValidationError(
            f"«{indicator.name}» không được âm."
            if low == 0
            else f"«{indicator.name}» phải từ {format_number(low)} trở lên."
        )
    if high is not None and value > high:
        raise ValidationError(
            f"«{indicator.name}» là tỷ lệ phần trăm, phải từ 0 đến {format_number(high)}."
            if indicator.value_type == ValueType.PERCENT
            else f"«{indicator.name}» không được lớn hơn {format_number(high)}."
        )
    if abs(value) >= Decimal(10) ** 16:
        raise ValidationError(f"«{indicator.name}»: số quá lớn.")
    # A finite value's exponent is a number ('n', 'N', 'F' are NaN and infinity's, refused above).
    exponent = value.as_tuple().exponent
    return (
        value.quantize(Decimal("0.0001")) if isinstance(exponent, int) and exponent < -4 else value
    )


def clean_figures(
    indicators: Mapping[str, Indicator],
    typed: Mapping[str, str | Decimal | int | None],
    *,
    unknown: str,
) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Every typed figure read against its indicator, the same way for a submission and for a
    joint activity: the values by code, and a Vietnamese message by code for each one refused
    (`unknown` says a code that is not among `indicators`, with %(code)s)."""
    cleaned: dict[str, Decimal | None] = {}
    errors: dict[str, str] = {}
    for code, raw in typed.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors[code] = unknown % {"code": code}
        elif indicator.is_computed:
            errors[code] = f"«{indicator.name}» được tính tự động, không nhập tay."
        else:
            try:
                cleaned[code] = clean_value(indicator, raw)
            except ValidationError as exc:
                errors[code] = exc.messages[0]
    return cleaned, errors

"""Reading and checking a typed value against its indicator: counts, money, percentages."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

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
            raise ValidationError(_("Không đọc được số: «%(raw)s»") % {"raw": raw}) from exc
    if not value.is_finite():
        raise ValidationError(_("Không đọc được số: «%(raw)s»") % {"raw": raw})
    if (
        indicator.value_type in (ValueType.INTEGER, ValueType.MONEY)
        and value != value.to_integral()
    ):
        what = _("số tiền (đồng)") if indicator.value_type == ValueType.MONEY else _("số đếm")
        raise ValidationError(
            _("«%(name)s» là %(what)s, phải là số nguyên.") % {"name": indicator.name, "what": what}
        )
    low, high = indicator.bounds
    if low is not None and value < low:
        raise ValidationError(
            _("«%(name)s» không được âm.") % {"name": indicator.name}
            if low == 0
            else _("«%(name)s» phải từ %(low)s trở lên.")
            % {"name": indicator.name, "low": format_number(low)}
        )
    if high is not None and value > high:
        raise ValidationError(
            _("«%(name)s» là tỷ lệ phần trăm, phải từ 0 đến %(high)s.")
            % {"name": indicator.name, "high": format_number(high)}
            if indicator.value_type == ValueType.PERCENT
            else _("«%(name)s» không được lớn hơn %(high)s.")
            % {"name": indicator.name, "high": format_number(high)}
        )
    if abs(value) >= Decimal(10) ** 16:
        raise ValidationError(_("«%(name)s»: số quá lớn.") % {"name": indicator.name})
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
            errors[code] = _("«%(name)s» được tính tự động, không nhập tay.") % {
                "name": indicator.name
            }
        else:
            try:
                cleaned[code] = clean_value(indicator, raw)
            except ValidationError as exc:
                errors[code] = exc.messages[0]
    return cleaned, errors

"""Vietnamese number formats: '.' groups thousands, ',' is the decimal mark."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from fractions import Fraction
from typing import TypeAlias

__all__ = [
    "NumberFormatError",
    "format_change",
    "format_money",
    "format_number",
    "format_percent",
    "format_plan_ratio",
    "format_quantity",
    "parse_number",
    "percent_of",
]

# Report figures are exact (đồng, counts, percents printed with two decimals); a float would
# turn 1,15% into 1,149999..., so only ints and Decimals are accepted.
Number: TypeAlias = int | Decimal

MONEY_UNIT = "đồng"
PERCENT_UNIT = "%"
SAME_PERIOD = "cùng kỳ"


class NumberFormatError(ValueError):
    """Text that cannot be read as a Vietnamese number."""


def _to_decimal(value: Number) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"expected int or Decimal, got {type(value).__name__}: {value!r}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"cannot format a non-finite number: {value!r}")
    return result


def _round(value: Decimal, places: int) -> Decimal:
    # The default 28-digit context would make quantize fail on very large figures.
    with localcontext() as context:
        context.prec = max(28, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _round_fraction(value: Fraction, places: int) -> Decimal:
    """Round an exact ratio half away from zero, as Decimal's ROUND_HALF_UP does."""
    scaled = abs(value) * 10**places
    digits = int(scaled + Fraction(1, 2))  # floor, since scaled is not negative
    result = Decimal(digits).scaleb(-places)
    return -result if value < 0 else result


def format_number(value: Number | None, *, decimals: int | None = None, pad: bool = False) -> str:
    """Write a number as Vietnamese documents do: 7.286; 1,15; -1.234; 05 with pad."""
    if value is None:
        return ""
    number = _to_decimal(value)
    if decimals is not None:
        if decimals < 0:
            raise ValueError(f"decimals must not be negative: {decimals}")
        number = _round(number, decimals)
    if number == 0:
        number = abs(number)  # never print "-0" after rounding a small negative figure
    # format(..., "f") is exact at any size, unlike normalize() which rounds to 28 digits.
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if decimals is None:
        fraction = fraction.rstrip("0")
    grouped = format(int(whole), ",").replace(",", ".")
    if pad and not fraction and not sign and int(whole) < 10:
        # Reports write counts below ten with two digits: "05 căn nhà", "02 đợt".
        grouped = grouped.zfill(2)
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def format_money(value: Number | None) -> str:
    """Whole đồng: 3.658.673.000 đồng."""
    if value is None:
        return ""
    return f"{format_number(value, decimals=0)} {MONEY_UNIT}"


def format_percent(value: Number | None, decimals: int | None = None) -> str:
    """1,15% and 100%, with no space before the sign as the reports write it."""
    if value is None:
        return ""
    return f"{format_number(value, decimals=decimals)}{PERCENT_UNIT}"


def format_quantity(value: Number | None, unit: str, *, pad: bool = False) -> str:
    """A figure with its unit: 7.286 cuộc, 05 căn nhà, 4.350.000 đồng, 1,15%."""
    if value is None:
        return ""
    if unit == MONEY_UNIT:
        return format_money(value)
    if unit == PERCENT_UNIT:
        return format_percent(value)
    number = format_number(value, pad=pad)
    return f"{number} {unit}" if unit else number


# Units officials append to figures; longest first so "đồng" is not read as "đ" + "ồng".
_UNIT_SUFFIXES = ("vnđ", "vnd", "đồng", "đ", "%")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
# Integer part grouped by '.' or by spaces (one separator per number), or plain digits.
_GROUPED = r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+"
_VIETNAMESE = re.compile(rf"(?P<whole>{_GROUPED})(?:,(?P<fraction>\d+))?", re.ASCII)
# A single '.' read as an English decimal point only when it cannot be thousands grouping.
_ENGLISH = re.compile(r"(?P<whole>\d{1,3}(?: \d{3})+|\d+)\.(?P<fraction>\d{1,2}|\d{4,})", re.ASCII)
# Thousands grouped by ',' the English way, as spreadsheets in an English locale print them:
# only where ',' cannot be the decimal mark, i.e. two groups or more ("1,234,567") or a '.'
# fraction after them ("1,234.5"). A lone "1,234" stays the Vietnamese 1,234.
_ENGLISH_GROUPED = re.compile(
    r"(?P<whole>\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:,\d{3})+(?=\.))(?:\.(?P<fraction>\d+))?",
    re.ASCII,
)


def parse_number(text: str) -> Decimal:
    """Read a figure as officials type it: "7.286", "1,15%", "3.500.000đ", "05", "1.5".

    The one reader of typed and extracted numbers (forms, Excel uploads, old reports). Grouping
    must be regular: "10.5,3" or "1234.567" is refused rather than guessed.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}: {text!r}")
    error = NumberFormatError(f"Không đọc được số: «{text}»")
    # NFC so that "đồng" typed with combining accents still matches the unit.
    body = unicodedata.normalize("NFC", text).translate(_MINUS_SIGNS).strip()
    body = _SPACES.sub(" ", body).casefold()
    for suffix in _UNIT_SUFFIXES:
        if body.endswith(suffix):
            body = body.removesuffix(suffix).rstrip()
            break
    sign = ""
    if body[:1] in ("-", "+"):
        sign = "-" if body[0] == "-" else ""
        body = body[1:].lstrip()
    match = (
        _VIETNAMESE.fullmatch(body) or _ENGLISH.fullmatch(body) or _ENGLISH_GROUPED.fullmatch(body)
    )
    if match is None:
        raise error
    separators = "," if match.re is _ENGLISH_GROUPED else ". "
    whole = match["whole"].translate(str.maketrans("", "", separators))
    fraction = match["fraction"]
    try:
        return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation:
        raise error from None


def percent_of(part: Number | None, whole: Number | None, *, places: int = 2) -> Decimal | None:
    """part as a percent of whole, rounded half up to `places` decimals; None if undefined."""
    if part is None or whole is None or whole == 0:
        return None
    # Fractions keep the ratio exact, so 1,005% rounds to 1,01% and never to 1,00%.
    ratio = Fraction(_to_decimal(part)) * 100 / Fraction(_to_decimal(whole))
    return _round_fraction(ratio, places)


def _rounded_percent(part: Number, whole: Number) -> str:
    # Officials write at most one decimal and drop ",0": 12,5% and 96%, never 96,0%.
    return format_percent(percent_of(part, whole, places=1))


def format_change(
    current: Number | None, previous: Number | None, *, reference: str = SAME_PERIOD
) -> str:
    """Compare with an earlier period: "tăng 12,5% so với cùng kỳ", "bằng 96% so với cùng kỳ"."""
    # A ratio to a zero or negative base means nothing in a report, so no comparison is written.
    if current is None or previous is None or _to_decimal(previous) <= 0:
        return ""
    current_value, previous_value = _to_decimal(current), _to_decimal(previous)
    if current_value == previous_value:
        return f"bằng {reference}"
    if current_value > previous_value:
        increase = _rounded_percent(current_value - previous_value, previous_value)
        return f"tăng {increase} so với {reference}"
    # A fall is written as the share of the earlier figure reached, not as "giảm X%".
    return f"bằng {_rounded_percent(current_value, previous_value)} so với {reference}"


def format_plan_ratio(actual: Number | None, target: Number | None) -> str:
    """Progress against a target: "đạt 105% kế hoạch"; empty when there is no target."""
    if actual is None or target is None or target == 0:
        return ""
    return f"đạt {_rounded_percent(actual, target)} kế hoạch"

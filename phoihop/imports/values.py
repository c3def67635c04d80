"""Reading numbers the Vietnamese way: '.' groups thousands, ',' marks decimals, tỷ/triệu scale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NUMBER_RE", "Quantity", "parse_number", "read_quantity"]

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")

SCALES: dict[str, Decimal] = {
    "nghìn": Decimal(10) ** 3,
    "ngàn": Decimal(10) ** 3,
    "triệu": Decimal(10) ** 6,
    "tỷ": Decimal(10) ** 9,
    "tỉ": Decimal(10) ** 9,
}
_SCALE_RE = re.compile(r"\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.IGNORECASE)
_NEXT_PART_RE = re.compile(r"\s+(\d+(?:[.,]\d+)*)\s*(nghìn|ngàn|triệu)(?!\w)", re.IGNORECASE)


def parse_number(token: str) -> Decimal:
    """Read "7.286", "1,15", "3.658.673.000", "05"; also the English "2.5" and "1,234,567"."""
    if not NUMBER_RE.fullmatch(token):
        raise ValueError(f"Không đọc được số: «{token}»")
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        # Whichever separator comes last is the decimal mark: 1.234,5 or 1,234.5.
        mark, group = (",", ".") if token.rfind(",") > token.rfind(".") else (".", ",")
        whole, fraction = token.rsplit(mark, 1)
        return Decimal(whole.replace(group, "") + "." + fraction)
    if dots:
        groups = token.split(".")
        if len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:]):
            return Decimal("".join(groups))
        if dots == 1:  # "2.5": a decimal typed the English way
            return Decimal(token)
        raise ValueError(f"Không đọc được số: «{token}»")
    if commas:
        if commas == 1:
            return Decimal(token.replace(",", "."))
        groups = token.split(",")
        if len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:]):
            return Decimal("".join(groups))  # "1,234,567": thousands typed the English way
        raise ValueError(f"Không đọc được số: «{token}»")
    return Decimal(token)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read from text with its scale words: "2 tỷ 265 triệu" -> 2265000000."""

    value: Decimal
    end: int
    scaled: bool


def read_quantity(text: str, start: int) -> Quantity | None:
    """Read the number at text[start:] and its scale words: "15 nghìn", "2 tỷ 265 triệu"."""
    match = NUMBER_RE.match(text, start)
    if match is None:
        return None
    try:
        value = parse_number(match.group())
    except ValueError:
        return None
    end = match.end()
    scale_match = _SCALE_RE.match(text, end)
    if scale_match is None:
        return Quantity(value, end, False)
    scale = SCALES[scale_match.group(1).lower()]
    value *= scale
    end = scale_match.end()
    # "2 tỷ 265 triệu", "1 triệu 500 nghìn": each further part has a smaller scale.
    while True:
        part = _NEXT_PART_RE.match(text, end)
        if part is None:
            break
        part_scale = SCALES[part.group(2).lower()]
        if part_scale >= scale:
            break
        try:
            value += parse_number(part.group(1)) * part_scale
        except ValueError:
            break
        scale, end = part_scale, part.end()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))  # 2,9 tỷ is 2900000000, not 2900000000.0
    return Quantity(value, end, True)

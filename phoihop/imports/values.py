"""Numbers in running text with their scale words (tỷ, triệu); core.numbers reads each number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from phoihop.core.numbers import NumberFormatError, parse_number

__all__ = ["NUMBER_RE", "Quantity", "read_quantity"]

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
    except NumberFormatError:
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
        except NumberFormatError:
            break
        scale, end = part_scale, part.end()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))  # 2,9 tỷ is 2900000000, not 2900000000.0
    return Quantity(value, end, True)

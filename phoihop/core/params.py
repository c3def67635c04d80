"""Reading ids from query strings and forms, where anything at all may arrive."""

from __future__ import annotations

import re

# The largest id any of the supported databases stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def parse_id(text: str | None) -> int | None:
    """The id a parameter names, or None when it names none (empty, not a number, too big)."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


# A year in an address or a query string: four digits, 2000 to 2099 (nothing in phoihop is
# older; a year beyond the calendar would overflow the dates built from it).
YEAR_PATTERN = "20[0-9]{2}"


def parse_year(text: str | None, default: int) -> int:
    """The year a parameter names, or `default` when it names none (empty, not a valid year)."""
    text = (text or "").strip()
    return int(text) if re.fullmatch(YEAR_PATTERN, text) else default


class YearConverter:
    """The `year` path converter: a year as `parse_year` reads it."""

    regex = YEAR_PATTERN

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)

"""Reading ids from query strings and forms, where anything at all may arrive."""

from __future__ import annotations

# The largest id any of the supported databases stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def parse_id(text: str | None) -> int | None:
    """The id a parameter names, or None when it names none (empty, not a number, too big)."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None

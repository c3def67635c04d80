"""Figures cited in a narrative: `{code}` for the submission's own, `{xa.code}` over communes."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from phoihop.core.numbers import format_number, format_percent

PLACEHOLDER = re.compile(r"\{(?:(?P<scope>xa)\.)?(?P<code>[a-z][a-z0-9_]*)\}")
COMMUNES_SCOPE = "xa"
MISSING = "…"


def cited_codes(text: str) -> list[tuple[str | None, str]]:
    """Every (scope, code) cited in the text, in order."""
    return [(m["scope"], m["code"]) for m in PLACEHOLDER.finditer(text)]


def format_figure(value: Decimal | None, *, value_type: str, pad: bool = False) -> str:
    """A figure as it is written in a narrative: the number only, a percentage with its sign."""
    if value is None:
        return MISSING
    if value_type == "percent":
        return format_percent(value)
    # Stored values carry four decimals; format_number drops the trailing zeros.
    return format_number(value, pad=pad and value_type in ("integer", "money"))


def render_citations(
    text: str,
    *,
    own: Mapping[str, str],
    communes: Mapping[str, str] | None = None,
    on_unknown: Callable[[str], str] | None = None,
) -> str:
    """Replace each placeholder by its formatted figure; unknown ones stay visible as written."""

    def replace(match: re.Match) -> str:
        source = communes if match["scope"] == COMMUNES_SCOPE else own
        if source is not None and match["code"] in source:
            return source[match["code"]]
        return on_unknown(match.group(0)) if on_unknown else match.group(0)

    return PLACEHOLDER.sub(replace, text)

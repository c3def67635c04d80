"""The indicator catalogue as the pivot reads it: loaded once per process, not once per pivot.

About sixty rows that change a few times a year, read by every pivot and dashboard panel. The
copy is dropped when an indicator is saved or deleted in this process (signals.py) and, so
that other worker processes catch up too, after at most MAX_AGE seconds.
"""

from __future__ import annotations

import threading
import time
from functools import lru_cache

from phoihop.core.expressions import ExpressionError, parse_expression
from phoihop.indicators.models import Aggregation, Indicator

MAX_AGE = 60.0  # seconds an unchanged copy is trusted when another process edits the catalogue

_lock = threading.Lock()
_state: dict = {"loaded_at": None, "by_code": {}, "by_pk": {}}


def _load() -> dict:
    indicators = list(Indicator.objects.order_by("pk"))
    return {
        "loaded_at": time.monotonic(),
        "by_code": {i.code: i for i in indicators},
        "by_pk": {i.pk: i for i in indicators},
    }


def _current() -> dict:
    state = _state
    loaded_at = state["loaded_at"]
    if loaded_at is None or time.monotonic() - loaded_at > MAX_AGE:
        with _lock:
            state = _load()
            _state.update(state)
    return state


def by_code() -> dict[str, Indicator]:
    """Every indicator by code. Shared between requests: read it, never change it."""
    return _current()["by_code"]


def first_summed(limit: int) -> list[Indicator]:
    """The first plain summed indicators of the catalogue, in creation order."""
    summed = (
        i
        for i in _current()["by_pk"].values()
        if i.aggregation == Aggregation.SUM and not i.formula
    )
    return [i for _n, i in zip(range(limit), summed, strict=False)]


def forget() -> None:
    """Called when an indicator is saved or deleted: the next pivot reloads the catalogue."""
    _state["loaded_at"] = None


@lru_cache(maxsize=1024)
def parsed_formula(formula: str):
    """A formula's parsed expression, or None if it does not parse. Expressions are immutable."""
    try:
        return parse_expression(formula)
    except ExpressionError:
        return None

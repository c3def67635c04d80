"""Programme progress while the programmes app is not wired in: no data for any unit.

`risk.py` imports `unit_progress` from here; once phoihop.programmes is merged that one import
line reads `from phoihop.programmes.selectors import unit_progress` and this module goes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any


def unit_progress(*, unit: Any, year: int, on_date: dt.date | None = None) -> Decimal | None:
    """The share of the year's targets a unit reached; None: the unit has no programme."""
    return None

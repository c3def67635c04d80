"""Reads of the unit hierarchy: trees for lists, a unit with its neighbours for its page."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from django.db.models import QuerySet

from phoihop.core.periods import CUTOFF_15, Period
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit, UnitQuerySet


@dataclass(frozen=True)
class TreeRow:
    unit: Unit
    depth: int


def _depth(unit: Unit) -> int:
    return unit.path.strip("/").count("/")


def unit_tree(units: UnitQuerySet, *, valid_on: dt.date | None = None) -> list[TreeRow]:
    """Units in tree order, each with its indent below the shallowest one shown."""
    if valid_on is not None:
        units = units.valid_on(valid_on)
    rows = list(units.order_by("path"))
    top = min((_depth(u) for u in rows), default=0)
    return [TreeRow(unit=u, depth=_depth(u) - top) for u in rows]


def unit_detail(
    unit: Unit, *, visible_units: QuerySet[Unit], visible_organisations: QuerySet[Organisation]
) -> dict:
    """A unit's page: its parent, what it became or came from, population, organisations, children.

    Merges cross scopes (a 2020 commune became a 2025 commune of another province), so
    neighbours are listed by name even when the reader may not open them; `visible_ids` says
    which of them get a link.
    """
    successors = list(unit.successors.order_by("path"))
    predecessors = list(unit.predecessors.order_by("path"))
    related_ids = {u.pk for u in successors + predecessors}
    if unit.parent_id:
        related_ids.add(unit.parent_id)
    visible_ids = set(visible_units.filter(pk__in=related_ids).values_list("pk", flat=True))
    return {
        "unit": unit,
        "parent": unit.parent,
        "successors": successors,
        "predecessors": predecessors,
        "visible_ids": visible_ids,
        "populations": list(unit.populations.order_by("year")),
        "organisations": list(
            visible_organisations.filter(unit=unit).select_related("kind").order_by("kind__order")
        ),
        "children": list(visible_units.filter(parent=unit).order_by("path")),
    }


class UnitLookupError(LookupError):
    """A unit named on the command line or in a URL that is unknown or ambiguous."""


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def resolve_unit(text: str, *, period: Period | None = None) -> Unit:
    """A unit by code, by name or by full name ("huyện Bù Đăng"); among namesakes, the one
    valid at the end of the period. Raise UnitLookupError with a Vietnamese message otherwise."""
    wanted = _normalise(text)
    if not wanted:
        raise UnitLookupError("Chưa ghi đơn vị.")
    by_code = Unit.objects.filter(code=text.strip()).first()
    if by_code is not None:
        return by_code
    matches = [
        u for u in Unit.objects.all() if wanted in (_normalise(u.name), _normalise(u.full_name))
    ]
    if period is not None and len(matches) > 1:
        # "Bù Đăng" was a district until 2025 and is a commune since: the period decides.
        day = period.end_date(CUTOFF_15)
        matches = [u for u in matches if u.is_valid_on(day)] or matches
    if not matches:
        raise UnitLookupError(f"Không tìm thấy đơn vị «{text}». Hãy ghi mã hoặc tên đơn vị.")
    if len(matches) > 1:
        listed = "; ".join(f"{u.code} ({u.full_name}, thuộc {u.parent})" for u in matches)
        raise UnitLookupError(
            f"Tên «{text}» chỉ nhiều đơn vị: {listed}. Hãy ghi mã đơn vị thay cho tên."
        )
    return matches[0]

"""Reads of the unit hierarchy: trees for lists, a unit with its neighbours for its page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit


@dataclass(frozen=True)
class TreeRow:
    unit: Unit
    depth: int


def _depth(unit: Unit) -> int:
    return unit.path.strip("/").count("/")


def unit_tree(units: QuerySet[Unit], *, valid_on: dt.date | None = None) -> list[TreeRow]:
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

"""Matching extracted figures against expected ones, for the acceptance tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from phoihop.imports.figures import ExtractionResult, Figure

SAMPLES = Path(__file__).parent / "samples"

# Units the expectations may write differently from the extractor's normal form.
_UNIT_SPELLINGS = {"đ": "đồng", "xuất": "suất", "vnđ": "đồng"}


@dataclass(frozen=True)
class Expected:
    """One figure a report states: its section, value and unit, and optional details."""

    section: str
    value: Decimal
    unit: str
    label: str
    details: dict = field(default_factory=dict, hash=False, compare=False)


def parse_figure(label: str) -> tuple[Decimal, str]:
    """Read "7.286 cuộc", "1,15%", "4.350.000 đồng" independently of the extractor."""
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)*)\s*(.*?)\s*", label)
    assert match, label
    value = Decimal(match.group(1).replace(".", "").replace(",", "."))
    unit = match.group(2).lower()
    return value, _UNIT_SPELLINGS.get(unit, unit)


def units_match(expected: str, found: str | None) -> bool:
    """ "lượt" matches "lượt người", "suất" matches "suất quà": one unit starts the other."""
    if found is None:
        return False
    a, b = expected.lower().split(), found.lower().split()
    return a == b[: len(a)] or b == a[: len(b)]


@dataclass
class Matching:
    """Which expected figures were found, which were missed, and what else was extracted."""

    pairs: list[tuple[Expected, Figure]]
    missing: list[Expected]
    extra: list[Figure]

    @property
    def recall(self) -> float:
        total = len(self.pairs) + len(self.missing)
        return len(self.pairs) / total if total else 1.0

    def precision(self, justified: int = 0) -> float:
        found = len(self.pairs) + len(self.extra)
        return (len(self.pairs) + justified) / found if found else 1.0


def match_figures(result: ExtractionResult, expected: list[Expected]) -> Matching:
    """Pair each expected figure with an unused extracted one of that section, value and unit."""
    unused = list(result.figures)
    pairs: list[tuple[Expected, Figure]] = []
    missing: list[Expected] = []
    for wanted in expected:
        planned = wanted.details.get("planned", False)
        found = next(
            (
                figure
                for figure in unused
                if figure.section == wanted.section
                and figure.value == wanted.value
                and units_match(wanted.unit, figure.unit)
                and figure.planned == planned
            ),
            None,
        )
        if found is None:
            missing.append(wanted)
        else:
            unused.remove(found)
            pairs.append((wanted, found))
    return Matching(pairs, missing, unused)


def expected_from_sample(data: dict) -> list[Expected]:
    """The figures of a sample's .expected.yaml."""
    expected = []
    for item in data["figures"]:
        value, unit = parse_figure(item["figure"])
        details = {key: item[key] for key in item if key not in ("section", "figure")}
        expected.append(Expected(item["section"], value, unit, item["figure"], details))
    return expected


def expected_from_seed(data: dict) -> list[Expected]:
    """The figures of seed-figures.yaml; sub-items of II.3 are named "3.x" there already."""
    expected = []
    for item in data["items"]:
        for label in item["figures"]:
            value, unit = parse_figure(label)
            expected.append(Expected(item["section"], value, unit, f"{item['id']}: {label}"))
    return expected


def describe(figure: Figure) -> str:
    return f"{figure.section} «{figure.text}» {figure.unit} (đoạn {figure.paragraph})"

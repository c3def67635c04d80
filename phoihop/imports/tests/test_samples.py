"""Acceptance on reports written for these tests: other places, years, periods and styles."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from phoihop.imports.extractor import extract_file
from phoihop.imports.figures import ExtractionResult, Figure
from phoihop.imports.tests.helpers import (
    SAMPLES,
    Expected,
    describe,
    expected_from_sample,
    match_figures,
)

SAMPLE_FILES = sorted(path for path in SAMPLES.glob("*.txt") if not path.name.startswith("seed"))


def _load(path: Path) -> tuple[ExtractionResult, dict, list[Expected]]:
    data = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    return extract_file(path), data, expected_from_sample(data)


def test_there_are_at_least_four_samples() -> None:
    assert len(SAMPLE_FILES) >= 4


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.stem)
def test_it_finds_the_figures_of_each_sample(path: Path) -> None:
    result, _, expected = _load(path)
    matching = match_figures(result, expected)
    missing = [wanted.label for wanted in matching.missing]
    extra = [describe(figure) for figure in matching.extra]
    assert matching.recall >= 0.95, f"recall {matching.recall:.1%}, missing {missing}"
    assert matching.precision() >= 0.95, f"precision {matching.precision():.1%}, extra {extra}"


def test_recall_and_precision_over_all_samples() -> None:
    pairs = missing = extra = 0
    for path in SAMPLE_FILES:
        result, _, expected = _load(path)
        matching = match_figures(result, expected)
        pairs, missing = pairs + len(matching.pairs), missing + len(matching.missing)
        extra += len(matching.extra)
    assert pairs / (pairs + missing) >= 0.95
    assert pairs / (pairs + extra) >= 0.95


def _attribute(figure: Figure, key: str) -> object:
    if key == "linked":
        return figure.linked_to is not None
    if key == "part_of":
        return figure.part_of is not None
    if key == "out_of":
        return str(figure.out_of) if figure.out_of is not None else None
    return getattr(figure, key)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.stem)
def test_it_reads_the_details_the_samples_expect(path: Path) -> None:
    result, _, expected = _load(path)
    wrong = []
    for wanted, figure in match_figures(result, expected).pairs:
        for key, value in wanted.details.items():
            if key == "approximate" or key == "planned":
                continue  # planned is part of the match; approximate follows the qualifier
            if _attribute(figure, key) != value:
                wrong.append(f"{wanted.label}: {key}={_attribute(figure, key)!r}, want {value!r}")
            if key == "qualifier":
                assert figure.approximate
    assert wrong == []


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.stem)
def test_it_reads_period_and_unit_of_each_sample(path: Path) -> None:
    result, data, _ = _load(path)
    assert result.period == data["period"]
    unit = data["reporting_unit"]
    assert result.reporting_unit is not None
    assert (
        result.reporting_unit.level,
        result.reporting_unit.name,
        result.reporting_unit.province,
    ) == (unit["level"], unit["name"], unit["province"])


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.stem)
def test_its_checks_agree_with_each_sample(path: Path) -> None:
    result, data, _ = _load(path)
    for wanted in data.get("checks", []):
        found = [
            check
            for check in result.checks
            if check.kind == wanted["kind"] and check.stated == Decimal(wanted["stated"])
        ]
        assert [check.ok for check in found] == [wanted["ok"]], wanted
    # Nothing in these samples is told twice or broken into too many parts.
    assert {check.kind for check in result.problems} <= {"count_times_each"}

"""Acceptance on the real seed report: the figures of seed-figures.yaml are found, little else."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from phoihop.demo.seed import SEED_FIGURES, SEED_REPORT
from phoihop.imports.checks import COUNT_TIMES_EACH, PARTS_WITHIN_WHOLE, SAME_ACTIVITY_TWICE
from phoihop.imports.extractor import ExtractionResult, extract_file
from phoihop.imports.tests.helpers import (
    describe,
    expected_from_seed,
    match_figures,
)

SEED = SEED_REPORT

# Figures the seed states that seed-figures.yaml leaves out, and why they are real activity:
JUSTIFIED_EXTRAS = {
    # "trao 17 phần quà cho 17 đồng chí DQTT các xã": the 17 militiamen who received the gifts
    # are a count of beneficiaries, as "10 gia đình" and "14 gia đình" are in the yaml.
    ("3.7", Decimal(17), "đồng chí"),
}


@pytest.fixture(scope="module")
def seed() -> ExtractionResult:
    return extract_file(SEED)


@pytest.fixture(scope="module")
def matching(seed: ExtractionResult):
    data = yaml.safe_load(SEED_FIGURES.read_text(encoding="utf-8"))
    return match_figures(seed, expected_from_seed(data))


def test_it_finds_95_percent_of_the_seed_figures(matching) -> None:
    missing = [wanted.label for wanted in matching.missing]
    assert matching.recall >= 0.95, f"recall {matching.recall:.1%}, missing: {missing}"


def test_what_it_finds_beyond_the_yaml_is_justified(matching) -> None:
    extras = {(f.section, f.value, f.unit) for f in matching.extra}
    unjustified = [
        describe(f) for f in matching.extra if (f.section, f.value, f.unit) not in JUSTIFIED_EXTRAS
    ]
    precision = matching.precision(justified=len(extras & JUSTIFIED_EXTRAS))
    assert precision >= 0.95, f"precision {precision:.1%}, not activity: {unjustified}"
    # Stricter than 95%: today nothing unjustified is extracted from the seed at all.
    assert unjustified == []


def test_it_reads_period_and_unit_of_the_seed(seed: ExtractionResult) -> None:
    assert seed.period == "2020S1"
    assert seed.reporting_unit is not None
    assert (seed.reporting_unit.level, seed.reporting_unit.name) == ("huyện", "Bù Đăng")
    assert seed.reporting_unit.province == "Bình Phước"


def test_every_span_is_the_figure_text(seed: ExtractionResult) -> None:
    for figure in seed.figures:
        assert seed.paragraphs[figure.paragraph][figure.start : figure.end] == figure.text


def _figure(seed: ExtractionResult, section: str, text: str):
    return next(f for f in seed.figures if f.section == section and f.text == text)


def test_it_links_attendance_to_sessions(seed: ExtractionResult) -> None:
    sessions = _figure(seed, "II.1", "7.286 cuộc")
    attendance = _figure(seed, "II.1", "247.362 lượt người")
    assert attendance.linked_to == sessions.id
    assert attendance.noun_phrase == "lượt người dự nghe"
    typo = _figure(seed, "3.4", "11.154 lực")
    assert (typo.unit, typo.unit_text) == ("lượt", "lực")
    assert typo.linked_to == _figure(seed, "3.4", "214 cuộc").id


def test_it_reads_the_parts_after_trong_do(seed: ExtractionResult) -> None:
    whole = _figure(seed, "3.2", "98 ca")
    assert _figure(seed, "3.2", "28 ca").part_of == whole.id
    assert _figure(seed, "3.2", "90 người").part_of == whole.id
    assert _figure(seed, "3.7", "250 ngày công").part_of == _figure(seed, "3.7", "650 ngày công").id


def test_it_reads_values_each_and_totals(seed: ExtractionResult) -> None:
    gifts = _figure(seed, "3.7", "17 phần quà")
    each = [f for f in seed.figures if f.linked_to == gifts.id]
    assert [(f.role, f.value) for f in each] == [
        ("each", Decimal(300000)),
        ("total", Decimal(5100000)),
    ]
    parcels = _figure(seed, "3.2", "10.848 phần quà")
    total = _figure(seed, "3.2", "3.658.673.000 đồng")
    assert (total.role, total.linked_to) == ("total", parcels.id)
    inferred = _figure(seed, "3.4", "62.640.000")
    assert (inferred.unit, inferred.unit_inferred) == ("đồng", True)


def test_it_knows_the_organisation_of_each_numbered_section(seed: ExtractionResult) -> None:
    expected = {"3.2": "ctd", "3.3": "nd", "3.4": "pn", "3.5": "ldld", "3.6": "dtn", "3.7": "chqs"}
    for section, organisation in expected.items():
        assert {f.organisation for f in seed.in_section(section)} == {organisation}, section


def test_its_checks_find_what_is_wrong_in_the_seed(seed: ExtractionResult) -> None:
    failed = {(c.kind, tuple(seed.figures[i].text for i in c.figures)) for c in seed.problems}
    assert failed == {
        (PARTS_WITHIN_WHOLE, ("98 ca", "28 ca", "90 người")),
        (SAME_ACTIVITY_TWICE, ("650 ngày công", "700 ngày công")),
        (SAME_ACTIVITY_TWICE, ("250 ngày công", "350 ngày công")),
        (SAME_ACTIVITY_TWICE, ("2.500 phần quà", "2.000 phần quà")),
    }
    products = {
        tuple(seed.figures[i].text for i in c.figures)
        for c in seed.checks
        if c.kind == COUNT_TIMES_EACH and c.ok
    }
    assert products == {
        ("17 phần quà", "300.000 đồng", "5.100.000đ"),
        ("14 gia đình", "500.000đ", "7.000.000đ"),
    }

"""Tests of the programmatically built default template and its committed copy."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from phoihop.documents.default_template import TEMPLATE_PATH, build_default_template
from phoihop.documents.tests.helpers import xml_parts

# Parts whose content must not drift from the generator (docProps carry timestamps).
STABLE_PARTS = ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml")


def test_it_is_a_docx_with_placeholders(template: bytes) -> None:
    with zipfile.ZipFile(BytesIO(template)) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "{{ header.number }}" in document
    assert "{%p for organisation in organisations %}" in document
    assert "{%tr for row in appendix.rows %}" in document


def test_it_is_deterministic_apart_from_timestamps() -> None:
    first, second = xml_parts(build_default_template()), xml_parts(build_default_template())
    for name in STABLE_PARTS:
        assert first[name] == second[name], name


def test_it_matches_the_committed_file(template: bytes) -> None:
    # Regenerate with: python -m phoihop.documents.default_template
    committed = xml_parts(TEMPLATE_PATH.read_bytes())
    fresh = xml_parts(template)
    for name in STABLE_PARTS:
        assert committed[name] == fresh[name], f"{name} is stale; regenerate the template"


def test_it_uses_no_theme_fonts(template: bytes) -> None:
    for name, xml in xml_parts(template).items():
        if name.startswith("word/") and "theme/" not in name:
            assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)[Tt]heme=", xml), name


def test_it_drops_python_docx_leftovers(template: bytes) -> None:
    with zipfile.ZipFile(BytesIO(template)) as archive:
        names = archive.namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/stylesWithEffects.xml" not in names

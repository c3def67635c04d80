"""Helpers for inspecting rendered DOCX files in tests."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO
from types import SimpleNamespace

import docx
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.font import Font
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def xml_parts(data: bytes) -> dict[str, str]:
    """Every XML part of a .docx package, by name."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def all_paragraphs(document: docx.document.Document) -> list[Paragraph]:
    """Body paragraphs in document order, including those inside table cells."""
    body = document.element.body
    return [Paragraph(p, document.part) for p in body.iter(qn("w:p"))]


def find_paragraph(document: docx.document.Document, text: str) -> Paragraph:
    for paragraph in all_paragraphs(document):
        if paragraph.text == text:
            return paragraph
    raise AssertionError(f"no paragraph reads {text!r}")


def effective(paragraph: Paragraph, attribute: str):
    """A paragraph-format attribute as Word resolves it: direct, then the style chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attribute)
        style = style.base_style
    return value


def _run_rprs(paragraph: Paragraph, run: Run) -> Iterator:
    """The w:rPr elements Word reads a run's look from, nearest first: the run, the paragraph
    style chain, the document defaults."""
    yield run._r.rPr
    style = paragraph.style
    while style is not None:
        yield style.element.rPr
        style = style.base_style
    defaults = paragraph.part.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        yield defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")


def run_font(paragraph: Paragraph, run: Run, attribute: str):
    """A run's font attribute (size, bold, italic...) as Word resolves it: direct, then the
    paragraph's style chain, then the document defaults."""
    for rpr in _run_rprs(paragraph, run):
        value = None if rpr is None else getattr(Font(SimpleNamespace(rPr=rpr)), attribute)
        if value is not None:
            return value
    return None


def run_typefaces(paragraph: Paragraph, run: Run) -> set[str | None]:
    """The typefaces of a run's four script slots, from its nearest w:rFonts."""
    for rpr in _run_rprs(paragraph, run):
        fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
        if fonts is not None:
            return {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")}
    return {None}


def run_size(paragraph: Paragraph) -> float:
    sizes = {run_font(paragraph, run, "size").pt for run in paragraph.runs if run.text.strip()}
    assert len(sizes) == 1, f"{paragraph.text!r} mixes sizes {sizes}"
    return sizes.pop()


def all_runs(paragraph: Paragraph, attribute: str) -> bool:
    return all(run_font(paragraph, run, attribute) for run in paragraph.runs if run.text.strip())


def mm(length: Length) -> float:
    return round(length.mm, 1)

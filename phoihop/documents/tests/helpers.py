"""Helpers for inspecting rendered DOCX files in tests."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph


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


def run_size(paragraph: Paragraph) -> float:
    sizes = {run.font.size.pt for run in paragraph.runs if run.text.strip()}
    assert len(sizes) == 1, f"{paragraph.text!r} mixes sizes {sizes}"
    return sizes.pop()


def all_runs(paragraph: Paragraph, attribute: str) -> bool:
    return all(getattr(run.font, attribute) for run in paragraph.runs if run.text.strip())


def mm(length: Length) -> float:
    return round(length.mm, 1)

"""A small writer of Decree 30/2020 documents straight from python-docx: the committee's
inspection plan, minutes and short reports, which have no user-edited template.

It reuses the default template's page, styles and measures (default_template.py) and the XML
helpers (docx_xml.py), so these documents look like the review report.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Mm, Pt

from phoihop.documents.default_template import (
    CELL_PADDING,
    HEADER_LEFT,
    HEADER_RIGHT,
    SIGN_LEFT,
    SIGN_RIGHT,
    STYLE_HEADER,
    STYLE_RECIPIENTS,
    STYLE_SIGNATURE,
    STYLE_TABLE,
    STYLE_TITLE,
    TEXT_WIDTH,
    _configure_page,
    _configure_styles,
    _page_number_header,
    _paragraph,
    _rule,
)
from phoihop.documents.docx_xml import fix_table_widths, repeat_header_row, table_borders


class OfficialDocument:
    """Header block, title, body, tables, then Nơi nhận beside the signature."""

    def __init__(self) -> None:
        self.doc = Document()
        _configure_page(self.doc.sections[0])
        _configure_styles(self.doc)
        _page_number_header(self.doc.sections[0])

    def header(self, *, parent_body: str, issuing_body: str, number: str, date_line: str) -> None:
        table = self.doc.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        fix_table_widths(table, [HEADER_LEFT, HEADER_RIGHT])
        table_borders(table, "nil")
        left, right = table.rows[0].cells
        number_cell, date_cell = table.rows[1].cells
        if parent_body:
            _paragraph(left, parent_body.upper(), style=STYLE_HEADER, size=13)
        _paragraph(left, issuing_body.upper(), style=STYLE_HEADER, size=13, bold=True)
        _rule(left, Mm(25), Length(HEADER_LEFT - 2 * CELL_PADDING), gap=2)
        _paragraph(
            right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style=STYLE_HEADER, size=12, bold=True
        )
        _paragraph(right, "Độc lập - Tự do - Hạnh phúc", style=STYLE_HEADER, size=13, bold=True)
        _rule(right, Mm(56), Length(HEADER_RIGHT - 2 * CELL_PADDING), gap=2)
        center = WD_ALIGN_PARAGRAPH.CENTER
        _paragraph(number_cell, f"Số: {number}", style=STYLE_HEADER, size=13, align=center)
        _paragraph(date_cell, date_line, style=STYLE_HEADER, size=14, italic=True, align=center)

    def title(self, kind: str, subject: str) -> None:
        title = _paragraph(self.doc, kind, style=STYLE_TITLE, size=14, bold=True)
        title.paragraph_format.space_before = Pt(18)
        _paragraph(self.doc, subject, style=STYLE_TITLE, size=14, bold=True)
        _rule(self.doc, Mm(35), TEXT_WIDTH, gap=4)

    def heading(self, text: str, level: int = 2) -> None:
        _paragraph(self.doc, text, style=f"Heading {level}", size=14, bold=True)

    def body(self, text: str) -> None:
        _paragraph(self.doc, text, size=14)

    def table(self, head: list[str], rows: list[list[str]], widths: list[int]) -> None:
        """A bordered table; `widths` in millimetres, adding up to at most the text width."""
        table = self.doc.add_table(rows=1 + len(rows), cols=len(head))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        fix_table_widths(table, [Length(Mm(w)) for w in widths])
        table_borders(table, "single")
        repeat_header_row(table)
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            _paragraph(cell, text, style=STYLE_TABLE, size=12, bold=True)
        for row, values in zip(table.rows[1:], rows, strict=True):
            for cell, text in zip(row.cells, values, strict=True):
                _paragraph(cell, text, style=STYLE_TABLE, size=12)

    def closing(self, *, recipients: list[str], on_behalf: str, title: str, signer: str) -> None:
        spacer = _paragraph(self.doc, size=1)
        spacer.paragraph_format.space_after = Pt(6)
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        fix_table_widths(table, [SIGN_LEFT, SIGN_RIGHT])
        table_borders(table, "nil")
        left, right = table.rows[0].cells
        _paragraph(left, "Nơi nhận:", style=STYLE_RECIPIENTS, size=12, bold=True, italic=True)
        for index, recipient in enumerate(recipients):
            end = "." if index == len(recipients) - 1 else ";"
            _paragraph(left, f"- {recipient}{end}", style=STYLE_RECIPIENTS, size=11)
        if on_behalf:
            _paragraph(right, on_behalf.upper(), style=STYLE_SIGNATURE, size=14, bold=True)
        _paragraph(right, title.upper(), style=STYLE_SIGNATURE, size=14, bold=True)
        for _ in range(4):
            _paragraph(right, style=STYLE_SIGNATURE, size=14)
        _paragraph(right, signer, style=STYLE_SIGNATURE, size=14, bold=True)

    def content(self) -> bytes:
        out = BytesIO()
        self.doc.save(out)
        return out.getvalue()

"""The appendices: a landscape section whose tables keep every figure on one line."""

from __future__ import annotations

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from phoihop.documents.rendering import (
    FITTED_TABLE_CAPTION,
    _cell_size,
    _cell_text,
    _column_widths,
    _text_twips,
)
from phoihop.documents.tests.helpers import mm


def _appendix_tables(document: docx.document.Document) -> list:
    return [
        table
        for table in document.tables
        if table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is not None
    ]


def test_it_puts_the_appendices_in_a_landscape_section(report: docx.document.Document) -> None:
    portrait, landscape = report.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT
    assert (mm(portrait.page_width), mm(portrait.page_height)) == (210, 297)
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(landscape.page_width), mm(landscape.page_height)) == (297, 210)
    # The bound edge (portrait left, 30 mm) is the landscape top.
    assert (mm(landscape.top_margin), mm(landscape.bottom_margin)) == (30, 15)
    assert (mm(landscape.left_margin), mm(landscape.right_margin)) == (20, 20)
    # Every appendix table comes after the portrait section's break, i.e. in the landscape one.
    body = list(report.element.body)
    breaks = [
        i for i, e in enumerate(body) if e.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    ]
    tables = [body.index(t._tbl) for t in _appendix_tables(report)]
    assert len(breaks) == 1 and tables and min(tables) > breaks[0]


def test_its_page_numbers_run_on_in_the_landscape_section(report: docx.document.Document) -> None:
    landscape = report.sections[1]
    assert landscape.header.is_linked_to_previous
    assert not landscape.different_first_page_header_footer


def test_its_tables_keep_figures_on_one_line(report: docx.document.Document) -> None:
    landscape = report.sections[1]
    available = landscape.page_width - landscape.left_margin - landscape.right_margin
    for table in _appendix_tables(report):
        caption = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        assert caption.get(qn("w:val")) == FITTED_TABLE_CAPTION
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(widths) <= available / 635 + 1
        for row in table.rows[1:]:
            for cell, width in zip(row._tr.findall(qn("w:tc"))[1:], widths[1:], strict=True):
                text = _cell_text(cell)
                assert _text_twips(text, _cell_size(cell)) + 216 <= width, text
                assert int(cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) == width


def test_a_long_money_figure_gets_its_room() -> None:
    rows = [
        [("Chỉ tiêu", 12), *[("Hội CTĐ", 12)] * 7],
        [("Trị giá quà chăm lo Tết cho người nghèo (đồng)", 12), *[("3.658.673.000", 12)] * 7],
    ]
    widths = _column_widths(rows, available=14570)  # 257 mm
    assert sum(widths) == 14570
    assert all(w >= _text_twips("3.658.673.000", 12) + 216 for w in widths[1:])

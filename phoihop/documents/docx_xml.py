"""Word XML the python-docx API does not reach: explicit fonts, borders, fixed table widths.

Helpers of the default template's builder (documents.default_template); each sets exactly one
thing in the document's XML, in the order the schema wants.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def child(parent, tag: str):
    """Return the first child `tag` of `parent`, creating it at the end if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def set_fonts(rpr) -> None:
    """Pin every script slot of a w:rPr to Times New Roman; theme fonts render wrongly."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # rFonts must come first in w:rPr
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in _FONT_ATTRIBUTES:
        fonts.set(qn(attribute), FONT)


def strip_theme_fonts(root) -> None:
    """Replace every theme font reference under `root` by explicit Times New Roman."""
    for fonts in root.iter(qn("w:rFonts")):
        if any(fonts.get(qn(attribute)) is not None for attribute in _THEME_ATTRIBUTES):
            for attribute in _THEME_ATTRIBUTES:
                fonts.attrib.pop(qn(attribute), None)
            for attribute in _FONT_ATTRIBUTES:
                fonts.set(qn(attribute), FONT)


def format_run(
    run, *, size: float, bold: bool = False, italic: bool = False, caps: bool = False
) -> None:
    """Set font, size and emphasis directly on a run, so the look survives style edits."""
    set_fonts(run._r.get_or_add_rPr())
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    if caps:
        run.font.all_caps = True


def mark_size(paragraph: Paragraph, size: float) -> None:
    """Size the paragraph mark: it alone decides the height of an empty (rule) paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = child(ppr, "w:rPr")
    set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        child(rpr, tag).set(qn("w:val"), str(int(size * 2)))


def bottom_border(paragraph: Paragraph, *, size_eighths: int = 6) -> None:
    """Draw a single line under the paragraph (the rules of the Decree 30 header)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    # w:pBdr must precede w:spacing/w:ind/w:jc in w:pPr; inserting after pStyle keeps order.
    style = ppr.find(qn("w:pStyle"))
    anchors = [qn(t) for t in ("w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl")]
    position = 0 if style is None else list(ppr).index(style) + 1
    for index, element in enumerate(list(ppr)):
        if element.tag in anchors:
            position = max(position, index + 1)
    ppr.insert(position, borders)


def table_borders(table: Table, value: str) -> None:
    """Set all table borders explicitly ('nil' for layout tables, 'single' for data)."""
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    # Schema order inside tblPr: tblStyle, ..., tblW, jc, ..., tblBorders, ..., tblLayout.
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is not None:
        layout.addprevious(borders)
    else:
        tbl_pr.append(borders)


def fix_table_widths(table: Table, widths: list[Length], *, fixed: bool = True) -> None:
    """Give the grid, the cells and the table explicit widths; autofit would reflow them."""
    table.autofit = not fixed
    tbl_pr = table._tbl.tblPr
    tbl_w = child(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:w"), str(int(sum(widths) / 635)))  # EMU → twips
    tbl_w.set(qn("w:type"), "dxa")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def keep_row_together(table: Table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        child(tr_pr, "w:cantSplit")


def repeat_header_row(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    child(tr_pr, "w:tblHeader")


# Attributes and elements through which one part of a package names a style.
_STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")
_STYLE_LINKS = ("w:basedOn", "w:link", "w:next")


def drop_unused_styles(document) -> None:
    """Keep only the styles the document names (with those they are based on, linked to or
    followed by, and the defaults), and no latent-style list: python-docx's blank document
    brings 171 styles and 137 latent exceptions, which LibreOffice reads at every conversion."""
    styles = document.styles.element
    used: set[str] = set()
    for part in document.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is None or root is styles:
            continue
        for tag in _STYLE_REFERENCES:
            used.update(node.get(qn("w:val")) for node in root.iter(qn(tag)))
    by_id = {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}
    used.update(key for key, style in by_id.items() if style.get(qn("w:default")) in ("1", "true"))
    pending = [key for key in used if key in by_id]
    while pending:
        style = by_id[pending.pop()]
        for tag in _STYLE_LINKS:
            link = style.find(qn(tag))
            name = "" if link is None else str(link.get(qn("w:val")))
            if name in by_id and name not in used:
                used.add(name)
                pending.append(name)
    for key, style in by_id.items():
        if key not in used:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)

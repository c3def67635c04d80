"""Builds the default review-report Word template (Decree 30/2020 format) with python-docx."""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

import yaml
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from phoihop.documents.docx_xml import (
    bottom_border,
    child,
    drop_unused_styles,
    fix_table_widths,
    format_run,
    keep_row_together,
    mark_size,
    repeat_header_row,
    set_fonts,
    strip_theme_fonts,
    table_borders,
)
from phoihop.documents.rendering import FITTED_TABLE_CAPTION

TEMPLATE_PATH = Path(__file__).resolve().parent / "templates_docx" / "bao_cao_so_ket.docx"
# The body's headings and loops, top to bottom: text, so it is kept as data.
OUTLINE_PATH = Path(__file__).resolve().parent / "default_template.yaml"

# Decree 30/2020 page: A4 with top/bottom 20 mm, left 30 mm, right 15 mm.
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(20)
MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
TEXT_WIDTH = Mm(165)
# Appendices sit in a landscape section: the portrait page turned a quarter to the left, so the
# bound edge (left, 30 mm) is the top and the 15 mm right margin the bottom; page numbers then
# sit at the bound edge, as they do on the portrait pages of bound reports.
LANDSCAPE_TOP = MARGIN_LEFT
LANDSCAPE_BOTTOM = MARGIN_RIGHT
LANDSCAPE_LEFT = MARGIN_TOP
LANDSCAPE_RIGHT = MARGIN_BOTTOM
LANDSCAPE_TEXT_WIDTH = Mm(297 - 20 - 20)
FIRST_LINE_INDENT = Mm(12.7)

# Header table, measured on the rendered PDF (Liberation Serif has Times New Roman's metrics):
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 12 pt bold is 88 mm and must stay on one line;
# "QUẦN CHÚNG LIÊN NGÀNH" at 13 pt bold is 62.3 mm, so a long body name breaks in two lines.
HEADER_LEFT = Mm(69)
HEADER_RIGHT = Mm(96)
CELL_PADDING = Mm(1.9)  # Word's default left/right cell margin (108 twips)
SIGN_LEFT = Mm(75)
SIGN_RIGHT = Mm(90)

STYLE_HEADER = "Report Header"
STYLE_TITLE = "Report Title"
STYLE_TABLE = "Report Table Text"
STYLE_RECIPIENTS = "Report Recipients"
STYLE_SIGNATURE = "Report Signature"
STYLE_RULE = "Report Rule"
STYLE_TAG = "Report Template Tag"


# --- paragraph helpers --------------------------------------------------------------------


def _paragraph(
    container,
    text: str = "",
    *,
    style: str | None = None,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    direct: bool = True,
) -> Paragraph:
    """Add a paragraph with one explicitly formatted run (reusing a fresh cell's paragraph).

    `direct=False` leaves font and size to the paragraph style and sets only the emphasis it
    lacks: for the appendix cells, repeated a thousand times in a report, where formatting
    repeated in every run doubled the document and slowed its conversion to PDF."""
    paragraph = None
    if isinstance(container, _Cell):
        first = container.paragraphs[0]
        if len(container.paragraphs) == 1 and not first.runs and first.style.name == "Normal":
            paragraph = first
    if paragraph is None:
        paragraph = container.add_paragraph()
    if style is not None:
        paragraph.style = style
    if align is not None:
        paragraph.alignment = align
    if text:
        run = paragraph.add_run(text)
        if direct:
            format_run(run, size=size, bold=bold, italic=italic, caps=caps)
        else:
            for attribute, wanted in (("bold", bold), ("italic", italic), ("all_caps", caps)):
                if wanted:
                    setattr(run.font, attribute, True)
    if direct:
        mark_size(paragraph, size)
    return paragraph


def _tag(container, tag: str, *, style: str = STYLE_TAG) -> Paragraph:
    """A docxtpl control paragraph (`{%p ... %}`): docxtpl removes it when rendering."""
    return _paragraph(container, tag, style=style, size=11)


def _body(container, text: str) -> Paragraph:
    """A body paragraph: justified, first-line indent, 14 pt (all from the Normal style)."""
    return _paragraph(container, text, size=14)


def _heading(container, text: str, level: int, *, italic: bool = False) -> Paragraph:
    return _paragraph(container, text, style=f"Heading {level}", size=14, bold=True, italic=italic)


def _body_loop(container, items: str, variable: str = "text") -> None:
    """One real paragraph per list item, none at all for an empty list."""
    _tag(container, f"{{%p for {variable} in {items} %}}")
    _body(container, f"{{{{ {variable} }}}}")
    _tag(container, "{%p endfor %}")


def _rule(container, width: Length, available: Length, *, gap: float = 0) -> Paragraph:
    """A short centred horizontal rule: an empty paragraph with a bottom border, indented so
    the border is `width` long; `gap` (pt) keeps it clear of the descenders above."""
    paragraph = _paragraph(container, style=STYLE_RULE, size=1)
    if gap:
        paragraph.paragraph_format.space_before = Pt(gap)
    side = Length(max(int((available - width) / 2), 0))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    bottom_border(paragraph)
    return paragraph


# --- document parts -----------------------------------------------------------------------


def _configure_page(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.gutter = Mm(0)


def _paragraph_style(
    doc: DocumentObject,
    name: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    before: float = 0,
    after: float = 0,
    line_spacing: float = 1.0,
):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    set_fonts(style.element.get_or_add_rPr())
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Mm(0)
    fmt.left_indent = Mm(0)
    fmt.right_indent = Mm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line_spacing
    return style


def _configure_styles(doc: DocumentObject) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        child(rpr, tag).set(qn("w:val"), "28")
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")

    # Normal is the body text: what the office types in Word must come out right too.
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(14)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    fmt.widow_control = True

    for level in (1, 2, 3, 4):
        heading = styles[f"Heading {level}"]
        old = heading.element.rPr
        if old is not None:
            heading.element.remove(old)  # drops the theme colour, font and size
        set_fonts(heading.element.get_or_add_rPr())
        heading.font.size = Pt(14)
        heading.font.bold = True
        heading.font.italic = level == 4
        hfmt = heading.paragraph_format
        hfmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if level == 1 else WD_ALIGN_PARAGRAPH.JUSTIFY
        hfmt.first_line_indent = Mm(0) if level == 1 else FIRST_LINE_INDENT
        hfmt.space_before = Pt(6)
        hfmt.space_after = Pt(6)
        hfmt.line_spacing = 1.15
        hfmt.keep_with_next = True
        # Word keeps a linked character style per heading; give it the same look, no theme colour.
        linked = styles.element.get_by_id(f"Heading{level}Char")
        if linked is not None:
            if linked.rPr is not None:
                linked.remove(linked.rPr)
            rpr = linked.get_or_add_rPr()
            set_fonts(rpr)
            child(rpr, "w:b")
            if level == 4:
                child(rpr, "w:i")
            for tag in ("w:sz", "w:szCs"):
                child(rpr, tag).set(qn("w:val"), "28")

    _paragraph_style(doc, STYLE_HEADER, size=13)
    _paragraph_style(doc, STYLE_TITLE, size=14, bold=True)
    _paragraph_style(doc, STYLE_TABLE, size=12, align=WD_ALIGN_PARAGRAPH.LEFT, before=2, after=2)
    _paragraph_style(doc, STYLE_RECIPIENTS, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph_style(doc, STYLE_SIGNATURE, size=14, bold=True)
    rule = _paragraph_style(doc, STYLE_RULE, size=1)
    rule.paragraph_format.line_spacing = Pt(1)
    rule.paragraph_format.keep_with_next = True
    _paragraph_style(doc, STYLE_TAG, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)


def _page_number_header(section: Section) -> None:
    """Page numbers centred at the top from page 2: a first-page header left empty."""
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    mark_size(first.paragraphs[0], 13)

    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = STYLE_HEADER
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark_size(paragraph, 13)

    def field_run(kind: str | None = None, instruction: str | None = None, text: str = ""):
        run = paragraph.add_run(text)
        format_run(run, size=13)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        if instruction is not None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = instruction
            run._r.append(instr)

    field_run("begin")
    field_run(instruction=" PAGE ")
    field_run("separate")
    field_run(text="2")
    field_run("end")


def _header_table(doc: DocumentObject) -> None:
    """The Decree 30 heading: issuing body and number left, national motto and date right.

    Capitals come from `| upper`, not from the all-caps run property: Word would display
    `{{ HEADER.ISSUING_BODY }}` and an editor retyping that would break the field."""
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_table_widths(table, [HEADER_LEFT, HEADER_RIGHT])
    table_borders(table, "nil")
    left, right = table.rows[0].cells
    number_cell, date_cell = table.rows[1].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    left_text = Length(HEADER_LEFT - 2 * CELL_PADDING)
    right_text = Length(HEADER_RIGHT - 2 * CELL_PADDING)

    _tag(left, "{%p if header.parent_body %}", style=STYLE_HEADER)
    _paragraph(left, "{{ header.parent_body | upper }}", style=STYLE_HEADER, size=13)
    _tag(left, "{%p endif %}", style=STYLE_HEADER)
    _paragraph(left, "{{ header.issuing_body | upper }}", style=STYLE_HEADER, size=13, bold=True)
    _rule(left, Mm(25), left_text, gap=2)

    _paragraph(
        right,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        style=STYLE_HEADER,
        size=12,
        bold=True,
        caps=True,
    )
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", style=STYLE_HEADER, size=13, bold=True)
    # The motto's rule spans the motto itself (56 mm at 13 pt bold Times New Roman).
    _rule(right, Mm(56), right_text, gap=2)

    number = _paragraph(
        number_cell, "Số: {{ header.number }}", style=STYLE_HEADER, size=13, align=center
    )
    number.paragraph_format.space_before = Pt(6)
    date = _paragraph(
        date_cell, "{{ header.date_line }}", style=STYLE_HEADER, size=14, italic=True, align=center
    )
    date.paragraph_format.space_before = Pt(6)


def _title(doc: DocumentObject) -> None:
    title = _paragraph(doc, "BÁO CÁO", style=STYLE_TITLE, size=14, bold=True)
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.keep_with_next = True
    subject = _paragraph(doc, "{{ subject }}", style=STYLE_TITLE, size=14, bold=True)
    subject.paragraph_format.keep_with_next = True
    _rule(doc, Mm(35), TEXT_WIDTH, gap=4)
    spacer = _paragraph(doc, style=STYLE_RULE, size=1)
    spacer.paragraph_format.space_after = Pt(12)


def _part_heading(doc: DocumentObject, title: str, subject: str) -> None:
    part = _heading(doc, title, 1)
    part.runs[0].add_break(WD_BREAK.LINE)
    format_run(part.add_run(subject), size=14, bold=True)


def _body_sections(doc: DocumentObject) -> None:
    """The report's parts and sections, as default_template.yaml lists them."""
    outline = yaml.safe_load(OUTLINE_PATH.read_text(encoding="utf-8"))
    for item in outline["body"]:
        if "body" in item:
            _body(doc, item["body"])
        elif "loop" in item:
            _body_loop(doc, item["loop"])
        elif "heading" in item:
            _heading(doc, item["heading"], item["level"], italic=item.get("italic", False))
        elif "part" in item:
            _part_heading(doc, *item["part"])
        elif "tag" in item:
            _tag(doc, item["tag"])
        else:
            raise ValueError(f"default_template.yaml: unknown item {item!r}")


def _signature_table(doc: DocumentObject) -> None:
    """Nơi nhận on the left, the signature block on the right, kept on one page."""
    spacer = _paragraph(doc, style=STYLE_RULE, size=1)
    spacer.paragraph_format.space_after = Pt(6)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_table_widths(table, [SIGN_LEFT, SIGN_RIGHT])
    table_borders(table, "nil")
    keep_row_together(table)
    recipients, signature = table.rows[0].cells

    _paragraph(recipients, "Nơi nhận:", style=STYLE_RECIPIENTS, size=12, bold=True, italic=True)
    _tag(recipients, "{%p for recipient in recipients %}", style=STYLE_RECIPIENTS)
    _paragraph(
        recipients,
        "- {{ recipient }}{% if loop.last %}.{% else %};{% endif %}",
        style=STYLE_RECIPIENTS,
        size=11,
    )
    _tag(recipients, "{%p endfor %}", style=STYLE_RECIPIENTS)

    _tag(signature, "{%p if signature.on_behalf %}", style=STYLE_SIGNATURE)
    _paragraph(
        signature, "{{ signature.on_behalf | upper }}", style=STYLE_SIGNATURE, size=14, bold=True
    )
    _tag(signature, "{%p endif %}", style=STYLE_SIGNATURE)
    _paragraph(
        signature, "{{ signature.title | upper }}", style=STYLE_SIGNATURE, size=14, bold=True
    )
    _tag(signature, "{%p if signature.signed_note %}", style=STYLE_SIGNATURE)
    _paragraph(
        signature, "{{ signature.signed_note }}", style=STYLE_SIGNATURE, size=14, italic=True
    )
    _tag(signature, "{%p endif %}", style=STYLE_SIGNATURE)
    for _ in range(4):  # room for the handwritten signature and the seal
        _paragraph(signature, style=STYLE_SIGNATURE, size=14)
    _paragraph(signature, "{{ signature.name }}", style=STYLE_SIGNATURE, size=14, bold=True)


def _landscape_section(doc: DocumentObject) -> None:
    """Start a landscape section for the appendices; its header stays linked to the portrait
    one, so the page numbers run on, and it has no empty first-page header of its own."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    # The paragraph that now carries the portrait section's properties: keep it tiny so it
    # never pushes a blank page after the signature block.
    breaker = Paragraph(doc.element.body.findall(qn("w:p"))[-1], doc._body)
    breaker.style = STYLE_RULE
    mark_size(breaker, 1)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = PAGE_HEIGHT
    section.page_height = PAGE_WIDTH
    section.top_margin = LANDSCAPE_TOP
    section.bottom_margin = LANDSCAPE_BOTTOM
    section.left_margin = LANDSCAPE_LEFT
    section.right_margin = LANDSCAPE_RIGHT
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = False
    section.header.is_linked_to_previous = True


def _appendices(doc: DocumentObject) -> None:
    """One bordered table per appendix; first column = row label, the others = figures.
    Column widths are worked out at rendering, from the real texts (FITTED_TABLE_CAPTION)."""
    _landscape_section(doc)
    _tag(doc, "{%p for appendix in appendices %}")
    # A page break before every appendix but the first, which the section break already opens.
    label = _paragraph(doc, style=STYLE_TITLE, size=14)
    label.paragraph_format.keep_with_next = True
    opening = label.add_run("{%r if loop.index > 1 %}")
    format_run(opening, size=14)
    label.add_run().add_break(WD_BREAK.PAGE)
    format_run(label.add_run("{%r endif %}"), size=14)
    format_run(label.add_run("PHỤ LỤC {{ loop.index }}"), size=14, bold=True)
    _paragraph(
        doc, "{{ appendix.title | upper }}", style=STYLE_TITLE, size=14, bold=True
    ).paragraph_format.keep_with_next = True
    note = _paragraph(
        doc, "(Kèm theo Báo cáo số {{ header.number }})", style=STYLE_TITLE, size=14, italic=True
    )
    note.paragraph_format.space_after = Pt(12)
    note.paragraph_format.keep_with_next = True

    # Four template columns: label, {%tc for%}, the repeated figure cell, {%tc endfor%};
    # docxtpl removes the two tag cells and rescales the grid to the real column count.
    table = doc.add_table(rows=7, cols=4)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    label_width = Mm(90)
    figure_width = Length(int((LANDSCAPE_TEXT_WIDTH - label_width) / 3))
    fix_table_widths(table, [label_width, figure_width, figure_width, figure_width])
    table_borders(table, "single")
    caption = OxmlElement("w:tblCaption")  # last in w:tblPr, after w:tblLook
    caption.set(qn("w:val"), FITTED_TABLE_CAPTION)
    table._tbl.tblPr.append(caption)
    repeat_header_row(table)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    center = WD_ALIGN_PARAGRAPH.CENTER

    def cell(container: _Cell, text: str, *, bold: bool = False, align=None) -> None:
        # STYLE_TABLE carries the cells' font, size and left alignment.
        _paragraph(
            container, text, style=STYLE_TABLE, size=12, bold=bold, align=align, direct=False
        )

    def cells(row: int, first: str, items: str, item: str, *, bold: bool, align) -> None:
        row_cells = table.rows[row].cells
        cell(row_cells[0], first, bold=bold, align=center if row == 0 else None)
        cell(row_cells[1], f"{{%tc for {item} in {items} %}}")
        cell(row_cells[2], f"{{{{ {item} }}}}", bold=bold, align=align)
        cell(row_cells[3], "{%tc endfor %}")

    def tag_row(row: int, tag: str) -> None:
        cell(table.rows[row].cells[0], tag)

    cells(0, "{{ appendix.columns[0] }}", "appendix.columns[1:]", "column", bold=True, align=center)
    tag_row(1, "{%tr for row in appendix.rows %}")
    cells(2, "{{ row[0] }}", "row[1:]", "value", bold=False, align=right)
    tag_row(3, "{%tr endfor %}")
    tag_row(4, "{%tr if appendix.total %}")
    cells(5, "{{ appendix.total[0] }}", "appendix.total[1:]", "value", bold=True, align=right)
    tag_row(6, "{%tr endif %}")
    _tag(doc, "{%p endfor %}")
    # Word wants a paragraph, not a table, right before the final section properties.
    _paragraph(doc, style=STYLE_RULE, size=1)


def _drop_python_docx_leftovers(doc: DocumentObject) -> None:
    """Remove parts python-docx's own template ships: its thumbnail and the legacy
    stylesWithEffects (full of theme fonts); Word regenerates both."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                del rels[rel_id]
    props = doc.core_properties
    props.author = "phoihop"
    props.last_modified_by = "phoihop"
    props.title = "Báo cáo sơ kết, tổng kết chương trình phối hợp hoạt động"
    props.subject = ""
    props.comments = "Mẫu mặc định theo Nghị định 30/2020/NĐ-CP"
    props.keywords = ""
    props.language = "vi-VN"


def build_default_template() -> bytes:
    """Return the default review-report template as .docx bytes."""
    doc = Document()
    _configure_page(doc.sections[0])
    _configure_styles(doc)
    # python-docx's blank document starts with no paragraphs but a sectPr; keep it last.
    _page_number_header(doc.sections[0])
    _header_table(doc)
    _title(doc)
    _body_sections(doc)
    _signature_table(doc)
    _appendices(doc)
    _drop_python_docx_leftovers(doc)
    drop_unused_styles(doc)

    strip_theme_fonts(doc.styles.element)
    strip_theme_fonts(doc.element)
    for section in doc.sections:
        for part in (section.header, section.first_page_header):
            strip_theme_fonts(part._element)

    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_default_template(path: Path = TEMPLATE_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_default_template())
    return path


if __name__ == "__main__":
    written = write_default_template(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_PATH)
    print(f"Đã ghi mẫu mặc định: {written}")

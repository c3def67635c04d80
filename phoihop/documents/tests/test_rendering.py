"""Tests of the rendered sample report: Decree 30/2020 layout, fonts and content."""

from __future__ import annotations

import copy
import re
from io import BytesIO
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from phoihop.documents.rendering import TemplateError, render_docx
from phoihop.documents.tests.helpers import (
    all_paragraphs,
    all_runs,
    effective,
    find_paragraph,
    mm,
    run_size,
    run_typefaces,
    xml_parts,
)

FONT = "Times New Roman"


def _render(template: bytes, context: dict[str, Any]) -> docx.document.Document:
    return docx.Document(BytesIO(render_docx(template, context)))


def _texts(document: docx.document.Document) -> list[str]:
    return [paragraph.text for paragraph in all_paragraphs(document)]


def test_it_is_a4_with_decree_30_margins(report) -> None:
    # The appendices' landscape section is checked in test_landscape.py.
    for section in report.sections[:1]:
        assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
        assert mm(section.top_margin) == 20.0
        assert mm(section.bottom_margin) == 20.0
        assert mm(section.left_margin) == 30.0
        assert mm(section.right_margin) == 15.0


def test_it_sets_times_new_roman_everywhere_without_theme_fonts(rendered: bytes, report) -> None:
    parts = xml_parts(rendered)
    for name in ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml"):
        assert "w:asciiTheme" not in parts[name], name
        assert not re.search(r"w:(hAnsi|eastAsia)Theme=|w:cstheme=", parts[name]), name
    normal = report.styles["Normal"].element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert normal.get(qn(attribute)) == FONT
    for paragraph in all_paragraphs(report):
        for run in paragraph.runs:
            if run.text.strip():
                assert run_typefaces(paragraph, run) == {FONT}, run.text


def test_it_leaves_no_template_tags_anywhere(rendered: bytes) -> None:
    for name, xml in xml_parts(rendered).items():
        assert "{{" not in xml and "{%" not in xml and "%}" not in xml, name


def test_it_lays_out_the_header_as_two_borderless_columns(report) -> None:
    header = report.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "UBND HUYỆN BÙ ĐĂNG",
        "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH",
    ]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    number, date = header.rows[1].cells
    assert number.text == "Số: 12/BC-BCĐ"
    assert date.text == "Bù Đăng, ngày 15 tháng 6 năm 2020"


def test_it_formats_the_header_elements(report) -> None:
    parent = find_paragraph(report, "UBND HUYỆN BÙ ĐĂNG")
    assert run_size(parent) == 13 and not all_runs(parent, "bold")
    body = find_paragraph(report, "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH")
    assert run_size(body) == 13 and all_runs(body, "bold") and body.text.isupper()
    nation = find_paragraph(report, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert run_size(nation) == 12 and all_runs(nation, "bold") and nation.text.isupper()
    motto = find_paragraph(report, "Độc lập - Tự do - Hạnh phúc")
    assert run_size(motto) == 13 and all_runs(motto, "bold")
    assert run_size(find_paragraph(report, "Số: 12/BC-BCĐ")) == 13
    date = find_paragraph(report, "Bù Đăng, ngày 15 tháng 6 năm 2020")
    assert run_size(date) == 14 and all_runs(date, "italic")
    assert effective(date, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def _has_bottom_rule(paragraph) -> bool:
    ppr = paragraph._p.pPr
    borders = None if ppr is None else ppr.find(qn("w:pBdr"))
    bottom = None if borders is None else borders.find(qn("w:bottom"))
    return bottom is not None and bottom.get(qn("w:val")) == "single"


def _next_paragraph(paragraph):
    following = paragraph._p.getnext()
    return type(paragraph)(following, paragraph._parent)


def test_it_draws_the_short_rules(report) -> None:
    body = find_paragraph(report, "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH")
    motto = find_paragraph(report, "Độc lập - Tự do - Hạnh phúc")
    subject = find_paragraph(report, report.paragraphs[1].text)
    for paragraph in (body, motto, subject):
        rule = _next_paragraph(paragraph)
        assert rule.text == "" and _has_bottom_rule(rule), paragraph.text
        # Short and centred: equal indents on both sides.
        assert rule.paragraph_format.left_indent == rule.paragraph_format.right_indent
        assert rule.paragraph_format.left_indent > 0


def test_it_titles_the_report(report, sample) -> None:
    title, subject = report.paragraphs[0], report.paragraphs[1]
    assert title.text == "BÁO CÁO" and subject.text == sample["subject"]
    for paragraph in (title, subject):
        assert run_size(paragraph) == 14 and all_runs(paragraph, "bold")
        assert effective(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_it_justifies_and_indents_the_body(report, sample) -> None:
    for text in [sample["opening"], *sample["leadership"], *sample["plan"], sample["closing"]]:
        paragraph = find_paragraph(report, text)
        assert effective(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert round(effective(paragraph, "first_line_indent").cm, 2) == 1.27
        assert effective(paragraph, "space_after").pt == 6
        assert 1.1 <= effective(paragraph, "line_spacing") <= 1.5
        assert run_size(paragraph) == 14


def test_it_follows_the_seed_structure_in_order(report, sample) -> None:
    texts = _texts(report)
    expected = [
        sample["opening"],
        "PHẦN THỨ NHẤT\nKẾT QUẢ PHỐI HỢP HOẠT ĐỘNG 6 THÁNG ĐẦU NĂM 2020",
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "II. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP HOẠT ĐỘNG CẤP HUYỆN",
        "3.1. Phối hợp hoạt động giữa Ban CHQS với Hội Cựu chiến binh huyện",
        "3.7. Ban CHQS huyện",
        "III. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP HOẠT ĐỘNG Ở CƠ SỞ",
        "IV. ĐÁNH GIÁ CHUNG",
        "1. Điểm mạnh",
        "2. Hạn chế, yếu kém",
        "3. Nguyên nhân",
        "PHẦN THỨ HAI\nPHƯƠNG HƯỚNG THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP HOẠT ĐỘNG 6 THÁNG CUỐI NĂM 2020",
        sample["closing"],
        "Nơi nhận:",
        "PHỤ LỤC 1",
        "PHỤ LỤC 2",
    ]
    positions = [texts.index(text) for text in expected]
    assert positions == sorted(positions)


def test_it_makes_headings_bold_and_parts_centred(report) -> None:
    part = find_paragraph(report, "PHẦN THỨ NHẤT\nKẾT QUẢ PHỐI HỢP HOẠT ĐỘNG 6 THÁNG ĐẦU NĂM 2020")
    assert effective(part, "alignment") == WD_ALIGN_PARAGRAPH.CENTER and all_runs(part, "bold")
    for text in (
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "1. Điểm mạnh",
        "3.2. Phối hợp hoạt động giữa Ban CHQS huyện với Hội Chữ thập đỏ",
    ):
        paragraph = find_paragraph(report, text)
        assert all_runs(paragraph, "bold") and run_size(paragraph) == 14
        assert effective(paragraph, "keep_with_next")


def test_it_renders_every_sample_paragraph(report, sample) -> None:
    texts = set(_texts(report))
    expected = [sample["opening"], sample["closing"]]
    for key in (
        "leadership",
        "information",
        "defence",
        "communes",
        "strengths",
        "weaknesses",
        "causes_strengths",
        "causes_weaknesses",
        "plan",
    ):
        assert sample[key], key
        expected.extend(sample[key])
    for organisation in sample["organisations"]:
        expected.append(f"{organisation['number']}. {organisation['heading']}")
        expected.extend(organisation["paragraphs"])
    missing = [text[:60] for text in expected if text not in texts]
    assert missing == []


def test_it_writes_figures_in_sentences_not_as_a_list(template: bytes, sample) -> None:
    # The context writes figures into its paragraphs; the default template lists none again
    # (an uploaded template may still loop over organisation.figures).
    sample["organisations"][1]["figures"][0]["comparison"] = "tăng 12,5% so với cùng kỳ"
    texts = _texts(_render(template, sample))
    assert not [t for t in texts if t.startswith("- Tuyên truyền: ")]
    assert not [t for t in texts if "tăng 12,5%" in t]


def test_it_places_recipients_beside_the_signature(report, sample) -> None:
    table = report.tables[1]
    assert {e.get(qn("w:val")) for e in table._tbl.tblPr.find(qn("w:tblBorders"))} == {"nil"}
    left, right = table.rows[0].cells
    heading, *recipients = [p for p in left.paragraphs if p.text]
    assert heading.text == "Nơi nhận:"
    assert run_size(heading) == 12 and all_runs(heading, "bold") and all_runs(heading, "italic")
    assert [p.text for p in recipients] == [
        "- BCĐ tỉnh;",
        "- Phòng Chính trị/Bộ CHQS tỉnh;",
        "- Ban Dân vận/PCT;",
        "- Ban Dân vận/Huyện ủy;",
        "- 06 đoàn thể huyện;",
        "- Lưu: VT, Kh50b.",
    ]
    assert {run_size(p) for p in recipients} == {11}

    signature = [p for p in right.paragraphs if p.text]
    assert [p.text for p in signature] == [
        "TM. BAN CHỈ ĐẠO",
        "TRƯỞNG BAN",
        "(Đã ký)",
        "Lê Thanh Hải",
    ]
    for paragraph in signature:
        assert run_size(paragraph) == 14
        assert effective(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    on_behalf, title, note, name = signature
    assert all(all_runs(p, "bold") for p in (on_behalf, title, name))
    assert all_runs(note, "italic") and not all_runs(note, "bold")
    # Room for the handwritten signature between the note and the name.
    paragraphs = right.paragraphs
    gap = paragraphs.index(
        next(p for p in paragraphs if p.text == "Lê Thanh Hải")
    ) - paragraphs.index(next(p for p in paragraphs if p.text == "(Đã ký)"))
    assert gap >= 4


def test_it_numbers_pages_from_page_two(report) -> None:
    section = report.sections[0]
    assert section.different_first_page_header_footer
    default = section.header._element
    instructions = "".join(node.text or "" for node in default.iter(qn("w:instrText")))
    assert "PAGE" in instructions
    page_paragraph = section.header.paragraphs[0]
    assert effective(page_paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert {run.font.size.pt for run in page_paragraph.runs} == {13}
    first = section.first_page_header._element
    assert not list(first.iter(qn("w:instrText"))) and not list(first.iter(qn("w:fldSimple")))


def test_it_builds_bordered_appendix_tables(report, sample) -> None:
    tables = report.tables[2:]
    assert len(tables) == len(sample["appendices"])
    for table, appendix in zip(tables, sample["appendices"], strict=True):
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"single"}
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows == [appendix["columns"], *appendix["rows"], appendix["total"]]
        assert len(table._tbl.tblGrid.findall(qn("w:gridCol"))) == len(appendix["columns"])
        header, *body = table.rows
        assert all(all_runs(cell.paragraphs[0], "bold") for cell in header.cells)
        for row in body:
            for cell in row.cells[1:]:
                assert effective(cell.paragraphs[0], "alignment") == WD_ALIGN_PARAGRAPH.RIGHT
            assert run_size(row.cells[0].paragraphs[0]) == 12
        assert all(all_runs(cell.paragraphs[0], "bold") for cell in body[-1].cells)
        assert not all_runs(body[0].cells[1].paragraphs[0], "bold")


def test_it_adapts_appendix_tables_to_any_column_count(template: bytes, sample) -> None:
    sample["appendices"] = [
        {
            "title": "MỘT CỘT",
            "columns": ["Xã", "Số cuộc"],
            "rows": [["Đoàn Kết", "5"]],
            "total": [],
        },
        {
            "title": "NĂM CỘT",
            "columns": ["Xã", "A", "B", "C", "D"],
            "rows": [["Minh Hưng", "1", "2", "3", "4"]],
            "total": ["Tổng cộng", "1", "2", "3", "4"],
        },
    ]
    document = _render(template, sample)
    short, wide = document.tables[2:]
    assert [[c.text for c in r.cells] for r in short.rows] == [["Xã", "Số cuộc"], ["Đoàn Kết", "5"]]
    assert len(wide.rows) == 3 and len(wide._tbl.tblGrid.findall(qn("w:gridCol"))) == 5


def test_it_drops_empty_sections_cleanly(template: bytes, sample) -> None:
    sample["header"]["parent_body"] = ""
    sample["signature"]["signed_note"] = ""
    sample["signature"]["on_behalf"] = ""
    for key in ("leadership", "organisations", "appendices", "recipients"):
        sample[key] = []
    sample["organisations"] = [
        {"number": "3.1", "heading": "Hội Nông dân", "paragraphs": [], "figures": []}
    ]
    document = _render(template, sample)
    texts = _texts(document)
    heading = texts.index("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO")
    assert texts[heading + 1].startswith("II. ")
    organisation = texts.index("3.1. Hội Nông dân")
    assert texts[organisation + 1].startswith("III. ")
    assert len(document.tables) == 2
    assert not any(text.startswith("PHỤ LỤC") for text in texts)
    header_left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert header_left == ["BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH"]
    signature = [p.text for p in document.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["TRƯỞNG BAN", "Lê Thanh Hải"]
    # Every body paragraph left over is either a rule/spacer or has text.
    for paragraph in document.paragraphs:
        assert paragraph.text or paragraph.style.name in {"Report Rule"}, paragraph.style.name


def test_it_escapes_markup_in_values(template: bytes, sample) -> None:
    sample["leadership"] = ['Tăng <b>5%</b> & giảm "2" < 3']
    document = _render(template, sample)
    assert 'Tăng <b>5%</b> & giảm "2" < 3' in _texts(document)


def test_it_fails_on_a_missing_context_key(template: bytes, sample) -> None:
    del sample["closing"]
    with pytest.raises(TemplateError, match=r"«\{\{ closing \}\}» không tồn tại"):
        render_docx(template, sample)


def test_it_refuses_objects_in_the_context(template: bytes, sample) -> None:
    sample["header"]["number"] = object()
    with pytest.raises(TypeError, match="header.number"):
        render_docx(template, sample)


def test_it_does_not_mutate_the_context(template: bytes, sample) -> None:
    before = copy.deepcopy(sample)
    render_docx(template, sample)
    assert sample == before


def test_it_capitalises_names_and_periods_itself(template: bytes, sample) -> None:
    sample["header"]["issuing_body"] = "Ban chỉ đạo vận động quần chúng liên ngành"
    sample["period_title"] = "6 tháng đầu năm 2020"
    sample["signature"]["on_behalf"] = "TM. Ban chỉ đạo"
    texts = _texts(_render(template, sample))
    assert "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH" in texts
    assert "PHẦN THỨ NHẤT\nKẾT QUẢ PHỐI HỢP HOẠT ĐỘNG 6 THÁNG ĐẦU NĂM 2020" in texts
    assert "TM. BAN CHỈ ĐẠO" in texts


def test_it_carries_only_the_styles_it_uses(rendered: bytes, report) -> None:
    # Unused styles and the latent-style list are read at every conversion to PDF.
    parts = xml_parts(rendered)
    del parts["word/styles.xml"]
    reference = r'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"'
    needed = {name for xml in parts.values() for name in re.findall(reference, xml)}
    styles = report.styles.element
    defined = {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}
    needed |= {key for key, style in defined.items() if style.get(qn("w:default")) == "1"}
    # The template's control paragraphs ({%p ... %}) have a style; rendering removes them.
    needed.add("ReportTemplateTag")
    pending = [name for name in needed if name in defined]
    while pending:
        style = defined[pending.pop()]
        for tag in ("w:basedOn", "w:link", "w:next"):
            linked = style.find(qn(tag))
            if linked is not None and linked.get(qn("w:val")) not in needed:
                needed.add(linked.get(qn("w:val")))
                pending.append(linked.get(qn("w:val")))
    assert set(defined) <= needed, sorted(set(defined) - needed)
    assert styles.find(qn("w:latentStyles")) is None
    assert {"Normal", "Heading1", "ReportTableText"} <= set(defined)


def test_its_appendix_cells_take_font_and_size_from_their_style(report) -> None:
    # A thousand cells repeating the same run properties doubled the document.
    for table in report.tables[2:]:
        for row in table.rows:
            for cell in row.cells:
                for tag in ("w:rFonts", "w:sz", "w:szCs"):
                    assert not list(cell._tc.iter(qn(tag))), cell.text
                paragraph = cell.paragraphs[0]
                assert paragraph.style.name == "Report Table Text"
                assert run_size(paragraph) == 12
                assert all(run_typefaces(paragraph, run) == {FONT} for run in paragraph.runs)

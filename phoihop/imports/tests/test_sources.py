"""Reading reports from Word, PDF and text files, with clear errors in Vietnamese."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from phoihop.imports import textsource
from phoihop.imports.extractor import ExtractionResult, extract_file
from phoihop.imports.tests.helpers import Expected, match_figures, parse_figure
from phoihop.imports.textsource import TextSourceError, paragraphs_from_pdf_text, read_blocks

TABLE = [
    ["TT", "Tổ chức", "Số cuộc", "Số lượt người", "Kinh phí (triệu đồng)"],
    ["1", "Hội Cựu chiến binh", "45", "2.130", "12,5"],
    ["2", "Hội Nông dân", "38", "1.904", "8"],
    ["3", "Đoàn Thanh niên", "52", "3.215", "15,2"],
]

# (section, figure) of the Word report below: what a reader would list as its figures
DOCX_FIGURES = [
    ("I.1", "318 cuộc"),
    ("I.1", "15.420 lượt người"),
    ("I.1", "102,5%"),
    ("I.1", "45 cuộc"),
    ("I.1", "2.130 lượt người"),
    ("I.1", "12.500.000 đồng"),
    ("I.1", "38 cuộc"),
    ("I.1", "1.904 lượt người"),
    ("I.1", "8.000.000 đồng"),
    ("I.1", "52 cuộc"),
    ("I.1", "3.215 lượt người"),
    ("I.1", "15.200.000 đồng"),
    ("I.2", "1.050 suất quà"),
    ("I.2", "3.200.000.000 đồng"),
    ("I.2", "1.200 lượt"),
]


def _write_docx(path: Path) -> Path:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND TỈNH BÌNH DƯƠNG\nBAN CHỈ ĐẠO VĐQC"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 41/BC-BCĐ"
    header.cell(1, 1).text = "Thủ Dầu Một, ngày 12 tháng 12 năm 2022"
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph(
        "Tổng kết công tác phối hợp giữa Bộ CHQS tỉnh và các tổ chức "
        "chính trị - xã hội tỉnh Bình Dương năm 2022"
    )
    document.add_paragraph("I. KẾT QUẢ THỰC HIỆN")
    document.add_paragraph("1. Công tác tuyên truyền")
    document.add_paragraph(
        "Toàn tỉnh tổ chức 318 cuộc tuyên truyền với 15.420 lượt người "
        "tham dự, đạt 102,5% kế hoạch. Kết quả của từng tổ chức:"
    )
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("2. Công tác hậu phương quân đội")
    document.add_paragraph(
        "Thăm, tặng 1.050 suất quà trị giá 3,2 tỷ đồng; tổ chức Ngày hội "
        "với gần 1.200 lượt đoàn viên tham gia."
    )
    document.add_paragraph("II. PHƯƠNG HƯỚNG NĂM 2023")
    document.add_paragraph("Tiếp tục thực hiện 2 nhiệm vụ chiến lược.")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def word_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_docx(tmp_path_factory.mktemp("docx") / "bao-cao.docx")


def _assert_docx_figures(result: ExtractionResult) -> None:
    expected = []
    for section, label in DOCX_FIGURES:
        value, unit = parse_figure(label)
        expected.append(Expected(section, value, unit, label))
    matching = match_figures(result, expected)
    assert [wanted.label for wanted in matching.missing] == []
    assert [figure.text for figure in matching.extra] == []


def test_it_reads_a_word_report_with_a_table(word_report: Path) -> None:
    result = extract_file(word_report)
    _assert_docx_figures(result)
    assert result.period == "2022"
    assert result.reporting_unit is not None
    assert (result.reporting_unit.level, result.reporting_unit.name) == ("tỉnh", "Bình Dương")
    assert result.issued_on is not None and result.issued_on.isoformat() == "2022-12-12"
    for figure in result.figures:
        assert result.paragraphs[figure.paragraph][figure.start : figure.end] == figure.text


def test_table_cells_take_unit_organisation_and_links_from_their_row(word_report: Path) -> None:
    result = extract_file(word_report)
    cells = [f for f in result.figures if f.cell is not None]
    assert [(f.cell.row, f.organisation, f.value, f.unit) for f in cells] == [
        (1, "ccb", Decimal(45), "cuộc"),
        (1, "ccb", Decimal(2130), "lượt người"),
        (1, "ccb", Decimal(12500000), "đồng"),
        (2, "nd", Decimal(38), "cuộc"),
        (2, "nd", Decimal(1904), "lượt người"),
        (2, "nd", Decimal(8000000), "đồng"),
        (3, "dtn", Decimal(52), "cuộc"),
        (3, "dtn", Decimal(3215), "lượt người"),
        (3, "dtn", Decimal(15200000), "đồng"),
    ]
    attendance = cells[1]
    assert attendance.linked_to == cells[0].id
    assert "Hội Cựu chiến binh" in attendance.noun_phrase


def test_paragraphs_and_cells_keep_document_order(word_report: Path) -> None:
    texts = [block.text for block in read_blocks(word_report)]
    assert texts.index("I. KẾT QUẢ THỰC HIỆN") < texts.index("Hội Nông dân")
    assert texts.index("Hội Nông dân") < texts.index("2. Công tác hậu phương quân đội")


def test_pdf_lines_are_joined_into_paragraphs() -> None:
    text = (
        "I. KẾT QUẢ\n1. Tuyên truyền\nTổ chức được 25 cuộc với\n1.850 lượt người tham gia.\n"
        "Hội tặng 10 phần quà.\n\f2\nTiếp tục\nthực hiện.\n- Gạch đầu dòng\n"
    )
    assert paragraphs_from_pdf_text(text) == [
        "I. KẾT QUẢ",
        "1. Tuyên truyền",
        "Tổ chức được 25 cuộc với 1.850 lượt người tham gia.",
        "Hội tặng 10 phần quà.",
        "Tiếp tục thực hiện.",
        "- Gạch đầu dòng",
    ]


def test_without_pdftotext_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(textsource.shutil, "which", lambda name: None)
    with pytest.raises(TextSourceError, match="pdftotext.*poppler-utils"):
        extract_file(path)


def test_it_reads_a_pdf_report(word_report: Path, tmp_path: Path) -> None:
    assert shutil.which("pdftotext") and shutil.which("soffice"), (
        "poppler-utils and LibreOffice are needed: ./scripts/system-deps.sh installs them"
    )
    profile = tmp_path / "lo-profile"
    completed = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(word_report),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "bao-cao.pdf"
    # soffice exits 0 even when it made nothing.
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), completed.stderr[-300:]
    result = extract_file(pdf)
    found = {(f.section, f.value, f.unit) for f in result.figures}
    assert ("I.1", Decimal(318), "cuộc") in found
    assert ("I.2", Decimal(3200000000), "đồng") in found
    assert result.period == "2022"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.doc", b"\xd0\xcf\x11\xe0", "Word cũ"),
        ("bao-cao.odt", b"PK", "chỉ nhận tệp"),
        ("hong.docx", b"not a zip", "Không mở được tệp Word"),
    ],
)
def test_unreadable_files_get_a_vietnamese_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TextSourceError, match=message):
        read_blocks(path)
    with pytest.raises(TextSourceError, match="Không tìm thấy"):
        read_blocks(tmp_path / "khong-co.txt")


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Text as code page 1258 writes it: ô, ơ, ư, ă precomposed, tone marks combining."""
    legacy = []
    for cluster in re.findall(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text), re.S):
        tones = "".join(char for char in cluster if char in _TONES)
        shape = "".join(char for char in cluster if char not in _TONES)
        legacy.append(unicodedata.normalize("NFC", shape) + tones)
    return "".join(legacy).encode("cp1258")


def test_text_files_in_the_old_windows_code_page_are_read(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(_cp1258("Trao 05 căn nhà cho hộ nghèo."))
    assert [f.text for f in extract_file(path).figures] == ["05 căn nhà"]

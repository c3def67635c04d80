"""The generated 2020S1 Bù Đăng report checked against Decree 30/2020, page by page.

The Word file: its sections' margins, Times New Roman 13-14 pt body, the "Nơi nhận" block.
The PDF LibreOffice makes of it: every word of every page inside the margins (pdftotext -bbox),
the header block on page 1, page numbers from page 2, the signature beside "Nơi nhận" on the
last portrait page, and each appendix opening a landscape page.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

import docx
import pytest

from phoihop.core.periods import Period
from phoihop.documents.pdf import docx_to_pdf
from phoihop.documents.services import generate_docx
from phoihop.documents.tests.helpers import effective
from phoihop.places.models import Unit

PERIOD = Period.parse("2020S1")
PT_PER_MM = 72 / 25.4
TOLERANCE = 1.5  # pt: glyph side bearings
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


@pytest.fixture
def report_docx(db) -> bytes:
    return generate_docx(Unit.objects.get(code="698"), PERIOD).content


def test_its_word_file_follows_decree_30(report_docx):
    document = docx.Document(BytesIO(report_docx))
    portrait, landscape = document.sections
    assert (round(portrait.page_width.mm), round(portrait.page_height.mm)) == (210, 297)
    for section, (top, bottom, left, right) in (
        (portrait, (20, 20, 30, 15)),
        (landscape, (30, 15, 20, 20)),  # the portrait page turned: bound edge on top
    ):
        margins = [section.top_margin, section.bottom_margin, section.left_margin]
        margins.append(section.right_margin)
        assert [round(m.mm) for m in margins] == [top, bottom, left, right]
    # Decree 30 ranges: top/bottom 20-25, left 30-35, right 15-20 mm.
    assert 20 <= portrait.top_margin.mm <= 25 and 30 <= portrait.left_margin.mm <= 35
    assert 15 <= round(portrait.right_margin.mm) <= 20
    body = [p for p in document.paragraphs if p.text.strip() and p.style.name == "Normal"]
    assert len(body) > 50
    for paragraph in body:
        sizes = {r.font.size.pt for r in paragraph.runs if r.text.strip() and r.font.size}
        assert sizes <= {13.0, 14.0}, paragraph.text[:40]
        assert {r.font.name for r in paragraph.runs if r.font.name} <= {"Times New Roman"}
        assert effective(paragraph, "first_line_indent").mm >= 10
    recipients_cell, signature_cell = document.tables[1].rows[0].cells
    assert recipients_cell.paragraphs[0].text == "Nơi nhận:"
    signature = [p.text for p in signature_cell.paragraphs if p.text]
    assert signature[:2] == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"]


def _pdftotext(pdf: bytes, *options: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", *options, str(path), "-"], capture_output=True, check=True, text=True
        ).stdout


def _pages(pdf: bytes) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Each page's size and words with their boxes, in points."""
    html = _pdftotext(pdf, "-bbox")
    return [
        (
            float(width),
            float(height),
            [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(body)],
        )
        for width, height, body in _PAGE.findall(html)
    ]


def test_every_letter_is_set_in_times_new_roman_or_its_metric_twin(report_docx, soffice):
    """Decree 30 sets reports in Times New Roman. Without it, LibreOffice takes Liberation
    Serif (the same widths), but only version 2 of it has Vietnamese letters: with version 1
    every "ộ" or "ư" falls back to another font, wider, and the page breaks move."""
    fonts = subprocess.run(
        ["pdffonts", "-"], input=docx_to_pdf(report_docx), capture_output=True, check=True
    ).stdout.decode()
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
    assert names, fonts
    assert all(name.startswith(("TimesNewRoman", "LiberationSerif")) for name in names), (
        f"{sorted(names)}: ./scripts/system-deps.sh installs fonts-liberation2"
    )


def test_every_page_keeps_the_decree_30_layout(report_docx, soffice):
    pdf = docx_to_pdf(report_docx)
    pages = _pages(pdf)
    portrait = [i for i, (w, h, _) in enumerate(pages) if w < h]
    landscape = [i for i, (w, h, _) in enumerate(pages) if w > h]
    assert portrait == list(range(len(portrait))) and landscape, "body first, then appendices"
    texts = [" ".join(page.split()) for page in _pdftotext(pdf).split("\f")]
    for number, (width, height, words) in enumerate(pages, start=1):
        top, bottom, left, right = (20, 20, 30, 15) if width < height else (30, 15, 20, 20)
        header = [w for w in words if w[3] < top * PT_PER_MM]
        # Above the top margin: only the page number, from page 2 on.
        assert "".join(w[4] for w in header) == ("" if number == 1 else str(number)), number
        body = [w for w in words if w not in header]
        assert min(w[0] for w in body) >= left * PT_PER_MM - TOLERANCE, number
        assert max(w[2] for w in body) <= width - right * PT_PER_MM + TOLERANCE, number
        assert max(w[3] for w in body) <= height - bottom * PT_PER_MM + TOLERANCE, number
    first = texts[0]
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số:", "BÁO CÁO", "UBND HUYỆN BÙ ĐĂNG"):
        assert words in first
    assert "Bù Đăng, ngày 15 tháng 6 năm 2020" in first
    last_portrait = texts[portrait[-1]]
    assert "Nơi nhận:" in last_portrait and "TRƯỞNG BAN" in last_portrait
    openings = [i for i, t in enumerate(texts) if re.match(r"(\d+ )?PHỤ LỤC \d", t)]
    # By organisation, the comparisons, by commune, and the programme's targets.
    assert len(openings) == 4 and all(i in landscape for i in openings)

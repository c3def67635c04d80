"""Tests of the LibreOffice PDF conversion and the PNG previews."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from phoihop.documents import pdf as pdf_module
from phoihop.documents.pdf import (
    SOFFICE_MISSING_MESSAGE,
    PdfConversionError,
    PdfUnavailable,
    docx_to_pdf,
    pdf_page_count,
    pdf_to_png_pages,
    soffice_available,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def sample_pdf(soffice: None, rendered: bytes) -> bytes:
    return docx_to_pdf(rendered)


def _pdffonts(pdf: bytes) -> list[list[str]]:
    tool = shutil.which("pdffonts")
    if tool is None:
        pytest.fail("pdffonts is not installed: install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(pdf)
        output = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True)
    # Skip the two heading lines; columns: name type encoding emb sub uni object ID.
    return [line.split() for line in output.stdout.splitlines()[2:] if line.strip()]


def test_it_converts_the_sample_report(sample_pdf: bytes) -> None:
    assert sample_pdf.startswith(b"%PDF")
    assert pdf_page_count(sample_pdf) >= 2


def test_it_embeds_times_new_roman_or_its_metric_twin(sample_pdf: bytes) -> None:
    fonts = _pdffonts(sample_pdf)
    assert fonts
    for row in fonts:
        assert row[-5] == "yes", f"font not embedded: {row[0]}"
    names = " ".join(row[0] for row in fonts)
    assert "LiberationSerif" in names or "TimesNewRoman" in names
    assert "LiberationSerif-Bold" in names or "TimesNewRoman,Bold" in names


def test_it_renders_png_previews(sample_pdf: bytes) -> None:
    pages = pdf_to_png_pages(sample_pdf, dpi=40)
    assert len(pages) == pdf_page_count(sample_pdf)
    assert all(page.startswith(PNG_SIGNATURE) for page in pages)


def test_concurrent_conversions_do_not_clash(soffice: None, rendered: bytes) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(docx_to_pdf, [rendered, rendered]))
    assert all(result.startswith(b"%PDF") for result in results)


def test_it_reports_a_failed_conversion(soffice: None) -> None:
    # soffice exits 0 here too; only the missing output file tells.
    with pytest.raises(PdfConversionError, match="không tạo được"):
        docx_to_pdf(b"PK\x03\x04" + b"broken" * 50)


def test_it_explains_when_libreoffice_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    assert not soffice_available()
    with pytest.raises(PdfUnavailable) as error:
        docx_to_pdf(b"anything")
    assert str(error.value) == SOFFICE_MISSING_MESSAGE
    with pytest.raises(PdfUnavailable):
        pdf_to_png_pages(b"%PDF-1.4")


def test_it_counts_pages_without_pdfinfo(
    sample_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = pdf_page_count(sample_pdf)
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    assert pdf_page_count(sample_pdf) == expected

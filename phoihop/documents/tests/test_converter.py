"""The kept converter: started once, it turns Word into PDF without starting LibreOffice."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from phoihop.documents import converter, pdf
from phoihop.documents.rendering import render_docx


@pytest.fixture
def kept(settings, tmp_path):
    settings.PHOIHOP_CONVERTER = True
    # A port of this test process's own: other test workers (and a running site) keep theirs.
    settings.PHOIHOP_CONVERTER_PORT = 21000 + 2 * (os.getpid() % 2000)
    assert converter.can_keep_converter(), "python3-uno (system Python) and unoserver needed"
    converter.start_converter()
    try:
        assert converter.wait_until_ready(120)
        yield
    finally:
        converter.stop_converter()
    assert not converter.converter_ready()


def test_a_warm_conversion_needs_no_new_libreoffice(kept, settings, template, sample, monkeypatch):
    docx = render_docx(template, sample)
    settings.PHOIHOP_CONVERTER = False
    started = time.perf_counter()
    pdf.docx_to_pdf(docx)
    one_shot = time.perf_counter() - started
    settings.PHOIHOP_CONVERTER = True
    pdf.docx_to_pdf(docx)  # the first one loads Writer's filters

    def no_one_shot(*args, **kwargs):
        raise AssertionError("a one-shot soffice was started")

    monkeypatch.setattr(pdf, "_run", no_one_shot)
    started = time.perf_counter()
    result = pdf.docx_to_pdf(docx)
    elapsed = time.perf_counter() - started
    assert result.startswith(b"%PDF") and pdf.pdf_page_count(result) >= 2
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=result, capture_output=True, check=True
    ).stdout.decode()
    assert "Bù Đăng" in text
    # Faster than starting LibreOffice for it, measured on the same machine at the same moment
    # (about 0,6 s against 1,6–1,9 s on an idle one).
    assert elapsed < one_shot, (elapsed, one_shot)


def test_without_the_kept_converter_soffice_still_converts(settings, template, sample):
    settings.PHOIHOP_CONVERTER = True
    settings.PHOIHOP_CONVERTER_PORT = 1  # nothing listens there
    assert converter.convert_with_converter(b"PK") is None
    assert pdf.docx_to_pdf(render_docx(template, sample)).startswith(b"%PDF")

"""Report generation: the 2020S1 Bù Đăng report as DOCX and PDF, and the zip of 16 communes,
each against a plain python-docx document with as many paragraphs, saved in the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from io import BytesIO

NEEDS_DEMO = True
RUNS = 5
PDF_RUNS = 3


def _median(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm: imports, the template file, the first database reads
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> list[tuple[str, float, str | None]]:
    import docx

    from phoihop.core.periods import Period
    from phoihop.documents.pdf import soffice_available
    from phoihop.documents.services import generate_communes_zip, generate_docx, generate_pdf
    from phoihop.places.models import Unit

    unit = Unit.objects.get(code="698")
    period = Period.parse("2020S1")
    report = generate_docx(unit, period).content
    paragraphs = len(docx.Document(BytesIO(report)).paragraphs)

    def plain() -> bytes:
        document = docx.Document()
        for index in range(paragraphs):
            document.add_paragraph(f"Đoạn văn {index} với 7.286 cuộc và 3.658.673.000 đồng.")
        buffer = BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    baseline = f"python-docx, {paragraphs} plain paragraphs"
    rows: list[tuple[str, float, str | None]] = [(baseline, _median(plain, RUNS), None)]
    rows.append(
        ("DOCX report 2020S1 Bù Đăng", _median(lambda: generate_docx(unit, period), RUNS), baseline)
    )
    province = Unit.objects.get(code="70")
    rows.append(
        (
            "DOCX report 2020S1 Bình Phước (from its districts)",
            _median(lambda: generate_docx(province, period), RUNS),
            baseline,
        )
    )
    if soffice_available():
        rows.append(
            (
                "PDF report 2020S1 Bù Đăng",
                _median(lambda: generate_pdf(unit, period), PDF_RUNS),
                baseline,
            )
        )
    else:
        print("  (LibreOffice is not installed: no PDF measure)")
    rows.append(
        (
            "ZIP of the 16 communes' reports",
            _median(lambda: generate_communes_zip(unit, period), PDF_RUNS),
            baseline,
        )
    )
    return rows

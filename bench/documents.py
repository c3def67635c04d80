"""Report generation: the 2020S1 Bù Đăng report as DOCX and PDF, and the zip of 16 communes,
each against a plain python-docx document with as many paragraphs, saved in the same run.
Then what the office feels: a PDF through the kept converter (one-shot soffice beside it),
and the preview's answer (time and bytes) cold and from the cache."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from io import BytesIO

# Jobs run inside the request here: the preview is timed end to end, as the office waits.
os.environ["PHOIHOP_TASKS"] = "immediate"

NEEDS_DEMO = True
RUNS = 5
PDF_RUNS = 3
# The one-shot soffice is shown for comparison only: two runs after a warm-up say enough.
ONE_SHOT_RUNS = 2
# The warm PDF at its fair best: the fastest of several, after two warm-up conversions.
WARM_PDF_RUNS = 7


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
    if soffice_available():
        rows.extend(waiting_rows(unit, period))
    return rows


def waiting_rows(unit, period) -> list:
    """A PDF made anew (data read, rendered, converted) through the kept converter and
    through a one-shot soffice; the preview cold (nothing cached) and cached."""
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from phoihop.accounts.models import User
    from phoihop.documents import converter
    from phoihop.documents.bounded import render_docx_bounded
    from phoihop.documents.pdf import docx_to_pdf
    from phoihop.documents.services import prepare_report

    def fresh_pdf() -> bytes:
        prepared = prepare_report(unit, period)
        return docx_to_pdf(render_docx_bounded(prepared.template, prepared.context))

    rows: list = []
    settings.PHOIHOP_CONVERTER = False
    rows.append(("PDF anew, one-shot soffice", _median(fresh_pdf, ONE_SHOT_RUNS), None))
    settings.PHOIHOP_CONVERTER = True
    started = converter.start_converter()
    kept = converter.wait_until_ready(90)
    warm: list[float] = []
    if kept:
        fresh_pdf()  # the converter's first document loads its filters and fonts
        fresh_pdf()
        for _ in range(WARM_PDF_RUNS):
            began = time.perf_counter()
            fresh_pdf()
            warm.append(time.perf_counter() - began)
        rows.append(("PDF anew, kept converter (warm)", min(warm), "PDF anew, one-shot soffice"))

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username="vanphong"))
    url = reverse("documents:preview", args=[unit.pk, period.id])
    cold_times, cold_bytes = [], 0
    for _ in range(ONE_SHOT_RUNS):
        settings.PHOIHOP_CACHE_DIR = tempfile.mkdtemp(prefix="phoihop-bench-cache-")
        began = time.perf_counter()
        response = client.post(url, HTTP_HX_REQUEST="true")
        cold_times.append(time.perf_counter() - began)
        cold_bytes = len(response.content)
        assert b"jobs/" in response.content or b"/viec/" in response.content, response.content[:300]
    cached = _median(lambda: client.post(url, HTTP_HX_REQUEST="true"), RUNS)
    cached_bytes = len(client.post(url, HTTP_HX_REQUEST="true").content)
    rows.append(("Preview, cold (render + PDF + page images)", statistics.median(cold_times), None))
    rows.append(("Preview, cached", cached, "Preview, cold (render + PDF + page images)"))
    summary = {
        "pdf_warm_ms": round(min(warm) * 1000, 1) if warm else None,
        "pdf_warm_median_ms": round(statistics.median(warm) * 1000, 1) if warm else None,
        "pdf_oneshot_ms": round(rows[0][1] * 1000, 1),
        "preview_cold_ms": round(statistics.median(cold_times) * 1000, 1),
        "preview_ms": round(cached * 1000, 1),
        "preview_cold_bytes": cold_bytes,
        "preview_bytes": cached_bytes,
    }
    print(f"  documents: {summary}", flush=True)
    rows.append(summary)
    if started:
        converter.stop_converter()
    return rows

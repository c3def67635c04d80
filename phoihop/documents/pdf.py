"""Converts rendered reports to PDF with headless LibreOffice and PDF pages to PNG previews."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from phoihop.documents.converter import convert_with_converter

SOFFICE_MISSING_MESSAGE = (
    "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; tệp Word (DOCX) vẫn tải được bình thường."
)
PDFTOPPM_MISSING_MESSAGE = (
    "Máy chủ chưa cài poppler-utils (pdftoppm) nên chưa xem trước được báo cáo; "
    "tệp Word (DOCX) vẫn tải được bình thường."
)
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class PdfUnavailable(RuntimeError):
    """A tool the conversion needs is not installed on this server."""

    def __init__(self, message: str = SOFFICE_MISSING_MESSAGE) -> None:
        super().__init__(message)


class PdfConversionError(RuntimeError):
    """The tool ran but produced no usable output."""


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_available() -> bool:
    return _soffice() is not None


def _run(command: list[str], *, timeout: float, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run in its own process group so a timeout also kills soffice.bin, not only the
    wrapper script."""
    env = dict(os.environ)
    home = env.get("HOME", "")
    if not home or not os.access(home, os.W_OK):
        # Service accounts often have no writable home; soffice still wants one for caches.
        env["HOME"] = str(cwd)
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def pdf_page_count(pdf: bytes) -> int:
    """Number of pages, from pdfinfo when installed, otherwise by counting page objects."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        with tempfile.TemporaryDirectory(prefix="phoihop-pdfinfo-") as tmp:
            path = Path(tmp) / "report.pdf"
            path.write_bytes(pdf)
            result = subprocess.run(
                [pdfinfo, str(path)], capture_output=True, timeout=30, check=False
            )
            match = re.search(rb"^Pages:\s+(\d+)", result.stdout, re.MULTILINE)
            if result.returncode == 0 and match:
                return int(match.group(1))
    return len(_PAGE_OBJECT.findall(pdf))


def docx_to_pdf(docx: bytes, *, timeout: float = 120) -> bytes:
    """Convert .docx bytes to PDF bytes; raise PdfUnavailable or PdfConversionError."""
    soffice = _soffice()
    if soffice is None:
        raise PdfUnavailable()
    # The kept converter answers in a fraction of a second; without it, a one-shot soffice.
    kept = convert_with_converter(docx, timeout=timeout)
    if kept is not None and kept.startswith(b"%PDF"):
        return kept
    with tempfile.TemporaryDirectory(prefix="phoihop-pdf-") as tmp:
        work = Path(tmp)
        source = work / "report.docx"
        source.write_bytes(docx)
        # A private profile per run: two conversions sharing one profile block each other.
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            result = _run(command, timeout=timeout, cwd=work)
        except subprocess.TimeoutExpired as exc:
            raise PdfConversionError(
                f"LibreOffice không chuyển xong sang PDF trong {timeout:g} giây."
            ) from exc
        except OSError as exc:
            raise PdfUnavailable() from exc
        target = work / "out" / "report.pdf"
        # soffice exits 0 even when the conversion failed, so judge by the output file.
        pdf = target.read_bytes() if target.exists() else b""
        if not pdf.startswith(b"%PDF") or pdf_page_count(pdf) < 1:
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            raise PdfConversionError(
                "LibreOffice không tạo được tệp PDF"
                + (f": {detail[-500:]}" if detail else f" (mã thoát {result.returncode}).")
            )
        return pdf


def pdf_to_png_pages(pdf: bytes, dpi: int = 60) -> list[bytes]:
    """Render each PDF page to PNG bytes (for in-browser previews), first page first."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise PdfUnavailable(PDFTOPPM_MISSING_MESSAGE)
    with tempfile.TemporaryDirectory(prefix="phoihop-png-") as tmp:
        work = Path(tmp)
        source = work / "report.pdf"
        source.write_bytes(pdf)
        try:
            result = subprocess.run(
                [pdftoppm, "-r", str(int(dpi)), "-png", str(source), str(work / "page")],
                capture_output=True,
                timeout=120,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PdfConversionError("pdftoppm không kết xuất xong trang xem trước.") from exc
        # pdftoppm pads page numbers to the width of the page count (page-1, page-01...).
        pages = sorted(work.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if result.returncode != 0 or not pages:
            detail = result.stderr.decode("utf-8", "replace").strip()
            raise PdfConversionError(f"Không kết xuất được trang xem trước: {detail[-300:]}")
        return [page.read_bytes() for page in pages]

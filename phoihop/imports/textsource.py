"""The text of a report in reading order, from .txt, .docx (paragraphs and table cells) or .pdf."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

__all__ = [
    "TableCell",
    "TextBlock",
    "TextSourceError",
    "blocks_from_docx",
    "blocks_from_pdf",
    "blocks_from_text",
    "paragraphs_from_pdf_text",
    "read_blocks",
]

PDF_TIMEOUT_SECONDS = 120


class TextSourceError(Exception):
    """A report file that cannot be read; the message is for the user, in Vietnamese."""


@dataclass(frozen=True, slots=True)
class TableCell:
    """Where a block sits in a Word table: table number, row and column, all from 0."""

    table: int
    row: int
    column: int


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One paragraph, or one table cell, of a report (NFC-normalised)."""

    text: str
    cell: TableCell | None = None


def _normalise(text: str) -> str:
    # Word and legacy Vietnamese encodings put tone marks as combining characters; NFC makes
    # "đồng" one spelling so units and organisations match.
    return unicodedata.normalize("NFC", text)


def blocks_from_text(text: str) -> list[TextBlock]:
    """One block per line, empty lines kept, so that block numbers are line numbers from 0."""
    return [TextBlock(line) for line in _normalise(text).splitlines()]


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Vietnamese Windows files are in code page 1258.
        return data.decode("cp1258", errors="replace")


def blocks_from_docx(path: Path) -> list[TextBlock]:
    """Body paragraphs and table cells in document order; a merged cell counts once."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise TextSourceError(f"Không mở được tệp Word «{path.name}»: {error}") from error
    blocks: list[TextBlock] = []
    table_number = 0
    for item in document.iter_inner_content():
        if not isinstance(item, Table):
            blocks.append(TextBlock(_normalise(item.text)))
            continue
        # The cell elements themselves, kept alive: an id() of a dropped proxy can be reused.
        seen: set[object] = set()
        for row_number, row in enumerate(item.rows):
            for column_number, cell in enumerate(row.cells):
                if cell._tc in seen:
                    continue
                seen.add(cell._tc)
                cell_place = TableCell(table_number, row_number, column_number)
                blocks.append(TextBlock(_normalise(cell.text), cell_place))
        table_number += 1
    return blocks


_BLOCK_START = re.compile(
    r"^\s*(?:[-+•–*]\s|[IVX]{1,4}\s*[.)]\s|\d{1,2}(?:\.\d{1,2})*\s*[.)]\s|[a-zđ]\s*[.)]\s"
    r"|PHẦN\b)"
)
_HEADING_START = re.compile(
    r"^\s*(?:[IVX]{1,4}\s*[.)]\s|\d{1,2}(?:\.\d{1,2})*\s*[.)]\s|[a-zđ]\s*[.)]\s|PHẦN\b)"
)
_SENTENCE_END = re.compile(r"[.:;!?…]\s*$")


def paragraphs_from_pdf_text(text: str) -> list[str]:
    """Rejoin the lines pdftotext breaks a paragraph into; drop bare page numbers."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in _normalise(text).replace("\f", "\n\f\n").splitlines():
        line = raw.strip()
        if not line or line == "\f":
            flush()
            continue
        if line.isdigit() and len(line) <= 3:  # a page number at the top of a page
            continue
        starts_block = bool(_BLOCK_START.match(line))
        after_sentence = bool(current) and bool(_SENTENCE_END.search(current[-1]))
        # A heading ends without a full stop; a capital on the next line starts the text.
        after_heading = len(current) == 1 and bool(_HEADING_START.match(current[0]))
        if starts_block or ((after_sentence or after_heading) and line[:1].isupper()):
            flush()
        current.append(line)
    flush()
    return paragraphs


def blocks_from_pdf(path: Path) -> list[TextBlock]:
    """The text layer of a PDF, through the pdftotext program of poppler-utils."""
    program = shutil.which("pdftotext")
    if program is None:
        raise TextSourceError(
            "Không đọc được tệp PDF: máy chủ chưa cài chương trình pdftotext (gói poppler-utils). "
            "Hãy cài đặt gói này, hoặc gửi báo cáo dưới dạng tệp Word (.docx) hay văn bản (.txt)."
        )
    try:
        completed = subprocess.run(
            [program, "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            timeout=PDF_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise TextSourceError(f"Đọc tệp PDF «{path.name}» quá lâu, đã dừng.") from error
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", errors="replace").strip()
        raise TextSourceError(f"Không đọc được tệp PDF «{path.name}»: {detail}")
    paragraphs = paragraphs_from_pdf_text(completed.stdout.decode("utf-8", errors="replace"))
    if not paragraphs:
        raise TextSourceError(
            f"Tệp PDF «{path.name}» không có lớp chữ (có thể là bản chụp/scan); "
            "hãy gửi bản Word hoặc bản PDF xuất từ Word."
        )
    return [TextBlock(paragraph) for paragraph in paragraphs]


def read_blocks(path: str | Path) -> list[TextBlock]:
    """The blocks of a .txt, .docx or .pdf report."""
    path = Path(path)
    if not path.is_file():
        raise TextSourceError(f"Không tìm thấy tệp «{path}».")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return blocks_from_docx(path)
    if suffix == ".pdf":
        return blocks_from_pdf(path)
    if suffix in (".txt", ".text", ".md", ""):
        return blocks_from_text(_decode(path.read_bytes()))
    if suffix == ".doc":
        raise TextSourceError(
            f"Tệp «{path.name}» là định dạng Word cũ (.doc); hãy lưu lại thành .docx rồi gửi lại."
        )
    raise TextSourceError(f"Không đọc được tệp «{path.name}»: chỉ nhận tệp .docx, .pdf hoặc .txt.")

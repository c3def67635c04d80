"""Excel workbooks for offline entry: building them from plain data and reading them back.

No ORM here: the builder takes plain sheet descriptions, the parser returns plain values and
problems named by sheet, row and column, so both are tested fast and without a database.

Layout of a sheet (one per organisation, form and period):
  rows 1–7   header block: form, organisation, unit, period, status, how to fill in
  row 9      table heading: Mã | Chỉ tiêu | Đơn vị tính | Giá trị | Ghi chú
  rows 10…   per section a heading row, then one row per indicator (code in column A)
  below      per section with narrative a heading row, then the text in column B, with the
             marker "thuyet_minh.<section>" in column A
  column G   hidden identification (organisation, submission, form, period, version)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from phoihop.core.numbers import format_number

MARKER = "phoihop-excel-1"
NARRATIVE_PREFIX = "thuyet_minh."
HEADER_ROW = 9
FIRST_DATA_ROW = HEADER_ROW + 1
CODE_COLUMN, NAME_COLUMN, UNIT_COLUMN, VALUE_COLUMN, COMMENT_COLUMN = "A", "B", "C", "D", "E"
NARRATIVE_COLUMN = NAME_COLUMN
ID_COLUMN = "G"
# Identification cells in column G, top to bottom.
ID_ROWS = {"marker": 1, "organisation": 2, "submission": 3, "form": 4, "period": 5, "version": 6}
MAX_COMMENT = 500
# Excel forbids these in sheet names and caps them at 31 characters.
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
XLS_SIGNATURE = b"\xd0\xcf\x11\xe0"

INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
GREY = Font(color="808080", size=9)
BOLD = Font(bold=True)
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")
HEADING_FILL = PatternFill("solid", fgColor="E8EEF7")


# ----- plain data --------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong with an upload, where it is (when known) and what, in Vietnamese."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.sheet is not None:
            where.append(_("Trang «%(sheet)s»") % {"sheet": self.sheet})
        if self.row is not None:
            where.append(_("dòng %(row)d") % {"row": self.row})
        if self.column is not None:
            where.append(_("cột %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class SheetIdentity:
    """What a sheet is about; written in hidden cells so an upload knows where it belongs."""

    organisation_id: int
    submission_id: int | None
    form_code: str
    period: str
    version: int  # 0 when the submission did not exist yet


@dataclass(frozen=True)
class FigureRow:
    code: str
    name: str
    unit_label: str
    value_type: str
    value: Decimal | None = None
    comment: str = ""
    is_part: bool = False  # a "trong đó" line, indented under its total


@dataclass(frozen=True)
class SectionBlock:
    code: str
    heading: str
    figures: tuple[FigureRow, ...] = ()
    has_narrative: bool = True
    narrative: str = ""


@dataclass(frozen=True)
class SheetSpec:
    title: str
    identity: SheetIdentity
    form_name: str
    organisation_name: str
    unit_name: str
    period_label: str
    status_label: str
    sections: tuple[SectionBlock, ...] = ()


@dataclass(frozen=True)
class ParsedFigure:
    row: int
    raw: Decimal | str | None
    comment: str


@dataclass(frozen=True)
class ParsedNarrative:
    row: int
    text: str


@dataclass
class ParsedSheet:
    title: str
    identity: SheetIdentity
    figures: dict[str, ParsedFigure] = field(default_factory=dict)
    narratives: dict[str, ParsedNarrative] = field(default_factory=dict)


@dataclass
class ParsedWorkbook:
    sheets: list[ParsedSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# ----- building ----------------------------------------------------------------------------


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name close to the text."""
    base = _BAD_TITLE.sub(" ", text).strip().strip("'")[:31] or "Trang"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def number_format(value_type: str) -> str:
    """Excel's number format for an indicator's value type (also used by analytics exports)."""
    # Whole counts and đồng show as 7.286 under the Vietnamese locale; rates keep two decimals.
    return INTEGER_FORMAT if value_type in ("integer", "money") else DECIMAL_FORMAT


def cell_number(value: Decimal | None) -> int | float | None:
    """A figure as Excel stores it: whole numbers as ints, the rest as doubles."""
    if value is None:
        return None
    if value == value.to_integral():
        return int(value)
    return float(value)  # Excel stores doubles; rates have two decimals at most


def _write_sheet(ws: Worksheet, spec: SheetSpec) -> None:
    ws.column_dimensions[CODE_COLUMN].width = 14
    ws.column_dimensions[NAME_COLUMN].width = 62
    ws.column_dimensions[UNIT_COLUMN].width = 14
    ws.column_dimensions[VALUE_COLUMN].width = 16
    ws.column_dimensions[COMMENT_COLUMN].width = 32
    ws.column_dimensions[ID_COLUMN].hidden = True

    ws["B1"] = spec.form_name
    ws["B1"].font = Font(bold=True, size=13)
    for row, (label, value) in enumerate(
        [
            (_("Tổ chức"), spec.organisation_name),
            (_("Đơn vị"), spec.unit_name),
            (_("Kỳ báo cáo"), spec.period_label),
            (_("Trạng thái"), spec.status_label),
        ],
        start=2,
    ):
        ws.cell(row=row, column=2, value=label).font = BOLD
        ws.cell(row=row, column=3, value=value)
    ws["B7"] = _(
        "Nhập số liệu vào cột D (ô nền vàng), ghi chú vào cột E, thuyết minh vào các ô phía "
        "dưới bảng. Có thể gõ số kiểu 7.286 hoặc 3.500.000 đ. Không đổi tên trang, không "
        "thêm bớt dòng."
    )
    ws["B7"].font = Font(italic=True, size=9)
    ws["B7"].alignment = Alignment(wrap_text=True)
    ws.row_dimensions[7].height = 36

    identity = spec.identity
    id_cells: tuple[tuple[str, str | int | None], ...] = (
        ("marker", MARKER),
        ("organisation", identity.organisation_id),
        ("submission", identity.submission_id),
        ("form", identity.form_code),
        ("period", identity.period),
        ("version", identity.version),
    )
    for key, id_value in id_cells:
        ws[f"{ID_COLUMN}{ID_ROWS[key]}"] = id_value

    headings = [_("Mã"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Giá trị"), _("Ghi chú")]
    for column, text in enumerate(headings, start=1):
        cell = ws.cell(row=HEADER_ROW, column=column, value=text)
        cell.font = BOLD
        cell.fill = HEADING_FILL
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"

    row = FIRST_DATA_ROW
    for number, section in enumerate(spec.sections, start=1):
        if not section.figures:
            continue
        ws.cell(row=row, column=2, value=f"{number}. {section.heading}").font = BOLD
        row += 1
        for figure in section.figures:
            ws.cell(row=row, column=1, value=figure.code).font = GREY
            name = ws.cell(row=row, column=2, value=figure.name)
            name.alignment = Alignment(wrap_text=True, indent=2 if figure.is_part else 0)
            ws.cell(row=row, column=3, value=figure.unit_label)
            value = ws.cell(row=row, column=4, value=cell_number(figure.value))
            value.number_format = number_format(figure.value_type)
            comment = ws.cell(row=row, column=5, value=figure.comment or None)
            for cell in (value, comment):
                cell.fill = INPUT_FILL
                cell.protection = Protection(locked=False)
            row += 1

    row += 1
    ws.cell(row=row, column=2, value=_("THUYẾT MINH")).font = BOLD
    row += 1
    for number, section in enumerate(spec.sections, start=1):
        if not section.has_narrative:
            continue
        ws.cell(row=row, column=2, value=f"{number}. {section.heading}").font = BOLD
        row += 1
        ws.cell(row=row, column=1, value=f"{NARRATIVE_PREFIX}{section.code}").font = GREY
        text = ws.cell(row=row, column=2, value=section.narrative or None)
        text.alignment = Alignment(wrap_text=True, vertical="top")
        text.fill = INPUT_FILL
        text.protection = Protection(locked=False)
        ws.row_dimensions[row].height = 120
        row += 1

    # Protected without a password: it guards against accidents (a typed-over code, a deleted
    # row), not against a determined user, whose changes the upload checks anyway.
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def build_workbook(sheets: list[SheetSpec]) -> bytes:
    """The .xlsx file with one sheet per organisation's submission."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for spec in sheets:
        ws = workbook.create_sheet(sheet_title(spec.title, taken))
        _write_sheet(ws, spec)
    if not sheets:
        workbook.create_sheet(_("Trống"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ----- parsing -----------------------------------------------------------------------------


def megabytes(size: int) -> str:
    """A size in bytes as the upload messages write it: 2,5 (MB)."""
    return format_number(Decimal(size) / 1024 / 1024, decimals=1)


def check_container(data: bytes, *, max_bytes: int, max_uncompressed: int) -> Problem | None:
    """Refuse what must not reach openpyxl: too big, not an .xlsx, or a zip bomb."""
    if len(data) > max_bytes:
        return Problem(
            None,
            None,
            None,
            _("Tệp quá lớn (%(size)s MB); chỉ nhận tệp đến %(max)s MB.")
            % {"size": megabytes(len(data)), "max": megabytes(max_bytes)},
        )
    if not data:
        return Problem(None, None, None, _("Tệp rỗng, không có nội dung."))
    if data.startswith(XLS_SIGNATURE):
        return Problem(
            None,
            None,
            None,
            _(
                "Đây là tệp Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu lại dưới dạng "
                "«Excel Workbook (.xlsx)» rồi tải lên."
            ),
        )
    not_excel = Problem(
        None,
        None,
        None,
        _("Tệp không phải là tệp Excel (.xlsx). Hãy tải mẫu Excel từ phoihop, điền rồi tải lên."),
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                return not_excel
            # The declared sizes are what zipfile will inflate to at most, so their sum bounds
            # the memory openpyxl can be made to use.
            if sum(m.file_size for m in members) > max_uncompressed:
                return Problem(
                    None,
                    None,
                    None,
                    _(
                        "Tệp Excel khi giải nén quá lớn (trên %(max)s MB); có thể tệp bị hỏng "
                        "hoặc chứa dữ liệu thừa."
                    )
                    % {"max": megabytes(max_uncompressed)},
                )
    except (zipfile.BadZipFile, OSError, ValueError):
        return not_excel
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _raw_number(value: object) -> Decimal | str | None:
    """A value cell as exact data: numbers as Decimal, text as typed (read later, the
    Vietnamese way); anything else raises ValueError with the reason."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(_("ô chứa giá trị đúng/sai, không phải số."))
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        raise ValueError(_("ô chứa ngày giờ, không phải số."))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr gives the shortest text that reads back the same double: 12.5, not 12.4999…
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            raise ValueError(_("không đọc được số.")) from None
    if isinstance(value, Decimal):
        return value
    text = str(value).strip()
    return text or None


# Other workbooks (the programme's targets) read their number cells the same way.
raw_number = _raw_number


def _identity(ws: Worksheet) -> SheetIdentity | None | Problem:
    def cell(key: str) -> Any:
        # openpyxl has no types: whatever a cell holds, int() below refuses with TypeError or
        # ValueError, which become the sheet's problem.
        return ws[f"{ID_COLUMN}{ID_ROWS[key]}"].value

    if cell("marker") != MARKER:
        return None
    try:
        submission = cell("submission")
        identity = SheetIdentity(
            organisation_id=int(cell("organisation")),
            submission_id=int(submission) if submission not in (None, "") else None,
            form_code=_text(cell("form")),
            period=_text(cell("period")),
            version=int(cell("version") or 0),
        )
    except (TypeError, ValueError):
        return Problem(
            ws.title,
            None,
            None,
            _("Thông tin nhận dạng của trang bị hỏng (cột ẩn G). Hãy tải mẫu mới từ phoihop."),
        )
    if not identity.form_code or not identity.period:
        return Problem(
            ws.title,
            None,
            None,
            _("Thông tin nhận dạng của trang bị hỏng (cột ẩn G). Hãy tải mẫu mới từ phoihop."),
        )
    return identity


def _merged_problems(ws: Worksheet) -> list[Problem]:
    problems = []
    for merged in ws.merged_cells.ranges:
        # Only the data area matters: a merged title above the table reads fine.
        if merged.max_row >= FIRST_DATA_ROW and merged.min_col <= 5:
            problems.append(
                Problem(
                    ws.title,
                    merged.min_row,
                    get_column_letter(merged.min_col),
                    _(
                        "Các ô %(range)s bị gộp trong vùng số liệu; hãy bỏ gộp ô (Unmerge) "
                        "để mỗi chỉ tiêu nằm trên một dòng."
                    )
                    % {"range": merged.coord},
                )
            )
    return problems


def _uncomputed(formulas: Worksheet | None, row: int, value: object) -> str | None:
    """The formula of a value cell whose result the file does not hold (written by a program
    that does not compute, e.g. a script): its value would otherwise read as empty."""
    if value is not None or formulas is None:
        return None
    typed = formulas[f"{VALUE_COLUMN}{row}"].value
    return typed if isinstance(typed, str) and typed.startswith("=") else None


def _parse_sheet(
    ws: Worksheet, identity: SheetIdentity, formulas: Worksheet | None = None
) -> tuple[ParsedSheet, list[Problem]]:
    sheet = ParsedSheet(title=ws.title, identity=identity)
    problems: list[Problem] = []
    for cells in ws.iter_rows(min_row=FIRST_DATA_ROW, max_col=5):
        row = cells[0].row
        code, name, _unit, value, comment = (c.value for c in cells)
        formula = _uncomputed(formulas, row, value)
        if formula is not None:
            problems.append(
                Problem(
                    ws.title,
                    row,
                    VALUE_COLUMN,
                    _(
                        "ô có công thức «%(formula)s» nhưng tệp chưa lưu kết quả tính; hãy mở "
                        "tệp bằng Excel hoặc LibreOffice, lưu lại rồi tải lên."
                    )
                    % {"formula": formula[:60]},
                )
            )
            continue
        code_text = _text(code)
        if not code_text:
            # A value typed on a heading row would otherwise be lost without a word.
            for column, content in ((VALUE_COLUMN, value), (COMMENT_COLUMN, comment)):
                if _text(content):
                    problems.append(
                        Problem(
                            ws.title,
                            row,
                            column,
                            _("dòng này không có mã chỉ tiêu (cột A) nên không biết ghi vào đâu."),
                        )
                    )
            continue
        if code_text.startswith(NARRATIVE_PREFIX):
            section = code_text.removeprefix(NARRATIVE_PREFIX)
            if section in sheet.narratives:
                problems.append(
                    Problem(ws.title, row, CODE_COLUMN, _("phần thuyết minh bị lặp lại."))
                )
                continue
            text = "" if name is None else str(name).replace("\r\n", "\n").strip()
            sheet.narratives[section] = ParsedNarrative(row=row, text=text)
            continue
        if not _CODE.match(code_text):
            problems.append(
                Problem(
                    ws.title,
                    row,
                    CODE_COLUMN,
                    _("mã chỉ tiêu «%(code)s» không có trong biểu mẫu.") % {"code": code_text},
                )
            )
            continue
        if code_text in sheet.figures:
            problems.append(
                Problem(
                    ws.title,
                    row,
                    CODE_COLUMN,
                    _("chỉ tiêu «%(code)s» xuất hiện hai lần (lần đầu ở dòng %(first)d).")
                    % {"code": code_text, "first": sheet.figures[code_text].row},
                )
            )
            continue
        try:
            raw = _raw_number(value)
        except ValueError as exc:
            label = _text(name) or code_text
            problems.append(Problem(ws.title, row, VALUE_COLUMN, f"«{label}»: {exc}"))
            continue
        comment_text = _text(comment)
        if len(comment_text) > MAX_COMMENT:
            problems.append(
                Problem(
                    ws.title,
                    row,
                    COMMENT_COLUMN,
                    _("ghi chú dài quá %(max)d ký tự.") % {"max": MAX_COMMENT},
                )
            )
            continue
        sheet.figures[code_text] = ParsedFigure(row=row, raw=raw, comment=comment_text)
    return sheet, problems


def parse_workbook(data: bytes, *, max_bytes: int, max_uncompressed: int) -> ParsedWorkbook:
    """Read every sheet of an uploaded workbook; problems instead of exceptions."""
    result = ParsedWorkbook()
    problem = check_container(data, max_bytes=max_bytes, max_uncompressed=max_uncompressed)
    if problem is not None:
        result.problems.append(problem)
        return result
    try:
        # data_only: a formula typed by the clerk counts by the value Excel last computed; the
        # formulas themselves are read too, to name a formula whose result was never stored.
        workbook = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # noqa: BLE001 - any failure to read is the same answer to the user
        result.problems.append(
            Problem(None, None, None, _("Không mở được tệp Excel; tệp có thể bị hỏng."))
        )
        return result
    for ws in workbook.worksheets:
        identity = _identity(ws)
        if identity is None:
            if ws.max_row > 1 or ws.max_column > 1 or ws["A1"].value is not None:
                result.notes.append(
                    _("Trang «%(sheet)s» không phải trang báo cáo tải từ phoihop, đã bỏ qua.")
                    % {"sheet": ws.title}
                )
            continue
        if isinstance(identity, Problem):
            result.problems.append(identity)
            continue
        merged = _merged_problems(ws)
        if merged:
            result.problems.extend(merged)
            continue
        sheet, problems = _parse_sheet(ws, identity, formulas[ws.title])
        result.sheets.append(sheet)
        result.problems.extend(problems)
    if not result.sheets and not result.problems:
        result.problems.append(
            Problem(
                None,
                None,
                None,
                _(
                    "Tệp Excel không có trang báo cáo nào để nhập. Hãy tải mẫu Excel từ "
                    "phoihop, điền rồi tải lên."
                ),
            )
        )
    return result

"""The programme's workbook: one sheet per organisation, one row per indicator, read back.

No ORM here, like reporting/excel.py whose helpers (problems named by sheet, row and column,
the container checks, number cells) it reuses.

Layout of a sheet (named by the organisation's short name, «Hội CTĐ»):
  rows 1–6   header: title, organisation, unit, year, signing date (C5), document number (C6)
  row 8      table heading: Mã | Chỉ tiêu | Đơn vị tính | Chỉ tiêu năm | Chỉ tiêu 6 tháng | Ghi chú
  rows 9…    one row per indicator: code A, name B, unit C, yearly target D, half-year E, note F
  column H   hidden identification: marker, organisation id, year
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from phoihop.core.dates import parse_date
from phoihop.reporting.excel import (
    BOLD,
    INPUT_FILL,
    Problem,
    cell_number,
    check_container,
    number_format,
    raw_number,
    sheet_title,
)

MARKER = "phoihop-chuong-trinh-1"
HEADER_ROW = 8
FIRST_ROW = HEADER_ROW + 1
SIGNED_CELL, REFERENCE_CELL = "C5", "C6"
ID_COLUMN = "H"
ID_ROWS = {"marker": 1, "organisation": 2, "year": 3}
MAX_NOTE = 500
COLUMNS = ("A", "B", "C", "D", "E", "F")


@dataclass(frozen=True)
class TargetRow:
    code: str
    name: str
    unit_label: str
    value_type: str
    yearly: Decimal | None = None
    half_year: Decimal | None = None
    note: str = ""


@dataclass(frozen=True)
class ProgrammeSheet:
    title: str
    organisation_id: int
    organisation_name: str
    unit_name: str
    year: int
    signed_on: dt.date | None
    reference: str
    rows: tuple[TargetRow, ...] = ()


@dataclass(frozen=True)
class ParsedTarget:
    row: int
    yearly: Decimal | str | None
    half_year: Decimal | str | None
    note: str


@dataclass
class ParsedProgramme:
    title: str
    organisation_id: int
    year: int
    signed_on: dt.date | None = None
    reference: str = ""
    targets: dict[str, ParsedTarget] = field(default_factory=dict)


@dataclass
class ParsedProgrammeBook:
    sheets: list[ParsedProgramme] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def build_workbook(sheets: list[ProgrammeSheet]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for spec in sheets:
        ws = workbook.create_sheet(sheet_title(spec.title, taken))
        for column, width in zip(COLUMNS, (14, 60, 14, 16, 16, 32), strict=True):
            ws.column_dimensions[column].width = width
        ws.column_dimensions[ID_COLUMN].hidden = True
        ws["B1"] = _("Chương trình phối hợp năm %(year)d") % {"year": spec.year}
        ws["B1"].font = Font(bold=True, size=13)
        for row, (label, value) in enumerate(
            [
                (_("Tổ chức"), spec.organisation_name),
                (_("Đơn vị"), spec.unit_name),
                (_("Năm"), spec.year),
                (
                    _("Ngày ký (dd/mm/yyyy)"),
                    spec.signed_on.strftime("%d/%m/%Y") if spec.signed_on else None,
                ),
                (_("Số, ký hiệu văn bản"), spec.reference or None),
            ],
            start=2,
        ):
            ws.cell(row=row, column=2, value=label).font = BOLD
            ws.cell(row=row, column=3, value=value)
        ws["B7"] = _(
            "Nhập chỉ tiêu năm vào cột D, chỉ tiêu 6 tháng (nếu có) vào cột E, ghi chú vào cột F; "
            "để trống cột D để bỏ chỉ tiêu. Không sửa cột A."
        )
        headings = (_("Mã"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Chỉ tiêu năm"))
        for column, text in zip(
            COLUMNS, (*headings, _("Chỉ tiêu 6 tháng"), _("Ghi chú")), strict=True
        ):
            ws[f"{column}{HEADER_ROW}"] = text
            ws[f"{column}{HEADER_ROW}"].font = BOLD
        for offset, target in enumerate(spec.rows):
            row = FIRST_ROW + offset
            ws[f"A{row}"], ws[f"B{row}"], ws[f"C{row}"] = (
                target.code,
                target.name,
                target.unit_label,
            )
            for column, value in (("D", target.yearly), ("E", target.half_year)):
                cell = ws[f"{column}{row}"]
                cell.value = cell_number(value)
                cell.number_format = number_format(target.value_type)
                cell.fill = INPUT_FILL
            ws[f"F{row}"] = target.note or None
        ws[f"{ID_COLUMN}{ID_ROWS['marker']}"] = MARKER
        ws[f"{ID_COLUMN}{ID_ROWS['organisation']}"] = spec.organisation_id
        ws[f"{ID_COLUMN}{ID_ROWS['year']}"] = spec.year
    if not sheets:
        # A workbook needs a sheet; a unit without organisations gets one that says so.
        workbook.create_sheet(_("Chương trình"))["A1"] = _("Đơn vị này không có tổ chức nào.")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _signed_on(ws: Worksheet) -> dt.date | None | Problem:
    value = ws[SIGNED_CELL].value
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except ValueError:
        return Problem(
            ws.title,
            5,
            "C",
            _("ngày ký «%(value)s» không đọc được (dd/mm/yyyy).") % {"value": value},
        )


def _parse_sheet(
    ws: Worksheet, organisation_id: int, year: int
) -> tuple[ParsedProgramme, list[Problem]]:
    sheet = ParsedProgramme(title=ws.title, organisation_id=organisation_id, year=year)
    problems: list[Problem] = []
    signed = _signed_on(ws)
    if isinstance(signed, Problem):
        problems.append(signed)
    else:
        sheet.signed_on = signed
    sheet.reference = _text(ws[REFERENCE_CELL].value)[:80]
    for cells in ws.iter_rows(min_row=FIRST_ROW, max_col=6):
        row = cells[0].row
        code, name, _unit, yearly, half, note = (c.value for c in cells)
        code_text = _text(code)
        if not code_text:
            for column, content in (("D", yearly), ("E", half), ("F", note)):
                if _text(content):
                    problems.append(
                        Problem(ws.title, row, column, _("dòng này không có mã chỉ tiêu (cột A)."))
                    )
            continue
        if code_text in sheet.targets:
            problems.append(
                Problem(
                    ws.title,
                    row,
                    "A",
                    _("chỉ tiêu «%(code)s» xuất hiện hai lần (lần đầu ở dòng %(first)d).")
                    % {"code": code_text, "first": sheet.targets[code_text].row},
                )
            )
            continue
        values: list[Decimal | str | None] = []
        for column, value in (("D", yearly), ("E", half)):
            try:
                values.append(raw_number(value))
            except ValueError as exc:
                problems.append(
                    Problem(ws.title, row, column, f"«{_text(name) or code_text}»: {exc}")
                )
                values.append(None)
        note_text = _text(note)
        if len(note_text) > MAX_NOTE:
            problems.append(
                Problem(ws.title, row, "F", _("ghi chú dài quá %(max)d ký tự.") % {"max": MAX_NOTE})
            )
        sheet.targets[code_text] = ParsedTarget(
            row=row, yearly=values[0], half_year=values[1], note=note_text[:MAX_NOTE]
        )
    return sheet, problems


def parse_workbook(data: bytes, *, max_bytes: int) -> ParsedProgrammeBook:
    """Every programme sheet of an uploaded workbook; problems instead of exceptions."""
    result = ParsedProgrammeBook()
    problem = check_container(data, max_bytes=max_bytes, max_uncompressed=max_bytes * 20)
    if problem is not None:
        result.problems.append(problem)
        return result
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # noqa: BLE001 - any failure to read is the same answer to the user
        result.problems.append(
            Problem(None, None, None, _("Không mở được tệp Excel; tệp có thể bị hỏng."))
        )
        return result
    for ws in workbook.worksheets:
        if ws[f"{ID_COLUMN}{ID_ROWS['marker']}"].value != MARKER:
            continue
        try:
            organisation_id = int(ws[f"{ID_COLUMN}{ID_ROWS['organisation']}"].value)
            year = int(ws[f"{ID_COLUMN}{ID_ROWS['year']}"].value)
        except (TypeError, ValueError):
            result.problems.append(
                Problem(
                    ws.title, None, None, _("Thông tin nhận dạng của trang bị hỏng (cột ẩn H).")
                )
            )
            continue
        sheet, problems = _parse_sheet(ws, organisation_id, year)
        result.sheets.append(sheet)
        result.problems.extend(problems)
    if not result.sheets and not result.problems:
        result.problems.append(
            Problem(
                None,
                None,
                None,
                _("Tệp Excel không có trang chương trình phối hợp nào. Hãy tải mẫu từ phoihop."),
            )
        )
    return result

"""Writes of analytics: rebuilding rollups, favourites, and exports of a pivot view."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from phoihop.accounts.models import User
from phoihop.analytics import rollups
from phoihop.analytics.models import Favourite
from phoihop.analytics.pivot import PivotResult
from phoihop.analytics.pivot_query import ROWS_PERIOD
from phoihop.reporting.excel import cell_number, number_format, sheet_title

MAX_FAVOURITES = 50


def rebuild_rollups() -> int:
    """Recompute every rollup row from the figures; returns the number of rows."""
    return rollups.rebuild_rollups()


def save_favourite(user: User, *, name: str, query: str) -> Favourite:
    """Keep a pivot view (its query string) on the user's dashboard."""
    name = (name or "").strip()[:120] or _("Bảng chưa đặt tên")
    query = (query or "").lstrip("?")[:2000]
    favourite, _created = Favourite.objects.update_or_create(
        user=user, query=query, defaults={"name": name}
    )
    # Keep the dashboard readable: the oldest favourites beyond the limit are dropped.
    keep = Favourite.objects.filter(user=user).values_list("pk", flat=True)[:MAX_FAVOURITES]
    Favourite.objects.filter(user=user).exclude(pk__in=list(keep)).delete()
    return favourite


def delete_favourite(user: User, *, favourite_id: int) -> bool:
    """Drop one of the user's own favourites; False when there is none such (another user's
    included), so that nothing is claimed deleted."""
    deleted, _rows = Favourite.objects.filter(user=user, pk=favourite_id).delete()
    return deleted > 0


def column_label(column: dict[str, Any], *, rows: str) -> str:
    indicator = column["indicator"]
    label = f"{indicator.name} ({indicator.unit_label})"
    if column["period"] is not None and rows != ROWS_PERIOD:
        label += f" — {column['period'].label}"
    if column.get("mark"):
        label += f" ({column['mark']})"
    return label


def _first_heading(result: PivotResult) -> str:
    return {
        "don_vi": _("Đơn vị"),
        "to_chuc": _("Tổ chức"),
        "ky": _("Kỳ"),
    }[result.query.rows]


def table_rows(result: PivotResult) -> list[list[Any]]:
    """The pivot as a plain table: a heading row, the rows, then the total."""
    rows: list[list[Any]] = [
        [_first_heading(result)] + [column_label(c, rows=result.query.rows) for c in result.columns]
    ]
    for row in [*result.rows, *([result.total] if result.total else [])]:
        label = f"{row.label} ({row.mark})" if row.mark else row.label
        rows.append([label, *row.cells])
    return rows


def export_csv(result: PivotResult) -> bytes:
    """CSV with a byte-order mark so that Excel reads the Vietnamese text as UTF-8; numbers are
    written plainly (a '.' decimal point) so that any program can read them back."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table_rows(result):
        writer.writerow(
            ["" if v is None else (format(v, "f") if isinstance(v, Decimal) else v) for v in row]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(result: PivotResult) -> bytes:
    """An Excel workbook: numbers as numbers, formatted with grouping as the locale shows it."""

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(_("Bảng tổng hợp"), set())
    query = result.query
    sheet.append([_("Bảng tổng hợp số liệu — %(unit)s") % {"unit": query.unit}])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([", ".join(result.period_label(p) for p in query.periods)])
    sheet.append([])
    table = table_rows(result)
    for index, row in enumerate(table):
        sheet.append([cell_number(v) if isinstance(v, Decimal) else v for v in row])
        line = sheet.max_row
        if index == 0 or (result.total and index == len(table) - 1):
            for cell in sheet[line]:
                cell.font = Font(bold=True)
        if index == 0:
            for cell in sheet[line]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            for cell, column in zip(sheet[line][1:], result.columns, strict=False):
                if isinstance(cell.value, int | float):
                    cell.number_format = number_format(column["indicator"].value_type)
    sheet.column_dimensions["A"].width = 34
    for letter_index in range(2, len(result.columns) + 2):
        sheet.column_dimensions[get_column_letter(letter_index)].width = 18
    for note in result.notes:
        sheet.append([note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""The catalogue as a file: YAML or Excel in, plain records with their place out, and back.

This module knows layouts, not meaning: it turns a file into records (one dict per indicator,
form, section, rule...) that remember where they stood, so that whoever checks the values can
say "indicators[3].value_type" or "trang «chi_tieu», dòng 5, cột D". Checking and writing to the
database is `phoihop.validation.catalogue`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

__all__ = [
    "COLUMNS",
    "LIST_FIELDS",
    "CatalogueFileError",
    "Record",
    "catalogue_format",
    "read_catalogue",
    "write_catalogue",
]

# The kinds of record, in load order, and their fields (the columns of their Excel sheet).
COLUMNS: dict[str, tuple[str, ...]] = {
    "indicators": (
        "code",
        "name",
        "unit",
        "value_type",
        "aggregation",
        "part_of",
        "formula",
        "pad_small",
        "min_value",
        "max_value",
        "change_threshold",
        "keywords",
        "description",
        "sentence",
    ),
    "forms": (
        "code",
        "name",
        "organisation_kinds",
        "levels",
        "period_type",
        "period_convention",
        "deadline_days",
        "grace_days",
        "is_active",
    ),
    "sections": (
        "form",
        "code",
        "heading",
        "has_narrative",
        "narrative_required",
        "narrative_hint",
        "indicators",
    ),
    "products": ("count", "each", "total", "tolerance"),
    "level_reconciliations": ("indicator", "organisation_kind", "tolerance", "importance"),
    "joint_figures": ("indicator", "organisation_kind", "partner_kind", "tolerance"),
    "rules": (
        "code",
        "name",
        "left",
        "operator",
        "right",
        "message",
        "importance",
        "missing",
        "tolerance",
        "blocking",
        "scope",
        "unit",
        "form",
        "organisation_kinds",
        "levels",
        "is_active",
    ),
}
# Fields that hold a list; an Excel cell writes one as items separated by ";".
LIST_FIELDS = frozenset({"keywords", "organisation_kinds", "levels", "indicators"})
LIST_SEPARATOR = "; "


class CatalogueFileError(ValueError):
    """A catalogue file that cannot be read; the message names the place, in Vietnamese."""


@dataclass(frozen=True)
class Record:
    """One item of the file, its raw values, and how to name a place in it."""

    kind: str
    values: dict[str, Any]
    where: Callable[[str | None], str]


def catalogue_format(path: str | Path) -> str:
    """'yaml' or 'xlsx' by the file's extension; anything else is refused."""
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".xlsx":
        return "xlsx"
    raise CatalogueFileError(
        f"Không nhận dạng được tệp «{Path(path).name}»: chỉ dùng tệp .yaml, .yml hoặc .xlsx."
    )


def read_catalogue(data: bytes, fmt: str) -> list[Record]:
    """The records of a catalogue file, kinds in load order (indicators first)."""
    records = _read_yaml(data) if fmt == "yaml" else _read_xlsx(data)
    order = list(COLUMNS)
    return sorted(records, key=lambda record: order.index(record.kind))


def write_catalogue(catalogue: dict[str, list[dict[str, Any]]], fmt: str) -> bytes:
    """The file for a catalogue given as {kind: [record values]} (sections flat, with 'form')."""
    return _write_yaml(catalogue) if fmt == "yaml" else _write_xlsx(catalogue)


# --- YAML ------------------------------------------------------------------------------------


def _yaml_place(path: str) -> Callable[[str | None], str]:
    return lambda field: f"Mục «{path}.{field}»" if field else f"Mục «{path}»"


def _read_yaml(data: bytes) -> list[Record]:
    try:
        document = yaml.safe_load(data.decode("utf-8")) or {}
    except UnicodeDecodeError as exc:
        raise CatalogueFileError("Tệp YAML phải được lưu với bảng mã UTF-8.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 1}, cột {mark.column + 1})" if mark else ""
        raise CatalogueFileError(f"Tệp YAML viết sai cú pháp{where}: {exc}") from exc
    if not isinstance(document, dict):
        raise CatalogueFileError("Tệp YAML phải là một bảng có các mục indicators, forms, rules…")
    allowed = set(COLUMNS) - {"sections"}
    unknown = sorted(str(key) for key in document if key not in allowed)
    if unknown:
        raise CatalogueFileError(
            f"Mục «{unknown[0]}» không có trong danh mục; các mục được dùng: "
            + ", ".join(kind for kind in COLUMNS if kind != "sections")
            + "."
        )
    records: list[Record] = []
    for kind in COLUMNS:
        if kind == "sections":
            continue  # inside their forms
        items = document.get(kind) or []
        if not isinstance(items, list):
            raise CatalogueFileError(f"Mục «{kind}» phải là một danh sách.")
        for index, item in enumerate(items):
            path = f"{kind}[{index}]"
            if not isinstance(item, dict):
                raise CatalogueFileError(f"Mục «{path}» phải là một bảng (khoá: giá trị).")
            values = dict(item)
            sections = values.pop("sections", None) if kind == "forms" else None
            records.append(Record(kind, values, _yaml_place(path)))
            if sections is None:
                continue
            if not isinstance(sections, list):
                raise CatalogueFileError(f"Mục «{path}.sections» phải là một danh sách.")
            for number, section in enumerate(sections):
                section_path = f"{path}.sections[{number}]"
                if not isinstance(section, dict):
                    raise CatalogueFileError(f"Mục «{section_path}» phải là một bảng.")
                nested = {"form": values.get("code"), **section}
                records.append(Record("sections", nested, _yaml_place(section_path)))
    return records


def _plain(value: Any) -> Any:
    """Exact decimals as YAML numbers where that loses nothing, else as text."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return format(value.normalize(), "f")
    return value


def _write_yaml(catalogue: dict[str, list[dict[str, Any]]]) -> bytes:
    sections_by_form: dict[str, list[dict[str, Any]]] = {}
    for section in catalogue.get("sections", []):
        values = {k: _plain(v) for k, v in section.items() if k != "form"}
        sections_by_form.setdefault(section["form"], []).append(values)
    document: dict[str, list[dict[str, Any]]] = {}
    for kind in COLUMNS:
        if kind == "sections":
            continue
        items = []
        for record in catalogue.get(kind, []):
            values = {field: _plain(record.get(field)) for field in COLUMNS[kind]}
            if kind == "forms":
                values["sections"] = sections_by_form.get(record["code"], [])
            items.append(values)
        document[kind] = items
    header = (
        "# Danh mục chỉ tiêu, biểu mẫu và quy tắc kiểm tra của phoihop.\n"
        "# Sửa tệp này rồi nạp lại bằng: phoihop catalogue load <tệp>\n"
    )
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    return (header + body).encode("utf-8")


# --- Excel -----------------------------------------------------------------------------------

# Sheet names as the office reads them; the first row of each sheet names the fields.
SHEETS = {
    "indicators": "chi_tieu",
    "forms": "bieu_mau",
    "sections": "phan",
    "products": "so_luong_x_don_gia",
    "level_reconciliations": "doi_chieu_cap",
    "joint_figures": "so_lieu_phoi_hop",
    "rules": "quy_tac",
}


def _xlsx_place(sheet: str, row: int, columns: dict[str, int]) -> Callable[[str | None], str]:
    def where(field: str | None) -> str:
        if field is None or field not in columns:
            return f"Trang «{sheet}», dòng {row}"
        return f"Trang «{sheet}», dòng {row}, cột {get_column_letter(columns[field])} ({field})"

    return where


def _cell_value(field: str, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return None
        if field in LIST_FIELDS:
            parts = value.replace("\n", ";").split(";")
            return [part.strip() for part in parts if part.strip()]
        return value
    if field in LIST_FIELDS and value is not None:
        return [value]  # a single level typed as a number
    if isinstance(value, float):
        return Decimal(repr(value))  # exact as Excel shows it, never 1.149999...
    return value


def _read_xlsx(data: bytes) -> list[Record]:
    try:
        workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise CatalogueFileError(f"Không mở được tệp Excel: {exc}") from exc
    names = {name: kind for kind, name in SHEETS.items()}
    records: list[Record] = []
    for sheet in workbook.worksheets:
        kind = names.get(sheet.title)
        if kind is None:
            raise CatalogueFileError(
                f"Trang «{sheet.title}» không có trong danh mục; các trang được dùng: "
                + ", ".join(SHEETS.values())
                + "."
            )
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None) or ()
        columns: dict[str, int] = {}
        for number, title in enumerate(header, start=1):
            if title is None or str(title).strip() == "":
                continue
            field = str(title).strip()
            if field not in COLUMNS[kind]:
                raise CatalogueFileError(
                    f"Trang «{sheet.title}», dòng 1, cột {get_column_letter(number)}: "
                    f"«{field}» không phải tên cột của trang này (các cột: "
                    + ", ".join(COLUMNS[kind])
                    + ")."
                )
            columns[field] = number
        for row_number, row in enumerate(rows, start=2):
            values = {
                field: _cell_value(field, row[number - 1] if number - 1 < len(row) else None)
                for field, number in columns.items()
            }
            if all(value is None for value in values.values()):
                continue  # blank rows between groups are fine
            # An empty cell of a column the sheet has is an empty value, not a missing one.
            records.append(Record(kind, values, _xlsx_place(sheet.title, row_number, columns)))
    workbook.close()
    return records


def _excel_cell(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in LIST_FIELDS:
        return LIST_SEPARATOR.join(str(item) for item in value) or None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _write_xlsx(catalogue: dict[str, list[dict[str, Any]]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind, sheet_name in SHEETS.items():
        sheet = workbook.create_sheet(sheet_name)
        fields = COLUMNS[kind]
        sheet.append(list(fields))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for record in catalogue.get(kind, []):
            sheet.append([_excel_cell(field, record.get(field)) for field in fields])
        for number, field in enumerate(fields, start=1):
            wide = field in ("name", "heading", "message", "keywords", "left", "right")
            sheet.column_dimensions[get_column_letter(number)].width = 50 if wide else 16
        sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ordered(records: Iterable[Record], kind: str) -> list[Record]:
    """The records of one kind, in file order."""
    return [record for record in records if record.kind == kind]

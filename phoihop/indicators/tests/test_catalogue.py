"""The catalogue as data: export, edit, load again (YAML and Excel); mistakes change nothing."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from phoihop.demo.builder import CATALOGUE
from phoihop.indicators.models import Form, Indicator, Section
from phoihop.validation.catalogue import (
    CatalogueError,
    export_catalogue,
    load_catalogue,
    load_catalogue_file,
)
from phoihop.validation.models import ProductDeclaration, Rule

pytestmark = pytest.mark.django_db

NEW_INDICATOR = {
    "code": "tt_mang_xa_hoi_bai",
    "name": "Bài viết tuyên truyền trên mạng xã hội",
    "unit": "bài",
    "keywords": ["mạng xã hội", "bài viết"],
    "change_threshold": 150,
}


def _yaml() -> dict:
    return yaml.safe_load(export_catalogue("yaml"))


def _load_yaml(document: dict):
    return load_catalogue(yaml.safe_dump(document, allow_unicode=True).encode(), "yaml")


def _workbook():
    return load_workbook(BytesIO(export_catalogue("xlsx")))


def _xlsx_bytes(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column(sheet, name: str) -> int:
    return [cell.value for cell in sheet[1]].index(name) + 1


def _row_of(sheet, **match) -> int:
    for row in range(2, sheet.max_row + 1):
        if all(sheet.cell(row, _column(sheet, k)).value == v for k, v in match.items()):
            return row
    raise AssertionError(match)


def test_it_loads_the_demo_catalogue_again_without_changing_anything() -> None:
    summary = load_catalogue_file(CATALOGUE)
    assert summary.changed == 0


def test_a_province_adds_its_own_indicator_through_yaml() -> None:
    document = _yaml()
    document["indicators"].append(NEW_INDICATOR)
    form = next(f for f in document["forms"] if f["code"] == "huyen_ctd")
    form["sections"][0]["indicators"].append(NEW_INDICATOR["code"])
    form["sections"][0]["narrative_required"] = True
    so_cuu = next(i for i in document["indicators"] if i["code"] == "so_cuu_ca")
    so_cuu["change_threshold"] = None  # no longer asks for an explanation of a jump

    summary = _load_yaml(document)

    indicator = Indicator.objects.get(code=NEW_INDICATOR["code"])
    assert indicator.unit_label == "bài"
    assert indicator.change_threshold == Decimal(150)
    assert indicator.keywords.splitlines() == ["mạng xã hội", "bài viết"]
    section = Section.objects.get(form__code="huyen_ctd", code="tuyen_truyen")
    assert section.narrative_required is True
    assert [i.code for i in Form.objects.get(code="huyen_ctd").indicators()][4] == indicator.code
    assert Indicator.objects.get(code="so_cuu_ca").change_threshold is None
    assert summary.created["indicators"] == 1
    assert summary.updated["indicators"] == 1
    # Loading the same file again finds nothing to do.
    assert _load_yaml(document).changed == 0
    exported = _yaml()
    assert NEW_INDICATOR["code"] in [i["code"] for i in exported["indicators"]]
    assert _load_yaml(exported).changed == 0


def test_a_province_adds_its_own_indicator_and_rule_through_excel() -> None:
    workbook = _workbook()
    indicators = workbook["chi_tieu"]
    indicators.append(
        [
            NEW_INDICATOR["code"]
            if name == "code"
            else NEW_INDICATOR.get(name)
            if name != "keywords"
            else "mạng xã hội; bài viết"
            for name in (cell.value for cell in indicators[1])
        ]
    )
    sections = workbook["phan"]
    row = _row_of(sections, form="huyen_ctd", code="tuyen_truyen")
    cell = sections.cell(row, _column(sections, "indicators"))
    cell.value = f"{cell.value}; {NEW_INDICATOR['code']}"
    rules = workbook["quy_tac"]
    header = [c.value for c in rules[1]]
    rule = {
        "code": "bai_viet_toi_thieu",
        "name": "Hội CTĐ huyện viết ít nhất một bài",
        "left": NEW_INDICATOR["code"],
        "operator": ">=",
        "right": "1",
        "message": "Chưa có bài viết nào ({left})",
        "organisation_kinds": "ctd",
        "levels": 2,
    }
    rules.append([rule.get(name) for name in header])

    load_catalogue(_xlsx_bytes(workbook), "xlsx")

    assert Indicator.objects.get(code=NEW_INDICATOR["code"]).name == NEW_INDICATOR["name"]
    codes = [i.code for i in Form.objects.get(code="huyen_ctd").indicators()]
    assert NEW_INDICATOR["code"] in codes
    stored = Rule.objects.get(code="bai_viet_toi_thieu")
    assert [k.code for k in stored.organisation_kinds.all()] == ["ctd"]
    assert stored.levels == [2]
    assert load_catalogue(_xlsx_bytes(workbook), "xlsx").changed == 0


def test_a_wrong_value_in_yaml_is_named_by_its_path_and_changes_nothing() -> None:
    document = _yaml()
    document["indicators"].append(NEW_INDICATOR)
    document["indicators"][1]["value_type"] = "so_nguyen"
    document["forms"][0]["sections"][0]["code"] = "Lãnh đạo"
    before = Indicator.objects.count()

    with pytest.raises(CatalogueError) as error:
        _load_yaml(document)

    assert "Mục «indicators[1].value_type»: «so_nguyen» không hợp lệ" in str(error.value)
    assert "Mục «forms[0].sections[0].code»: mã «Lãnh đạo» chỉ gồm chữ thường" in str(error.value)
    assert Indicator.objects.count() == before


def test_an_unknown_code_in_excel_is_named_by_sheet_row_and_column() -> None:
    workbook = _workbook()
    sheet = workbook["chi_tieu"]
    row = _row_of(sheet, code="so_cuu_tngt")
    sheet.cell(row, _column(sheet, "part_of")).value = "so_cuu_ca_sai"
    sheet.cell(row, _column(sheet, "name")).value = "Tên đã sửa"

    with pytest.raises(CatalogueError) as error:
        load_catalogue(_xlsx_bytes(workbook), "xlsx")

    assert (
        f"Trang «chi_tieu», dòng {row}, cột F (part_of): không có chỉ tiêu mã «so_cuu_ca_sai»"
        in str(error.value)
    )
    assert Indicator.objects.get(code="so_cuu_tngt").name == "trong đó: tai nạn giao thông"


def test_a_rule_that_does_not_compile_rolls_back_the_whole_file() -> None:
    document = _yaml()
    document["indicators"].append(NEW_INDICATOR)
    document["rules"][0]["left"] = "tt_qp_cuoc +"
    products = ProductDeclaration.objects.count()

    with pytest.raises(CatalogueError) as error:
        _load_yaml(document)

    assert "Mục «rules[0].left»" in str(error.value)
    assert not Indicator.objects.filter(code=NEW_INDICATOR["code"]).exists()
    assert ProductDeclaration.objects.count() == products


def test_the_command_exports_and_loads_by_extension(tmp_path: Path) -> None:
    target = tmp_path / "danh_muc.xlsx"
    call_command("catalogue", "export", str(target))
    assert load_workbook(target).sheetnames[0] == "chi_tieu"

    bad = tmp_path / "danh_muc.yaml"
    bad.write_text("indicators:\n  - code: x\n    name: [\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Không nạp được danh mục, chưa thay đổi gì"):
        call_command("catalogue", "load", str(bad))
    with pytest.raises(CommandError, match=r"chỉ dùng tệp \.yaml, \.yml hoặc \.xlsx"):
        call_command("catalogue", "load", str(tmp_path / "danh_muc.csv"))

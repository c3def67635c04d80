"""The programme's workbook: exported per organisation, imported whole or not at all."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from phoihop.core.periods import Period
from phoihop.documents.context import report_context
from phoihop.documents.services import generate_docx
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes.models import Programme, Target
from phoihop.programmes.selectors import programme_workbook

pytestmark = pytest.mark.django_db


def _district():
    return Unit.objects.get(code="698")


def _workbook():
    return load_workbook(io.BytesIO(programme_workbook(_district(), 2020)))


def _row_of(ws, code: str) -> int:
    return next(r for r in range(9, ws.max_row + 1) if ws[f"A{r}"].value == code)


def _save(workbook, tmp_path, name="chi-tieu.xlsx"):
    path = tmp_path / name
    workbook.save(path)
    return path


def _red_cross_target(code: str) -> Decimal | None:
    target = Target.objects.filter(
        programme__organisation__unit__code="698",
        programme__organisation__kind__code="ctd",
        programme__year=2020,
        indicator__code=code,
    ).first()
    return None if target is None else target.yearly


def test_it_writes_one_sheet_per_organisation_named_by_its_short_name() -> None:
    workbook = _workbook()
    assert "Hội CTĐ" in workbook.sheetnames
    assert len(workbook.sheetnames) == 7
    ws = workbook["Hội CTĐ"]
    row = _row_of(ws, "tet_qua_so")
    assert ws[f"B{row}"].value == "Quà chăm lo Tết cho người nghèo"
    assert ws[f"C{row}"].value == "phần quà"
    assert ws[f"D{row}"].value == 20000  # the demo's yearly target
    assert [ws[f"{c}8"].value for c in "ABCDEF"] == [
        "Mã",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Chỉ tiêu năm",
        "Chỉ tiêu 6 tháng",
        "Ghi chú",
    ]


def test_twice_the_first_half_as_target_makes_the_report_say_fifty_percent(
    personas, tmp_path
) -> None:
    out = tmp_path / "out.xlsx"
    call_command("programme", "export", "--unit", "698", "--year", "2020", "--out", str(out))
    workbook = load_workbook(out)
    ws = workbook["Hội CTĐ"]
    row = _row_of(ws, "tet_qua_so")
    ws[f"D{row}"] = 21696  # twice the 10.848 gifts of 2020S1
    ws[f"E{row}"] = 10848
    ws[f"F{row}"] = "Gấp đôi 6 tháng đầu năm"
    call_command("programme", "import", "--user", "vanphong", str(_save(workbook, tmp_path)))

    assert _red_cross_target("tet_qua_so") == 21696
    context = report_context(_district(), Period.parse("2020S1"))
    text = "\n".join(context["programme_progress"])
    assert "So với chỉ tiêu năm" in text and "bình quân đạt: Ban CHQS" in text
    # Every target in the appendix: reached, yearly target, share.
    gifts = ["Hội CTĐ: Quà chăm lo Tết cho người nghèo (phần quà)", "10.848", "21.696", "50%"]
    document = Document(io.BytesIO(generate_docx(_district(), Period.parse("2020S1")).content))
    paragraphs = [p.text for p in document.paragraphs]
    heading = paragraphs.index("4. Thực hiện chỉ tiêu chương trình phối hợp")
    # The body says it in words: the Red Cross's weakest target now, at half its yearly target.
    said = next(p for p in paragraphs[heading:] if p.startswith("- So với chỉ tiêu năm"))
    red_cross = next(part for part in said.split("; ") if part.startswith("Hội CTĐ"))
    assert "Quà chăm lo Tết cho người nghèo đạt 50%" in red_cross, said
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert any(
        row[0] == gifts[0] and gifts[1] in row[1] and gifts[2] in row[2] and row[3] == gifts[3]
        for row in rows
    ), [r for r in rows if "Tết" in r[0]]
    programme = Programme.objects.get(
        organisation__unit__code="698", organisation__kind__code="ctd", year=2020
    )
    assert programme.version == 2
    # The signed version stays readable beside the amended one.
    first = programme.versions.get(number=1).snapshot["targets"]
    assert next(t for t in first if t["code"] == "tet_qua_so")["yearly"] == "20000.0000"


def test_a_target_typed_as_text_is_refused_by_its_cell_and_nothing_is_saved(
    personas, tmp_path
) -> None:
    workbook = _workbook()
    good = workbook["Hội CTĐ"]
    good[f"D{_row_of(good, 'tet_qua_so')}"] = 30000  # valid, but must not be saved either
    bad = workbook["Hội ND"]
    row = _row_of(bad, "tt_qp_cuoc")
    bad[f"D{row}"] = "một trăm"
    path = _save(workbook, tmp_path)

    with pytest.raises(CommandError) as refused:
        call_command("programme", "import", "--user", "vanphong", str(path))

    assert f"Trang «Hội ND», dòng {row}, cột D" in str(refused.value)
    assert "không có gì được lưu" in str(refused.value)
    assert _red_cross_target("tet_qua_so") == 20000
    assert Programme.objects.filter(organisation__unit__code="698", version__gt=1).count() == 0


def test_a_half_year_target_with_a_fraction_of_a_count_is_named_in_column_e(
    personas, tmp_path
) -> None:
    workbook = _workbook()
    ws = workbook["Hội CTĐ"]
    row = _row_of(ws, "nha_ctd_so")
    ws[f"E{row}"] = 2.5
    with pytest.raises(CommandError) as refused:
        call_command("programme", "import", "--user", "vanphong", str(_save(workbook, tmp_path)))
    assert f"Trang «Hội CTĐ», dòng {row}, cột E" in str(refused.value)
    assert "số nguyên" in str(refused.value)


def test_a_reporter_cannot_import_targets(personas, tmp_path) -> None:
    with pytest.raises(CommandError) as refused:
        call_command(
            "programme", "import", "--user", "chuthapdo", str(_save(_workbook(), tmp_path))
        )
    assert "không được sửa chương trình phối hợp" in str(refused.value)


def test_the_web_upload_saves_the_workbook_or_names_the_bad_cell(client_for, tmp_path) -> None:
    client = client_for("vanphong")
    workbook = _workbook()
    ws = workbook["Hội CTĐ"]
    row = _row_of(ws, "tet_qua_so")
    ws[f"D{row}"] = "nhiều"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "chi-tieu.xlsx"
    response = client.post("/chuong-trinh/tai-len/", {"tep": buffer})
    assert response.status_code == 400
    assert f"Trang «Hội CTĐ», dòng {row}, cột D" in response.content.decode()
    assert _red_cross_target("tet_qua_so") == 20000

    ws[f"D{row}"] = "25.000"  # the Vietnamese way: twenty-five thousand
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "chi-tieu.xlsx"
    response = client.post("/chuong-trinh/tai-len/", {"tep": buffer})
    assert response.status_code == 302
    assert _red_cross_target("tet_qua_so") == 25000


def test_a_file_that_is_not_excel_is_refused_in_vietnamese(client_for) -> None:
    buffer = io.BytesIO(b"not a workbook")
    buffer.name = "chi-tieu.xlsx"
    response = client_for("vanphong").post("/chuong-trinh/tai-len/", {"tep": buffer})
    assert response.status_code == 400
    assert "không phải là tệp Excel" in response.content.decode()


def test_the_download_is_the_unit_workbook(client_for) -> None:
    district = _district()
    response = client_for("vanphong").get(f"/chuong-trinh/excel/{district.pk}/2020/")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).sheetnames[0] == "Ban CHQS"
    other = Organisation.objects.filter(unit__code="698", kind__code="ctd").get()
    assert other.kind.short_name == "Hội CTĐ"


def test_a_unit_without_organisations_gets_a_workbook_that_says_so(client_for) -> None:
    province = Unit.objects.get(code="70")
    response = client_for("tinh").get(f"/chuong-trinh/excel/{province.pk}/2020/")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws["A1"].value == "Đơn vị này không có tổ chức nào."

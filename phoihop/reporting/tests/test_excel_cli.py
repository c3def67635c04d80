"""`phoihop submissions export|import` from the command line."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from phoihop.reporting import excel
from phoihop.reporting.models import FigureValue, Submission

pytestmark = pytest.mark.django_db

PERIOD = "2020S2"


def farmers() -> Submission:
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period=PERIOD
    )


def export(tmp_path, *args: str) -> bytes:
    out = tmp_path / "bao-cao.xlsx"
    call_command("submissions", "export", *args, "--period", PERIOD, "--out", str(out))
    return out.read_bytes()


def set_first_value(data: bytes, value, path) -> tuple[str, int]:
    workbook = load_workbook(io.BytesIO(data))
    ws = workbook.worksheets[0]
    row = next(
        r
        for r in range(excel.FIRST_DATA_ROW, ws.max_row + 1)
        if ws.cell(r, 1).value and "." not in ws.cell(r, 1).value
    )
    ws.cell(row, 4).value = value
    workbook.save(path)
    return ws.cell(row, 1).value, row


def test_it_exports_one_organisation(tmp_path) -> None:
    submission = farmers()
    data = export(tmp_path, "--organisation", str(submission.organisation_id))
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    assert ws["G2"].value == submission.organisation_id and ws["G6"].value == submission.version


def test_it_exports_all_communes_of_a_unit(tmp_path) -> None:
    data = export(tmp_path, "--unit", "698", "--form", "xa_doan_the")
    titles = load_workbook(io.BytesIO(data)).sheetnames
    assert len(titles) > 16 and any(t.startswith("Hội CTĐ") for t in titles)


def test_it_imports_with_a_dry_run_first(tmp_path, capsys) -> None:
    submission = farmers()
    data = export(tmp_path, "--organisation", str(submission.organisation_id))
    path = tmp_path / "da-dien.xlsx"
    code, _row = set_first_value(data, "7.286", path)

    call_command("submissions", "import", str(path), "--user", "nongdan", "--dry-run")
    assert "→ 7.286" in capsys.readouterr().out
    assert FigureValue.objects.get(submission=submission, indicator__code=code).value != 7286

    call_command("submissions", "import", str(path), "--user", "nongdan")
    figure = FigureValue.objects.get(submission=submission, indicator__code=code)
    assert figure.value == 7286 and figure.history.latest().history_user.username == "nongdan"


def test_it_prints_problems_with_sheet_row_column_and_fails(tmp_path, capsys) -> None:
    submission = farmers()
    data = export(tmp_path, "--organisation", str(submission.organisation_id))
    path = tmp_path / "sai.xlsx"
    _code, row = set_first_value(data, -5, path)
    before = list(FigureValue.objects.values_list("pk", "value"))
    with pytest.raises(CommandError, match="1 lỗi"):
        call_command("submissions", "import", str(path), "--user", "nongdan")
    assert f"Trang «Hội ND», dòng {row}, cột D: " in capsys.readouterr().err
    assert list(FigureValue.objects.values_list("pk", "value")) == before


def test_it_refuses_another_organisations_file(tmp_path, capsys) -> None:
    women = Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="pn", period=PERIOD
    )
    data = export(tmp_path, "--organisation", str(women.organisation_id))
    path = tmp_path / "pn.xlsx"
    set_first_value(data, 1, path)
    with pytest.raises(CommandError):
        call_command("submissions", "import", str(path), "--user", "nongdan")
    assert "không được nhập số liệu" in capsys.readouterr().err

"""The plain Excel module: building a workbook and reading it back, no database."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from openpyxl import load_workbook

from phoihop.reporting import excel

LIMIT = 1024 * 1024


def spec(title: str = "Hội CTĐ") -> excel.SheetSpec:
    return excel.SheetSpec(
        title=title,
        identity=excel.SheetIdentity(
            organisation_id=7, submission_id=None, form_code="huyen_ctd", period="2020S2", version=0
        ),
        form_name="Báo cáo phối hợp",
        organisation_name="Hội Chữ thập đỏ huyện Bù Đăng",
        unit_name="huyện Bù Đăng",
        period_label="6 tháng cuối năm 2020",
        status_label="chưa bắt đầu",
        sections=(
            excel.SectionBlock(
                code="so_cuu",
                heading="Sơ cấp cứu",
                figures=(
                    excel.FigureRow("so_cuu_ca", "Số ca sơ cứu", "ca", "integer", Decimal(7286)),
                    excel.FigureRow("ty_le", "Tỷ lệ", "%", "percent", Decimal("12.5")),
                ),
                narrative="Đã sơ cứu kịp thời.",
            ),
        ),
    )


def parse(data: bytes) -> excel.ParsedWorkbook:
    return excel.parse_workbook(data, max_bytes=LIMIT, max_uncompressed=20 * LIMIT)


def edited(data: bytes, change) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    change(workbook.worksheets[0])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_it_writes_numbers_with_grouping_formats_and_hidden_identification() -> None:
    ws = load_workbook(io.BytesIO(excel.build_workbook([spec()]))).worksheets[0]
    assert ws.title == "Hội CTĐ"
    assert ws["D11"].value == 7286 and ws["D11"].number_format == "#,##0"
    assert ws["D12"].value == 12.5 and ws["D12"].number_format == "#,##0.00"
    assert ws.column_dimensions["G"].hidden and ws["G1"].value == excel.MARKER
    assert ws.protection.sheet and not ws["D11"].protection.locked and ws["A11"].protection.locked


def test_it_reads_back_what_it_wrote() -> None:
    result = parse(excel.build_workbook([spec()]))
    assert result.problems == []
    (sheet,) = result.sheets
    assert sheet.identity.form_code == "huyen_ctd" and sheet.identity.version == 0
    assert sheet.figures["so_cuu_ca"] == excel.ParsedFigure(row=11, raw=Decimal(7286), comment="")
    assert sheet.figures["ty_le"].raw == Decimal("12.5")
    assert sheet.narratives["so_cuu"].text == "Đã sơ cứu kịp thời."


def test_it_keeps_vietnamese_text_as_typed_for_later_reading() -> None:
    data = edited(excel.build_workbook([spec()]), lambda ws: ws.__setitem__("D11", "7.286"))
    assert parse(data).sheets[0].figures["so_cuu_ca"].raw == "7.286"


def test_it_names_sheet_row_and_column_of_a_merged_data_area() -> None:
    data = edited(excel.build_workbook([spec()]), lambda ws: ws.merge_cells("B11:D11"))
    (problem,) = parse(data).problems
    assert (problem.sheet, problem.row, problem.column) == ("Hội CTĐ", 11, "B")
    assert str(problem).startswith("Trang «Hội CTĐ», dòng 11, cột B: ")


def test_it_refuses_a_date_in_a_value_cell() -> None:
    import datetime as dt

    data = edited(excel.build_workbook([spec()]), lambda ws: ws.__setitem__("D11", dt.date.today()))
    (problem,) = parse(data).problems
    assert (problem.row, problem.column) == (11, "D") and "ngày giờ" in problem.message


def test_it_refuses_a_value_typed_on_a_row_without_a_code() -> None:
    data = edited(excel.build_workbook([spec()]), lambda ws: ws.__setitem__("D10", 5))
    (problem,) = parse(data).problems
    assert (problem.row, problem.column) == (10, "D")


def test_it_refuses_files_that_are_not_xlsx() -> None:
    for data in (b"so lieu 7.286", b"%PDF-1.4\n...", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        (problem,) = parse(data).problems
        assert problem.sheet is None and ".xls" in problem.message


def test_it_refuses_a_zip_that_is_not_a_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "x")
    (problem,) = parse(buffer.getvalue()).problems
    assert "không phải là tệp Excel" in problem.message


def test_it_refuses_a_file_too_large_before_opening_it() -> None:
    (problem,) = excel.parse_workbook(b"x" * 2000, max_bytes=1000, max_uncompressed=1).problems
    assert "quá lớn" in problem.message


def test_it_refuses_a_zip_bomb_by_its_declared_uncompressed_size() -> None:
    data = excel.build_workbook([spec()])
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/padding.bin", b"\0" * (30 * LIMIT))
    assert len(buffer.getvalue()) < LIMIT  # small on disk, huge when inflated
    (problem,) = parse(buffer.getvalue()).problems
    assert "giải nén" in problem.message


def test_it_refuses_an_empty_workbook() -> None:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    (problem,) = parse(out.getvalue()).problems
    assert "không có trang báo cáo nào" in problem.message


def test_it_makes_sheet_titles_valid_and_unique() -> None:
    taken: set[str] = set()
    assert excel.sheet_title("Hội CTĐ: xã/thị trấn", taken) == "Hội CTĐ  xã thị trấn"
    long = "x" * 40
    assert excel.sheet_title(long, taken) == "x" * 31
    assert excel.sheet_title(long, taken) == "x" * 27 + " (2)"

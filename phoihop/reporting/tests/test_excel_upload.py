"""Excel download, upload, confirmation: every bad upload refused whole, with where and why."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import excel
from phoihop.reporting.models import EntryWindow, Event, FigureValue, Submission

pytestmark = pytest.mark.django_db

PERIOD = "2020S2"


def organisation(unit_code: str, kind: str) -> Organisation:
    return Organisation.objects.select_related("unit", "kind").get(
        unit__code=unit_code, kind__code=kind
    )


def farmers() -> Submission:
    """The district Farmers' union's 2020S2 submission: a draft in the demo."""
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period=PERIOD
    )


def open_window(submission: Submission) -> None:
    # The demo may already extend 2020S2; make sure, whatever it does.
    EntryWindow.objects.update_or_create(
        form=submission.form,
        period=submission.period,
        defaults={"closes_on": dt.date(2099, 12, 31)},
    )


def snapshot() -> list[tuple]:
    return list(FigureValue.objects.order_by("pk").values_list("pk", "value", "comment"))


def download(client, org: Organisation, period: str = PERIOD) -> bytes:
    response = client.get(reverse("reporting:excel_organisation", args=[org.pk, period]))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response.content


def edit(data: bytes, **cells) -> bytes:
    """The workbook with cells of its first sheet changed, as a clerk would in Excel."""
    workbook = load_workbook(io.BytesIO(data))
    ws = workbook.worksheets[0]
    for ref, value in cells.items():
        ws[ref] = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def row_of(data: bytes, code: str) -> int:
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == code)


def upload(client, data: bytes, name: str = "bao-cao.xlsx", **params):
    return client.post(
        reverse("reporting:excel_upload"),
        {"tep": SimpleUploadedFile(name, data), **params},
    )


def problems_of(response) -> list[str]:
    return [str(p) for p in response.context["problems"]]


def first_code(data: bytes) -> tuple[str, int]:
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    for r in range(excel.FIRST_DATA_ROW, ws.max_row + 1):
        code = ws.cell(r, 1).value
        if code and not code.startswith(excel.NARRATIVE_PREFIX):
            return code, r
    raise AssertionError("no indicator row")


@pytest.fixture
def reporter(client_for):
    open_window(farmers())
    return client_for("nongdan")


# ----- round trip -------------------------------------------------------------------------


def test_it_round_trips_download_edit_upload_confirm(reporter, personas) -> None:
    submission = farmers()
    data = download(reporter, submission.organisation)
    code, row = first_code(data)
    old = FigureValue.objects.get(submission=submission, indicator__code=code).value
    data = edit(data, **{f"D{row}": "7.286", f"E{row}": "theo sổ theo dõi"})

    response = upload(reporter, data, ky=PERIOD)
    assert response.status_code == 200, problems_of(response)
    html = response.content.decode()
    assert "7.286" in html and "Xác nhận và lưu" in html
    assert FigureValue.objects.get(submission=submission, indicator__code=code).value == old

    response = reporter.post(reverse("reporting:excel_confirm", args=[response.context["token"]]))
    assert response.status_code == 302
    figure = FigureValue.objects.get(submission=submission, indicator__code=code)
    assert figure.value == Decimal(7286) and figure.comment == "theo sổ theo dõi"
    record = figure.history.latest()
    assert record.history_user == personas["nongdan"]
    assert record.history_change_reason == "Nhập từ tệp Excel"
    assert submission.events.filter(action=Event.Action.IMPORTED).exists()
    # The token is spent: confirming twice saves nothing more.
    again = reporter.post(reverse("reporting:excel_confirm", args=["spent"]))
    assert again.status_code == 302


def test_it_creates_a_missing_submission_for_the_office(client_for) -> None:
    red_cross = organisation("698", "ctd")
    client = client_for("vanphong")
    assert not Submission.objects.filter(organisation=red_cross, period=PERIOD).exists()
    data = download(client, red_cross)
    code, row = first_code(data)
    response = upload(client, edit(data, **{f"D{row}": 12}))
    assert response.status_code == 200, problems_of(response)
    client.post(reverse("reporting:excel_confirm", args=[response.context["token"]]))
    submission = Submission.objects.get(organisation=red_cross, period=PERIOD)
    assert submission.figures.get(indicator__code=code).value == 12


def test_it_saves_narratives(reporter) -> None:
    submission = farmers()
    data = download(reporter, submission.organisation)
    section = submission.form.sections.filter(has_narrative=True).first()
    row = row_of(data, f"{excel.NARRATIVE_PREFIX}{section.code}")
    response = upload(reporter, edit(data, **{f"B{row}": "Đã tổ chức 05 cuộc tuyên truyền."}))
    reporter.post(reverse("reporting:excel_confirm", args=[response.context["token"]]))
    assert submission.narratives.get(section=section).text == "Đã tổ chức 05 cuộc tuyên truyền."


# ----- bad uploads: refused whole, named by sheet/row/column ------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("abc", "Không đọc được số: «abc»"),
        ("12,5", "phải là số nguyên"),
        (12.5, "phải là số nguyên"),
        (-3, "không được âm"),
    ],
)
def test_it_refuses_bad_values_naming_the_cell(reporter, value, words) -> None:
    submission = farmers()
    data = download(reporter, submission.organisation)
    code, row = first_code(data)
    before = snapshot()
    response = upload(reporter, edit(data, **{f"D{row}": value}))
    assert response.status_code == 400
    (problem,) = problems_of(response)
    assert problem.startswith(
        f"Trang «{submission.organisation.kind.short_name}», dòng {row}, cột D: "
    )
    assert words in problem
    assert snapshot() == before


def test_it_refuses_a_percentage_over_100(client_for) -> None:
    office = client_for("vanphong")
    command = organisation("698", "chqs")
    data = download(office, command)
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    row = next(r for r in range(excel.FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 3).value == "%")
    before = snapshot()
    response = upload(office, edit(data, **{f"D{row}": "120%"}))
    # The district command's 2020S2 is submitted, so the lock is named too.
    (problem,) = [p for p in problems_of(response) if "tỷ lệ" in p]
    assert f"dòng {row}, cột D:" in problem and "tỷ lệ phần trăm, phải từ 0 đến 100" in problem
    assert snapshot() == before


def test_it_refuses_an_unknown_indicator_code(reporter) -> None:
    data = download(reporter, farmers().organisation)
    code, row = first_code(data)
    before = snapshot()
    response = upload(reporter, edit(data, **{f"A{row}": "so_cuoc_bia"}))
    (problem,) = problems_of(response)
    assert f"dòng {row}, cột A:" in problem and "«so_cuoc_bia» không có trong biểu mẫu" in problem
    assert snapshot() == before


def test_it_refuses_merged_cells_in_the_data_area(reporter) -> None:
    data = download(reporter, farmers().organisation)
    code, row = first_code(data)
    workbook = load_workbook(io.BytesIO(data))
    workbook.worksheets[0].merge_cells(f"B{row}:D{row}")
    out = io.BytesIO()
    workbook.save(out)
    before = snapshot()
    (problem,) = problems_of(upload(reporter, out.getvalue()))
    assert f"dòng {row}, cột B:" in problem and "gộp" in problem
    assert snapshot() == before


def test_it_refuses_another_organisations_sheet(client_for) -> None:
    office = client_for("vanphong")
    data = download(office, organisation("698", "pn"))  # the Women's union, not the farmers
    open_window(farmers())
    reporter = client_for("nongdan")
    before = snapshot()
    response = upload(reporter, data)
    assert response.status_code == 400
    (problem,) = problems_of(response)
    assert "không được nhập số liệu" in problem
    assert snapshot() == before


def test_it_refuses_a_sheet_for_another_period_or_form(reporter) -> None:
    data = download(reporter, farmers().organisation)
    response = upload(reporter, data, ky="2020S1")
    (problem,) = problems_of(response)
    assert "6 tháng cuối năm 2020, không phải 6 tháng đầu năm 2020" in problem
    response = upload(reporter, data, bieu_mau="huyen_ctd")
    (problem,) = problems_of(response)
    assert "không phải biểu mẫu đang nhập" in problem


def test_it_refuses_a_tampered_form_code(reporter) -> None:
    data = download(reporter, farmers().organisation)
    (problem,) = problems_of(upload(reporter, edit(data, G4="huyen_ctd")))
    assert "không dùng cho tổ chức" in problem


def test_it_refuses_a_locked_submission(client_for) -> None:
    client = client_for("vanphong")
    accepted = Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="dtn", period=PERIOD
    )
    data = download(client, accepted.organisation)
    code, row = first_code(data)
    before = snapshot()
    (problem,) = problems_of(upload(client, edit(data, **{f"D{row}": 1})))
    assert "đã khoá" in problem and "đã duyệt" in problem
    assert snapshot() == before


def test_it_refuses_outside_the_entry_window_for_a_reporter(client_for) -> None:
    EntryWindow.objects.filter(form=farmers().form, period=PERIOD).delete()
    client = client_for("nongdan")  # without an extension 2020S2 closed years ago
    data = download(client, farmers().organisation)
    code, row = first_code(data)
    (problem,) = problems_of(upload(client, edit(data, **{f"D{row}": 1})))
    assert "hết thời gian nhập liệu" in problem


def test_it_refuses_a_file_downloaded_before_someone_else_saved(reporter, personas) -> None:
    from phoihop.reporting import services

    submission = farmers()
    data = download(reporter, submission.organisation)
    code, row = first_code(data)
    services.save_submission(submission, user=personas["vanphong"], figures={code: "99"})
    (problem,) = problems_of(upload(reporter, edit(data, **{f"D{row}": 1})))
    assert "đã được sửa sau khi bạn tải tệp" in problem


def test_it_refuses_at_confirm_time_when_someone_saved_meanwhile(reporter, personas) -> None:
    from phoihop.reporting import services

    submission = farmers()
    data = download(reporter, submission.organisation)
    code, row = first_code(data)
    response = upload(reporter, edit(data, **{f"D{row}": 1}))
    services.save_submission(submission, user=personas["vanphong"], figures={code: "99"})
    before = snapshot()
    response = reporter.post(reverse("reporting:excel_confirm", args=[response.context["token"]]))
    assert response.status_code == 409
    assert "Không có gì được lưu" in response.content.decode()
    assert snapshot() == before


def test_it_refuses_files_that_are_not_excel(reporter) -> None:
    before = snapshot()
    for content in (b"so lieu: 7.286 cuoc", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"):
        response = upload(reporter, content)
        assert response.status_code == 400
        (problem,) = problems_of(response)
        assert "không phải là tệp Excel" in problem
    assert snapshot() == before


def test_it_refuses_an_empty_workbook(reporter) -> None:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    (problem,) = problems_of(upload(reporter, out.getvalue()))
    assert "không có trang báo cáo nào" in problem


def test_it_refuses_a_very_large_file_before_opening_it(reporter, settings) -> None:
    settings.PHOIHOP_MAX_UPLOAD_BYTES = 1000
    (problem,) = problems_of(upload(reporter, b"x" * 5000))
    assert "Tệp quá lớn" in problem


def test_it_refuses_the_whole_file_when_one_sheet_of_many_is_bad(client_for) -> None:
    client = client_for("vanphong")
    district = Unit.objects.get(code="698")
    response = client.get(reverse("reporting:excel_unit", args=[district.pk, "xa_chqs", PERIOD]))
    workbook = load_workbook(io.BytesIO(response.content))
    locked = set(
        Submission.objects.filter(form__code="xa_chqs", period=PERIOD)
        .exclude(status__in=["draft", "returned"])
        .values_list("organisation_id", flat=True)
    )
    good, bad = [ws for ws in workbook.worksheets if ws["G2"].value not in locked][:2]
    for ws, value in ((good, 3), (bad, -1)):
        row = next(
            r
            for r in range(excel.FIRST_DATA_ROW, ws.max_row + 1)
            if ws.cell(r, 1).value and "." not in ws.cell(r, 1).value
        )
        ws.cell(row, 4).value = value
    out = io.BytesIO()
    workbook.save(out)
    before = snapshot()
    problems = problems_of(upload(client, out.getvalue()))
    assert len(problems) >= 1 and all(p.startswith(f"Trang «{bad.title}»") for p in problems)
    assert snapshot() == before


# ----- all communes -----------------------------------------------------------------------


def test_it_downloads_one_sheet_per_commune_organisation(client_for) -> None:
    client = client_for("vanphong")
    district = Unit.objects.get(code="698")
    response = client.get(reverse("reporting:excel_unit", args=[district.pk, "xa_chqs", PERIOD]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    communes = list(district.children.order_by("path").values_list("name", flat=True))
    assert [ws.title for ws in workbook.worksheets] == [c[:31] for c in communes]
    assert all(ws["G1"].value == excel.MARKER for ws in workbook.worksheets)


# ----- permissions ------------------------------------------------------------------------


def test_it_hides_another_organisations_workbook(client_for) -> None:
    client = client_for("nongdan")
    other = organisation("698", "ctd")
    response = client.get(reverse("reporting:excel_organisation", args=[other.pk, PERIOD]))
    assert response.status_code == 404


def test_it_hides_a_unit_outside_the_readers_scope(client_for) -> None:
    client = client_for("ducphong")
    district = Unit.objects.get(code="698")
    response = client.get(reverse("reporting:excel_unit", args=[district.pk, "xa_chqs", PERIOD]))
    assert response.status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(client) -> None:
    response = client.get(reverse("reporting:excel_upload"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_offers_the_all_communes_workbook_from_the_unit_page(client_for) -> None:
    client = client_for("vanphong")
    district = Unit.objects.get(code="698")
    page = client.get(reverse("places:unit_detail", args=[district.pk])).content.decode()
    choose = reverse("reporting:excel_unit_choose", args=[district.pk])
    assert choose in page
    response = client.get(choose)
    assert "xa_doan_the" in response.content.decode() and "2020S2" in response.content.decode()
    response = client.get(choose, {"bieu_mau": "xa_doan_the", "ky": PERIOD})
    assert response["Location"] == reverse(
        "reporting:excel_unit", args=[district.pk, "xa_doan_the", PERIOD]
    )


def test_it_links_download_and_upload_from_the_submission_page(reporter) -> None:
    submission = farmers()
    page = reporter.get(reverse("reporting:submission_detail", args=[submission.pk]))
    html = page.content.decode()
    assert (
        reverse("reporting:excel_organisation", args=[submission.organisation_id, PERIOD]) in html
    )
    assert reverse("reporting:excel_upload") in html


def test_it_names_a_formula_whose_result_was_never_stored(reporter) -> None:
    submission = farmers()
    data = download(reporter, submission.organisation)
    code, row = first_code(data)
    before = snapshot()
    # openpyxl, like any script, writes the formula without computing it.
    (problem,) = problems_of(upload(reporter, edit(data, **{f"D{row}": "=2+3"}), ky=PERIOD))
    assert f"dòng {row}" in problem and "cột D" in problem and "=2+3" in problem
    assert "chưa lưu kết quả tính" in problem
    assert snapshot() == before

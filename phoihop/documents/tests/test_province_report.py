"""A province's report: built from its districts when its own organisations sent nothing."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse

from phoihop.accounts.models import Role, User
from phoihop.core.periods import Period
from phoihop.documents.context import report_context
from phoihop.documents.services import generate_communes_zip, generate_docx
from phoihop.places.models import Unit

PERIOD = Period.parse("2020S1")


@pytest.fixture
def binh_phuoc(db) -> Unit:
    return Unit.objects.get(code="70")


def _text(content: bytes) -> str:
    document = docx.Document(BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(texts)


def test_it_adds_up_the_districts(binh_phuoc):
    context = report_context(binh_phuoc, PERIOD)
    assert context["subject"] == (
        "Sơ kết chương trình phối hợp hoạt động giữa Bộ CHQS với 06 đoàn thể tỉnh "
        "6 tháng đầu năm 2020"
    )
    assert context["level_upper"] == "TỈNH"
    assert context["information"][0] == "(Tổng hợp từ báo cáo của các huyện.)"
    assert "7.286 cuộc với 247.362 lượt người" in context["information"][1]
    assert "714 cuộc với 66.238 lượt người" in context["defence"][1]
    assert context["communes"][1].startswith("Huyện Bù Đăng: ")
    assert [p["number"] for p in context["organisations"]][-1] == "3.7"
    # The districts as rows of one table, not a table (and a page) per section.
    by_district = [
        a for a in context["appendices"] if a["columns"][0] == "Huyện, thị xã, thành phố"
    ]
    assert len(by_district) == 1
    assert [row[0] for row in by_district[0]["rows"]] == ["Bù Đăng"]
    assert by_district[0]["total"][:3] == ["Tổng cộng", "7.286", "247.362"]


def test_its_word_file_holds_the_district_totals(binh_phuoc):
    text = _text(generate_docx(binh_phuoc, PERIOD).content)
    for figure in ("7.286 cuộc", "247.362 lượt", "(Tổng hợp từ báo cáo của các huyện.)"):
        assert figure in text
    assert "UBND TỈNH BÌNH PHƯỚC" in text and "{{" not in text


def test_the_command_writes_a_province_report(binh_phuoc, tmp_path):
    out = tmp_path / "tinh.docx"
    call_command("report", unit="70", period="2020S1", out=str(out))
    assert "7.286 cuộc" in _text(out.read_bytes())


def test_its_zip_holds_the_districts_reports(binh_phuoc):
    report = generate_communes_zip(binh_phuoc, PERIOD)
    assert report.filename == "bao-cao-cac-huyen-70-2020S1.zip"
    with zipfile.ZipFile(BytesIO(report.content)) as archive:
        assert archive.namelist() == ["bao-cao-698-2020S1.docx"]


def test_the_province_office_gets_its_page(client, binh_phuoc):
    office = User.objects.create_user("vanphongtinh", role=Role.OFFICE, unit=binh_phuoc)
    client.force_login(office)
    response = client.get(reverse("documents:report", args=[binh_phuoc.pk, "2020S1"]))
    assert response.status_code == 200
    assert "Tải ZIP báo cáo các huyện" in response.content.decode()
    docx_response = client.get(reverse("documents:docx", args=[binh_phuoc.pk, "2020S1"]))
    assert docx_response.status_code == 200 and docx_response.content.startswith(b"PK")


def test_a_district_office_cannot_report_for_the_province(client_for, binh_phuoc):
    response = client_for("vanphong").get(
        reverse("documents:report", args=[binh_phuoc.pk, "2020S1"])
    )
    assert response.status_code in (403, 404)

"""The office builds and sends a plan, a member records an inspection with a recommendation,
the commune answers it, the member closes it; the review report's paragraph follows."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
import time_machine
from docx import Document

from phoihop.committee.models import (
    BoardDocument,
    Inspection,
    InspectionPlan,
    Notice,
    PlanStatus,
    Recommendation,
    RecommendationStatus,
)
from phoihop.core.periods import Period
from phoihop.documents.context import report_context
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    doc = Document(BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@time_machine.travel(dt.datetime(2020, 12, 20, 9, 0), tick=False)
def test_plan_record_answer_close_and_the_report_paragraph_changes(client_for):
    district = Unit.objects.get(code="698")
    bom_bo = Unit.objects.get(code="25495")
    office = client_for("vanphong")
    before = report_context(district, Period.parse("2020S2"))["inspections"]
    assert before == [
        "Trong kỳ, Ban chỉ đạo chưa kiểm tra Ban điều phối xã nào (0/16 xã, thị trấn)."
    ]

    plan = InspectionPlan.objects.get(unit=district, period="2020S2")
    if not plan.inspections.filter(unit=bom_bo).exists():
        office.post(
            f"/ban-chi-dao/ke-hoach/{plan.pk}/them-xa/",
            {"unit": bom_bo.pk, "scheduled_on": "10/11/2020", "prepare_by": "05/11/2020"},
        )
    assert office.post(f"/ban-chi-dao/ke-hoach/{plan.pk}/gui/").status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SENT
    assert Notice.objects.filter(recipient__username="thanhvien", kind="plan").exists()

    inspection = Inspection.objects.get(plan=plan, unit=bom_bo)
    member = client_for("thanhvien")
    page = member.get(f"/ban-chi-dao/kiem-tra/{inspection.pk}/").content.decode()
    assert "Ghi kết quả kiểm tra" in page
    # Inside 2020S2, which runs to the cut-off of 14/12/2020.
    data = {"done_on": "10/12/2020", "findings": "Chưa ban hành quy chế hoạt động"}
    for item in plan.checklist:
        data[f"verdict_{item['code']}"] = "chua_dat" if item["code"] == "quy_che" else "dat"
    for kind in OrganisationKind.objects.all():
        data[f"present_{kind.pk}"] = "on"
    assert member.post(f"/ban-chi-dao/kiem-tra/{inspection.pk}/ghi/", data).status_code == 302
    member.post(
        f"/ban-chi-dao/kiem-tra/{inspection.pk}/kien-nghi/",
        {
            "text": "Ban hành quy chế trong tháng 01/2021",
            "owner": "BĐP xã Bom Bo",
            "due_on": "31/01/2021",
        },
    )
    item = Recommendation.objects.get(inspection=inspection)
    after = report_context(district, Period.parse("2020S2"))["inspections"]
    assert any("Bom Bo" in p and "/16 xã" in p for p in after)
    assert any("Tồn tại" in p and "Chưa ban hành quy chế" in p for p in after)

    # The commune answers; another commune may not.
    other = client_for("ducphong").post(
        f"/ban-chi-dao/kien-nghi/{item.pk}/tra-loi/", {"answer": "x"}
    )
    assert other.status_code == 404
    item.refresh_from_db()
    assert item.status == RecommendationStatus.OPEN

    from phoihop.accounts.models import Role, User

    commune_user = User.objects.create(username="bombo", role=Role.COMMUNE_REPORTER, unit=bom_bo)
    from django.test import Client

    commune = Client()
    commune.force_login(commune_user)
    response = commune.post(
        f"/ban-chi-dao/kien-nghi/{item.pk}/tra-loi/", {"answer": "Đã ban hành quy chế"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == RecommendationStatus.ANSWERED
    # The commune cannot close it; the member can.
    assert commune.post(f"/ban-chi-dao/kien-nghi/{item.pk}/hoan-thanh/").status_code == 403
    member = client_for("thanhvien")  # client_for signs the one test client in again
    member.post(f"/ban-chi-dao/kien-nghi/{item.pk}/hoan-thanh/")
    item.refresh_from_db()
    assert item.status == RecommendationStatus.DONE
    final = report_context(district, Period.parse("2020S2"))["inspections"]
    assert any("đã hoàn thành 01" in p for p in final)

    minutes = member.get(f"/van-ban/bien-ban-kiem-tra/{inspection.pk}.docx")
    assert minutes.status_code == 200
    text = _text(minutes.content)
    assert "BIÊN BẢN" in text and "xã Bom Bo" in text
    assert "Có quy chế hoạt động của Ban điều phối được ban hành" in text and "chưa đạt" in text
    assert "Ban hành quy chế trong tháng 01/2021" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Nơi nhận:" in text


def test_the_plan_command_names_communes_with_reasons_and_a_seven_body_team(tmp_path):
    from django.core.management import call_command

    out = tmp_path / "plan.docx"
    call_command(
        "inspections", "plan", "--unit", "Bù Đăng", "--period", "2020S2", "--out", str(out)
    )
    text = _text(out.read_bytes())
    plan = InspectionPlan.objects.get(unit__code="698", period="2020S2")
    for inspection in plan.inspections.all():
        assert inspection.unit.full_name in text
    assert "Quy chế hoạt động của Ban điều phối: chưa có" in text
    for body in [
        "Ban Chỉ huy Quân sự",
        "Hội Cựu chiến binh",
        "Hội Chữ thập đỏ",
        "Hội Nông dân",
        "Hội Liên hiệp Phụ nữ",
        "Liên đoàn Lao động",
        "Đoàn TNCS Hồ Chí Minh",
    ]:
        assert f"({body})" in text
    assert "Đoàn kiểm tra có đủ thành phần" in text
    assert "KẾ HOẠCH" in text and "Nơi nhận:" in text and "Độc lập - Tự do - Hạnh phúc" in text


def test_the_h1_plan_is_flagged_for_its_missing_body(client_for):
    plan = InspectionPlan.objects.get(unit__code="698", period="2020S1")
    text = client_for("vanphong").get(f"/ban-chi-dao/ke-hoach/{plan.pk}/").content.decode()
    assert "thiếu thành phần" in text and "LĐLĐ" in text
    docx = client_for("vanphong").get(f"/van-ban/ke-hoach-kiem-tra/{plan.pk}.docx")
    assert "Đoàn kiểm tra thiếu thành phần: Liên đoàn Lao động" in _text(docx.content)


def test_the_h1_review_report_says_how_many_communes_were_inspected():
    district = Unit.objects.get(code="698")
    paragraphs = report_context(district, Period.parse("2020S1"))["inspections"]
    assert paragraphs[0].startswith("Trong kỳ, Ban chỉ đạo đã kiểm tra 04/16 xã, thị trấn")
    assert "còn thiếu thành phần: LĐLĐ" in paragraphs[0]
    assert "thiếu quy chế hoạt động của Ban điều phối" in paragraphs[1]


def test_the_member_report_lists_their_communes(client_for):
    response = client_for("thanhvien").get("/van-ban/bao-cao-thanh-vien.docx?ky=2020S2")
    assert response.status_code == 200
    text = _text(response.content)
    assert "xã Bom Bo" in text and "xã Bình Minh" in text and "Phạm Quốc Việt" in text
    assert client_for("vanphong").get("/van-ban/bao-cao-thanh-vien.docx").status_code == 403


def test_an_upload_that_is_not_what_it_says_is_refused(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bom_bo = Unit.objects.get(code="25495")
    client = client_for("vanphong")
    bad = SimpleUploadedFile("quy_che.pdf", b"not a pdf", content_type="application/pdf")
    response = client.post(
        f"/ban-chi-dao/ban/{bom_bo.pk}/van-ban/",
        {"kind": "rules", "issued_on": "01/12/2020", "file": bad},
        follow=True,
    )
    assert "không phải là tệp PDF" in response.content.decode()
    assert not BoardDocument.objects.filter(board__unit=bom_bo, kind="rules").exists()
    exe = SimpleUploadedFile("quy_che.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(
        f"/ban-chi-dao/ban/{bom_bo.pk}/van-ban/",
        {"kind": "rules", "issued_on": "01/12/2020", "file": exe},
        follow=True,
    )
    assert "Chỉ nhận tệp PDF, DOCX hoặc DOC" in response.content.decode()
    good = SimpleUploadedFile("quy_che.pdf", b"%PDF-1.4 ok", content_type="application/pdf")
    client.post(
        f"/ban-chi-dao/ban/{bom_bo.pk}/van-ban/",
        {"kind": "rules", "issued_on": "01/12/2020", "version": "2", "file": good},
    )
    document = BoardDocument.objects.get(board__unit=bom_bo, kind="rules")
    assert document.version == "2"
    text = client.get(f"/ban-chi-dao/ban/{bom_bo.pk}/").content.decode()
    assert "chưa có quy chế hoạt động" not in text


def test_the_digest_goes_once_a_month(db):
    from phoihop.committee.services import send_digest

    period = Period.parse("2020S2")
    sent = send_digest(today=dt.date(2020, 12, 20), period=period)
    assert [u.username for u, _t in sent] == ["thanhvien"]
    assert "xã Bom Bo" in sent[0][1]
    assert send_digest(today=dt.date(2020, 12, 28), period=period) == []
    assert Notice.objects.filter(recipient__username="thanhvien", kind="digest").count() == 1


def test_a_commune_report_tells_of_its_own_inspection():
    bom_bo = Unit.objects.get(code="25495")
    paragraphs = report_context(bom_bo, Period.parse("2020S1"))["inspections"]
    assert paragraphs == [
        "Ngày 19/5/2020, Ban chỉ đạo huyện Bù Đăng kiểm tra Ban điều phối; nội dung chưa đạt: "
        "có quy chế hoạt động của Ban điều phối được ban hành; họp Ban điều phối định kỳ, có "
        "biên bản họp; tồn tại: Công tác chuẩn bị của xã còn hạn chế; thiếu quy chế hoạt động "
        "của Ban điều phối; còn 02 kiến nghị chưa hoàn thành."
    ]
    assert (
        report_context(Unit.objects.get(code="25492"), Period.parse("2020S1"))["inspections"] == []
    )

"""The office's last word: the generated text edited in the browser, kept per data version."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
import pytest
from django.urls import reverse

from phoihop.documents.models import ReportText
from phoihop.places.models import Unit
from phoihop.reporting.models import Submission

PERIOD = "2020S1"
NEW_TEXT = "Ban Chỉ đạo huyện đã lãnh đạo sát sao, đúng kế hoạch (văn bản do văn phòng sửa)."


@pytest.fixture
def bu_dang(db) -> Unit:
    return Unit.objects.get(code="698")


def _url(name: str, unit: Unit) -> str:
    return reverse(f"documents:{name}", args=[unit.pk, PERIOD])


def _body(content: bytes) -> list[str]:
    return [p.text for p in docx.Document(BytesIO(content)).paragraphs]


def test_it_shows_the_generated_text_part_by_part(client_for, bu_dang):
    page = client_for("vanphong").get(_url("text", bu_dang)).content.decode()
    assert "I. Công tác lãnh đạo, chỉ đạo" in page
    assert "3.2. Phối hợp hoạt động giữa Ban CHQS với Hội Chữ thập đỏ huyện" in page
    assert "10.848 phần quà" in page
    assert "Đang dùng văn bản tạo tự động." in page


def test_the_word_file_uses_the_offices_text_and_stays_editable(client_for, bu_dang):
    client = client_for("vanphong")
    response = client.post(_url("text", bu_dang), {"part.leadership": NEW_TEXT})
    assert response.status_code == 302
    saved = ReportText.objects.get(unit=bu_dang, period=PERIOD)
    assert saved.parts == {"leadership": [NEW_TEXT]}  # only what the office changed
    content = client.get(_url("docx", bu_dang)).content
    body = _body(content)
    leadership = body.index("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO")
    assert body[leadership + 1] == NEW_TEXT
    assert body[leadership + 2].startswith("II. KẾT QUẢ")
    assert any("10.848 phần quà" in t for t in body)  # the other parts as generated
    with zipfile.ZipFile(BytesIO(content)) as archive:
        settings = archive.read("word/settings.xml").decode()
    assert "documentProtection" not in settings  # the office may still edit it in Word
    page = client.get(_url("text", bu_dang)).content.decode()
    assert "Đang dùng văn bản đã sửa" in page and "(đã sửa)" in page


def test_new_figures_make_a_new_version_with_its_text_generated_afresh(client_for, bu_dang):
    client = client_for("vanphong")
    client.post(_url("text", bu_dang), {"part.leadership": NEW_TEXT})
    assert NEW_TEXT in _body(client.get(_url("docx", bu_dang)).content)
    Submission.objects.filter(organisation__unit=bu_dang, period=PERIOD).update(version=99)
    assert NEW_TEXT not in _body(client.get(_url("docx", bu_dang)).content)
    assert ReportText.objects.filter(unit=bu_dang, period=PERIOD).count() == 1  # kept


def test_it_goes_back_to_the_generated_text(client_for, bu_dang):
    client = client_for("vanphong")
    client.post(_url("text", bu_dang), {"part.leadership": NEW_TEXT})
    client.post(_url("text", bu_dang), {"restore": "1"})
    assert not ReportText.objects.filter(unit=bu_dang).exists()
    assert NEW_TEXT not in _body(client.get(_url("docx", bu_dang)).content)


def test_a_reporter_cannot_edit_the_report(client_for, bu_dang):
    response = client_for("chuthapdo").post(_url("text", bu_dang), {"part.leadership": "x"})
    assert response.status_code == 403
    assert not ReportText.objects.exists()


def test_a_reworded_status_paragraph_replaces_the_generated_one(client_for, bu_dang):
    # 2020S2 is still being reported: part III says who has not reported yet. The office's
    # wording of that part stands alone, not followed by the generated paragraph again.
    client = client_for("vanphong")
    url = reverse("documents:text", args=[bu_dang.pk, "2020S2"])
    worded = "Đến ngày lập báo cáo, nhiều tổ chức chưa gửi báo cáo (văn phòng tổng hợp lại)."
    assert client.post(url, {"part.communes": worded}).status_code == 302
    body = _body(client.get(reverse("documents:docx", args=[bu_dang.pk, "2020S2"])).content)
    assert worded in body
    assert not any(t.startswith("Tình hình báo cáo 6 tháng cuối năm 2020") for t in body)


def test_the_programme_and_inspection_parts_can_be_reworded(client_for, bu_dang):
    client = client_for("vanphong")
    page = client.get(_url("text", bu_dang)).content.decode()
    assert "Thực hiện chỉ tiêu chương trình phối hợp" in page and "04/16 xã" in page
    inspections = "Ban Chỉ đạo kiểm tra 04 xã, thị trấn (văn phòng viết lại)."
    response = client.post(_url("text", bu_dang), {"part.inspections": inspections})
    assert response.status_code == 302
    body = _body(client.get(_url("docx", bu_dang)).content)
    assert inspections in body
    assert not any(t.startswith("Trong kỳ, Ban chỉ đạo đã kiểm tra 04/16") for t in body)
    history = ReportText.history.get(unit=bu_dang, period=PERIOD)  # who reworded it is kept
    assert history.history_user.username == "vanphong"


def test_a_reworded_part_gives_way_when_its_data_changes(client_for, personas, bu_dang):
    # The office rewords the programme part of 2020S2, which says which of the tasks drawn
    # from 2020S1's directions were done. A task closed afterwards changes no submission, yet
    # the report must not keep saying it is open: that part is generated afresh.
    from phoihop.programmes import direction_services as tasks
    from phoihop.programmes.models import Direction

    client = client_for("vanphong")
    url = reverse("documents:text", args=[bu_dang.pk, "2020S2"])
    docx_url = reverse("documents:docx", args=[bu_dang.pk, "2020S2"])
    worded = "Các cơ quan thực hiện chỉ tiêu năm 2020 theo chương trình (văn phòng viết lại)."
    assert client.post(url, {"part.programme_progress": worded}).status_code == 302
    assert worded in _body(client.get(docx_url).content)
    still_open = Direction.objects.filter(unit=bu_dang, period="2020S2", status="open").first()
    assert still_open is not None
    tasks.update_task(
        user=personas["vanphong"], task=still_open, change=tasks.TaskChange(status="done")
    )
    body = _body(client.get(docx_url).content)
    assert worded not in body
    assert any("nhiệm vụ đề ra ở kỳ trước" in t for t in body)
    page = client.get(url).content.decode()
    assert "số liệu đã đổi sau khi sửa" in page

"""The upload and review pages: the office only, figures marked in the text, import on confirm."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from phoihop.demo.seed import SEED_REPORT
from phoihop.imports.models import ImportSession, ImportStatus
from phoihop.reporting.models import FigureValue, Status, Submission

pytestmark = pytest.mark.django_db

SEED = SEED_REPORT
PERIOD = "2021S1"  # no submissions in the demo: entered late by the office


def upload(client, name: str = "bc_6thang_2020.txt", data: bytes | None = None):
    data = SEED.read_bytes() if data is None else data
    return client.post(
        reverse("imports:upload"), {"file": SimpleUploadedFile(name, data, "text/plain")}
    )


def review_post(session: ImportSession, mapping: dict[str, str], *, action: str = "import") -> dict:
    """The review form as the browser posts it, ticking only the figures in `mapping`."""
    data = {"unit": session.unit_id, "period": PERIOD, "action": action, "acknowledged": "on"}
    for candidate in session.candidates.all():
        key = candidate.pk
        data[f"indicator-{key}"] = mapping.get(candidate.text, candidate.proposed_code)
        data[f"organisation-{key}"] = candidate.organisation_id or ""
        data[f"value-{key}"] = f"{candidate.value:f}".rstrip("0").rstrip(".").replace(".", ",")
        if candidate.text in mapping:
            data[f"include-{key}"] = "on"
    return data


def test_it_shows_the_upload_page_and_nav_link_to_the_office(client_for):
    response = client_for("vanphong").get(reverse("imports:upload"))
    assert response.status_code == 200
    assert "Nhập báo cáo cũ" in response.content.decode()


@pytest.mark.parametrize("persona", ["chuthapdo", "nongdan"])
def test_it_refuses_reporters(client_for, persona):
    client = client_for(persona)
    assert client.get(reverse("imports:upload")).status_code == 403
    assert upload(client).status_code == 403
    assert not ImportSession.objects.exists()
    assert "Nhập báo cáo cũ" not in client.get(reverse("home")).content.decode()


def test_it_hides_the_review_from_others(client, client_for, personas):
    client_for("vanphong")
    session = ImportSession.objects.get(pk=upload(client).url.rstrip("/").split("/")[-1])
    client.force_login(personas["chuthapdo"])
    assert client.get(reverse("imports:review", args=[session.pk])).status_code in (403, 404)


def test_it_marks_each_figure_in_the_text_and_shows_the_findings(client_for):
    client = client_for("vanphong")
    response = upload(client)
    assert response.status_code == 302
    session = ImportSession.objects.get()
    assert response.url == reverse("imports:review", args=[session.pk])

    page = client.get(response.url).content.decode()

    assert (
        '<mark id="f-0" class="figure"><a href="#row-0" data-row="row-0">7.286 cuộc</a></mark>'
        in page
    )
    assert 'id="row-0"' in page
    assert page.count("<mark id=") == session.candidates.count()
    # The seed's Red Cross first aid: 28 cases + 90 people > 98 cases, at the top and by the rows.
    finding = "«28 ca + 90 người» = 118 &gt; tổng số «98 ca»"
    assert page.count(finding) >= 1 + 3
    assert re.search(r'<mark id="f-\d+" class="figure flagged"><a [^>]*>98 ca</a>', page)
    assert 'name="period" value="2020S1"' in page  # the period of the title, proposed


def test_it_escapes_the_text_of_the_report(client_for):
    client = client_for("vanphong")
    text = "BÁO CÁO 6 tháng đầu năm 2021\nTổ chức được 12 cuộc <script>alert(1)</script> tuyên truyền.\n"
    response = upload(client, data=text.encode())
    page = client.get(response.url).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("trong.txt", b"", "Tệp"),
        ("rac.txt", bytes(range(256)) * 4, "Không tìm thấy số liệu hoạt động nào"),
        ("cu.doc", b"\xd0\xcf\x11\xe0", "Chỉ nhận tệp .docx, .pdf hoặc .txt."),
        ("hong.pdf", b"%PDF-1.4 garbage", "Không đọc được tệp PDF «hong.pdf»"),
    ],
)
def test_it_refuses_files_that_are_not_reports(client_for, name, data, words):
    response = upload(client_for("vanphong"), name=name, data=data)
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not ImportSession.objects.exists()


def test_it_refuses_a_file_over_the_limit(client_for, settings):
    settings.PHOIHOP_MAX_UPLOAD_BYTES = 1000
    response = upload(client_for("vanphong"))
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()


def test_it_imports_the_chosen_figures_as_drafts(client_for, personas):
    client = client_for("vanphong")
    upload(client)
    session = ImportSession.objects.get()
    data = review_post(session, {"34 băng rôn": "tt_bang_ron", "98 ca": "so_cuu_ca"})
    row = session.candidates.get(text="98 ca").pk
    data[f"value-{row}"] = "1.098"  # Vietnamese grouping, corrected in review

    response = client.post(reverse("imports:review", args=[session.pk]), data)

    submission = Submission.objects.get(period=PERIOD)
    assert response.status_code == 302
    assert response.url == reverse("reporting:submission_detail", args=[submission.pk])
    assert submission.status == Status.DRAFT
    assert submission.organisation.kind.code == "ctd"
    assert dict(submission.figures.values_list("indicator__code", "value")) == {
        "tt_bang_ron": Decimal(34),
        "so_cuu_ca": Decimal(1098),
    }
    history = FigureValue.history.filter(submission_id=submission.pk)
    assert {(h.history_user.username, h.history_change_reason) for h in history} == {
        ("vanphong", "Nhập từ báo cáo cũ «bc_6thang_2020.txt»")
    }
    session.refresh_from_db()
    assert session.status == ImportStatus.IMPORTED


def test_it_names_both_figures_mapped_to_one_indicator_and_saves_nothing(client_for):
    client = client_for("vanphong")
    upload(client)
    session = ImportSession.objects.get()
    data = review_post(session, {"98 ca": "so_cuu_ca", "28 ca": "so_cuu_ca"})

    response = client.post(reverse("imports:review", args=[session.pk]), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Hai số «98 ca» (đoạn" in page and "«28 ca» (đoạn" in page
    assert "Chưa có số liệu nào được lưu." in page
    assert not Submission.objects.filter(period=PERIOD).exists()
    session.refresh_from_db()
    assert session.status == ImportStatus.REVIEWING


def test_it_keeps_the_choices_without_importing(client_for):
    client = client_for("vanphong")
    upload(client)
    session = ImportSession.objects.get()
    data = review_post(session, {"98 ca": "so_cuu_ca"}, action="save")

    response = client.post(reverse("imports:review", args=[session.pk]), data)

    assert response.status_code == 302
    assert list(session.candidates.filter(included=True).values_list("text", flat=True)) == [
        "98 ca"
    ]
    session.refresh_from_db()
    assert session.period == PERIOD
    assert not Submission.objects.filter(period=PERIOD).exists()


def test_it_reshows_a_value_it_cannot_read(client_for):
    client = client_for("vanphong")
    upload(client)
    session = ImportSession.objects.get()
    data = review_post(session, {"98 ca": "so_cuu_ca"})
    data[f"value-{session.candidates.get(text='98 ca').pk}"] = "chín tám"

    response = client.post(reverse("imports:review", args=[session.pk]), data)

    assert response.status_code == 400
    assert "Không đọc được số: «chín tám»" in response.content.decode()
    assert not Submission.objects.filter(period=PERIOD).exists()


def test_the_review_page_is_light_grouped_and_warns_of_the_period(
    client_for, django_assert_max_num_queries
):
    client = client_for("vanphong")
    upload(client)
    session = ImportSession.objects.get()
    url = reverse("imports:review", args=[session.pk])
    with django_assert_max_num_queries(20):
        response = client.get(url)
    page = response.content.decode()
    # It was 779 KB: every row carried the whole catalogue; now one shared list does.
    assert len(response.content) < 200_000, len(response.content)
    assert page.count('<datalist id="all-indicators">') == 1
    assert "Mục 3.2" in page and "độ tin cậy" in page
    assert "<script>" not in page  # the page's script is a static file (no inline script)

    session.period = PERIOD
    session.save(update_fields=["period"])
    page = client.get(url).content.decode()
    assert "6 tháng đầu năm 2020" in page and 'name="acknowledged"' in page


def test_an_indicator_typed_in_another_indicator_is_used(client_for):
    client = client_for("vanphong")
    upload(client)
    session = ImportSession.objects.get()
    candidate = session.candidates.get(text="34 băng rôn")
    data = review_post(session, {"34 băng rôn": "tt_bang_ron"}, action="save")
    data[f"indicator-other-{candidate.pk}"] = "tt_kinh_phi"
    client.post(reverse("imports:review", args=[session.pk]), data)
    candidate.refresh_from_db()
    assert candidate.indicator.code == "tt_kinh_phi"

"""The office's report pages: happy paths and refusals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from phoihop.documents import services
from phoihop.documents.default_template import build_default_template
from phoihop.documents.models import ReportSettings, ReportTemplate
from phoihop.documents.pdf import PdfUnavailable
from phoihop.documents.tests.test_check_template import _replace_in_template
from phoihop.jobs.models import Job
from phoihop.places.models import Unit


@pytest.fixture
def bu_dang(db) -> Unit:
    return Unit.objects.get(code="698")


def test_it_shows_the_report_page_to_the_office(client_for, bu_dang):
    response = client_for("vanphong").get(reverse("documents:report", args=[bu_dang.pk, "2020S1"]))
    assert response.status_code == 200
    assert "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH" in response.content.decode()


def test_it_shows_the_open_validation_problems_before_generating(client_for, bu_dang):
    response = client_for("vanphong").get(reverse("documents:report", args=[bu_dang.pk, "2020S1"]))
    page = response.content.decode()
    # The seed's contradictions: parts over their whole, and the same campaign told twice.
    assert "(28 + 90 = 118)" in page
    assert "650 ngày công" in page and "700 ngày công" in page
    assert reverse("validation:unit_period", args=[bu_dang.pk, "2020S1"]) in page
    # 2020S1 is wholly accepted; 2020S2 still has submissions waiting.
    assert "Báo cáo chưa được duyệt" not in page
    later = client_for("vanphong").get(reverse("documents:report", args=[bu_dang.pk, "2020S2"]))
    assert "Báo cáo chưa được duyệt" in later.content.decode()


def test_it_redirects_the_index_to_the_latest_period(client_for, bu_dang):
    response = client_for("vanphong").get(reverse("documents:index"))
    assert response.status_code == 302
    assert f"/van-ban/{bu_dang.pk}/" in response.url


def test_it_ignores_a_malformed_stored_period_in_the_index(client_for, bu_dang):
    from phoihop.reporting.models import Submission

    Submission.objects.filter(pk=Submission.objects.first().pk).update(period="xx")
    response = client_for("vanphong").get(reverse("documents:index"))
    assert response.status_code == 302
    assert response.url.endswith("/2020S2/")


@pytest.mark.parametrize("username", ["chuthapdo", "nongdan", "ducphong", "thanhvien"])
def test_it_refuses_others(client_for, bu_dang, username):
    client = client_for(username)
    for name in ("report", "docx"):
        response = client.get(reverse(f"documents:{name}", args=[bu_dang.pk, "2020S1"]))
        assert response.status_code in (403, 404), name
    for name in ("pdf", "zip", "preview"):
        response = client.post(reverse(f"documents:{name}", args=[bu_dang.pk, "2020S1"]))
        assert response.status_code in (403, 404), name
    assert not Job.objects.exists()
    response = client.get(reverse("documents:templates", args=[bu_dang.pk]))
    assert response.status_code in (403, 404)


def test_it_remembers_the_header(client_for, bu_dang):
    client = client_for("vanphong")
    url = reverse("documents:report", args=[bu_dang.pk, "2020S1"])
    data = {
        "issuing_body": "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH",
        "parent_body": "UBND HUYỆN BÙ ĐĂNG",
        "number": "12/BC-BCĐ",
        "place": "Bù Đăng",
        "on_behalf": "TM. BAN CHỈ ĐẠO",
        "title": "TRƯỞNG BAN",
        "signer": "Lê Thanh Hải",
        "recipients": "BCĐ tỉnh\nLưu: VT",
    }
    assert client.post(url, data).status_code == 302
    saved = ReportSettings.objects.get(unit=bu_dang)
    assert saved.signer == "Lê Thanh Hải" and saved.recipient_list == ["BCĐ tỉnh", "Lưu: VT"]
    assert "12/BC-BCĐ" in client.get(url).content.decode()


def test_it_downloads_the_docx(client_for, bu_dang):
    response = client_for("vanphong").get(reverse("documents:docx", args=[bu_dang.pk, "2020S1"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    assert response.content.startswith(b"PK")


def test_it_explains_when_libreoffice_is_missing(client_for, bu_dang, monkeypatch):
    def missing(*args, **kwargs):
        raise PdfUnavailable()

    monkeypatch.setattr(services, "docx_to_pdf", missing)
    client = client_for("vanphong")
    response = client.post(reverse("documents:pdf", args=[bu_dang.pk, "2020S1"]), follow=True)
    page = response.content.decode()
    assert "Không thực hiện được" in page and "LibreOffice" in page
    preview = client.post(reverse("documents:preview", args=[bu_dang.pk, "2020S1"]))
    assert "LibreOffice" in preview.content.decode()


def test_it_rejects_a_broken_template_and_keeps_the_default(client_for, bu_dang):
    template = _replace_in_template(build_default_template(), "{{ subject }}", "{{ subjekt }}")
    client = client_for("vanphong")
    upload = SimpleUploadedFile("hong.docx", template)
    response = client.post(reverse("documents:templates", args=[bu_dang.pk]), {"file": upload})
    assert response.status_code == 400
    assert "subjekt" in response.content.decode()
    assert not ReportTemplate.objects.filter(unit=bu_dang).exists()
    default = client.get(reverse("documents:default_template"))
    assert default.status_code == 200 and default.content.startswith(b"PK")


def test_it_uploads_and_chooses_a_good_template(client_for, bu_dang):
    client = client_for("vanphong")
    upload = SimpleUploadedFile("mau.docx", build_default_template())
    response = client.post(reverse("documents:templates", args=[bu_dang.pk]), {"file": upload})
    assert response.status_code == 302
    template = ReportTemplate.objects.get(unit=bu_dang)
    client.post(reverse("documents:use_template", args=[bu_dang.pk]), {"template": template.pk})
    assert ReportSettings.objects.get(unit=bu_dang).template == template


def test_it_documents_the_placeholders(client_for):
    response = client_for("chuthapdo").get(reverse("documents:placeholders"))
    assert response.status_code == 200
    assert "header.number" in response.content.decode()

"""PDF, ZIP and preview pages are made by background jobs: the page shows progress, then
offers the file; a second request for the same report comes from the cache."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest
from django.urls import reverse

from phoihop.documents import services
from phoihop.jobs.models import Job, JobState
from phoihop.places.models import Unit


@pytest.fixture
def bu_dang(db) -> Unit:
    return Unit.objects.get(code="698")


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")


def test_the_pdf_job_offers_the_report_then_the_cache_answers(client_for, bu_dang, monkeypatch):
    client = client_for("vanphong")
    url = reverse("documents:pdf", args=[bu_dang.pk, "2020S1"])
    response = client.post(url, {"issued_on": "2020-06-15"})
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:status", args=[job.pk])
    assert job.state == JobState.DONE and job.progress == 100 and job.owner.username == "vanphong"

    page = client.get(response.url).content.decode()
    assert "Đã xong" in page and reverse("jobs:download", args=[job.pk]) in page
    assert 'hx-trigger="every 1s"' not in page  # finished: no more polling

    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Disposition"].endswith('bao-cao-698-2020S1.pdf"')
    pdf = b"".join(download.streaming_content)
    assert "BÁO CÁO" in _pdf_text(pdf) and "Bù Đăng" in _pdf_text(pdf)

    # The same report again: taken from the cache, nothing is converted.
    def no_conversion(*args, **kwargs):
        raise AssertionError("converted again")

    monkeypatch.setattr(services, "docx_to_pdf", no_conversion)
    again = client.post(url, {"issued_on": "2020-06-15"}, follow=True)
    assert "Đã xong" in again.content.decode()
    assert Job.objects.count() == 2


def test_a_changed_figure_makes_a_new_document(client_for, bu_dang):
    from phoihop.reporting.models import FigureValue, Status

    client = client_for("vanphong")
    url = reverse("documents:pdf", args=[bu_dang.pk, "2020S1"])
    period = services.Period.parse("2020S1")
    first = services.prepare_report(bu_dang, period)
    assert services.known_key(bu_dang, period) == first.key  # named without reading the data
    value = FigureValue.objects.filter(
        submission__organisation__unit=bu_dang,
        submission__period="2020S1",
        submission__status=Status.ACCEPTED,
        value__isnull=False,
    ).first()
    value.value = (value.value or 0) + 1
    value.save()
    assert services.known_key(bu_dang, period) is None
    second = services.prepare_report(bu_dang, period)
    assert first.key != second.key
    assert client.post(url).status_code == 302


def test_a_reworded_indicator_or_an_office_edit_makes_a_new_document(bu_dang, personas):
    from phoihop.indicators.models import Indicator

    period = services.Period.parse("2020S1")
    services.prepare_report(bu_dang, period)
    indicator = Indicator.objects.order_by("pk").first()
    indicator.name += " (sửa)"
    indicator.save()
    assert services.known_key(bu_dang, period) is None  # the catalogue keeps no history

    services.prepare_report(bu_dang, period)
    key = services.generated_parts(bu_dang, period)[0]["key"]
    services.save_report_text(
        bu_dang, period=period, texts={key: "Đoạn văn phòng viết lại."}, user=personas["vanphong"]
    )
    assert services.known_key(bu_dang, period) is None


def test_a_changed_target_or_inspection_makes_a_new_document(bu_dang):
    from phoihop.committee.models import Recommendation
    from phoihop.programmes.models import Target

    period = services.Period.parse("2020S1")
    services.prepare_report(bu_dang, period)
    target = Target.objects.filter(programme__organisation__unit=bu_dang).first()
    target.yearly += 1
    target.save()
    assert services.known_key(bu_dang, period) is None  # the programme part reads it

    services.prepare_report(bu_dang, period)
    recommendation = Recommendation.objects.first()
    recommendation.text += " (bổ sung)"
    recommendation.save()
    assert services.known_key(bu_dang, period) is None  # the inspection part reads it


def test_the_preview_is_pages_served_apart_and_cached(client_for, bu_dang):
    client = client_for("vanphong")
    url = reverse("documents:preview", args=[bu_dang.pk, "2020S1"])
    first = client.post(url, HTTP_HX_REQUEST="true")
    html = first.content.decode()
    job = Job.objects.get()
    assert job.state == JobState.DONE and job.result_pages >= 2
    assert len(first.content) < 300_000 and "base64" not in html
    image = client.get(reverse("jobs:page", args=[job.pk, 1]))
    assert image["Content-Type"] == "image/png"
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")
    assert reverse("jobs:page", args=[job.pk, job.result_pages]) in html
    # Asked again: the pages are already there.
    again = client.post(url, HTTP_HX_REQUEST="true")
    second = Job.objects.latest("pk")
    assert second.pk != job.pk and second.result_path == job.result_path
    assert reverse("jobs:page", args=[second.pk, 1]) in again.content.decode()


def test_the_zip_job_holds_every_commune(client_for, bu_dang):
    client = client_for("vanphong")
    response = client.post(reverse("documents:zip", args=[bu_dang.pk, "2020S1"]), follow=True)
    job = Job.objects.get()
    assert job.state == JobState.DONE, job.message
    assert "Tải về bao-cao-cac-xa-698-2020S1.zip" in response.content.decode()
    download = client.get(reverse("jobs:download", args=[job.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    assert len(names) >= 2 and all(n.endswith("-2020S1.docx") for n in names)


def test_a_failed_job_says_why_in_vietnamese(client_for, bu_dang, monkeypatch):
    def broken(*args, **kwargs):
        raise services.TemplateError("Mẫu đang dùng bị lỗi ở thẻ «{{ x }}».")

    monkeypatch.setattr(services, "render_docx_bounded", broken)
    response = client_for("vanphong").post(
        reverse("documents:pdf", args=[bu_dang.pk, "2020S1"]), follow=True
    )
    page = response.content.decode()
    assert "Không thực hiện được" in page and "Mẫu đang dùng bị lỗi" in page
    assert Job.objects.get().state == JobState.FAILED


def test_a_running_job_is_polled_and_its_page_writes_nothing(
    client_for, bu_dang, django_assert_max_num_queries
):
    job = Job.objects.create(
        owner=None,
        kind="documents.pdf",
        title="Báo cáo PDF",
        unit=bu_dang,
        period="2020S1",
        state=JobState.RUNNING,
        progress=40,
        message="Đang chuyển sang PDF…",
    )
    client = client_for("vanphong")
    response = client.get(reverse("jobs:status", args=[job.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'hx-trigger="every 1s"' in html and "Đang chuyển sang PDF" in html and "40%" in html
    assert "<script" not in html
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404
    job.refresh_from_db()
    assert job.progress == 40


@pytest.mark.parametrize("username", ["chuthapdo", "nongdan", "thanhvien", "tinh"])
def test_only_the_owner_or_the_units_office_sees_a_job(client_for, bu_dang, username):
    office = client_for("vanphong")
    office.post(reverse("documents:pdf", args=[bu_dang.pk, "2020S1"]))
    job = Job.objects.get()
    other = client_for(username)
    for name in ("status", "download"):
        response = other.get(reverse(f"jobs:{name}", args=[job.pk]))
        # Not even the province's viewer: documents are the standing office's.
        assert response.status_code == 404, (name, username)
    page = other.get(reverse("jobs:page", args=[job.pk, 1]))
    assert page.status_code == 404

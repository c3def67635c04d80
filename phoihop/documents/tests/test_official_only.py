"""Issue 12: only accepted data leaves the system. The official report never holds a draft or
a submission awaiting review; the office's DỰ THẢO holds the latter, marked, on every page; and
the report says who has not reported or is not accepted."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse

from phoihop.core.periods import Period
from phoihop.documents.services import generate_communes_zip, generate_docx
from phoihop.documents.tests.helpers import all_paragraphs
from phoihop.places.models import Unit
from phoihop.reporting import services, workflow
from phoihop.reporting.models import Submission

pytestmark = pytest.mark.django_db

S2 = Period.parse("2020S2")


@pytest.fixture
def bu_dang() -> Unit:
    return Unit.objects.get(code="698")


def red_cross_saves_987654(personas) -> Submission:
    """The Red Cross of Bù Đăng saves 987.654 as its first figure for 2020S2 (not submitted)."""
    reporter = personas["chuthapdo"]
    submission = services.start_submission(
        user=reporter, organisation=reporter.organisation, period=S2.id
    )
    services.save_submission(submission, user=reporter, figures={"tt_duong_loi_cuoc": "987654"})
    return submission


def body_text(content: bytes) -> str:
    """Every paragraph of the document's body, tables included, as python-docx reads them."""
    return "\n".join(p.text for p in all_paragraphs(docx.Document(BytesIO(content))))


def header_texts(content: bytes) -> list[str]:
    """The text of each page header the document shows (first page and following pages)."""
    document = docx.Document(BytesIO(content))
    texts = []
    for section in document.sections:
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        texts += ["\n".join(p.text for p in header.paragraphs) for header in headers]
    return texts


def test_a_draft_of_the_red_cross_never_reaches_the_district_report(personas, bu_dang) -> None:
    red_cross_saves_987654(personas)
    for draft in (False, True):  # not even the office's working draft takes a draft
        text = body_text(generate_docx(bu_dang, S2, draft=draft).content)
        assert "987.654" not in text and "987654" not in text
        assert "4.489.236,4%" not in text
    official = body_text(generate_docx(bu_dang, S2).content)
    name = personas["chuthapdo"].organisation.name
    assert f"Chưa có báo cáo được duyệt của {name} (đang soạn)." in official


def test_a_submitted_figure_appears_only_in_a_draft_marked_on_every_page(
    personas, bu_dang, submit_explained
) -> None:
    submission = red_cross_saves_987654(personas)
    submit_explained(submission, user=personas["chuthapdo"])
    official = generate_docx(bu_dang, S2)
    assert "987.654" not in body_text(official.content)
    assert not any("DỰ THẢO" in header for header in header_texts(official.content))
    assert official.filename == "bao-cao-698-2020S2.docx"

    draft = generate_docx(bu_dang, S2, draft=True)
    text = body_text(draft.content)
    assert "987.654 cuộc" in text
    name = personas["chuthapdo"].organisation.name
    assert f"Số liệu của {name} chưa được duyệt." in text
    headers = header_texts(draft.content)
    assert len(headers) >= 2 and all(header.startswith("DỰ THẢO") for header in headers)
    assert draft.filename == "du-thao-bao-cao-698-2020S2.docx"
    # Accepted, it is official.
    workflow.accept_submission(submission, user=personas["vanphong"])
    assert "987.654 cuộc" in body_text(generate_docx(bu_dang, S2).content)


def test_the_official_report_takes_accepted_organisations_only(personas, bu_dang) -> None:
    text = body_text(generate_docx(bu_dang, S2).content)
    # In the demo the district's Youth Union is accepted, its command and Women's Union
    # submitted, its Farmers' Union a draft, its Labour Federation returned.
    assert "Chưa có báo cáo được duyệt của Ban CHQS huyện Bù Đăng (đã gửi chưa duyệt)." in text
    assert "Hội Nông dân huyện Bù Đăng (đang soạn)." in text
    assert "Liên đoàn Lao động huyện Bù Đăng (bị trả lại)." in text
    assert "Chưa có báo cáo được duyệt của Đoàn Thanh niên" not in text


def test_the_report_says_who_has_not_reported_or_is_not_accepted(bu_dang) -> None:
    context_text = body_text(generate_docx(bu_dang, S2).content)
    missing = (
        119
        - Submission.objects.filter(
            period=S2.id, status="accepted", organisation__unit__path__startswith=bu_dang.path
        ).count()
    )
    assert f"Tình hình báo cáo 6 tháng cuối năm 2020: {missing}/119 báo cáo" in context_text
    assert "CÁC TỔ CHỨC CHƯA CÓ BÁO CÁO ĐƯỢC DUYỆT 6 THÁNG CUỐI NĂM 2020" in context_text
    document = docx.Document(BytesIO(generate_docx(bu_dang, S2).content))
    rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows
        if row.cells and row.cells[-1].text in ("chưa báo cáo", "đang soạn", "bị trả lại")
    ]
    assert ["Huyện Bù Đăng", "Hội Cựu chiến binh huyện Bù Đăng", "chưa báo cáo"] in [
        r[-3:] for r in rows
    ]
    states = {r[-1] for r in rows}
    assert {"chưa báo cáo", "đang soạn", "bị trả lại"} <= states
    # A wholly accepted period has nothing to say.
    spring = body_text(generate_docx(bu_dang, Period.parse("2020S1")).content)
    assert "Tình hình báo cáo" not in spring
    assert "CHƯA CÓ BÁO CÁO ĐƯỢC DUYỆT" not in spring


def test_the_communes_zip_keeps_draft_and_official_apart(bu_dang) -> None:
    official = generate_communes_zip(bu_dang, S2)
    draft = generate_communes_zip(bu_dang, S2, draft=True)
    assert official.filename != draft.filename and draft.filename.startswith("du-thao-")
    with zipfile.ZipFile(BytesIO(draft.content)) as archive:
        names = archive.namelist()
        assert names and all(name.startswith("du-thao-") for name in names)
        assert all("DỰ THẢO" in header_texts(archive.read(n))[0] for n in names)
    with zipfile.ZipFile(BytesIO(official.content)) as archive:
        assert not any(
            "DỰ THẢO" in h for n in archive.namelist() for h in header_texts(archive.read(n))
        )


def test_the_office_downloads_a_draft_only_when_it_asks(client_for, bu_dang) -> None:
    client = client_for("vanphong")
    url = reverse("documents:docx", args=[bu_dang.pk, S2.id])
    official = client.get(url)
    assert 'filename="bao-cao-698-2020S2.docx"' in official["Content-Disposition"]
    assert not any("DỰ THẢO" in h for h in header_texts(official.content))
    draft = client.get(url, {"du_thao": "1"})
    assert 'filename="du-thao-bao-cao-698-2020S2.docx"' in draft["Content-Disposition"]
    assert all(h.startswith("DỰ THẢO") for h in header_texts(draft.content))
    page = client.get(reverse("documents:report", args=[bu_dang.pk, S2.id])).content.decode()
    assert 'name="du_thao"' in page


def test_the_command_writes_a_draft_with_draft(tmp_path) -> None:
    official, draft = tmp_path / "bd.docx", tmp_path / "du-thao.docx"
    call_command("report", unit="698", period="2020S2", out=str(official))
    call_command("report", unit="698", period="2020S2", out=str(draft), draft=True)
    assert not any("DỰ THẢO" in h for h in header_texts(official.read_bytes()))
    assert all(h.startswith("DỰ THẢO") for h in header_texts(draft.read_bytes()))


def test_every_page_of_the_draft_pdf_says_draft(
    personas, bu_dang, submit_explained, soffice
) -> None:
    import subprocess

    from phoihop.documents.services import generate_pdf

    submission = red_cross_saves_987654(personas)
    submit_explained(submission, user=personas["chuthapdo"])
    pdf = generate_pdf(bu_dang, S2, draft=True)
    assert pdf.filename == "du-thao-bao-cao-698-2020S2.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True, check=True
    ).stdout.decode()
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 2
    assert all("DỰ THẢO" in page for page in pages)
    assert "987.654" in text
    official = subprocess.run(
        ["pdftotext", "-", "-"],
        input=generate_pdf(bu_dang, S2).content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "DỰ THẢO" not in official and "987.654" not in official

"""Acceptance: the 2020S1 Bù Đăng report from the demo data holds every seed figure in place."""

from __future__ import annotations

import re
from io import BytesIO

import docx
import pytest
import yaml

from phoihop.core.periods import Period
from phoihop.demo.seed import SEED_FIGURES, SEED_REPORT
from phoihop.documents.context import report_context
from phoihop.documents.pdf import docx_to_pdf, pdf_page_count, pdf_to_png_pages
from phoihop.documents.services import generate_docx
from phoihop.places.models import Unit
from phoihop.places.selectors import UnitLookupError, resolve_unit
from phoihop.reporting.models import Narrative, Status, Submission

HEADINGS = [
    (re.compile(r"^PHẦN THỨ HAI"), "PHẦN THỨ HAI"),
    (re.compile(r"^I\. "), "I"),
    (re.compile(r"^II\. "), "II"),
    (re.compile(r"^1\. Phối hợp tuyên truyền"), "II.1"),
    (re.compile(r"^2\. Phối hợp thực hiện nhiệm vụ quốc phòng"), "II.2"),
    (re.compile(r"^3\. Phối hợp củng cố"), "II.3"),
    (re.compile(r"^(3\.\d)\. "), None),
    (re.compile(r"^III\. "), "III"),
    (re.compile(r"^IV\. "), "IV"),
]
PERIOD = Period.parse("2020S1")


def split_sections(document: docx.document.Document) -> dict[str, str]:
    """Body text by section of the seed's outline (tables of the appendix left out)."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        for pattern, name in HEADINGS:
            match = pattern.match(text)
            if match:
                current = name or match.group(1)
                break
        sections.setdefault(current, []).append(text)
    return {name: "\n".join(lines) for name, lines in sections.items()}


@pytest.fixture
def bu_dang(db) -> Unit:
    return Unit.objects.get(code="698")


@pytest.fixture
def report_docx(bu_dang) -> bytes:
    return generate_docx(bu_dang, PERIOD).content


def test_it_writes_every_seed_figure_in_its_section(report_docx):
    sections = split_sections(docx.Document(BytesIO(report_docx)))
    items = yaml.safe_load(SEED_FIGURES.read_text(encoding="utf-8"))["items"]
    missing = [
        (item["id"], item["section"], figure)
        for item in items
        for figure in item["figures"]
        if figure not in sections.get(item["section"], "")
    ]
    assert missing == []


def body_paragraphs(document: docx.document.Document) -> list[str]:
    """The report's own text: every paragraph before the appendices."""
    texts = []
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("PHỤ LỤC"):
            break
        texts.append(paragraph.text)
    return texts


LABEL_VALUE = re.compile(r"^[-+•]\s*[^:.;]{3,}:\s*\d")


def test_its_body_reads_like_the_seed(report_docx):
    body = body_paragraphs(docx.Document(BytesIO(report_docx)))
    words = sum(len(text.split()) for text in body)
    seed_words = len(SEED_REPORT.read_text(encoding="utf-8").split())
    assert words <= 1.1 * seed_words, (words, seed_words)
    assert len([t for t in body if LABEL_VALUE.match(t)]) <= 5
    # Comparisons with the same period: a few headline ones in the text, all in an appendix.
    assert sum(t.count("so với cùng kỳ") + t.startswith("So với cùng kỳ") for t in body) <= 2 * 8


def test_figures_the_narrative_leaves_out_are_written_in_sentences(bu_dang):
    Narrative.objects.filter(
        submission__organisation__unit=bu_dang,
        submission__organisation__kind__code="ctd",
        submission__period=PERIOD.id,
    ).update(text="Hội Chữ thập đỏ huyện phối hợp chặt chẽ với Ban CHQS huyện.")
    document = docx.Document(BytesIO(generate_docx(bu_dang, PERIOD).content))
    red_cross = split_sections(document)["3.2"]
    items = yaml.safe_load(SEED_FIGURES.read_text(encoding="utf-8"))["items"]
    figures = [f for item in items if item["section"] == "3.2" for f in item["figures"]]
    assert [f for f in figures if f not in red_cross] == []
    # The catalogue's sentence patterns, parts with their whole, pairs joined.
    assert "chăm lo Tết cho người nghèo với 10.848 phần quà trị giá 3.658.673.000 đồng" in red_cross
    assert (
        "sơ cứu an toàn cho 98 ca, trong đó tai nạn giao thông 28 ca, tai nạn khác 90 người"
        in red_cross
    )
    assert "được 25 cuộc với 14.250 lượt người dự nghe" in red_cross
    assert not [t for t in red_cross.splitlines() if LABEL_VALUE.match(t)]


def test_a_second_half_copied_from_the_first_names_the_second_half(bu_dang):
    second = Period.parse("2020S2")
    for narrative in Narrative.objects.filter(
        submission__organisation__unit=bu_dang, submission__period=PERIOD.id
    ).select_related("submission"):
        copy, _ = Submission.objects.get_or_create(
            organisation_id=narrative.submission.organisation_id,
            form_id=narrative.submission.form_id,
            period=second.id,
        )
        Narrative.objects.update_or_create(
            submission=copy, section_id=narrative.section_id, defaults={"text": narrative.text}
        )
    Submission.objects.filter(organisation__unit=bu_dang, period=second.id).update(
        status=Status.ACCEPTED
    )
    body = "\n".join(
        body_paragraphs(docx.Document(BytesIO(generate_docx(bu_dang, second).content)))
    )
    assert "Sáu tháng đầu năm 2020" not in body and "6 tháng đầu năm 2020" not in body
    # "6 tháng đầu năm" is left only where the copied plan meant the period after the first
    # half's: now the first half of 2021.
    assert not re.search(r"tháng đầu năm(?! 2021)", body)
    assert body.count("6 tháng cuối năm 2020") + body.count("Sáu tháng cuối năm 2020") >= 8
    assert "Đợt kiểm tra 6 tháng cuối năm tại các xã" in body


def test_it_leaves_no_placeholder(report_docx):
    document = docx.Document(BytesIO(report_docx))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for text in texts:
        assert "{{" not in text and "{%" not in text
        assert not re.search(r"\{(xa\.)?[a-z_]+\}", text), text


def test_it_compares_with_the_same_period_last_year(bu_dang):
    context = report_context(bu_dang, PERIOD)
    red_cross = context["organisations"][1]
    assert red_cross["number"] == "3.2"
    comparisons = [f["comparison"] for f in red_cross["figures"]]
    assert comparisons and all("cùng kỳ" in c for c in comparisons)
    assert "tăng 19% so với cùng kỳ" in comparisons


def test_it_follows_the_period_and_unit_in_header_and_subject(bu_dang):
    context = report_context(bu_dang, PERIOD)
    assert context["header"]["parent_body"] == "UBND HUYỆN BÙ ĐĂNG"
    assert context["header"]["issuing_body"] == "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH"
    assert context["header"]["date_line"] == "Bù Đăng, ngày 15 tháng 6 năm 2020"
    assert context["subject"] == (
        "Sơ kết chương trình phối hợp hoạt động giữa Ban CHQS với 06 đoàn thể huyện "
        "6 tháng đầu năm 2020"
    )
    annual = report_context(bu_dang, Period.parse("2020"))
    assert annual["subject"].startswith("Tổng kết ") and annual["subject"].endswith("năm 2020")


def test_its_appendices_are_one_table_by_organisation_one_by_commune_and_the_comparisons(
    bu_dang,
):
    by_organisation, comparisons, communes, targets = report_context(bu_dang, PERIOD)["appendices"]
    assert targets["columns"] == [
        "Đơn vị: chỉ tiêu (đơn vị tính)",
        "Đã đạt",
        "Chỉ tiêu năm",
        "Tỷ lệ",
    ]
    assert by_organisation["columns"][1:3] == ["Hội CTĐ", "Hội ND"]
    assert comparisons["columns"] == [
        "Đơn vị: chỉ tiêu (đơn vị tính)",
        "Kỳ này",
        "Cùng kỳ",
        "So sánh",
    ]
    assert [
        "Hội CTĐ: Tuyên truyền đường lối, chủ trương, chính sách, pháp luật: số cuộc (cuộc)",
        "25",
        "21",
        "tăng 19%",
    ] in comparisons["rows"]
    assert communes["columns"][0] == "Xã, thị trấn"
    assert len(communes["rows"]) == 16
    assert communes["total"][:3] == ["Tổng cộng", "7.286", "247.362"]


def test_a_commune_report_names_the_commune(db):
    commune = resolve_unit("Bom Bo", period=PERIOD)
    assert commune.code == "25495"  # the 2020 commune, not the merged one of 2025
    context = report_context(commune, PERIOD)
    assert context["subject"].endswith("06 đoàn thể xã Bom Bo 6 tháng đầu năm 2020")
    assert len(context["organisations"]) == 7


def test_it_refuses_an_ambiguous_name(db):
    with pytest.raises(UnitLookupError, match="nhiều đơn vị"):
        resolve_unit("Đồng Nai", period=PERIOD)


def test_it_renders_as_pdf(report_docx, tmp_path, soffice):
    pdf = docx_to_pdf(report_docx)
    assert pdf_page_count(pdf) >= 2
    pages = pdf_to_png_pages(pdf, dpi=60)
    (tmp_path / "page-1.png").write_bytes(pages[0])
    (tmp_path / "appendix.png").write_bytes(pages[-2])
    assert pages[0].startswith(b"\x89PNG")

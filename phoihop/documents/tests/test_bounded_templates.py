"""An uploaded template runs with a time and a memory limit: one that would exhaust the
machine on the sample data is refused at upload, quickly, and generation is bounded too."""

from __future__ import annotations

import re
import time
from io import BytesIO

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from phoihop.core.periods import Period
from phoihop.documents.bounded import TemplateLimitExceeded, check_template_bounded
from phoihop.documents.models import ReportTemplate
from phoihop.documents.services import generate_docx
from phoihop.places.models import Unit

# 220 × 220 × 220 × 10 ≈ 1,06 × 10^8 iterations over the characters of the sample's opening.
NESTED_LOOPS = (
    "{% for a in opening %}{% for b in opening %}{% for c in opening %}"
    "{% for d in subject[:10] %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"
)
# Far beyond any limit on whatever opening the real report has.
ENDLESS = NESTED_LOOPS.replace("subject[:10]", "opening")
# The opening doubled 19 times: 220 × 2^19 characters, over 100 MB.
CHAINED_JOINS = (
    "{% set s0 = opening %}"
    + "".join(f"{{% set s{i + 1} = s{i} ~ s{i} %}}" for i in range(19))
    + "{{ s19|length }}"
)


def _docx_with(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def bu_dang(db) -> Unit:
    return Unit.objects.get(code="698")


@pytest.mark.parametrize(
    ("tag", "words"),
    [(NESTED_LOOPS, "vòng lặp lồng nhau"), (CHAINED_JOINS, "bộ nhớ")],
    ids=["nested-loops", "chained-joins"],
)
def test_an_exhausting_template_is_refused_quickly(tag, words, sample, client_for, bu_dang):
    client = client_for("vanphong")
    upload = SimpleUploadedFile("nang.docx", _docx_with(tag))
    started = time.monotonic()
    response = client.post(reverse("documents:templates", args=[bu_dang.pk]), {"file": upload})
    # 3 s of processor time; the clock shows a few seconds on an idle machine (more on a busy
    # test machine), where the template itself would run for minutes or exhaust the memory.
    assert time.monotonic() - started < 60
    assert response.status_code == 400
    problems = re.findall(r"<li>([^<]*)</li>", response.content.decode())
    assert any(words in problem for problem in problems), problems
    assert not ReportTemplate.objects.filter(unit=bu_dang).exists()


def test_a_normal_template_still_passes_the_bounded_check(template, sample):
    assert check_template_bounded(template, sample=sample) == []


def test_generation_is_bounded_too(bu_dang, settings):
    settings.PHOIHOP_TEMPLATE_SECONDS = 2
    started = time.monotonic()
    with pytest.raises(TemplateLimitExceeded, match="quá 2 giây"):
        generate_docx(bu_dang, Period.parse("2020S1"), template=_docx_with(ENDLESS))
    assert time.monotonic() - started < 40

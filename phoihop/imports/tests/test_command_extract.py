"""`phoihop extract FILE [--json]`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import unicodedata

import pytest
from django.core.management import CommandError, call_command

from phoihop.demo.seed import SEED_REPORT

SEED = SEED_REPORT


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("extract", *args, stdout=out)
    return out.getvalue()


def test_it_prints_json_whose_spans_point_at_the_figures():
    data = json.loads(run(str(SEED), "--json"))
    lines = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8")).splitlines()

    assert data["period"] == "2020S1"
    assert len(data["figures"]) > 50
    for figure in data["figures"]:
        assert lines[figure["paragraph"]][figure["start"] : figure["end"]] == figure["text"]
    first = data["figures"][0]
    assert (first["text"], first["value"], first["unit"]) == ("7.286 cuộc", "7286", "cuộc")
    red_cross = next(f for f in data["figures"] if f["text"] == "34 băng rôn")
    assert (red_cross["section"], red_cross["organisation"]) == ("3.2", "ctd")


def test_it_prints_figures_with_unit_section_organisation_and_span():
    out = run(str(SEED))
    assert "Kỳ báo cáo: 2020S1" in out
    assert "«34 băng rôn» = 34 băng rôn · mục 3.2 · tổ chức ctd · đoạn" in out
    assert "«28 ca + 90 người» = 118 > tổng số «98 ca»" in out


def test_it_refuses_an_unreadable_file_in_vietnamese(tmp_path):
    old = tmp_path / "bao_cao.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(CommandError, match="định dạng Word cũ"):
        run(str(old))
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        run(str(tmp_path / "khong_co.txt"))


def test_it_exits_non_zero_from_the_command_line(tmp_path):
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from phoihop.cli import main; main()",
            "extract",
            str(tmp_path / "khong_co.docx"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert "Không tìm thấy tệp" in completed.stderr


@pytest.mark.django_db
def test_with_a_unit_each_figure_has_its_proposal_and_the_period_is_warned(personas):
    unit = personas["vanphong"].unit
    data = json.loads(run(str(SEED), "--unit", unit.code, "--period", "2021S1", "--json"))
    assert len(data["warnings"]) == 1 and "2020" in data["warnings"][0]
    red_cross = next(f for f in data["figures"] if f["text"] == "34 băng rôn")
    assert red_cross["indicator"] == "tt_bang_ron"
    assert red_cross["organisation_id"] is not None
    assert 0.6 <= red_cross["confidence"] <= 1 and "«băng rôn»" in red_cross["reason"]


@pytest.mark.django_db
def test_apply_saves_the_ticked_proposals_as_drafts_once_the_warning_is_acknowledged(personas):
    from phoihop.reporting.models import FigureValue, Status, Submission

    unit = personas["vanphong"].unit
    args = (str(SEED), "--unit", unit.code, "--period", "2021S1", "--apply", "--user", "vanphong")
    with pytest.raises(CommandError, match="6 tháng đầu năm 2020"):
        run(*args)
    assert not Submission.objects.filter(period="2021S1").exists()

    data = json.loads(run(*args, "--acknowledge", "--json"))

    ticked = [f for f in data["figures"] if f["included"]]
    drafts = Submission.objects.filter(pk__in=data["saved"])
    assert {s.status for s in drafts} == {Status.DRAFT}
    assert FigureValue.objects.filter(submission__in=drafts).count() == len(ticked)

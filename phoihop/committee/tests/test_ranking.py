"""The ranking read from the demo: facts per commune, the programme source injected."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from phoihop.committee import risk, selectors
from phoihop.core.periods import Period
from phoihop.places.models import Unit

pytestmark = pytest.mark.django_db


def test_an_inspected_commune_counts_months_since_and_one_without_rules_is_flagged():
    district = Unit.objects.get(code="698")
    ranked = {r.unit.code: r for r in selectors.risk_ranking(district, Period.parse("2020S2"))}
    assert len(ranked) == 16
    bom_bo = {f.code: f for f in ranked["25495"].score.factors}
    assert bom_bo["inspection"].value == "0 tháng"  # inspected 19/5, ranked as of 15/6/2020
    assert bom_bo["rules"].value == "chưa có"
    binh_minh = {f.code: f for f in ranked["25492"].score.factors}
    assert binh_minh["inspection"].value.startswith("chưa kiểm tra lần nào")
    assert {f.code: f for f in ranked["25480"].score.factors}["rules"].points == 0


def test_the_programme_source_once_wired_moves_the_ranking(monkeypatch):
    district = Unit.objects.get(code="698")

    def progress(units, *, year, on_date=None):
        return {u.pk: Decimal("0") if u.code == "25522" else Decimal(1) for u in units}

    monkeypatch.setattr(risk, "progress_source", progress)
    ranked = selectors.risk_ranking(district, Period.parse("2020S2"))
    phuoc_son = next(r for r in ranked if r.unit.code == "25522")
    programme = next(f for f in phuoc_son.score.factors if f.code == "programme")
    assert programme.value.startswith("đạt 0% chỉ tiêu năm")
    assert programme.points > 0


def test_the_ranking_page_reads_in_a_bounded_number_of_queries(
    client_for, django_assert_max_num_queries
):
    district = Unit.objects.get(code="698")
    client = client_for("vanphong")
    with django_assert_max_num_queries(40):
        assert client.get(f"/ban-chi-dao/xep-hang/{district.pk}/?ky=2020S2").status_code == 200


def test_the_member_page_reads_in_a_bounded_number_of_queries(
    client_for, django_assert_max_num_queries
):
    client = client_for("thanhvien")
    with django_assert_max_num_queries(40):
        assert client.get("/ban-chi-dao/cua-toi/?ky=2020S2").status_code == 200


def test_the_plan_command_refuses_an_unknown_unit_or_a_wrong_file(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị"):
        call_command(
            "inspections",
            "plan",
            "--unit",
            "Xyz",
            "--period",
            "2020S2",
            "--out",
            str(tmp_path / "a.docx"),
        )
    with pytest.raises(CommandError, match=".docx"):
        call_command(
            "inspections",
            "plan",
            "--unit",
            "698",
            "--period",
            "2020S2",
            "--out",
            str(tmp_path / "a.pdf"),
        )


def test_the_plan_command_proposes_from_the_ranking_where_no_plan_exists(tmp_path, capsys):
    out = tmp_path / "plan.docx"
    call_command("inspections", "plan", "--unit", "698", "--period", "2021S1", "--out", str(out))
    assert "đề xuất" in capsys.readouterr().out
    assert out.stat().st_size > 0


def test_the_digest_command_is_a_dry_run_on_request(capsys):
    call_command("committee", "digest", "--period", "2020S2", "--dry-run")
    output = capsys.readouterr().out
    assert "thanhvien" in output and "Sẽ gửi 1 bản tổng hợp" in output
    from phoihop.committee.models import Notice

    assert not Notice.objects.filter(kind="digest").exists()


def test_the_progress_is_the_programmes_share_as_a_fraction():
    from phoihop.programmes.selectors import unit_progress

    bom_bo = Unit.objects.get(code="25480")
    percent = unit_progress(unit=bom_bo, year=2020)
    assert percent is not None and percent > 1  # the demo's communes have 2020 programmes
    assert risk.progress_source([bom_bo], year=2020) == {bom_bo.pk: percent / 100}
    assert risk.progress_source([bom_bo], year=1999) == {bom_bo.pk: None}  # none that year

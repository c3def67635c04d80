"""Validation runs on the demo district: the seed's own inconsistencies, and no false alarm."""

from __future__ import annotations

from decimal import Decimal

import pytest

from phoihop.indicators.models import Indicator
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit
from phoihop.reporting import workflow
from phoihop.reporting.models import FigureValue, Status, Submission
from phoihop.validation import services
from phoihop.validation.models import JointFigure, ResultStatus, ValidationRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return Unit.objects.get(code="698")


def _figure(unit_code: str, kind: str, code: str, period: str = "2020S1") -> FigureValue:
    return FigureValue.objects.get(
        submission__organisation__unit__code=unit_code,
        submission__organisation__kind__code=kind,
        submission__period=period,
        indicator__code=code,
    )


def test_it_finds_exactly_the_seeds_inconsistencies_on_2020s1(district):
    run = services.run_validation(district, "2020S1")
    serious = {
        (r.importance, r.code, r.organisation.kind.code if r.organisation else None)
        for r in run.results.exclude(importance="low")
    }
    assert serious == {
        ("high", "parts:so_cuu_ca", "ctd"),
        ("high", "level:dan_van_ngay_cong:chqs", "chqs"),
        ("high", "level:dan_van_ngay_cong_dq:chqs", "chqs"),
        ("high", "level:dan_van_qua_so:chqs", "chqs"),
        ("medium", "tt_qp_huyen_trong_tong_xa", None),
    }
    messages = {r.code: r.message for r in run.results.all()}
    assert messages["level:dan_van_ngay_cong:chqs"] == (
        "Ban CHQS huyện Bù Đăng báo cáo 650 ngày công «Ngày công dân vận (phát quang, dọn vệ "
        "sinh...)» ở các xã, nhưng tổng báo cáo của 16 xã là 700 ngày công (chênh lệch 50)"
    )
    assert "2.500 phần quà" in messages["level:dan_van_qua_so:chqs"]
    assert "2.000 phần quà" in messages["level:dan_van_qua_so:chqs"]
    assert "(28 + 90 = 118)" in messages["parts:so_cuu_ca"]
    assert "(98)" in messages["parts:so_cuu_ca"]
    assert "736 cuộc" in messages["tt_qp_huyen_trong_tong_xa"]
    assert "714 cuộc" in messages["tt_qp_huyen_trong_tong_xa"]
    # 14 × 500.000 = 7.000.000 and 17 × 300.000 = 5.100.000 agree: no product alarm.
    assert not run.results.filter(code__startswith="product:").exists()
    # Peers and history only ask for a second look, and do not drown the page.
    assert run.results.filter(importance="low").count() <= 10


def test_it_stores_the_figures_of_a_level_mismatch(district):
    run = services.run_validation(district, "2020S1")
    result = run.results.get(code="level:dan_van_ngay_cong:chqs")
    rows = {row["label"]: row["value"] for row in result.snapshot}
    assert rows["Ban CHQS huyện Bù Đăng"] == "650.0000"
    assert rows["Tổng của 16 xã"] == "700.0000"
    assert len(rows) == 18
    assert result.submission.organisation.unit == district


def test_it_keeps_an_old_verdict_after_a_later_edit(district):
    first = services.run_validation(district, "2020S1")
    old = first.results.get(code="parts:so_cuu_ca")
    figure = _figure("698", "ctd", "so_cuu_ca")
    figure.value = Decimal(118)
    figure.save()
    services.refresh_validation(figure.submission)
    second = services.latest_run(district, "2020S1")
    assert second.pk != first.pk
    assert not second.results.filter(code="parts:so_cuu_ca").exists()
    old.refresh_from_db()
    assert "(98)" in old.message
    assert {"label": "Ca được sơ cứu an toàn", "value": "98.0000", "unit": "ca"} in old.snapshot


def test_it_carries_an_explanation_over_only_while_the_figures_stay(district, personas):
    first = services.run_validation(district, "2020S1")
    result = first.results.get(code="level:dan_van_qua_so:chqs")
    services.explain_result(result, user=personas["vanphong"], explanation="Tính cả quà huyện")
    again = services.run_validation(district, "2020S1")
    carried = again.results.get(code="level:dan_van_qua_so:chqs")
    assert carried.status == ResultStatus.EXPLAINED
    assert carried.explanation == "Tính cả quà huyện"
    figure = _figure("698", "chqs", "dan_van_qua_so")
    figure.value = Decimal(2400)
    figure.save()
    third = services.run_validation(district, "2020S1")
    assert third.results.get(code="level:dan_van_qua_so:chqs").status == ResultStatus.OPEN


def test_it_finds_a_level_mismatch_after_editing_a_commune(district):
    figure = _figure("698", "chqs", "dan_van_ngay_cong")
    figure.value = Decimal(700)
    figure.save()
    run = services.run_validation(district, "2020S1")
    assert not run.results.filter(code="level:dan_van_ngay_cong:chqs").exists()
    commune = _figure("25480", "chqs", "dan_van_ngay_cong")
    commune.value += 5
    commune.save()
    run = services.run_validation(district, "2020S1")
    assert "chênh lệch 5)" in run.results.get(code="level:dan_van_ngay_cong:chqs").message


def test_it_reconciles_a_joint_figure_between_two_organisations(district):
    JointFigure.objects.create(
        indicator=Indicator.objects.get(code="tt_duong_loi_cuoc"),
        organisation_kind=OrganisationKind.objects.get(code="ctd"),
        partner_kind=OrganisationKind.objects.get(code="ldld"),
    )
    run = services.run_validation(district, "2020S1")
    result = run.results.get(code="joint:tt_duong_loi_cuoc:ctd:ldld", unit=district)
    assert "báo cáo 25 cuộc" in result.message
    assert "báo cáo 34 cuộc" in result.message
    assert result.importance == "high"
    figure = _figure("698", "ldld", "tt_duong_loi_cuoc")
    figure.value = Decimal(25)
    figure.save()
    run = services.run_validation(district, "2020S1")
    assert not run.results.filter(code="joint:tt_duong_loi_cuoc:ctd:ldld", unit=district).exists()


def test_it_flags_a_figure_far_beyond_its_history_and_peers(district):
    figure = _figure("25480", "chqs", "tt_duong_loi_luot")
    figure.value = figure.value * 20
    figure.save()
    run = services.run_validation(district, "2020S1")
    kinds = set(
        run.results.filter(unit__code="25480", code__endswith="tt_duong_loi_luot").values_list(
            "kind", flat=True
        )
    )
    assert {"history_jump", "peer_high"} <= kinds
    assert set(
        run.results.filter(kind__in=["history_jump", "peer_high"]).values_list(
            "importance", flat=True
        )
    ) == {"low"}


def test_it_flags_a_figure_identical_to_last_period(district):
    previous = _figure("698", "pn", "tt_duong_loi_luot", period="2019S2")
    previous.value = Decimal(11154)
    previous.save()
    run = services.run_validation(district, "2020S1")
    assert run.results.filter(kind="history_repeat", organisation__kind__code="pn").exists()


def test_it_lists_open_violations_for_documents(district, personas):
    rows = services.open_violations(district, "2020S1")
    assert [r["importance"] for r in rows[:4]] == ["high"] * 4
    assert {"id", "message", "figures", "submission_id", "unit", "organisation"} <= rows[0].keys()
    services.explain_result(
        services.latest_run(district, "2020S1").results.get(code="parts:so_cuu_ca"),
        user=personas["vanphong"],
        explanation="Số ca tính theo lượt",
    )
    codes = [r["message"] for r in services.open_violations(district, "2020S1")]
    assert not any("98" in message and "118" in message for message in codes)
    assert len(services.open_violations(district, "2020S1", include_explained=True)) == len(rows)


def test_it_returns_an_accepted_submission_for_correction(district, personas):
    run = services.run_validation(district, "2020S1")
    result = run.results.get(code="parts:so_cuu_ca")
    submission = workflow.return_for_correction(result, user=personas["vanphong"])
    assert submission.status == Status.RETURNED
    assert "98" in submission.return_reason
    result.refresh_from_db()
    assert result.returned_at is not None
    # The step recomputed the checks: the latest run, the one every page reads, keeps the mark.
    latest = services.latest_run(district, "2020S1")
    assert latest.pk != run.pk
    assert latest.results.get(code="parts:so_cuu_ca").returned_at is not None


def test_submission_warnings_include_product_checks():
    submission = Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="chqs", period="2020S1"
    )
    assert services.submission_warnings(submission) == []
    figure = submission.figures.get(indicator__code="cs_qua_gia_tri")
    figure.value = Decimal(7500000)
    figure.save()
    warnings = services.submission_warnings(submission)
    assert [w["code"] for w in warnings] == ["product:cs_qua_gia_tri"]
    assert "14 × 500.000 = 7.000.000" in warnings[0]["message"]


def test_it_reads_open_violations_without_validating(district):
    assert services.open_violations(district, "2021S1") == []
    services.run_validation(district, "2020S1")
    runs = ValidationRun.objects.count()
    figure = _figure("698", "ctd", "so_cuu_ca")
    figure.value = Decimal(118)
    figure.save()
    # Still the stored verdict: the change is seen after the next refresh, not by a reader.
    messages = [r["message"] for r in services.open_violations(district, "2020S1")]
    assert any("(28 + 90 = 118)" in message for message in messages)
    assert ValidationRun.objects.count() == runs
    assert services.verdict(district, "2020S1")["stale"] is True


def test_it_refreshes_the_stored_runs_above_a_saved_commune_submission(district):
    province = district.parent
    commune = Unit.objects.get(code="25480")
    district_run = services.run_validation(district, "2020S1")
    province_run = services.run_validation(province, "2020S1")
    figure = _figure("698", "chqs", "dan_van_ngay_cong")
    figure.value = Decimal(700)
    figure.save()
    commune_figure = _figure("25480", "chqs", "dan_van_ngay_cong")
    commune_figure.value += 5
    commune_figure.save()
    fresh = services.refresh_validation(commune_figure.submission)
    assert {run.unit for run in fresh} == {district, province}
    assert (
        "chênh lệch 5)"
        in services.latest_run(district, "2020S1")
        .results.get(code="level:dan_van_ngay_cong:chqs")
        .message
    )
    assert services.latest_run(province, "2020S1").pk != province_run.pk
    assert services.latest_run(district, "2020S1").pk != district_run.pk
    # The commune was never validated on its own: it is not started by a save.
    assert services.latest_run(commune, "2020S1") is None
    # Nothing changed since: a second refresh computes nothing.
    assert services.refresh_validation(commune_figure.submission) == []


def test_it_leaves_other_periods_runs_alone(district):
    other = services.latest_run(district, "2019S2")
    figure = _figure("698", "ctd", "so_cuu_ca")
    figure.value = Decimal(118)
    figure.save()
    fresh = services.refresh_validation(figure.submission)
    assert {(run.unit, run.period) for run in fresh} == {
        (district, "2020S1"),
        (district.parent, "2020S1"),
    }
    assert services.latest_run(district, "2019S2") == other


def test_it_validates_the_demos_districts_and_province_once(district):
    # conftest.py, like `phoihop demo`, validated everything after building the demo.
    assert services.latest_run(district, "2020S1") is not None
    assert services.latest_run(district.parent, "2020S2") is not None
    assert services.latest_run(Unit.objects.get(code="25480"), "2020S1") is None
    from phoihop.validation.runs import validate_all

    assert validate_all() == []

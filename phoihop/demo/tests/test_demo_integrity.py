"""The demo reproduces the seed report: every figure of seed-figures.yaml is in the data."""

import re
from decimal import Decimal

import pytest
import yaml
from django.core.management import call_command

from phoihop.core.numbers import parse_number
from phoihop.demo.seed import SEED_FIGURES
from phoihop.indicators.models import Indicator
from phoihop.places.models import Unit
from phoihop.reporting.citations import format_figure
from phoihop.reporting.models import FigureValue, Narrative, Submission
from phoihop.reporting.selectors import aggregate_over_units

SEED = SEED_FIGURES

# Where each figure of the seed lives: one indicator code per figure, in the yaml's order.
WHERE = {
    "II1-a": ["tt_duong_loi_cuoc", "tt_duong_loi_luot"],
    "II1-b": ["tt_qp_cuoc", "tt_qp_luot", "tt_qp_thanh_nien"],
    "II2-a": ["dqtv_ty_le_dan_so"],
    "II2-b": ["dbdv_ty_le_bien_che"],
    "II2-c": ["dqtv_ty_le_dang_vien", "dq_ty_le_dang_vien", "tv_ty_le_dang_vien"],
    "II2-d": ["dbdv_ty_le_dang_vien"],
    "32-a": ["tt_duong_loi_cuoc", "tt_duong_loi_luot", "tt_bang_ron", "tt_kinh_phi"],
    "32-b": ["tet_qua_so", "tet_qua_gia_tri"],
    "32-c": ["ngheo_doi_tuong", "ngheo_so_tien"],
    "32-d": ["nha_ctd_so", "nha_ctd_gia_tri"],
    "32-e": ["om_dau_so_tien"],
    "32-f": ["hoc_bong_so", "hoc_bong_gia_tri"],
    "32-g": ["bep_com_so", "bep_com_gia_tri"],
    "32-h": ["so_cuu_ca", "so_cuu_tngt", "so_cuu_khac", "so_cuu_kinh_phi"],
    "32-i": ["hien_mau_dot", "hien_mau_don_vi"],
    "33-a": ["tt_qp_cuoc", "tt_qp_luot"],
    "33-b": ["tt_an_ninh_cuoc", "tt_an_ninh_luot"],
    "33-c": ["nvqs_ty_le_dang_ky"],
    "33-d": ["covid_to_roi"],
    "33-e": ["covid_to_phan_ung", "covid_to_nguoi", "covid_ho_khai_bao"],
    "33-f": ["covid_ung_ho"],
    "34-a": ["tt_duong_loi_cuoc", "tt_duong_loi_luot"],
    "34-b": ["tt_qp_cuoc", "tt_qp_luot"],
    "34-c": ["tt_phong_trao_cuoc", "tt_phong_trao_luot"],
    "34-d": ["tan_binh_qua_so", "tan_binh_qua_gia_tri"],
    "34-e": ["covid_ung_ho", "covid_chot_so", "covid_chot_gia_tri"],
    "34-f": ["don_vi_qua_so", "don_vi_qua_gia_tri"],
    "34-g": ["bien_phong_don", "bien_phong_gia_tri"],
    "35-a": ["tt_duong_loi_cuoc", "tt_duong_loi_luot"],
    "36-a": ["tt_an_ninh_cuoc", "tt_an_ninh_luot"],
    "36-b": ["tt_qp_cuoc", "tt_qp_luot"],
    "36-c": ["tuyen_duong_thanh_nien"],
    "36-d": ["tt_phong_trao_cuoc", "tt_phong_trao_luot"],
    "37-a": ["tt_qp_cuoc", "tt_qp_luot", "tt_qp_thanh_nien"],
    "37-b": ["nhap_ngu_tinh_nguyen", "nhap_ngu_lau_dai"],
    "37-c": ["dan_van_ngay_cong", "dan_van_ngay_cong_dq", "dan_van_qua_so", "dan_van_qua_moi_phan"],
    "37-d": ["dtts_qua_gia_dinh", "dtts_qua_moi_phan"],
    "37-e": ["cs_qua_gia_dinh", "cs_qua_gia_tri", "cs_qua_binh_quan"],
    "37-f": ["dqtt_qua_so", "dqtt_qua_moi_phan", "dqtt_qua_gia_tri"],
    "III-a": [
        "dan_van_ngay_cong",
        "dan_van_ngay_cong_dq",
        "dan_van_qua_so",
        "dan_van_qua_moi_phan",
    ],
}


def seed_items():
    return yaml.safe_load(SEED.read_text(encoding="utf-8"))["items"]


def as_written(figure: str) -> tuple[Decimal, str]:
    """'7.286 cuộc' → (7286, '7.286'); '1,15%' → (1.15, '1,15%')."""
    number = re.match(r"[\d.,]+%?", figure).group(0)
    return parse_number(number), number


def value_in_demo(item: dict, code: str) -> Decimal | None:
    district = Unit.objects.get(code="698")
    if item["org"] in ("all", "communes"):
        kinds = ["chqs"] if item["org"] == "communes" else None
        return aggregate_over_units(
            indicator_codes=[code],
            units=district.children.all(),
            period="2020S1",
            organisation_kinds=kinds,
        )[code]
    return FigureValue.objects.get(
        submission__period="2020S1",
        submission__organisation__unit=district,
        submission__organisation__kind__code=item["org"],
        indicator__code=code,
    ).value


def test_it_maps_every_figure_of_the_seed():
    items = seed_items()
    assert {i["id"] for i in items} == set(WHERE)
    for item in items:
        assert len(WHERE[item["id"]]) == len(item["figures"]), item["id"]


@pytest.mark.django_db
@pytest.mark.parametrize("item", seed_items(), ids=lambda i: i["id"])
def test_it_holds_every_seed_figure_under_the_right_indicator_org_unit_and_period(item):
    for figure, code in zip(item["figures"], WHERE[item["id"]], strict=True):
        expected, written = as_written(figure)
        value = value_in_demo(item, code)
        assert value == expected, (item["id"], code, value, figure)
        indicator = Indicator.objects.get(code=code)
        assert (
            format_figure(value, value_type=indicator.value_type, pad=indicator.pad_small)
            == written
        )


@pytest.mark.django_db
def test_it_computes_the_district_totals_as_sums_over_the_communes():
    district = Unit.objects.get(code="698")
    codes = [
        "tt_duong_loi_cuoc",
        "tt_duong_loi_luot",
        "tt_qp_cuoc",
        "tt_qp_luot",
        "tt_qp_thanh_nien",
    ]
    totals = aggregate_over_units(
        indicator_codes=codes, units=district.children.all(), period="2020S1"
    )
    for code in codes:
        by_hand = sum(
            FigureValue.objects.filter(
                indicator__code=code,
                submission__period="2020S1",
                submission__organisation__unit__parent=district,
            ).values_list("value", flat=True)
        )
        assert totals[code] == by_hand
    assert totals["tt_duong_loi_cuoc"] == 7286
    # Nobody typed the totals: no district submission holds these indicators' totals.
    assert not FigureValue.objects.filter(
        submission__organisation__unit=district,
        indicator__code="tt_duong_loi_cuoc",
        value=7286,
    ).exists()


@pytest.mark.django_db
def test_it_keeps_the_seed_figures_that_look_wrong():
    # The seed says 98 cases "of which" 28 + 90 — more than the whole; it stays as printed.
    ctd = {
        f.indicator.code: f.value
        for f in FigureValue.objects.filter(
            submission__period="2020S1",
            submission__organisation__unit__code="698",
            submission__organisation__kind__code="ctd",
        ).select_related("indicator")
    }
    assert (ctd["so_cuu_ca"], ctd["so_cuu_tngt"], ctd["so_cuu_khac"]) == (98, 28, 90)


@pytest.mark.django_db
def test_it_gives_every_submission_a_narrative_for_each_section():
    for submission in Submission.objects.filter(period="2020S1").select_related("form"):
        sections = set(submission.form.sections.values_list("pk", flat=True))
        written = set(
            Narrative.objects.filter(submission=submission)
            .exclude(text="")
            .values_list("section_id", flat=True)
        )
        assert written == sections, submission


@pytest.mark.django_db
def test_it_fills_earlier_periods_and_leaves_2020s2_partly_reported():
    for period in ("2019S1", "2019S2", "2020S1"):
        assert Submission.objects.filter(period=period).count() == 17 * 7
    partial = Submission.objects.filter(period="2020S2")
    assert 0 < partial.count() < 17 * 7
    assert {s.status for s in partial} == {"draft", "submitted", "accepted", "returned"}


@pytest.mark.django_db
def test_it_changes_nothing_when_run_twice(capsys):
    before = (Submission.objects.count(), FigureValue.objects.count(), Narrative.objects.count())
    call_command("demo", no_serve=True)
    after = (Submission.objects.count(), FigureValue.objects.count(), Narrative.objects.count())
    assert before == after
    assert "không thay đổi gì" in capsys.readouterr().out


@pytest.mark.django_db
def test_it_records_the_2025_merges_with_validity_dates():
    bu_dang = Unit.objects.get(name="Bù Đăng", kind="commune")
    assert set(bu_dang.predecessors.values_list("name", flat=True)) == {
        "Đức Phong",
        "Đoàn Kết",
        "Minh Hưng",
    }
    assert str(bu_dang.valid_from) == "2025-07-01"
    old = Unit.objects.get(code="25480")
    assert str(old.valid_to) == "2025-06-30"
    assert old.parent.code == "698" and bu_dang.parent.name == "Đồng Nai"
    assert Unit.objects.filter(parent__code="698").count() == 16

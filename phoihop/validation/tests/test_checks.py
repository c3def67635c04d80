"""Tests for built-in checks, level and partner reconciliation, and anomaly detection."""

from __future__ import annotations

from decimal import Decimal

import pytest

from phoihop.validation.checks import (
    IndicatorDef,
    ProductCheck,
    build_checks,
    history_anomalies,
    peer_outliers,
    reconcile_levels,
    reconcile_partners,
)
from phoihop.validation.engine import Rule, RuleError, Status, evaluate_rule

D = Decimal

# Section 3.2 of the seed: "sơ cứu an toàn cho 98 ca, trong đó tai nạn giao thông 28 ca,
# tai nạn khác 90 người" — the parts add up to 118, more than the 98 cases in all.
FIRST_AID = [
    IndicatorDef("ctd_so_cuu", "Số ca sơ cứu", "ca"),
    IndicatorDef("ctd_so_cuu_tngt", "Tai nạn giao thông", "ca", part_of="ctd_so_cuu"),
    IndicatorDef("ctd_so_cuu_khac", "Tai nạn khác", "người", part_of="ctd_so_cuu"),
]
# Section 3.7: "trao 17 phần quà ..., mỗi phần trị giá 300.000 đồng = 5.100.000đ".
GIFTS = [
    IndicatorDef("chqs_qua_so", "Số phần quà DQTT", "phần quà"),
    IndicatorDef("chqs_qua_moi_phan", "Trị giá mỗi phần", "đồng", value_type="money"),
    IndicatorDef("chqs_qua_tong", "Tổng trị giá", "đồng", value_type="money"),
]
GIFT_PRODUCT = ProductCheck(count="chqs_qua_so", each="chqs_qua_moi_phan", total="chqs_qua_tong")
# Section II.2: "đạt 1,15% so với dân số"; party members 20,91%, of which militia 15,57% and
# self-defence 44,06% — shares of different wholes, which must not be added up.
MILITIA = [
    IndicatorDef("dan_so", "Dân số", "người"),
    IndicatorDef("dqtv_so", "Số DQTV", "người"),
    IndicatorDef(
        "dqtv_ty_le",
        "Tỷ lệ DQTV so với dân số",
        "%",
        value_type="percent",
        aggregation="none",
        formula="dqtv_so / dan_so * 100",
    ),
    IndicatorDef("dqtv_dang_vien", "Tỷ lệ đảng viên trong DQTV", "%", "percent", "none"),
    IndicatorDef(
        "dq_dang_vien", "Tỷ lệ đảng viên DQ", "%", "percent", "none", part_of="dqtv_dang_vien"
    ),
    IndicatorDef(
        "tv_dang_vien", "Tỷ lệ đảng viên Tự vệ", "%", "percent", "none", part_of="dqtv_dang_vien"
    ),
]


def rule_for(code: str, rules: list[Rule]) -> Rule:
    (found,) = [rule for rule in rules if rule.code == code]
    return found


def test_it_flags_the_seed_first_aid_parts_exceeding_the_whole() -> None:
    parts = rule_for("parts:ctd_so_cuu", build_checks(FIRST_AID))
    values = {"ctd_so_cuu": D(98), "ctd_so_cuu_tngt": D(28), "ctd_so_cuu_khac": D(90)}

    result = evaluate_rule(parts, values)

    assert result.status == Status.VIOLATED
    assert result.violation is not None
    assert result.violation.message.startswith(
        "Các phần «trong đó» (28 + 90 = 118) lớn hơn tổng số «Số ca sơ cứu» (98)"
    )
    assert "«Tai nạn giao thông», «Tai nạn khác»" in result.violation.message
    assert result.violation.importance == "high"
    assert result.violation.snapshot == values


def test_it_passes_parts_that_fit_in_the_whole() -> None:
    parts = rule_for("parts:ctd_so_cuu", build_checks(FIRST_AID))

    result = evaluate_rule(
        parts, {"ctd_so_cuu": D(98), "ctd_so_cuu_tngt": D(28), "ctd_so_cuu_khac": D(70)}
    )

    assert result.status == Status.PASSED


def test_it_checks_parts_even_when_some_are_blank() -> None:
    parts = rule_for("parts:ctd_so_cuu", build_checks(FIRST_AID))

    one_part = evaluate_rule(parts, {"ctd_so_cuu": D(20), "ctd_so_cuu_tngt": D(28)})
    no_whole = evaluate_rule(parts, {"ctd_so_cuu_tngt": D(28), "ctd_so_cuu_khac": D(90)})

    assert one_part.status == Status.VIOLATED
    assert no_whole.status == Status.SKIPPED


def test_it_names_a_single_part() -> None:
    single = [
        IndicatorDef("chqs_ngay_cong", "Số ngày công phát quang", "ngày công"),
        IndicatorDef("chqs_ngay_cong_dq", "Ngày công của LLDQ", part_of="chqs_ngay_cong"),
    ]
    parts = rule_for("parts:chqs_ngay_cong", build_checks(single))

    violation = evaluate_rule(
        parts, {"chqs_ngay_cong": D(250), "chqs_ngay_cong_dq": D(650)}
    ).violation

    assert violation is not None
    assert violation.message.startswith(
        "Phần «trong đó» «Ngày công của LLDQ» (650) lớn hơn tổng số «Số ngày công phát quang» (250)"
    )


def test_it_does_not_add_up_percentage_parts() -> None:
    rules = build_checks(MILITIA)

    assert not [rule for rule in rules if rule.code.startswith("parts:")]


def test_it_passes_the_seed_gift_product() -> None:
    product = rule_for("product:chqs_qua_tong", build_checks(GIFTS, products=[GIFT_PRODUCT]))
    values = {"chqs_qua_so": D(17), "chqs_qua_moi_phan": D(300_000), "chqs_qua_tong": D(5_100_000)}

    assert evaluate_rule(product, values).status == Status.PASSED


def test_it_flags_a_product_that_does_not_match_its_total() -> None:
    product = rule_for("product:chqs_qua_tong", build_checks(GIFTS, products=[GIFT_PRODUCT]))
    values = {"chqs_qua_so": D(17), "chqs_qua_moi_phan": D(300_000), "chqs_qua_tong": D(5_000_000)}

    violation = evaluate_rule(product, values).violation

    assert violation is not None
    assert violation.message == (
        "«Số phần quà DQTT» × «Trị giá mỗi phần» (17 × 300.000 = 5.100.000) khác "
        "«Tổng trị giá» (5.000.000), chênh lệch 100.000"
    )


def test_it_skips_a_product_with_a_blank_figure() -> None:
    product = rule_for("product:chqs_qua_tong", build_checks(GIFTS, products=[GIFT_PRODUCT]))

    result = evaluate_rule(product, {"chqs_qua_so": D(17), "chqs_qua_moi_phan": D(300_000)})

    assert result.status == Status.SKIPPED


@pytest.mark.parametrize(("value", "status"), [("100", Status.PASSED), ("105", Status.VIOLATED)])
def test_it_keeps_a_percentage_at_most_100(value: str, status: Status) -> None:
    upper = rule_for("max:dqtv_ty_le", build_checks(MILITIA))

    result = evaluate_rule(upper, {"dqtv_ty_le": D(value)})

    assert result.status == status
    if result.violation is not None:
        assert result.violation.message == (
            "«Tỷ lệ DQTV so với dân số» (105%) vượt quá mức cao nhất cho phép (100%)"
        )


def test_it_lets_a_plan_ratio_exceed_100() -> None:
    # "đạt 105% kế hoạch" is a success, not an error.
    plan = IndicatorDef("kh_ty_le", "Tỷ lệ đạt kế hoạch", "%", "percent", "none", max_value=None)
    widened = IndicatorDef(
        "kh_ty_le", "Tỷ lệ đạt kế hoạch", "%", "percent", "none", max_value=D(1000)
    )

    assert rule_for("max:kh_ty_le", build_checks([plan])).right.evaluate({}) == 100
    assert (
        evaluate_rule(
            rule_for("max:kh_ty_le", build_checks([widened])), {"kh_ty_le": D(105)}
        ).status
        == Status.PASSED
    )


def test_it_refuses_negative_figures() -> None:
    lower = rule_for("min:ctd_so_cuu", build_checks(FIRST_AID))

    violation = evaluate_rule(lower, {"ctd_so_cuu": D(-3)}).violation

    assert violation is not None
    assert violation.message == "«Số ca sơ cứu» (-3) là số âm"


def test_it_honours_a_declared_lower_bound() -> None:
    bounded = IndicatorDef("nhiet_do", "Nhiệt độ", value_type="decimal", min_value=D(-10))
    lower = rule_for("min:nhiet_do", build_checks([bounded]))

    assert evaluate_rule(lower, {"nhiet_do": D(-5)}).status == Status.PASSED
    assert evaluate_rule(lower, {"nhiet_do": D(-11)}).status == Status.VIOLATED


@pytest.mark.parametrize(
    ("entered", "status"),
    [("1.15", Status.PASSED), ("1.16", Status.PASSED), ("1.17", Status.VIOLATED)],
)
def test_it_checks_a_ratio_against_its_formula_within_a_hundredth(
    entered: str, status: Status
) -> None:
    formula = rule_for("formula:dqtv_ty_le", build_checks(MILITIA))
    values = {"dan_so": D(160_000), "dqtv_so": D(1_840), "dqtv_ty_le": D(entered)}

    result = evaluate_rule(formula, values)

    assert result.status == status
    if result.violation is not None:
        assert result.violation.message == (
            "«Tỷ lệ DQTV so với dân số» (1,17%) không khớp với giá trị tính theo công thức "
            "(1,15%) từ «Dân số» (160.000), «Số DQTV» (1.840)"
        )


def test_it_skips_a_formula_with_a_zero_denominator() -> None:
    formula = rule_for("formula:dqtv_ty_le", build_checks(MILITIA))

    result = evaluate_rule(formula, {"dan_so": D(0), "dqtv_so": D(0), "dqtv_ty_le": D(0)})

    assert result.status == Status.SKIPPED


def test_it_refuses_a_formula_with_an_unknown_code() -> None:
    broken = IndicatorDef("ty_le", "Tỷ lệ", value_type="percent", formula="a / dan_so * 100")

    with pytest.raises(RuleError, match="Mã chỉ tiêu không tồn tại: «a»"):
        build_checks([*MILITIA, broken])


def test_it_refuses_a_formula_that_uses_itself() -> None:
    circular = IndicatorDef("ty_le", "Tỷ lệ", value_type="percent", formula="ty_le * 2")

    with pytest.raises(RuleError, match="chính nó"):
        build_checks([circular])


def test_it_refuses_a_part_of_an_unknown_whole() -> None:
    orphan = IndicatorDef("phan", "Phần", part_of="khong_co")

    with pytest.raises(RuleError, match="«khong_co»"):
        build_checks([orphan])


def test_it_refuses_a_product_over_unknown_codes() -> None:
    with pytest.raises(RuleError, match="«khong_co»"):
        build_checks(GIFTS, products=[ProductCheck("chqs_qua_so", "khong_co", "chqs_qua_tong")])


def test_it_refuses_duplicate_codes() -> None:
    with pytest.raises(RuleError, match="trùng"):
        build_checks([*GIFTS, GIFTS[0]])


def test_it_refuses_an_unknown_value_type() -> None:
    with pytest.raises(ValueError):
        IndicatorDef("x", "X", value_type="float")


def test_it_escapes_braces_in_indicator_names() -> None:
    odd = [IndicatorDef("x", "Số {cũ}"), IndicatorDef("y", "Phần", part_of="x")]
    parts = rule_for("parts:x", build_checks(odd))

    violation = evaluate_rule(parts, {"x": D(1), "y": D(2)}).violation

    assert violation is not None
    assert "«Số {cũ}» (1)" in violation.message


# Section 3.7 against section III: the district command reports 650 ngày công for clearing
# the inter-village roads; the communes, who did the work, report 700 between them.
COMMUNES = {f"Xã {number}": D(44) if number <= 12 else D(43) for number in range(1, 17)}


def test_it_flags_a_unit_figure_that_differs_from_its_communes() -> None:
    finding = reconcile_levels(
        D(650), COMMUNES, indicator="Số ngày công phát quang đường", unit="Ban CHQS huyện"
    )

    assert finding is not None
    assert finding.kind == "level_mismatch"
    assert finding.message == (
        "«Số ngày công phát quang đường» của Ban CHQS huyện (650) nhỏ hơn tổng của "
        "16 đơn vị cấp dưới (700), chênh lệch 50"
    )
    assert (finding.value, finding.reference) == (D(650), D(700))
    assert finding.details["Xã 1"] == 44


def test_it_flags_the_militia_days_too() -> None:
    # "trong đó LLDQ với 250 ngày công" against the communes' 350.
    finding = reconcile_levels(
        D(250), {"Xã A": D(200), "Xã B": D(150)}, indicator="Ngày công của LLDQ"
    )

    assert finding is not None
    assert "(250) nhỏ hơn tổng của 2 đơn vị cấp dưới (350), chênh lệch 100" in finding.message


def test_it_accepts_levels_that_agree_or_differ_within_tolerance() -> None:
    assert reconcile_levels(D(700), COMMUNES, indicator="Ngày công") is None
    assert reconcile_levels(D(698), COMMUNES, indicator="Ngày công", tolerance=D(2)) is None


def test_it_flags_a_unit_figure_above_its_complete_communes() -> None:
    finding = reconcile_levels(D(720), COMMUNES, indicator="Ngày công")

    assert finding is not None
    assert "lớn hơn tổng" in finding.message


def test_it_reconciles_with_communes_that_have_not_reported() -> None:
    partial = COMMUNES | {"Xã 15": None, "Xã 16": None}  # known sum 614

    above = reconcile_levels(D(650), partial, indicator="Ngày công")
    below = reconcile_levels(D(600), partial, indicator="Ngày công")

    # The two missing communes may account for the rest, so 650 cannot be faulted.
    assert above is None
    assert below is not None
    assert "14 đơn vị cấp dưới đã báo cáo (614), chênh lệch 14" in below.message
    assert below.message.endswith("chưa có số liệu của 2 đơn vị: Xã 15, Xã 16")


def test_it_does_not_reconcile_without_figures() -> None:
    assert reconcile_levels(None, COMMUNES, indicator="Ngày công") is None
    assert reconcile_levels(D(650), {"Xã A": None}, indicator="Ngày công") is None
    assert reconcile_levels(D(650), {}, indicator="Ngày công") is None


def test_it_flags_a_joint_figure_the_partner_reports_differently() -> None:
    finding = reconcile_partners(
        D(25),
        D(27),
        indicator="Số cuộc tuyên truyền phối hợp",
        organisation="Hội CTĐ",
        partner="Ban CHQS huyện",
    )

    assert finding is not None
    assert finding.kind == "partner_mismatch"
    assert finding.message == (
        "«Số cuộc tuyên truyền phối hợp» phối hợp giữa Hội CTĐ và Ban CHQS huyện không khớp: "
        "Hội CTĐ báo cáo 25, Ban CHQS huyện báo cáo 27, chênh lệch 2"
    )


def test_it_accepts_a_joint_figure_that_agrees_or_is_not_yet_reported() -> None:
    names = {"indicator": "Số cuộc", "organisation": "Hội ND", "partner": "Hội LHPN"}

    assert reconcile_partners(D(45), D(45), **names) is None
    assert reconcile_partners(D(45), D(46), tolerance=D(1), **names) is None
    assert reconcile_partners(D(45), None, **names) is None


def test_it_flags_a_jump_far_beyond_the_history() -> None:
    (finding,) = history_anomalies(
        D(300), [D(50), D(60), D(70)], indicator="Số cuộc tuyên truyền", unit="Hội ND"
    )

    assert finding.kind == "history_jump"
    assert finding.message == (
        "«Số cuộc tuyên truyền» của Hội ND kỳ này (300) gấp 5 lần trung vị 3 kỳ trước (60)"
    )
    assert finding.reference == 60


def test_it_flags_a_fall_far_below_the_history() -> None:
    (finding,) = history_anomalies(D(10), [D(50), D(60), D(70)], indicator="Số cuộc")

    assert finding.kind == "history_fall"
    assert "(10) chỉ bằng 17% trung vị 3 kỳ trước (60)" in finding.message


def test_it_accepts_a_figure_within_its_history() -> None:
    assert history_anomalies(D(150), [D(50), D(60), D(70)], indicator="Số cuộc") == []
    assert history_anomalies(D(25), [D(50), D(60), D(70)], indicator="Số cuộc") == []


def test_it_uses_configurable_thresholds() -> None:
    kinds = [
        finding.kind
        for finding in history_anomalies(
            D(150), [D(50), D(60)], indicator="Số cuộc", jump_factor=D(2)
        )
    ]

    assert kinds == ["history_jump"]


def test_it_needs_enough_history_for_a_jump() -> None:
    assert history_anomalies(D(300), [D(60)], indicator="Số cuộc") == []
    assert history_anomalies(D(300), [None, D(60)], indicator="Số cuộc") == []
    assert history_anomalies(D(300), [D(60)], indicator="Số cuộc", min_history=1) != []


def test_it_flags_a_figure_repeated_from_last_period() -> None:
    (finding,) = history_anomalies(D(714), [D(600), D(714)], indicator="Số cuộc")

    assert finding.kind == "history_repeat"
    assert "(714) giống hệt kỳ trước" in finding.message


def test_it_does_not_flag_a_repeated_zero_or_an_older_match() -> None:
    assert history_anomalies(D(0), [D(0), D(0)], indicator="Số cuộc") == []
    assert history_anomalies(D(714), [D(714), D(600)], indicator="Số cuộc") == []


def test_it_flags_growth_from_nothing_unless_too_small_to_matter() -> None:
    (finding,) = history_anomalies(D(5), [D(0), D(0)], indicator="Số đợt")

    assert finding.kind == "history_jump"
    assert "trung vị 2 kỳ trước là 0" in finding.message
    assert history_anomalies(D(5), [D(0), D(0)], indicator="Số đợt", min_magnitude=D(10)) == []


PEERS = {f"Xã {number}": D(40 + number) for number in range(1, 15)}


def test_it_flags_a_unit_far_above_its_peers() -> None:
    findings = peer_outliers(PEERS | {"Xã Bom Bo": D(350)}, indicator="Số ngày công")

    (finding,) = findings
    assert finding.kind == "peer_high"
    assert finding.subject == "Xã Bom Bo"
    assert finding.message == (
        "Xã Bom Bo: «Số ngày công» (350) gấp 7,4 lần trung vị của 14 đơn vị còn lại (47,5), "
        "đứng thứ 1/15"
    )


def test_it_flags_a_unit_far_below_its_peers() -> None:
    (finding,) = peer_outliers(PEERS | {"Xã Z": D(2)}, indicator="Số ngày công")

    assert finding.kind == "peer_low"
    assert "Xã Z: «Số ngày công» (2) chỉ bằng 4% trung vị" in finding.message
    assert finding.message.endswith("đứng thứ 15/15")


def test_it_needs_five_peers_with_figures() -> None:
    four = {"A": D(10), "B": D(11), "C": D(12), "D": D(500), "E": None}

    assert peer_outliers(four, indicator="Số cuộc") == []
    assert peer_outliers(four | {"F": D(10)}, indicator="Số cuộc") != []


def test_it_does_not_call_two_groups_of_units_outliers() -> None:
    split = {f"Xã {n}": D(10) for n in range(4)} | {f"Thị trấn {n}": D(100) for n in range(4)}

    assert peer_outliers(split, indicator="Số cuộc") == []


def test_it_finds_no_outlier_among_similar_units() -> None:
    assert peer_outliers(PEERS, indicator="Số ngày công") == []

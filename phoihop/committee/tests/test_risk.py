"""The ranking's arithmetic, with no database: each factor's value and points."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from phoihop.committee import risk

FACTS = risk.Facts(
    late=2,
    missing=1,
    open_results=4,
    progress=None,
    expected_progress=Decimal("0.5"),
    months_since_inspection=None,
    has_rules=False,
)


def test_it_scores_each_factor_with_its_weight():
    score = risk.score(FACTS, risk.Weights())
    points = {f.code: f.points for f in score.factors}
    assert points == {
        "reports": Decimal(9),  # 3 reports × 3
        "results": Decimal(4),
        "programme": Decimal(0),  # no programme: no points, and it says so
        "inspection": Decimal(12),  # never inspected counts as 24 months × 0,5
        "rules": Decimal(5),
    }
    assert score.total_text == "30"
    values = {f.code: f.value for f in score.factors}
    assert values["reports"] == "2 chậm, 1 chưa gửi"
    assert values["programme"] == "chưa có chương trình"
    assert values["inspection"].startswith("chưa kiểm tra lần nào")


def test_programme_progress_behind_weighs_per_ten_points():
    facts = risk.Facts(**{**FACTS.__dict__, "progress": Decimal("0.2")})
    programme = next(f for f in risk.score(facts, risk.Weights()).factors if f.code == "programme")
    assert programme.value == "đạt 20% chỉ tiêu năm (cần 50%)"
    assert programme.points == Decimal(6)  # 30 points behind × 2 per 10


def test_progress_ahead_of_the_year_scores_nothing():
    facts = risk.Facts(**{**FACTS.__dict__, "progress": Decimal("0.8")})
    programme = next(f for f in risk.score(facts, risk.Weights()).factors if f.code == "programme")
    assert programme.points == 0


def test_reasons_name_only_the_factors_that_weigh():
    facts = risk.Facts(
        late=0,
        missing=0,
        open_results=0,
        progress=None,
        expected_progress=Decimal("0.5"),
        months_since_inspection=3,
        has_rules=True,
    )
    assert risk.score(facts, risk.Weights()).reasons == [
        "Thời gian từ lần kiểm tra gần nhất: 3 tháng"
    ]


def test_months_between_counts_whole_months():
    assert risk.months_between(dt.date(2020, 5, 19), dt.date(2020, 6, 15)) == 0
    assert risk.months_between(dt.date(2020, 5, 19), dt.date(2020, 12, 15)) == 6
    assert risk.months_between(dt.date(2020, 5, 19), dt.date(2021, 5, 19)) == 12

"""The template filters pages use to write figures the Vietnamese way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from phoihop.core.templatetags.vn import (
    paragraphs,
    vn_date,
    vn_figure,
    vn_money,
    vn_number,
    vn_percent,
)


def test_it_groups_thousands_with_dots_and_drops_stored_decimals() -> None:
    assert vn_number(Decimal("7286.0000")) == "7.286"
    assert vn_number(1234567) == "1.234.567"
    assert vn_number(Decimal("1.1500")) == "1,15"
    assert vn_number("1.149", 2) == "1,15"


def test_it_shows_nothing_for_missing_or_unreadable_values() -> None:
    assert vn_number(None) == ""
    assert vn_number("abc") == ""
    assert vn_money("") == ""
    assert vn_figure(None, SimpleNamespace(value_type="integer", unit_label="cuộc")) == ""


def test_it_writes_money_and_percent() -> None:
    assert vn_money(Decimal("3658673000.0000")) == "3.658.673.000 đồng"
    assert vn_percent(Decimal("1.15")) == "1,15%"
    assert vn_percent(Decimal("100.0000")) == "100%"


def test_it_writes_dates_without_leading_zeros_and_datetimes_in_vietnam_time() -> None:
    assert vn_date(dt.date(2020, 6, 5)) == "5/6/2020"
    moment = dt.datetime(2020, 6, 17, 2, 0, tzinfo=ZoneInfo("UTC"))
    assert vn_date(moment) == "09:00 17/6/2020"
    assert vn_date("2020-06-05") == ""


def test_it_writes_a_figure_as_its_indicator_asks() -> None:
    houses = SimpleNamespace(value_type="integer", unit_label="căn nhà", pad_small=True)
    money = SimpleNamespace(value_type="money", unit_label="đồng", pad_small=False)
    share = SimpleNamespace(value_type="percent", unit_label="%", pad_small=False)
    assert vn_figure(Decimal("5.0000"), houses) == "05 căn nhà"
    assert vn_figure(Decimal("4350000"), money) == "4.350.000 đồng"
    assert vn_figure(Decimal("20.91"), share) == "20,91%"


def test_it_splits_a_narrative_on_blank_lines() -> None:
    assert paragraphs("Một.\r\n\r\nHai,\ndòng hai.\n  \nBa.") == ["Một.", "Hai,\ndòng hai.", "Ba."]
    assert paragraphs("") == []

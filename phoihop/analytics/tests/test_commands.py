"""phoihop export and phoihop synth, at tiny scale."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from phoihop.analytics.models import Rollup
from phoihop.reporting.models import FigureValue

pytestmark = pytest.mark.django_db


def test_it_exports_what_the_user_may_see(tmp_path) -> None:
    out = tmp_path / "x.csv"
    call_command(
        "export",
        user="vanphong",
        indicators="tt_qp_luot",
        unit="698",
        by="children",
        periods="2019S1..2020S2",
        format="csv",
        out=str(out),
    )
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 19 and len(rows[0]) == 5
    call_command(
        "export",
        user="ducphong",
        indicators="tt_qp_luot",
        unit="698",
        by="children",
        periods="2020S1",
        format="xlsx",
        out=str(tmp_path / "x.xlsx"),
    )
    assert (tmp_path / "x.xlsx").stat().st_size > 1000
    with pytest.raises(CommandError):
        call_command("export", user="nobody", out=str(out))


def test_it_generates_a_tiny_national_dataset_with_its_rollups() -> None:
    out = io.StringIO()
    call_command("synth", scale=0.002, periods=2, indicators=5, stdout=out)
    # 7 × 7 × 2 × 5 = 490 values, and seconds with a decimal comma, as Vietnamese is written.
    assert re.search(
        r"Xong: 490 số liệu, [\d.]+ dòng tổng hợp sẵn, \d+(,\d)? giây\.", out.getvalue()
    )
    values = FigureValue.objects.filter(indicator__code__startswith="synth_")
    assert values.count() == 7 * 7 * 2 * 5  # 7 communes, 7 organisations, 2 periods
    first = values.filter(indicator__code="synth_01")
    country = Rollup.objects.get(unit__code="VN", kind=0, period="2024", indicator__code="synth_01")
    assert country.total == sum(v.value for v in first)
    assert country.count == first.count()
    call_command("synth", scale=0.001, periods=1, indicators=2)  # replaces the earlier one
    assert FigureValue.objects.filter(indicator__code__startswith="synth_").count() == 3 * 7 * 2
    assert (
        Decimal(
            Rollup.objects.get(
                unit__code="VN", kind=0, period="2024S2", indicator__code="synth_01"
            ).total
        )
        > 0
    )

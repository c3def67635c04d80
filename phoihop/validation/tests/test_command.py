"""`phoihop validate`: exit codes, JSON, and how a unit is named."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from phoihop.places.models import Unit
from phoihop.validation.models import ValidationResult

pytestmark = pytest.mark.django_db


def _run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        call_command("validate", *args)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_it_exits_1_with_an_open_high_violation(capsys):
    code, out, _err = _run(capsys, "--unit", "698", "--period", "2020S1")
    assert code == 1
    assert "650 ngày công" in out
    assert "[cao] [chưa xử lý]" in out


def test_it_prints_json(capsys):
    code, out, _err = _run(capsys, "--unit", "huyện Bù Đăng", "--period", "2020S1", "--json")
    data = json.loads(out)
    assert code == 1
    assert data["unit"] == {"code": "698", "name": "huyện Bù Đăng"}
    codes = {r["code"] for r in data["results"] if r["importance"] != "low"}
    assert "level:dan_van_qua_so:chqs" in codes
    assert all("figures" in r for r in data["results"])


def test_it_exits_0_once_high_violations_are_explained(capsys):
    _run(capsys, "--unit", "698", "--period", "2020S1")
    ValidationResult.objects.filter(importance="high").update(
        status="explained", explanation="Đã xác minh"
    )
    code, _out, _err = _run(capsys, "--unit", "698", "--period", "2020S1")
    assert code == 0


def test_it_picks_the_unit_of_that_name_valid_in_the_period(capsys):
    # Bù Đăng is the district in 2020 and a commune since the 2025 reform.
    code, out, _err = _run(capsys, "--unit", "Bù Đăng", "--period", "2020S1")
    assert code == 1
    assert "huyện Bù Đăng" in out


def test_it_accepts_a_full_name(capsys):
    code, out, _err = _run(capsys, "--unit", "thị trấn Đức Phong", "--period", "2020S1")
    assert code == 0
    assert "thị trấn Đức Phong" in out


def test_it_refuses_an_unknown_unit(capsys):
    code, _out, err = _run(capsys, "--unit", "Không Có", "--period", "2020S1")
    assert code == 2
    assert "Không tìm thấy đơn vị" in err


def test_it_refuses_an_ambiguous_name(capsys):
    unit = Unit.objects.get(code="25480")
    Unit.objects.create(code="99999", name=unit.name, kind="commune", parent=unit.parent.parent)
    code, _out, err = _run(capsys, "--unit", unit.name, "--period", "2020S1")
    assert code == 2
    assert "chỉ nhiều đơn vị" in err and "25480" in err and "99999" in err


def test_it_refuses_a_bad_period(capsys):
    code, _out, err = _run(capsys, "--unit", "698", "--period", "2020X9")
    assert code == 2
    assert "Kỳ không hợp lệ" in err


def test_it_prints_the_stored_run_without_validating_when_asked(capsys):
    from phoihop.reporting.models import FigureValue
    from phoihop.validation.models import ValidationRun

    figure = FigureValue.objects.get(
        submission__organisation__unit__code="698",
        submission__organisation__kind__code="ctd",
        submission__period="2020S1",
        indicator__code="so_cuu_ca",
    )
    figure.value = 118
    figure.save()
    runs = ValidationRun.objects.count()
    code, out, err = _run(capsys, "--unit", "698", "--period", "2020S1", "--stored")
    assert "(28 + 90 = 118)" in out  # the stored verdict, from before the edit
    assert "Số liệu đã thay đổi sau lần kiểm tra này" in err
    assert ValidationRun.objects.count() == runs
    # Without --stored the command validates the changed figures again.
    code, out, _err = _run(capsys, "--unit", "698", "--period", "2020S1")
    assert "(28 + 90 = 118)" not in out
    assert ValidationRun.objects.count() == runs + 1


def test_it_says_when_a_unit_was_never_validated(capsys):
    code, _out, err = _run(capsys, "--unit", "698", "--period", "2021S1", "--stored")
    assert code == 2
    assert "Chưa có lần kiểm tra nào của huyện Bù Đăng" in err

"""The application's clock: the real day, or the demo's 20/12/2020 kept in the data folder."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from phoihop.core import clock

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "demo-today"
    with override_settings(PHOIHOP_DEMO_TODAY_FILE=path):
        yield path
    clock.set_demo_today(None)


@time_machine.travel(dt.datetime(2026, 3, 5, 23, 30, tzinfo=TZ), tick=False)
def test_it_reads_the_real_day_in_vietnam_without_a_demo_day():
    assert clock.today() == dt.date(2026, 3, 5)  # already the 5th in Hà Nội, still the 5th UTC
    assert clock.now() == dt.datetime(2026, 3, 5, 23, 30, tzinfo=TZ)


@time_machine.travel(dt.datetime(2026, 3, 5, 14, 45, tzinfo=TZ), tick=False)
def test_it_runs_on_the_demo_day_at_the_current_time_of_day(demo_file):
    clock.set_demo_today(dt.date(2020, 12, 20))
    assert demo_file.read_text().strip() == "2020-12-20"
    assert clock.today() == dt.date(2020, 12, 20)
    assert clock.now() == dt.datetime(2020, 12, 20, 14, 45, tzinfo=TZ)
    clock.set_demo_today(None)
    assert not demo_file.exists()
    assert clock.today() == dt.date(2026, 3, 5)


def test_it_ignores_an_unreadable_demo_day(demo_file):
    demo_file.write_text("hôm nay")
    assert clock.today() == clock.timezone.localdate()


def test_tests_never_see_a_demo_day_left_in_the_data_folder(settings):
    assert settings.PHOIHOP_DEMO_TODAY_FILE is None
    assert clock.demo_today() is None


@pytest.mark.django_db
def test_the_demo_command_sets_its_day_and_the_home_page_follows(demo_file, client_for):
    call_command("demo", no_serve=True)
    assert clock.today() == dt.date(2020, 12, 20)
    html = client_for("chuthapdo").get("/").content.decode()
    # On 20/12/2020 the reporter enters 2020S2, and 2021S1 has begun (cut-off on the 15th);
    # nothing of the real year is offered.
    assert "Nhập báo cáo kỳ 6 tháng cuối năm 2020" in html
    assert "Nhập báo cáo kỳ 6 tháng đầu năm 2021" in html
    assert str(dt.date.today().year) not in html
    call_command("demo", no_serve=True, real_clock=True)
    assert not demo_file.exists()

"""The validation pages: the office sees and acts; everyone else is refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.places.models import Unit
from phoihop.reporting.models import Status
from phoihop.validation import services
from phoihop.validation.models import ResultStatus, Rule, ValidationRun
from phoihop.validation.tests.helpers import rule_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return Unit.objects.get(code="698")


def _page(district) -> str:
    return reverse("validation:unit_period", args=[district.pk, "2020S1"])


def _rerun(district) -> str:
    return reverse("validation:rerun", args=[district.pk, "2020S1"])


def test_it_shows_the_seeds_inconsistencies_to_the_office(client_for, district):
    client = client_for("vanphong")
    response = client.post(_rerun(district), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kết quả kiểm tra lúc" in html
    assert "tổng báo cáo của 16 xã là 700 ngày công (chênh lệch 50)" in html
    assert "(28 + 90 = 118)" in html
    assert "Mức độ cao (4)" in html
    assert "Mức độ trung bình (1)" in html
    assert "Trả lại để sửa" in html


@pytest.mark.parametrize("username, status", [("chuthapdo", 403), ("ducphong", 404)])
def test_it_refuses_reporters(client_for, district, username, status):
    assert client_for(username).get(_page(district)).status_code == status


def test_it_refuses_a_viewer_who_sees_the_unit(client_for, district):
    assert client_for("tinh").get(_page(district)).status_code == 403


def test_it_offers_the_periods_with_data_and_preselects_the_latest(client_for):
    html = client_for("vanphong").get(reverse("validation:index")).content.decode()
    assert '<option value="2020S2" selected>6 tháng cuối năm 2020</option>' in html
    assert '<option value="2020S1">6 tháng đầu năm 2020</option>' in html


def test_it_refuses_the_index_to_reporters(client_for):
    assert client_for("nongdan").get(reverse("validation:index")).status_code == 403


def test_it_returns_for_correction_in_one_click(client_for, district):
    run = services.run_validation(district, "2020S1")
    result = run.results.get(code="level:dan_van_ngay_cong:chqs")
    client = client_for("vanphong")
    response = client.post(
        reverse("reporting:return_for_correction", args=[result.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    result.submission.refresh_from_db()
    assert result.submission.status == Status.RETURNED
    assert "700 ngày công" in result.submission.return_reason
    assert "trả lại để sửa" in response.content.decode()


def test_it_refuses_a_return_to_a_reporter(client_for, district):
    result = services.run_validation(district, "2020S1").results.get(code="parts:so_cuu_ca")
    response = client_for("chuthapdo").post(
        reverse("reporting:return_for_correction", args=[result.pk])
    )
    assert response.status_code == 403
    result.submission.refresh_from_db()
    assert result.submission.status == Status.ACCEPTED


def test_it_records_an_explanation(client_for, district):
    result = services.run_validation(district, "2020S1").results.get(code="parts:so_cuu_ca")
    response = client_for("vanphong").post(
        reverse("validation:explain", args=[result.pk]),
        {"explanation": "Một ca có thể vừa là tai nạn giao thông vừa là tai nạn khác"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    result.refresh_from_db()
    assert result.status == ResultStatus.EXPLAINED


def test_it_refuses_an_empty_explanation(client_for, district):
    result = services.run_validation(district, "2020S1").results.get(code="parts:so_cuu_ca")
    response = client_for("vanphong").post(
        reverse("validation:explain", args=[result.pk]), {"explanation": " "}
    )
    assert response.status_code == 400


def test_it_says_so_when_the_unit_was_never_checked_and_writes_nothing(client_for, district):
    runs = ValidationRun.objects.count()
    page = reverse("validation:unit_period", args=[district.pk, "2021S1"])
    response = client_for("vanphong").get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa kiểm tra số liệu huyện Bù Đăng, 6 tháng đầu năm 2021" in html
    assert "Chạy lại</button>" in html
    assert ValidationRun.objects.count() == runs


def test_it_shows_the_stored_verdict_and_says_when_the_figures_changed(client_for, district):
    run = services.run_validation(district, "2020S1")
    runs = ValidationRun.objects.count()
    client = client_for("vanphong")
    html = client.get(_page(district)).content.decode()
    assert "Kết quả kiểm tra lúc" in html
    assert "Số liệu đã thay đổi" not in html
    figure = run.results.get(code="parts:so_cuu_ca").submission.figures.get(
        indicator__code="so_cuu_ca"
    )
    figure.value = 118
    figure.save()
    html = client.get(_page(district)).content.decode()
    # Reading the page does not validate again: the stored verdict, marked as outdated.
    assert "(28 + 90 = 118)" in html
    assert "Số liệu đã thay đổi sau lần kiểm tra này — bấm Chạy lại." in html
    assert ValidationRun.objects.count() == runs


def test_it_shows_an_old_run_with_its_old_figures(client_for, district):
    old = services.run_validation(district, "2020S1")
    figure = old.results.get(code="parts:so_cuu_ca").submission.figures.get(
        indicator__code="so_cuu_ca"
    )
    figure.value = 118
    figure.save()
    client = client_for("vanphong")
    html = client.post(_rerun(district), follow=True).content.decode()
    assert "(28 + 90 = 118)" not in html
    assert "Số liệu đã thay đổi" not in html
    html = client.get(_page(district) + f"?lan={old.pk}").content.decode()
    assert "(28 + 90 = 118)" in html
    assert "lần kiểm tra cũ" in html


def test_it_lists_rules(client_for):
    response = client_for("vanphong").get(reverse("validation:rule_list"))
    assert response.status_code == 200
    assert "tt_qp_huyen_trong_tong_xa" in response.content.decode()


def test_it_refuses_rules_to_reporters(client_for):
    assert client_for("chuthapdo").get(reverse("validation:rule_list")).status_code == 403


def test_it_tries_a_rule_before_saving(client_for):
    response = client_for("vanphong").post(
        reverse("validation:rule_create"), rule_form(try_period="2020S1", **{"try": "1"})
    )
    assert response.status_code == 200
    assert "Sơ cứu: 118 &gt; 98" in response.content.decode()
    assert not Rule.objects.filter(code="so_cuu_ctd").exists()


def test_it_saves_a_rule_within_the_offices_unit(client_for, district):
    response = client_for("vanphong").post(reverse("validation:rule_create"), rule_form(save="1"))
    assert response.status_code == 302
    assert Rule.objects.get(code="so_cuu_ctd").unit == district


@pytest.mark.parametrize(
    "changes, field, text",
    [
        ({"left": "so_cuu_tngt +"}, "left", "Vế trái: Biểu thức sai"),
        ({"right": "so_cuu_caa"}, "right", "Mã chỉ tiêu không tồn tại: «so_cuu_caa»"),
        ({"message": "Sơ cứu {khong_co}"}, "message", "«khong_co»"),
        ({"left": "cap_duoi__so_cuu_ca"}, "left", "«cap_duoi__so_cuu_ca»"),
    ],
)
def test_it_explains_a_bad_rule_at_save_time(client_for, changes, field, text):
    response = client_for("vanphong").post(
        reverse("validation:rule_create"), rule_form(save="1", **changes)
    )
    assert response.status_code == 400
    assert text in " ".join(response.context["form"].errors[field])
    assert not Rule.objects.filter(code="so_cuu_ctd").exists()


def test_it_links_to_an_earlier_run_whose_number_has_four_digits(client_for, district):
    from phoihop.validation.models import ValidationRun as Run

    Run.objects.create(pk=1234, unit=district, period="2020S1", data_mark="old")
    services.run_validation(district, "2020S1")
    html = client_for("vanphong").get(_page(district)).content.decode()
    # A thousands separator inside a link (?lan=1.234) would lead to a refusal.
    assert 'href="?lan=1234"' in html


def test_the_rerun_runs_as_a_job_of_the_office(client_for, district):
    from phoihop.jobs.models import Job, JobState

    client_for("vanphong").post(_rerun(district))
    job = Job.objects.get(kind="validation.rerun")
    assert job.state == JobState.DONE and job.owner.username == "vanphong"
    assert job.unit == district and job.period == "2020S1"
    assert "vấn đề" in job.message

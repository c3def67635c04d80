"""Entering and saving: GET and POST /bao-cao/<pk>/nhap/."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from phoihop.organisations.models import Organisation
from phoihop.reporting import services
from phoihop.reporting.models import EntryWindow, Submission

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def red_cross(personas) -> Submission:
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    return services.start_submission(
        user=personas["chuthapdo"], organisation=organisation, period="2020S2"
    )


@pytest.fixture
def farmers() -> Submission:
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period="2020S2"
    )


def url(submission: Submission) -> str:
    return reverse("reporting:entry", args=[submission.pk])


def value(submission: Submission, code: str) -> Decimal | None:
    figure = submission.figures.filter(indicator__code=code).first()
    return figure.value if figure else None


def test_it_shows_the_form_section_by_section(
    client_for, red_cross, django_assert_max_num_queries
) -> None:
    client = client_for("chuthapdo")
    with django_assert_max_num_queries(25):
        response = client.get(url(red_cross))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nhập báo cáo 6 tháng cuối năm 2020" in html
    assert 'name="f.tt_duong_loi_cuoc"' in html and 'name="n.tuyen_truyen"' in html
    assert "Lấy phần thuyết minh kỳ trước" in html and "{tt_duong_loi_cuoc}" in html
    # The leave-page warning (static/js/phoihop.js) watches the form by this id.
    assert 'id="entry-form"' in html and "js/phoihop.js" in html


def test_it_saves_figures_typed_the_vietnamese_way(client_for, red_cross) -> None:
    response = client_for("chuthapdo").post(
        url(red_cross),
        {
            "version": red_cross.version,
            "f.tt_duong_loi_cuoc": "27",
            "f.tt_duong_loi_luot": "7.286",
            "f.tt_kinh_phi": "3.658.673.000",
            "n.tuyen_truyen": "Tổ chức {tt_duong_loi_cuoc} cuộc với {tt_duong_loi_luot} lượt người.",
        },
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã lưu lúc" in html and response["HX-Trigger"] == "phoihop-saved"
    # The preview cites the saved figures, written the Vietnamese way.
    assert "Tổ chức 27 cuộc với 7.286 lượt người." in html
    assert value(red_cross, "tt_duong_loi_luot") == Decimal(7286)
    assert value(red_cross, "tt_kinh_phi") == Decimal(3658673000)
    red_cross.refresh_from_db()
    assert red_cross.version == 2


def test_it_shows_warnings_next_to_the_fields_after_a_save(client_for, red_cross) -> None:
    response = client_for("chuthapdo").post(
        url(red_cross),
        {"version": red_cross.version, "f.so_cuu_ca": "10", "f.so_cuu_tngt": "25"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="w-so_cuu_tngt"' in html and "Cần xem lại" in html


@pytest.mark.parametrize(
    ("persona", "code", "typed", "message"),
    [
        ("chuthapdo", "tt_duong_loi_cuoc", "-3", "không được âm"),
        ("chuthapdo", "tt_duong_loi_cuoc", "12,5", "phải là số nguyên"),
        ("chuthapdo", "tt_duong_loi_cuoc", "abc", "Không đọc được"),
        ("nongdan", "nvqs_ty_le_dang_ky", "120", "phải từ 0 đến 100"),
    ],
)
def test_it_refuses_bad_values_and_saves_nothing(
    client_for, red_cross, farmers, persona, code, typed, message
) -> None:
    submission = red_cross if persona == "chuthapdo" else farmers
    good = "tt_bang_ron" if persona == "chuthapdo" else "tt_qp_luot"
    before, good_before = value(submission, code), value(submission, good)
    response = client_for(persona).post(
        url(submission),
        {"version": submission.version, f"f.{good}": "4.321", f"f.{code}": typed},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Chưa lưu" in html
    assert value(submission, code) == before
    assert value(submission, good) == good_before  # all or nothing


def test_it_refuses_a_stale_save_and_shows_the_other_persons_change(
    client_for, personas, red_cross
) -> None:
    base = red_cross.version
    office = client_for("vanphong")
    office.post(url(red_cross), {"version": base, "f.tt_bang_ron": "1.250"}, **HTMX)
    reporter = client_for("chuthapdo")
    response = reporter.post(url(red_cross), {"version": base, "f.tt_bang_ron": "40"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Trần Minh Đức" in html and "đã lưu báo cáo này sau khi bạn mở nó" in html
    assert "1.250" in html and "Băng rôn" in html
    assert value(red_cross, "tt_bang_ron") == Decimal(1250)


def test_it_refuses_a_locked_submission_in_vietnamese(client_for) -> None:
    submitted = Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="pn", period="2020S2"
    )
    response = client_for("vanphong").post(
        url(submitted), {"version": submitted.version, "f.tt_duong_loi_cuoc": "3"}
    )
    assert response.status_code == 400
    assert "đang khoá" in response.content.decode()


def test_it_refuses_the_reporter_outside_the_window(client_for, red_cross) -> None:
    EntryWindow.objects.filter(period="2020S2").delete()
    response = client_for("chuthapdo").post(
        url(red_cross), {"version": red_cross.version, "f.tt_duong_loi_cuoc": "3"}
    )
    assert response.status_code == 400
    assert "Đã hết thời gian nhập liệu" in response.content.decode()
    assert value(red_cross, "tt_duong_loi_cuoc") is None


def test_it_hides_another_organisations_submission(client_for, farmers) -> None:
    response = client_for("chuthapdo").get(url(farmers))
    assert response.status_code == 404


def test_it_refuses_a_member_who_does_not_enter(client_for, farmers) -> None:
    response = client_for("tinh").post(url(farmers), {"version": farmers.version})
    assert response.status_code == 403


def test_it_explains_a_missing_version(client_for, red_cross) -> None:
    response = client_for("chuthapdo").post(url(red_cross), {"f.tt_bang_ron": "2"})
    assert response.status_code == 400
    assert "tải lại trang" in response.content.decode()


def test_it_saves_without_javascript_and_comes_back(client_for, red_cross) -> None:
    response = client_for("chuthapdo").post(
        url(red_cross), {"version": red_cross.version, "f.tt_bang_ron": "05"}
    )
    assert response.status_code == 302 and response["Location"] == url(red_cross)
    assert value(red_cross, "tt_bang_ron") == Decimal(5)


def test_it_does_not_count_empty_boxes_as_changes(client_for, red_cross) -> None:
    response = client_for("chuthapdo").post(
        url(red_cross),
        {"version": red_cross.version, "n.tuyen_truyen": "", "n.so_cuu": "  ", "f.tt_bang_ron": ""},
        **HTMX,
    )
    red_cross.refresh_from_db()
    assert response.status_code == 200
    assert red_cross.version == 1 and not red_cross.narratives.exists()

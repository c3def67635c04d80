"""The analytics pages for every persona: no error pages, and each sees only their part."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from phoihop.analytics.models import Favourite

pytestmark = pytest.mark.django_db

PERSONAS = ["vanphong", "chuthapdo", "nongdan", "ducphong", "thanhvien", "tinh", "quantri"]
PIVOT = "/phan-tich/bang/"
# A day when the demo's 2020S2 is the period being reported.
DEMO_TODAY = dt.datetime(2021, 1, 5, 9, tzinfo=dt.UTC)


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("username", PERSONAS)
def test_it_shows_the_dashboard_and_the_pivot_to_every_persona(client_for, username) -> None:
    client = client_for(username)
    assert client.get("/phan-tich/").status_code == 200
    response = client.get(PIVOT)
    assert response.status_code == 200
    assert b"chart-bars" in response.content
    for fmt in ("csv", "xlsx"):
        assert client.get(f"/phan-tich/bang/xuat.{fmt}").status_code == 200


@pytest.mark.parametrize("username", PERSONAS)
def test_it_answers_nonsense_parameters_with_a_vietnamese_message(client_for, username) -> None:
    client = client_for(username)
    response = client.get(
        PIVOT,
        {
            "chi_tieu": "x,,",
            "don_vi": "'; drop",
            "ky": "2020S1..2020",
            "hang": "?",
            "theo": "🙂",
            "loai": "zz",
            "gop_moi": "1",
        },
    )
    assert response.status_code == 200
    assert "không hợp lệ".encode() in response.content
    assert client.get("/phan-tich/bang/xuat.csv", {"ky": "9999S3"}).status_code == 200
    assert client.get("/phan-tich/bang/xuat.pdf").status_code == 404


def test_it_sends_visitors_to_sign_in(client) -> None:
    assert client.get(PIVOT).status_code == 302
    assert client.get("/phan-tich/bang/xuat.csv").status_code == 302


def test_it_keeps_the_red_cross_reporter_to_its_own_organisation(client_for) -> None:
    from phoihop.reporting.models import FigureValue

    client = client_for("chuthapdo")
    figure = (
        FigureValue.objects.filter(
            submission__period="2020S1",
            value__isnull=False,
            submission__organisation__unit__code="698",
            submission__organisation__kind__code="ctd",
            indicator__aggregation="sum",
        )
        .select_related("indicator")
        .first()
    )
    code, own = figure.indicator.code, figure.value
    # Asking for the whole district falls back to what the reporter may see: its own figures.
    rows = csv_rows(
        client.get(
            "/phan-tich/bang/xuat.csv",
            {"chi_tieu": code, "don_vi": "698", "theo": "don_vi", "ky": "2020S1"},
        )
    )
    assert rows[1][0] == "huyện Bù Đăng"
    assert rows[1][1] == format(own.quantize(1), "f")
    by_kind = csv_rows(
        client.get(
            "/phan-tich/bang/xuat.csv",
            {"chi_tieu": code, "don_vi": "698", "hang": "to_chuc", "ky": "2020S1"},
        )
    )
    values = {row[0]: row[1] for row in by_kind[1:]}
    assert values["Hội Nông dân"] == ""
    assert values["Hội Chữ thập đỏ"] == rows[1][1]
    response = client.get(PIVOT, {"don_vi": "25480"})
    assert "Không xem được đơn vị".encode() in response.content


def test_it_keeps_the_commune_reporter_to_its_commune(client_for) -> None:
    client = client_for("ducphong")
    response = client.get(PIVOT, {"don_vi": "698", "theo": "cap_duoi", "ky": "2020S1"})
    assert "Không xem được đơn vị".encode() in response.content
    rows = csv_rows(client.get("/phan-tich/bang/xuat.csv", {"don_vi": "698", "ky": "2020S1"}))
    assert [r[0] for r in rows[1:]] == ["thị trấn Đức Phong"]


def test_it_keeps_the_member_to_the_communes_they_follow(client_for) -> None:
    client = client_for("thanhvien")
    rows = csv_rows(client.get("/phan-tich/bang/xuat.csv", {"don_vi": "25495", "ky": "2020S1"}))
    assert rows[1][0] == "xã Bom Bo"
    rows = csv_rows(client.get("/phan-tich/bang/xuat.csv", {"don_vi": "25480", "ky": "2020S1"}))
    assert rows[1][0] != "thị trấn Đức Phong"


@pytest.mark.parametrize("username", ["vanphong", "tinh", "quantri"])
def test_it_lets_the_office_and_viewers_see_every_commune(client_for, username) -> None:
    rows = csv_rows(
        client_for(username).get(
            "/phan-tich/bang/xuat.csv",
            {"chi_tieu": "tt_qp_luot", "don_vi": "698", "theo": "cap_duoi", "ky": "2020S1"},
        )
    )
    assert len(rows) == 1 + 16 + 1 + 1  # heading, communes, the district's own, total


def test_it_exports_the_same_view_to_excel(client_for) -> None:
    response = client_for("vanphong").get(
        "/phan-tich/bang/xuat.xlsx",
        {"chi_tieu": "tt_qp_luot", "don_vi": "698", "theo": "cap_duoi", "ky": "2019S1..2020S2"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert any(str(r[0]).startswith("Cộng") for r in values)


def test_it_saves_and_removes_a_favourite(client_for, personas) -> None:
    client = client_for("vanphong")
    response = client.post(
        "/phan-tich/yeu-thich/", {"name": "Tuyên truyền", "query": "ky=2020S1&don_vi=698"}
    )
    assert response.status_code == 302
    favourite = Favourite.objects.get(user=personas["vanphong"])
    assert "ky=2020S1" in favourite.query
    page = client.get("/phan-tich/")
    assert "Tuyên truyền".encode() in page.content
    # Another user's favourite is not found, and nobody is told "Đã xoá".
    refused = client_for("tinh").post(f"/phan-tich/yeu-thich/{favourite.pk}/xoa/", follow=True)
    assert refused.status_code == 404 and "Đã xoá" not in refused.content.decode()
    assert Favourite.objects.filter(pk=favourite.pk).exists()
    client_for("vanphong").post(f"/phan-tich/yeu-thich/{favourite.pk}/xoa/")
    assert not Favourite.objects.filter(pk=favourite.pk).exists()


def test_it_answers_an_htmx_request_with_the_result_only(client_for) -> None:
    response = client_for("vanphong").get(PIVOT, {"ky": "2020S1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="pivot-result"' in response.content


def test_the_provincial_viewer_sees_the_units_side_by_side(client_for, time_machine) -> None:
    # The dashboard opens on the period being reported now: early 2021, 2020S2 (the district's
    # 2020 communes merged in 2025, so on a later day there are none to set side by side).
    time_machine.move_to(DEMO_TODAY)
    # The demo's province has a single district: its communes are what can stand side by side.
    html = client_for("tinh").get("/phan-tich/").content.decode()
    assert "Các đơn vị trực thuộc huyện Bù Đăng" in html
    assert "xã Bom Bo" in html and "thị trấn Đức Phong" in html

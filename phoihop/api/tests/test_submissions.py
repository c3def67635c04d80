"""Writing through the API: figures to a draft, submitting, returning; the refusals in Vietnamese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from phoihop.organisations.models import Organisation
from phoihop.reporting import services
from phoihop.reporting.models import Event, Status, Submission

pytestmark = pytest.mark.django_db
IN_THE_WINDOW = dt.datetime(2020, 12, 20, 9, 0, tzinfo=dt.UTC)
JSON = "application/json"


@pytest.fixture
def red_cross(personas) -> Submission:
    """The district Red Cross's 2020S2 draft."""
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    return services.start_submission(
        user=personas["chuthapdo"], organisation=organisation, period="2020S2"
    )


def url(submission: Submission, step: str = "") -> str:
    return f"/api/v1/submissions/{submission.pk}/" + (f"{step}/" if step else "")


def value(submission: Submission, code: str) -> Decimal | None:
    figure = submission.figures.filter(indicator__code=code).first()
    return figure.value if figure else None


@time_machine.travel(IN_THE_WINDOW, tick=False)
def test_it_starts_a_draft_and_writes_exact_figures(api_as) -> None:
    client = api_as("chuthapdo")
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    started = client.post(
        "/api/v1/submissions/", {"organisation": organisation.pk, "period": "2020S2"}, JSON
    )
    assert started.status_code == 200
    assert started.json()["status"] == "draft" and started.json()["may_edit"]
    submission = Submission.objects.get(pk=started.json()["id"])
    response = client.patch(
        url(submission),
        {
            "figures": {"tt_duong_loi_cuoc": "7286", "so_cuu_ca": 12},
            "narratives": {"tuyen_truyen": "Tuyên truyền sâu rộng."},
            "version": started.json()["version"],
        },
        JSON,
    )
    assert response.status_code == 200
    figures = {f["indicator"]: f["value"] for f in response.json()["figures"]}
    assert figures["tt_duong_loi_cuoc"] == "7286" and figures["so_cuu_ca"] == "12"
    assert value(submission, "tt_duong_loi_cuoc") == Decimal(7286)
    # Audited like every change of a figure, with who made it.
    record = submission.figures.get(indicator__code="so_cuu_ca").history.first()
    assert record.history_user.username == "chuthapdo"


@time_machine.travel(IN_THE_WINDOW, tick=False)
def test_put_empties_what_it_leaves_out_and_patch_keeps_it(api_as, red_cross) -> None:
    client = api_as("chuthapdo")
    client.patch(url(red_cross), {"figures": {"tt_duong_loi_cuoc": 5, "so_cuu_ca": 3}}, JSON)
    client.patch(url(red_cross), {"figures": {"so_cuu_ca": 4}}, JSON)
    assert value(red_cross, "tt_duong_loi_cuoc") == 5
    response = client.put(url(red_cross), {"figures": {"so_cuu_ca": 6}}, JSON)
    assert response.status_code == 200
    assert value(red_cross, "tt_duong_loi_cuoc") is None and value(red_cross, "so_cuu_ca") == 6


@time_machine.travel(IN_THE_WINDOW, tick=False)
def test_it_refuses_bad_values_and_saves_nothing(api_as, red_cross) -> None:
    response = api_as("chuthapdo").patch(
        url(red_cross), {"figures": {"tt_duong_loi_cuoc": 5, "so_cuu_ca": -1, "khong_co": 1}}, JSON
    )
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Có giá trị không hợp lệ; chưa lưu gì."
    errors = {e["where"]: e["message"] for e in body["errors"]}
    assert "không được âm" in errors["so_cuu_ca"]
    assert "«khong_co» không có trong biểu mẫu này" in errors["khong_co"]
    assert value(red_cross, "tt_duong_loi_cuoc") is None


@time_machine.travel(IN_THE_WINDOW, tick=False)
def test_it_refuses_text_a_database_cannot_store_and_malformed_bodies(api_as, red_cross) -> None:
    client = api_as("chuthapdo")
    nul = client.patch(url(red_cross), {"narratives": {"tuyen_truyen": "a\x00b"}}, JSON)
    assert nul.status_code == 422 and "không hợp lệ" in nul.json()["detail"]
    broken = client.patch(url(red_cross), "{khong phai json", JSON)
    assert broken.status_code in (400, 422) and broken.json()["detail"]
    assert client.get("/api/v1/submissions/?period=2020X9").status_code == 400
    assert client.get("/api/v1/submissions/99999999999/").status_code == 422


@time_machine.travel(IN_THE_WINDOW, tick=False)
def test_it_refuses_a_save_from_an_older_version_with_what_changed(api_as, red_cross) -> None:
    vanphong, chuthapdo = api_as("vanphong"), api_as("chuthapdo")
    version = red_cross.version
    assert vanphong.patch(url(red_cross), {"figures": {"so_cuu_ca": 9}}, JSON).status_code == 200
    response = chuthapdo.patch(
        url(red_cross), {"figures": {"so_cuu_ca": 1}, "version": version}, JSON
    )
    assert response.status_code == 409
    assert "đã lưu báo cáo này sau khi bạn mở nó" in response.json()["detail"]
    assert response.json()["changes"][0]["new"] == "9"
    assert value(red_cross, "so_cuu_ca") == 9


@time_machine.travel(IN_THE_WINDOW, tick=False)
def test_submitting_is_refused_with_every_reason_then_accepted_when_explained(
    api_as, red_cross
) -> None:
    client = api_as("chuthapdo")
    client.patch(url(red_cross), {"figures": {"so_cuu_ca": 987654}}, JSON)
    refused = client.post(url(red_cross, "submit"), {}, JSON)
    assert refused.status_code == 409
    body = refused.json()
    assert body["detail"].startswith("Chưa gửi được báo cáo")
    change = next(b for b in body["blockers"] if b["code"] == "bien_dong.so_cuu_ca")
    assert change["explainable"] and "biến động lớn, cần giải trình" in change["message"]
    red_cross.refresh_from_db()
    assert red_cross.status == Status.DRAFT
    # The same list before trying: GET …/blockers/.
    listed = client.get(url(red_cross, "blockers")).json()
    assert not listed["may_submit"]
    assert {b["code"] for b in listed["blockers"]} == {b["code"] for b in body["blockers"]}
    explanations = {b["code"]: "Năm nay có bão lớn." for b in body["blockers"]}
    narratives = {
        b["code"].removeprefix("thuyet_minh."): "Đã viết."
        for b in body["blockers"]
        if b["code"].startswith("thuyet_minh.")
    }
    if narratives:
        client.patch(url(red_cross), {"narratives": narratives}, JSON)
    sent = client.post(url(red_cross, "submit"), {"explanations": explanations}, JSON)
    assert sent.status_code == 200, sent.content
    assert sent.json()["status"] == "submitted" and not sent.json()["may_edit"]
    assert sent.json()["explanations"][0]["text"] == "Năm nay có bão lớn."
    # Locked once sent, as on the web.
    locked = client.patch(url(red_cross), {"figures": {"so_cuu_ca": 1}}, JSON)
    assert locked.status_code == 409 and "đang khoá" in locked.json()["detail"]


def test_the_office_returns_with_a_reason_and_reopens_an_accepted_report(api_as) -> None:
    submitted = Submission.objects.get(
        organisation__unit__code="25480", organisation__kind__code="ctd", period="2020S2"
    )
    client = api_as("vanphong")
    no_reason = client.post(url(submitted, "return"), {}, JSON)
    assert no_reason.status_code == 409 and "Cần ghi lý do trả lại" in no_reason.json()["detail"]
    returned = client.post(
        url(submitted, "return"), {"reason": "Thiếu số liệu hiến máu.", "open_until": None}, JSON
    )
    assert returned.status_code == 200
    assert returned.json()["status"] == "returned"
    assert returned.json()["return_reason"] == "Thiếu số liệu hiến máu."
    assert submitted.events.filter(action=Event.Action.RETURNED).exists()
    accepted = Submission.objects.get(
        organisation__unit__code="25495", organisation__kind__code="chqs", period="2020S2"
    )
    reopened = client.post(url(accepted, "reopen"), {"reason": "Sửa số dân quân."}, JSON)
    assert reopened.status_code == 200 and reopened.json()["status"] == "returned"
    twice = client.post(url(accepted, "accept"))
    assert twice.status_code == 409 and "Chỉ duyệt được báo cáo đã gửi" in twice.json()["detail"]

"""The workflow's rules on every path: the command line, Excel, the web and the admin."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from phoihop.accounts.models import Role, User
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import workflow
from phoihop.reporting.models import EntryWindow, FigureValue, Status, Submission
from phoihop.reporting.tests.conftest import AFTER_THE_WINDOW
from phoihop.reporting.tests.test_excel_upload import download, edit, problems_of, row_of, upload

pytestmark = pytest.mark.django_db


def step(*args: str) -> None:
    call_command("submissions", *args)


def test_the_command_line_refuses_an_unexplained_change_with_the_reason(red_cross, capsys):
    org = str(red_cross.organisation_id)
    with pytest.raises(CommandError, match="Chưa gửi được"):
        step("submit", "--user", "chuthapdo", "--organisation", org, "--period", "2020S2")
    err = capsys.readouterr().err
    assert "987.654 ca" in err and "--explain bien_dong.so_cuu_ca=" in err
    red_cross.refresh_from_db()
    assert red_cross.status == Status.DRAFT

    step(
        "submit",
        "--user",
        "chuthapdo",
        "--organisation",
        org,
        "--period",
        "2020S2",
        "--explain",
        "bien_dong.so_cuu_ca=Đợt sơ cứu lũ lụt.",
    )
    red_cross.refresh_from_db()
    assert red_cross.status == Status.SUBMITTED


def test_the_command_line_returns_accepts_and_reopens_as_the_office(red_cross) -> None:
    workflow.submit_submission(red_cross, user=_user("chuthapdo"), explanations=_explained())
    org = ["--organisation", str(red_cross.organisation_id), "--period", "2020S2"]
    with pytest.raises(CommandError, match="không được làm việc này"):
        step("accept", "--user", "chuthapdo", *org)
    step("return", "--user", "vanphong", *org, "--reason", "Sai số ca.", "--until", "31/12/2099")
    red_cross.refresh_from_db()
    assert red_cross.status == Status.RETURNED and red_cross.reopened_until == dt.date(2099, 12, 31)
    workflow.submit_submission(red_cross, user=_user("chuthapdo"))
    step("accept", "--user", "vanphong", *org)
    with pytest.raises(CommandError, match="Cần ghi lý do mở lại"):
        step("reopen", "--user", "vanphong", *org, "--reason", " ")
    step("reopen", "--user", "vanphong", *org, "--reason", "Sửa số ca.")
    red_cross.refresh_from_db()
    assert red_cross.status == Status.RETURNED and red_cross.return_reason == "Sửa số ca."


def test_the_command_line_names_a_missing_submission(db) -> None:
    org = Organisation.objects.get(unit__code="698", kind__code="ccb")
    with pytest.raises(CommandError, match="chưa có báo cáo 6 tháng đầu năm 2030"):
        step("submit", "--user", "vanphong", "--organisation", str(org.pk), "--period", "2030S1")


def _user(name: str) -> User:
    return User.objects.get(username=name)


def _explained() -> dict[str, str]:
    return {"bien_dong.so_cuu_ca": "Đợt sơ cứu lũ lụt."}


def _returned_after_the_window(red_cross) -> Submission:
    workflow.submit_submission(red_cross, user=_user("chuthapdo"), explanations=_explained())
    EntryWindow.objects.filter(period="2020S2").delete()
    return workflow.return_submission(red_cross, user=_user("vanphong"), reason="Sai số ca.")


@time_machine.travel(AFTER_THE_WINDOW, tick=False)
def test_a_returned_report_is_corrected_through_excel_after_the_window(red_cross, client_for):
    returned = _returned_after_the_window(red_cross)
    client = client_for("chuthapdo")
    data = download(client, returned.organisation)
    data = edit(data, **{f"D{row_of(data, 'so_cuu_ca')}": 98})
    response = upload(client, data, ky="2020S2")
    assert response.status_code == 200, problems_of(response)
    client.post(reverse("reporting:excel_confirm", args=[response.context["token"]]))
    assert FigureValue.objects.get(submission=returned, indicator__code="so_cuu_ca").value == 98


@time_machine.travel(AFTER_THE_WINDOW, tick=False)
def test_a_returned_report_is_corrected_and_resubmitted_on_the_web(red_cross, client_for):
    returned = _returned_after_the_window(red_cross)
    client = client_for("chuthapdo")
    page = client.get(reverse("reporting:entry", args=[returned.pk])).content.decode()
    assert "Báo cáo được mở để sửa đến hết ngày 13/12/2026" in page
    assert "Thời gian nhập liệu đã hết" not in page
    response = client.post(
        reverse("reporting:entry", args=[returned.pk]),
        {"version": returned.version, "so_lieu.so_cuu_ca": "98"},
    )
    assert response.status_code == 302
    response = client.post(reverse("reporting:submit", args=[returned.pk]))
    returned.refresh_from_db()
    assert returned.status == Status.SUBMITTED, response.content.decode()[:500]


@time_machine.travel(AFTER_THE_WINDOW, tick=False)
def test_a_draft_after_the_window_is_refused_on_every_path(red_cross, client_for, capsys):
    EntryWindow.objects.filter(period="2020S2").delete()
    client = client_for("chuthapdo")
    response = client.post(
        reverse("reporting:entry", args=[red_cross.pk]),
        {"version": red_cross.version, "so_lieu.so_cuu_ca": "98"},
    )
    assert response.status_code == 400 and "hết thời gian nhập liệu" in response.content.decode()
    data = download(client, red_cross.organisation)
    (problem,) = problems_of(upload(client, edit(data, **{f"D{row_of(data, 'so_cuu_ca')}": 9})))
    assert "hết thời gian nhập liệu" in problem
    with pytest.raises(CommandError, match="hết thời gian nhập liệu"):
        step(
            "submit",
            "--user",
            "chuthapdo",
            "--organisation",
            str(red_cross.organisation_id),
            "--period",
            "2020S2",
        )
    assert FigureValue.objects.get(submission=red_cross, indicator__code="so_cuu_ca").value == (
        987654
    )


def test_the_admin_cannot_change_an_accepted_figure(client_for) -> None:
    accepted = Submission.objects.filter(status=Status.ACCEPTED, period="2020S1").first()
    client = client_for("quantri")
    url = reverse("admin:reporting_submission_change", args=[accepted.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    before = list(accepted.figures.values_list("pk", "value"))
    response = client.post(url, {"status": "draft", "period": "2020S1"})
    assert response.status_code == 403
    version = accepted.history.order_by("history_id").first().history_id
    history = reverse("admin:reporting_submission_simple_history", args=[accepted.pk, version])
    assert client.post(history, {"status": "draft"}).status_code == 403
    accepted.refresh_from_db()
    assert accepted.status == Status.ACCEPTED
    assert list(accepted.figures.values_list("pk", "value")) == before


def test_an_office_extends_only_its_own_units(client_for, personas) -> None:
    # The office of Đồng Nai province (2025) is not Bù Đăng's (2020, under Bình Phước).
    dong_nai = Unit.objects.get(code="75")
    stranger = User.objects.create(username="vp_dong_nai", role=Role.OFFICE, unit=dong_nai)
    client = client_for("vanphong")
    client.force_login(stranger)
    bu_dang = personas["vanphong"].unit
    response = client.post(
        reverse("reporting:extend_window"),
        {
            "bieu_mau": "huyen_ctd",
            "ky": "2021S1",
            "don_vi": bu_dang.pk,
            "den_ngay": "31/12/2099",
            "ly_do": "x",
        },
    )
    assert response.status_code == 404
    assert not EntryWindow.objects.filter(period="2021S1").exists()
    own = EntryWindow.objects.filter(unit=bu_dang).first()
    revoke = client.post(reverse("reporting:revoke_window", args=[own.pk]))
    assert revoke.status_code == 404
    own.refresh_from_db()
    assert own.revoked_at is None


def test_an_extension_for_one_organisation_opens_only_it(client_for, personas) -> None:
    EntryWindow.objects.filter(period="2020S2").delete()
    client = client_for("vanphong")
    response = client.post(
        reverse("reporting:extend_window"),
        {
            "bieu_mau": "huyen_ctd",
            "ky": "2020S2",
            "don_vi": personas["vanphong"].unit_id,
            "loai": "ctd",
            "den_ngay": "31/12/2099",
            "ly_do": "Bổ sung số liệu sơ cứu",
        },
    )
    assert response.status_code == 302
    window = EntryWindow.objects.get(period="2020S2")
    assert window.organisation.kind.code == "ctd" and window.created_by == personas["vanphong"]
    page = client.get(reverse("reporting:windows")).content.decode()
    assert "Bổ sung số liệu sơ cứu" in page and "đang hiệu lực" in page
    assert "<td>6 tháng cuối năm 2020</td>" in page
    client.post(reverse("reporting:revoke_window", args=[window.pk]))
    window.refresh_from_db()
    assert window.revoked_by == personas["vanphong"]
    assert window.history.count() == 2  # granted, then revoked: both kept
    assert "đã thu hồi" in client.get(reverse("reporting:windows")).content.decode()


def test_the_web_asks_for_the_explanation_and_submits_with_it(red_cross, client_for) -> None:
    client = client_for("chuthapdo")
    url = reverse("reporting:submit", args=[red_cross.pk])
    page = client.get(url).content.decode()
    assert 'name="giai_trinh.bien_dong.so_cuu_ca"' in page and "987.654 ca" in page
    refused = client.post(url)
    assert refused.status_code == 400 and "biến động lớn" in refused.content.decode()
    red_cross.refresh_from_db()
    assert red_cross.status == Status.DRAFT
    response = client.post(url, {"giai_trinh.bien_dong.so_cuu_ca": "Đợt sơ cứu lũ lụt."})
    assert response.status_code == 302
    red_cross.refresh_from_db()
    assert red_cross.status == Status.SUBMITTED
    assert red_cross.explanations.get().text == "Đợt sơ cứu lũ lụt."


def test_the_submit_page_lists_an_empty_required_narrative_once(red_cross, client_for) -> None:
    from phoihop.indicators.models import Section

    section = red_cross.form.sections.filter(has_narrative=True).order_by("order").first()
    Section.objects.filter(pk=section.pk).update(narrative_required=True)
    page = client_for("chuthapdo").get(reverse("reporting:submit", args=[red_cross.pk]))
    html = page.content.decode()
    assert html.count(f"Phần «{section.heading}» bắt buộc có thuyết minh") == 1
    assert 'class="violations blockers"' in html

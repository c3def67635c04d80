"""A joint activity is entered once, seen by every partner, counted once in totals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.core.periods import Period
from phoihop.documents.context import report_context
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes import selectors, services
from phoihop.programmes.models import JointActivity

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _org(unit: str, kind: str) -> Organisation:
    return Organisation.objects.select_related("unit", "kind").get(unit__code=unit, kind__code=kind)


def _record(personas, **kwargs):
    values = {
        "user": personas["chuthapdo"],
        "lead": _org("698", "ctd"),
        "partners": [_org("698", "nd")],
        "title": "Tập huấn sơ cấp cứu cho hội viên nông dân",
        "held_on": dt.date(2020, 5, 20),
        "figures": {"tt_qp_luot": "300"},
    }
    return services.record_joint_activity(**{**values, **kwargs})


def test_both_organisations_see_it_and_the_district_counts_it_once(personas, client_for) -> None:
    district = Unit.objects.get(code="698")
    before = selectors.activity_totals(district, "2020S1").get("tt_qp_luot", 0)
    activity = _record(personas)

    assert activity.period == "2020S1"
    assert activity in selectors.activities_of(_org("698", "ctd"))
    assert activity in selectors.activities_of(_org("698", "nd"))
    # Two bodies took part; the district total grows by its 300 once, not twice.
    assert selectors.activity_totals(district, "2020S1")["tt_qp_luot"] == before + 300
    for username in ("chuthapdo", "nongdan"):
        response = client_for(username).get(f"/chuong-trinh/hoat-dong/{activity.pk}/")
        assert response.status_code == 200
        assert "Tập huấn sơ cấp cứu" in response.content.decode()
    assert client_for("ducphong").get(f"/chuong-trinh/hoat-dong/{activity.pk}/").status_code == 404


def test_the_report_counts_a_joint_activity_once(personas) -> None:
    district = Unit.objects.get(code="698")
    _record(personas, figures={"tt_qp_luot": "300"})
    text = "\n".join(report_context(district, Period.parse("2020S1"))["programme_progress"])
    # The demo's 2.126 (the Farmers' Union with the command) and these 300: 2.426, once each.
    assert "05 hoạt động phối hợp" in text
    assert "tuyên truyền Luật NVQS, DQTV, DBĐV, truyền thống được 45 cuộc với 2.426 lượt người" in (
        text
    )
    assert "962 đơn vị máu tiếp nhận" in text  # each figure with what it counts
    assert "4.552" not in text  # never the doubled 2 × 2.126 + 300


def test_two_bodies_reporting_the_same_activity_separately_are_flagged(client_for) -> None:
    district = Unit.objects.get(code="698")
    found = selectors.double_counts(district, "2020S1")
    assert any(
        d.indicator.code == "tt_qp_luot"
        and {o.kind.code for o, _v in d.reporters} == {"nd", "chqs"}
        for d in found
    )
    page = client_for("vanphong").get("/chuong-trinh/").content.decode()
    assert "Kiểm tra đối chiếu" in page and "2.126 lượt người" in page


def test_an_activity_without_a_partner_or_with_a_bad_figure_is_refused(personas) -> None:
    with pytest.raises(services.ProgrammeError) as refused:
        _record(personas, partners=[], figures={"tt_qp_luot": "ba trăm"})
    assert "cần ít nhất một cơ quan phối hợp" in refused.value.messages[0]
    assert any("ba trăm" in m for m in refused.value.messages)
    assert not JointActivity.objects.filter(title__startswith="Tập huấn sơ cấp cứu").exists()


def test_its_figures_are_read_as_a_submission_s_are(personas) -> None:
    from phoihop.indicators.models import Indicator

    computed = Indicator.objects.exclude(formula="").first()
    with pytest.raises(services.ProgrammeError) as refused:
        _record(personas, figures={computed.code: "5", "tt_qp_luot": "2,5", "khong_co": "1"})
    messages = refused.value.messages
    assert f"«{computed.name}» được tính tự động, không nhập tay." in messages
    assert any("phải là số nguyên" in m for m in messages)  # a count of people, not 2,5
    assert "Mã chỉ tiêu «khong_co» không có trong danh mục." in messages
    assert not JointActivity.objects.filter(title__startswith="Tập huấn sơ cấp cứu").exists()


def test_a_reporter_cannot_record_for_another_organisation(personas) -> None:
    with pytest.raises(PermissionDenied):
        _record(personas, lead=_org("698", "nd"), partners=[_org("698", "ctd")])


def test_it_records_an_activity_from_the_page(client_for) -> None:
    red_cross, farmers = _org("698", "ctd"), _org("698", "nd")
    client = client_for("chuthapdo")
    response = client.post(
        "/chuong-trinh/hoat-dong/moi/",
        {
            "title": "Ra quân tuyên truyền hiến máu",
            "held_on": "20/05/2020",
            "lead": red_cross.pk,
            "partners": [farmers.pk],
            "indicator_1": "",
            "value_1": "",
        },
    )
    assert response.status_code == 302
    activity = JointActivity.objects.get(title="Ra quân tuyên truyền hiến máu")
    assert list(activity.partners.all()) == [farmers]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bien-ban.pdf", PDF, None),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, None),
        ("bien-ban.exe", b"MZ", "Chỉ nhận biên bản PDF"),
        ("anh.jpg", PDF, "không đúng với phần mở rộng"),
        ("to.pdf", b"%PDF-" + b"0" * (services.MAX_EVIDENCE_BYTES + 1), "Tệp quá lớn"),
    ],
)
def test_evidence_is_checked_by_type_and_size(client_for, personas, name, data, message) -> None:
    activity = _record(personas)
    upload = io.BytesIO(data)
    upload.name = name
    client = client_for("chuthapdo")
    response = client.post(
        f"/chuong-trinh/hoat-dong/{activity.pk}/minh-chung/",
        {"kind": "minutes", "file": upload},
        follow=True,
    )
    page = response.content.decode()
    if message is None:
        assert activity.evidence.count() == 1
        evidence = activity.evidence.get()
        download = client_for("nongdan").get(f"/chuong-trinh/minh-chung/{evidence.pk}/")
        assert download.status_code == 200 and bytes(download.content) == data
    else:
        assert message in page
        assert activity.evidence.count() == 0

"""Every role against every kind of object the committee adds: who sees (else 404), who may
change (else 403), and the anonymous visitor sent to sign in."""

from __future__ import annotations

import datetime as dt

import pytest

from phoihop.committee.models import (
    BoardDocument,
    Inspection,
    InspectionPlan,
    Member,
    Notice,
    Recommendation,
)
from phoihop.places.models import Unit

pytestmark = pytest.mark.django_db

ROLES = ["vanphong", "chuthapdo", "ducphong", "thanhvien", "tinh", "quantri", None]


def _objects() -> dict[str, int]:
    h1 = InspectionPlan.objects.get(unit__code="698", period="2020S1")
    return {
        "district": Unit.objects.get(code="698").pk,
        "bombo": Unit.objects.get(code="25495").pk,
        "ducphong": Unit.objects.get(code="25480").pk,
        "h1": h1.pk,
        "insp_bombo": Inspection.objects.get(plan=h1, unit__code="25495").pk,
        "insp_ducphong": Inspection.objects.get(plan=h1, unit__code="25480").pk,
        "rec_bombo": Recommendation.objects.filter(inspection__unit__code="25495").first().pk,
        "rules_ducphong": BoardDocument.objects.get(board__unit__code="25480", kind="rules").pk,
        "member": Member.objects.get(full_name="Hoàng Văn Thắng").pk,
    }


def _client(client, personas, username):
    if username is not None:
        client.force_login(personas[username])
    return client


# (url pattern, {role: expected status}); None is the anonymous visitor.
READS = [
    (
        "/ban-chi-dao/ban/{district}/",
        dict(vanphong=200, chuthapdo=404, ducphong=404, thanhvien=404, tinh=200, quantri=200),
    ),
    (
        "/ban-chi-dao/ban/{bombo}/",
        dict(vanphong=200, chuthapdo=404, ducphong=404, thanhvien=200, tinh=200, quantri=200),
    ),
    (
        "/ban-chi-dao/ban/{ducphong}/",
        dict(vanphong=200, chuthapdo=404, ducphong=200, thanhvien=404, tinh=200, quantri=200),
    ),
    (
        "/ban-chi-dao/van-ban/{rules_ducphong}/tep/",
        dict(vanphong=200, chuthapdo=404, ducphong=200, thanhvien=404, tinh=200, quantri=200),
    ),
    (
        "/ban-chi-dao/xep-hang/{district}/",
        dict(vanphong=200, chuthapdo=404, ducphong=404, thanhvien=404, tinh=403, quantri=200),
    ),
    (
        "/ban-chi-dao/ke-hoach/don-vi/{district}/",
        dict(vanphong=200, chuthapdo=404, ducphong=404, thanhvien=404, tinh=403, quantri=200),
    ),
    (
        "/ban-chi-dao/ke-hoach/{h1}/",
        dict(vanphong=200, chuthapdo=404, ducphong=200, thanhvien=200, tinh=200, quantri=200),
    ),
    (
        "/ban-chi-dao/kiem-tra/{insp_bombo}/",
        dict(vanphong=200, chuthapdo=404, ducphong=404, thanhvien=200, tinh=200, quantri=200),
    ),
    (
        "/ban-chi-dao/kiem-tra/{insp_ducphong}/",
        dict(vanphong=200, chuthapdo=404, ducphong=200, thanhvien=404, tinh=200, quantri=200),
    ),
    (
        "/van-ban/ke-hoach-kiem-tra/{h1}.docx",
        dict(vanphong=200, chuthapdo=404, ducphong=200, thanhvien=200, tinh=200, quantri=200),
    ),
    (
        "/van-ban/bien-ban-kiem-tra/{insp_bombo}.docx",
        dict(vanphong=200, chuthapdo=404, ducphong=404, thanhvien=200, tinh=200, quantri=200),
    ),
    (
        "/ban-chi-dao/cua-toi/",
        dict(vanphong=403, chuthapdo=403, ducphong=403, thanhvien=200, tinh=403, quantri=403),
    ),
    (
        "/van-ban/bao-cao-thanh-vien.docx",
        dict(vanphong=403, chuthapdo=403, ducphong=403, thanhvien=200, tinh=403, quantri=403),
    ),
]


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("url,expected", READS, ids=[r[0] for r in READS])
def test_who_reads_what(client, personas, username, url, expected):
    response = _client(client, personas, username).get(url.format(**_objects()))
    if username is None:
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    else:
        assert response.status_code == expected[username]


# (url pattern, data, {role: expected status}): 302 is the action done (or refused with a
# message on the page it returns to); 403 and 404 change nothing.
WRITES = [
    (
        "/ban-chi-dao/ban/{district}/thanh-vien/",
        {"full_name": "X", "position": "member", "other_body": "UBND", "term_start": "01/01/2020"},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=404, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/thanh-vien/{member}/phan-cong/",
        {"units": ["{bombo}"], "since": "01/01/2020"},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=404, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/ban/{ducphong}/van-ban/",
        {"kind": "rules", "issued_on": "01/01/2020"},
        dict(vanphong=302, chuthapdo=404, ducphong=403, thanhvien=404, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/xep-hang/{district}/trong-so/",
        {"late_report": "1"},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=404, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/ke-hoach/don-vi/{district}/lap/",
        {"period": "2021S1", "count": "2"},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=404, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/ke-hoach/{h1}/gui/",
        {},
        dict(vanphong=302, chuthapdo=404, ducphong=403, thanhvien=403, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/kiem-tra/{insp_bombo}/ghi/",
        {"done_on": "19/05/2020"},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=302, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/kiem-tra/{insp_ducphong}/ghi/",
        {"done_on": "12/05/2020"},
        dict(vanphong=302, chuthapdo=404, ducphong=403, thanhvien=404, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/kiem-tra/{insp_bombo}/kien-nghi/",
        {"text": "T", "owner": "O", "due_on": "01/01/2021"},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=302, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/kien-nghi/{rec_bombo}/tra-loi/",
        {"answer": "Đã làm"},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=403, tinh=403, quantri=302),
    ),
    (
        "/ban-chi-dao/kien-nghi/{rec_bombo}/hoan-thanh/",
        {},
        dict(vanphong=302, chuthapdo=404, ducphong=404, thanhvien=302, tinh=403, quantri=302),
    ),
]


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("url,data,expected", WRITES, ids=[w[0] for w in WRITES])
def test_who_changes_what(client, personas, username, url, data, expected):
    objects = _objects()
    data = {
        k: [x.format(**objects) for x in v] if isinstance(v, list) else v for k, v in data.items()
    }
    response = _client(client, personas, username).post(url.format(**objects), data)
    if username is None:
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    else:
        assert response.status_code == expected[username]


def test_a_refused_answer_changes_nothing(client_for):
    item = Recommendation.objects.filter(inspection__unit__code="25495").first()
    client_for("thanhvien").post(f"/ban-chi-dao/kien-nghi/{item.pk}/tra-loi/", {"answer": "x"})
    item.refresh_from_db()
    assert item.answer == "" and item.status == "open"


def test_each_person_sees_only_their_own_notices(client_for, personas):
    Notice.objects.create(
        recipient=personas["ducphong"],
        kind="plan",
        message="Kiểm tra thị trấn Đức Phong ngày 10/11/2020",
        created_at=dt.datetime(2020, 11, 1, tzinfo=dt.UTC),
    )
    assert (
        "Kiểm tra thị trấn Đức Phong ngày"
        in client_for("ducphong").get("/ban-chi-dao/").content.decode()
    )
    assert (
        "Kiểm tra thị trấn Đức Phong ngày"
        not in client_for("vanphong").get("/ban-chi-dao/").content.decode()
    )

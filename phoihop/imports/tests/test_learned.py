"""What earlier confirmed imports taught: a phrase the office corrected is proposed as corrected."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.imports import services
from phoihop.imports.learned import phrase_key
from phoihop.imports.models import ImportSession, LearnedMapping
from phoihop.organisations.models import Organisation

pytestmark = pytest.mark.django_db

PERIOD = "2021S1"
HEADER = (
    "BAN CHQS HUYỆN BÙ ĐĂNG\n\nBÁO CÁO\nKết quả phối hợp 6 tháng đầu năm {year}\n\n"
    "II. KẾT QUẢ THỰC HIỆN\n"
)
FIRST = HEADER.format(year=2021) + (
    "- Phối hợp tổ chức 21 bếp cơm tình thương tại các trường học, bệnh viện; "
    "tuyên truyền được 14 buổi với 1.250 lượt người nghe.\n"
)
SECOND = HEADER.format(year=2022) + (
    "- Phối hợp tổ chức 18 bếp cơm tình thương tại Trung tâm Y tế huyện.\n"
)


def upload(user, text: str, name: str) -> ImportSession:
    return services.create_import_session(user, file_name=name, data=text.encode())


def kitchens(session: ImportSession):
    return session.candidates.select_related("organisation__kind").get(text__endswith="bếp")


def import_kitchens_as(
    session: ImportSession, user, code: str, *, period: str = PERIOD, acknowledged: bool = False
) -> None:
    """The office imports only the kitchens, put under `code` for the Red Cross; the other
    figures keep their proposals and are left out."""
    red_cross = Organisation.objects.get(unit=user.unit, kind__code="ctd")
    choices = [
        services.CandidateChoice(
            candidate_id=c.pk,
            indicator_code=code if c.text.endswith("bếp") else c.proposed_code,
            organisation_id=red_cross.pk if c.text.endswith("bếp") else c.organisation_id,
            value=c.value,
            included=c.text.endswith("bếp"),
        )
        for c in session.candidates.all()
    ]
    services.import_session(
        session,
        user=user,
        unit=user.unit,
        period=period,
        choices=choices,
        acknowledged=acknowledged,
    )


def test_a_phrase_key_ignores_the_number_and_keeps_the_words_around_it() -> None:
    first = "Năm nay, phối hợp tổ chức 21 bếp cơm tình thương tại trường."
    second = "- Phối hợp tổ chức 180 bếp cơm tình thương."
    assert phrase_key(first, first.index("21"), "bếp cơm tình thương tại trường") == (
        "phoi hop to chuc # bep com tinh"
    )
    assert phrase_key(second, second.index("180"), "bếp cơm tình thương") == (
        phrase_key(first, first.index("21"), "bếp cơm tình thương")
    )
    assert phrase_key("21 bếp", 0, "bếp") == ""  # no words before: nothing to learn from


def test_a_corrected_mapping_is_proposed_as_corrected_in_a_later_import(
    personas, client_for
) -> None:
    vanphong = personas["vanphong"]
    red_cross = Organisation.objects.get(unit=vanphong.unit, kind__code="ctd")
    before = kitchens(upload(vanphong, SECOND, "truoc.txt"))
    # Nothing names the Red Cross: the figure goes to the command, whose form has no kitchens.
    assert before.organisation.kind.code == "chqs"
    assert before.proposed_code != "bep_com_so" and not before.included

    # The office corrects the proposal of a first report and imports it.
    import_kitchens_as(upload(vanphong, FIRST, "bc_2021.txt"), vanphong, "bep_com_so")
    learned = LearnedMapping.objects.get()
    assert (learned.indicator.code, learned.organisation_kind.code) == ("bep_com_so", "ctd")
    assert learned.confirmed_by == vanphong

    later = upload(vanphong, SECOND, "sau.txt")
    after = kitchens(later)
    assert (after.organisation, after.proposed_code, after.indicator.code) == (
        red_cross,
        "bep_com_so",
        "bep_com_so",
    )
    assert after.included and after.score > before.score
    assert after.reason.startswith("đã xác nhận ở lần nhập trước")
    # The review shows why, beside the figure.
    page = client_for("vanphong").get(reverse("imports:review", args=[later.pk]))
    assert "đã xác nhận ở lần nhập trước" in page.content.decode()


def test_a_later_confirmation_replaces_the_earlier_one(personas) -> None:
    vanphong = personas["vanphong"]
    for period, code in (("2021S1", "bep_com_so"), ("2021S2", "bep_com_gia_tri")):
        session = upload(vanphong, FIRST, f"{period}.txt")
        import_kitchens_as(session, vanphong, code, period=period, acknowledged=True)
    assert list(LearnedMapping.objects.values_list("indicator__code", flat=True)) == [
        "bep_com_gia_tri"
    ]


def test_another_districts_lesson_is_ranked_first_but_left_unticked(personas) -> None:
    from phoihop.accounts.models import Role, User
    from phoihop.places.models import Unit

    vanphong = personas["vanphong"]
    import_kitchens_as(upload(vanphong, FIRST, "bc_2021.txt"), vanphong, "bep_com_so")
    # The office of another district imports a report with the same phrase: Bù Đăng's choice
    # is offered first, with its reason, but that office decides whether to tick it.
    other = Unit.objects.create(
        code="699", name="Lộc Ninh", kind="district", parent=vanphong.unit.parent
    )
    for organisation in Organisation.objects.filter(unit=vanphong.unit).select_related("kind"):
        Organisation.objects.create(unit=other, kind=organisation.kind, name=organisation.name)
    office = User.objects.create(username="vp_locninh", role=Role.OFFICE, unit=other)
    elsewhere = kitchens(upload(office, SECOND.replace("BÙ ĐĂNG", "LỘC NINH"), "loc_ninh.txt"))
    assert elsewhere.proposed_code == "bep_com_so"
    assert elsewhere.reason.startswith("đơn vị khác đã xác nhận cụm từ này")
    assert not elsewhere.included
    # At home the same lesson is ticked.
    assert kitchens(upload(vanphong, SECOND, "sau.txt")).included

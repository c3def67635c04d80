"""Import services: reading an upload, proposals, and the all-or-nothing import into drafts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.demo.seed import SEED_REPORT
from phoihop.imports import services
from phoihop.imports.models import ImportSession, ImportStatus
from phoihop.indicators.models import Indicator
from phoihop.reporting.models import FigureValue, Status, Submission
from phoihop.reporting.selectors import submission_view_data

pytestmark = pytest.mark.django_db

SEED = SEED_REPORT
# The demo has no submissions this far back: the office enters a past period late.
PERIOD = "2021S1"


def upload_seed(user) -> ImportSession:
    return services.create_import_session(
        user, file_name="bc_6thang_2020.txt", data=SEED.read_bytes()
    )


def choose(
    session: ImportSession, mapping: dict[str, str], **overrides: Decimal
) -> list[services.CandidateChoice]:
    """Include only the figures whose text is in `mapping`, mapped to the given indicator."""
    choices = []
    for candidate in session.candidates.all():
        included = candidate.text in mapping
        choices.append(
            services.CandidateChoice(
                candidate_id=candidate.pk,
                indicator_code=mapping.get(candidate.text, candidate.proposed_code),
                organisation_id=candidate.organisation_id,
                value=overrides.get(candidate.text, candidate.value),
                included=included,
            )
        )
    return choices


def test_it_proposes_the_district_and_period_of_the_title(personas):
    session = upload_seed(personas["vanphong"])

    assert session.unit == personas["vanphong"].unit
    assert session.period == "2020S1"
    assert session.status == ImportStatus.REVIEWING
    first = session.candidates.get(figure_id=0)
    assert (first.text, first.value, first.unit) == ("7.286 cuộc", Decimal(7286), "cuộc")
    assert first.organisation.kind.code == "chqs"  # no organisation named: the command
    red_cross = session.candidates.get(text="34 băng rôn")
    assert (red_cross.organisation.kind.code, red_cross.proposed_code) == ("ctd", "tt_bang_ron")
    assert red_cross.included


def test_it_ticks_one_figure_per_indicator_and_organisation(personas):
    session = upload_seed(personas["vanphong"])

    ticked = [
        (c.proposed_code, c.organisation_id) for c in session.candidates.filter(included=True)
    ]
    assert len(ticked) == len(set(ticked))


def test_it_touches_no_submission_before_confirmation(personas):
    before = FigureValue.objects.count()
    upload_seed(personas["vanphong"])
    assert FigureValue.objects.count() == before


def test_it_imports_the_chosen_figures_as_drafts_with_the_reason(personas):
    vanphong = personas["vanphong"]
    session = upload_seed(vanphong)
    choices = choose(
        session,
        {"34 băng rôn": "tt_bang_ron", "98 ca": "so_cuu_ca", "650 ngày công": "dan_van_ngay_cong"},
        **{"98 ca": Decimal(99)},  # corrected in review
    )

    saved = services.import_session(
        session,
        user=vanphong,
        unit=vanphong.unit,
        period=PERIOD,
        choices=choices,
        acknowledged=True,
    )

    assert {s.organisation.kind.code for s in saved} == {"ctd", "chqs"}
    assert all(s.status == Status.DRAFT and s.period == PERIOD for s in saved)
    values = {
        (f.submission.organisation.kind.code, f.indicator.code): f.value
        for f in FigureValue.objects.filter(submission__in=saved).select_related(
            "indicator", "submission__organisation__kind"
        )
    }
    assert values == {
        ("ctd", "tt_bang_ron"): Decimal(34),
        ("ctd", "so_cuu_ca"): Decimal(99),
        ("chqs", "dan_van_ngay_cong"): Decimal(650),
    }
    history = FigureValue.history.filter(submission_id__in=[s.pk for s in saved])
    assert history.count() == 3
    assert {h.history_user for h in history} == {vanphong}
    assert {h.history_change_reason for h in history} == {"Nhập từ báo cáo cũ «bc_6thang_2020.txt»"}
    session.refresh_from_db()
    assert session.status == ImportStatus.IMPORTED and session.period == PERIOD
    # The paragraph of each confirmed figure went into its section's narrative, the figures
    # linked in place: the narrative shows the saved value (99 as corrected), not the text's.
    red_cross = next(s for s in saved if s.organisation.kind.code == "ctd")
    narratives = [n.text for n in red_cross.narratives.all()]
    assert any("treo {tt_bang_ron} băng rôn" in text for text in narratives)
    assert any("sơ cứu an toàn cho {so_cuu_ca} ca" in text for text in narratives)
    shown = " ".join(s["narrative"] for s in submission_view_data(red_cross)["sections"])
    assert "treo 34 băng rôn" in shown and "sơ cứu an toàn cho 99 ca" in shown
    assert "{" not in shown


def test_a_period_other_than_the_texts_must_be_acknowledged(personas):
    vanphong = personas["vanphong"]
    session = upload_seed(vanphong)
    warnings = services.target_warnings(session, unit=vanphong.unit, period=PERIOD)
    assert len(warnings) == 1
    assert "6 tháng đầu năm 2020" in warnings[0] and "2021" in warnings[0]
    assert services.target_warnings(session, unit=vanphong.unit, period="2020S1") == []
    choices = choose(session, {"34 băng rôn": "tt_bang_ron"})

    with pytest.raises(services.ImportRefused) as refused:
        services.import_session(
            session, user=vanphong, unit=vanphong.unit, period=PERIOD, choices=choices
        )

    assert refused.value.messages[0] == warnings[0]
    assert not Submission.objects.filter(period=PERIOD).exists()


def test_it_refuses_two_figures_on_one_indicator_and_saves_nothing(personas):
    vanphong = personas["vanphong"]
    session = upload_seed(vanphong)
    before = Submission.objects.filter(period=PERIOD).count()
    choices = choose(
        session, {"98 ca": "so_cuu_ca", "28 ca": "so_cuu_ca", "34 băng rôn": "tt_bang_ron"}
    )

    with pytest.raises(services.ImportRefused) as refused:
        services.import_session(
            session,
            user=vanphong,
            unit=vanphong.unit,
            period=PERIOD,
            choices=choices,
            acknowledged=True,
        )

    message = " ".join(refused.value.messages)
    assert "«98 ca»" in message and "«28 ca»" in message
    assert Submission.objects.filter(period=PERIOD).count() == before
    session.refresh_from_db()
    assert session.status == ImportStatus.REVIEWING


def test_it_refuses_a_locked_submission_and_saves_nothing(personas):
    vanphong = personas["vanphong"]
    session = upload_seed(vanphong)
    red_cross = session.candidates.get(text="34 băng rôn").organisation
    from phoihop.reporting.services import start_submission

    locked = start_submission(user=vanphong, organisation=red_cross, period=PERIOD)
    Submission.objects.filter(pk=locked.pk).update(status=Status.ACCEPTED)
    choices = choose(session, {"650 ngày công": "dan_van_ngay_cong", "34 băng rôn": "tt_bang_ron"})

    with pytest.raises(services.ImportRefused) as refused:
        services.import_session(
            session,
            user=vanphong,
            unit=vanphong.unit,
            period=PERIOD,
            choices=choices,
            acknowledged=True,
        )

    assert "đã duyệt" in refused.value.messages[0]
    assert not FigureValue.objects.filter(submission__period=PERIOD).exists()


def test_it_refuses_an_indicator_outside_the_organisations_form(personas):
    vanphong = personas["vanphong"]
    session = upload_seed(vanphong)
    assert Indicator.objects.filter(code="hien_mau_dot").exists()
    choices = choose(session, {"650 ngày công": "hien_mau_dot"})  # a Red Cross indicator

    with pytest.raises(services.ImportRefused) as refused:
        services.import_session(
            session,
            user=vanphong,
            unit=vanphong.unit,
            period=PERIOD,
            choices=choices,
            acknowledged=True,
        )

    assert "«650 ngày công»" in refused.value.messages[0]
    assert not Submission.objects.filter(period=PERIOD).exists()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("trong.txt", b"   \n", "trống"),
        ("rac.txt", bytes(range(256)) * 4, "Không tìm thấy số liệu"),
        ("hong.docx", b"PK\x03\x04 not a zip", "Không mở được tệp Word «hong.docx»"),
        ("hong.pdf", b"%PDF-1.4 garbage", "Không đọc được tệp PDF"),
        ("bang.xlsx", b"data", "chỉ nhận tệp .docx, .pdf hoặc .txt"),
    ],
)
def test_it_refuses_files_that_are_not_reports(personas, name, data, words):
    with pytest.raises(services.ImportRefused) as refused:
        services.create_import_session(personas["vanphong"], file_name=name, data=data)
    assert words in refused.value.messages[0]
    assert not ImportSession.objects.exists()


def test_it_refuses_a_reporter(personas):
    with pytest.raises(PermissionDenied):
        upload_seed(personas["chuthapdo"])


def test_figures_are_linked_in_place_with_their_sign_and_their_scale(personas):
    vanphong = personas["vanphong"]
    text = (
        "BAN CHQS HUYỆN BÙ ĐĂNG\n\nBÁO CÁO\nKết quả phối hợp 6 tháng đầu năm 2021\n\n"
        "II. KẾT QUẢ THỰC HIỆN\n"
        "3.2. Phối hợp hoạt động giữa Ban CHQS huyện với Hội Chữ thập đỏ.\n"
        "- Hội Chữ thập đỏ tổ chức trao 05 căn nhà Chữ thập đỏ trị giá gần 0,5 tỷ đồng.\n"
    )
    session = services.create_import_session(vanphong, file_name="a.txt", data=text.encode())
    mapping = {"05 căn nhà": "nha_ctd_so", "gần 0,5 tỷ đồng": "nha_ctd_gia_tri"}
    assert set(mapping) <= {c.text for c in session.candidates.all()}
    (saved,) = services.import_session(
        session,
        user=vanphong,
        unit=vanphong.unit,
        period=PERIOD,
        choices=choose(session, mapping),
    )
    (narrative,) = [n.text for n in saved.narratives.all() if n.text]
    assert narrative == (
        "- Hội Chữ thập đỏ tổ chức trao {nha_ctd_so} căn nhà Chữ thập đỏ trị giá gần "
        "{nha_ctd_gia_tri} đồng."
    )
    shown = " ".join(s["narrative"] for s in submission_view_data(saved)["sections"])
    assert "trao 05 căn nhà Chữ thập đỏ trị giá gần 500.000.000 đồng." in shown

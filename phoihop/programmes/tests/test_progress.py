"""Progress against the yearly targets: shares, who is behind at mid-year, versions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes import selectors, services
from phoihop.programmes.models import Programme

pytestmark = pytest.mark.django_db


def _org(unit: str, kind: str) -> Organisation:
    return Organisation.objects.select_related("unit", "kind").get(unit__code=unit, kind__code=kind)


def _set(personas, org, targets, **kwargs):
    return services.save_programme(
        user=personas["vanphong"],
        organisation=org,
        year=2020,
        targets={c: services.TargetInput(yearly=v) for c, v in targets.items()},
        **kwargs,
    )


def test_a_share_is_what_accepted_figures_reached_of_the_yearly_target(personas) -> None:
    labour = _org("698", "ldld")
    programme = Programme.objects.get(organisation=labour, year=2020)
    programme.targets.all().delete()
    _set(personas, labour, {"tt_duong_loi_cuoc": "68", "tt_duong_loi_luot": "3.240"})
    # 2020S1: 34 sessions, 1.620 attendances (the seed); 2020S2 was returned, so not counted.
    assert selectors.organisation_progress(organisation=labour, year=2020) == Decimal("50.0")
    progress = selectors.progress_of([programme])[0]
    assert [t.share for t in progress.targets] == [Decimal("50.0"), Decimal("50.0")]


def test_a_unit_share_pools_every_organisation_and_caps_each_target(personas) -> None:
    district = Unit.objects.get(code="698")
    for programme in Programme.objects.filter(organisation__unit=district, year=2020):
        programme.targets.all().delete()
    _set(personas, _org("698", "ldld"), {"tt_duong_loi_cuoc": "68"})  # 50%
    _set(personas, _org("698", "ctd"), {"nha_ctd_so": "1"})  # 500%, counted as 100%
    assert selectors.unit_progress(unit=district, year=2020) == Decimal("75.0")
    assert selectors.unit_progress(unit=district, year=2019) is None


def test_progress_so_far_counts_only_the_periods_over_by_that_day(personas) -> None:
    youth = _org("698", "dtn")  # its 2020S2 report is accepted in the demo
    _set(personas, youth, {"tuyen_duong_thanh_nien": "220"})
    programme = Programme.objects.get(organisation=youth, year=2020)
    [mid] = [
        t
        for t in selectors.progress_of([programme], on_date=dt.date(2020, 7, 1))[0].targets
        if t.indicator.code == "tuyen_duong_thanh_nien"
    ]
    assert mid.actual == 110 and mid.share == Decimal("50.0")
    [year_end] = [
        t
        for t in selectors.progress_of([programme], on_date=dt.date(2020, 12, 31))[0].targets
        if t.indicator.code == "tuyen_duong_thanh_nien"
    ]
    assert year_end.actual > 110


def test_an_organisation_short_of_half_its_target_at_mid_year_is_behind(personas) -> None:
    farmers = _org("698", "nd")
    _set(personas, farmers, {"tt_qp_luot": "5.000"})  # 2.126 by mid-year: behind
    labour = _org("698", "ldld")
    _set(personas, labour, {"tt_duong_loi_luot": "3.000"})  # 1.620 by mid-year: on track
    progress = {
        p.programme.organisation.kind.code: p
        for p in selectors.progress_of(
            Programme.objects.filter(organisation__in=[farmers, labour], year=2020),
            on_date=dt.date(2020, 7, 1),
        )
    }
    assert "tt_qp_luot" in [t.indicator.code for t in progress["nd"].behind]
    assert "tt_duong_loi_luot" not in [t.indicator.code for t in progress["ldld"].behind]
    # Before the middle of the year nobody is behind yet.
    early = selectors.progress_of(
        Programme.objects.filter(organisation=farmers, year=2020), on_date=dt.date(2020, 3, 1)
    )[0]
    assert early.behind == []


def test_a_half_year_target_decides_who_is_behind(personas) -> None:
    labour = _org("698", "ldld")
    services.save_programme(
        user=personas["vanphong"],
        organisation=labour,
        year=2020,
        targets={"tt_duong_loi_luot": services.TargetInput(yearly="3.000", half_year="2.000")},
    )
    progress = selectors.progress_of(
        Programme.objects.filter(organisation=labour, year=2020), on_date=dt.date(2020, 7, 1)
    )[0]
    # 1.620 of 3.000 would be on track, but the half-year target was 2.000.
    assert "tt_duong_loi_luot" in [t.indicator.code for t in progress.behind]


def test_an_amendment_makes_a_version_and_the_earlier_one_stays_readable(
    personas, client_for
) -> None:
    red_cross = _org("698", "ctd")
    programme = _set(personas, red_cross, {"tet_qua_so": "25.000"}, reason="Điều chỉnh giữa năm")
    assert programme.version == 2
    client = client_for("chuthapdo")
    page = client.get(f"/chuong-trinh/to-chuc/{red_cross.pk}/2020/").content.decode()
    assert "Phiên bản 1" in page and "Phiên bản 2" in page and "Điều chỉnh giữa năm" in page
    first = client.get(f"/chuong-trinh/to-chuc/{red_cross.pk}/2020/phien-ban/1/").content
    assert "20.000" in first.decode()
    second = client.get(f"/chuong-trinh/to-chuc/{red_cross.pk}/2020/phien-ban/2/").content
    assert "25.000" in second.decode()


def test_saving_the_same_targets_again_makes_no_new_version(personas) -> None:
    red_cross = _org("698", "ctd")
    programme = _set(personas, red_cross, {"tet_qua_so": "20.000"})
    assert programme.version == 1


def test_a_bad_target_on_the_page_is_refused_and_nothing_saved(client_for) -> None:
    red_cross = _org("698", "ctd")
    response = client_for("vanphong").post(
        f"/chuong-trinh/to-chuc/{red_cross.pk}/2020/",
        {"y.tet_qua_so": "30.000", "y.nha_ctd_so": "-3"},
    )
    assert response.status_code == 400
    assert "không được âm" in response.content.decode()
    target = red_cross.programmes.get(year=2020).targets.get(indicator__code="tet_qua_so")
    assert target.yearly == 20000


def test_the_entry_page_loads_the_targets_beside_its_fields(client_for) -> None:
    from phoihop.reporting.models import Submission

    submission = Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period="2020S2"
    )
    client = client_for("vanphong")
    page = client.get(f"/bao-cao/{submission.pk}/nhap/").content.decode()
    assert f'hx-get="/chuong-trinh/chi-tieu-nhap/{submission.pk}/"' in page
    assert 'id="t-tt_qp_luot"' in page
    fragment = client.get(f"/chuong-trinh/chi-tieu-nhap/{submission.pk}/").content.decode()
    assert 'id="t-tt_qp_luot"' in fragment and 'hx-swap-oob="true"' in fragment
    assert "Chỉ tiêu năm 2020: 5.100 lượt người" in fragment


def test_the_dashboard_shows_each_organisation_and_commune_against_its_targets(
    client_for, time_machine
) -> None:
    time_machine.move_to(dt.datetime(2020, 12, 20, 9, tzinfo=dt.UTC))
    page = client_for("vanphong").get("/phan-tich/").content.decode()
    assert "Thực hiện chỉ tiêu chương trình phối hợp năm 2020" in page
    assert 'id="progress-organisations"' in page and 'id="progress-lower"' in page
    assert "Liên đoàn Lao động huyện Bù Đăng" in page
    assert "thị trấn Đức Phong" in page
    assert 'id="actual-vs-target"' in page


def _target(name: str, actual: Decimal | None, yearly: int = 100):
    from phoihop.indicators.models import Indicator
    from phoihop.programmes.selectors import TargetProgress

    return TargetProgress(
        indicator=Indicator(code=name.lower(), name=name, unit_label="cuộc"),
        yearly=Decimal(yearly),
        half_year=None,
        note="",
        actual=actual,
        first_half=actual,
        mid_year_passed=True,
    )


@pytest.mark.parametrize(
    ("reached", "words"),
    [
        # The weakest target is named when it stands out from the body's mean.
        ({"A": 60, "B": 60, "C (ví dụ)": 30}, "Hội CTĐ 50%, C đạt 30%"),
        # Two as weak are both named; three or more are counted.
        ({"A": 80, "B": 50, "C": 50}, "Hội CTĐ 60%, B, C đạt 50%"),
        ({"A": 90, "B": 50, "C": 50, "D": 50}, "Hội CTĐ 60%, 03 chỉ tiêu đạt 50%"),
        # Exceeded targets are said so; a weakest close to the mean is not singled out.
        ({"A": 120, "B": 99}, "Hội CTĐ 99,5%, A vượt chỉ tiêu"),
        ({"A": 51, "B": 50}, "Hội CTĐ 50,5%"),
        ({"A": None, "B": None}, "Hội CTĐ chưa có số liệu"),
    ],
)
def test_the_report_says_each_body_against_its_targets_in_words(reached, words) -> None:
    from phoihop.documents.context_programme import organisation_words
    from phoihop.organisations.models import Organisation, OrganisationKind
    from phoihop.programmes.models import Programme
    from phoihop.programmes.selectors import ProgrammeProgress

    kind = OrganisationKind(short_name="Hội CTĐ")
    programme = Programme(organisation=Organisation(kind=kind))
    targets = [
        _target(name, None if value is None else Decimal(value)) for name, value in reached.items()
    ]
    item = ProgrammeProgress(programme=programme, targets=targets)
    assert organisation_words(item) == words


def test_a_target_of_zero_is_left_out_of_the_words() -> None:
    # A body may set a target of 0 (nothing planned); it has no share, so it is neither in the
    # mean nor the weakest, and a body with only such targets gets no percentage at all.
    from phoihop.documents.context_programme import organisation_words
    from phoihop.organisations.models import Organisation, OrganisationKind
    from phoihop.programmes.models import Programme
    from phoihop.programmes.selectors import ProgrammeProgress

    programme = Programme(organisation=Organisation(kind=OrganisationKind(short_name="Hội CTĐ")))
    zero = _target("Z", Decimal(0), yearly=0)
    mixed = [_target("A", Decimal(60)), _target("B", Decimal(60)), _target("C", Decimal(30)), zero]
    words = organisation_words(ProgrammeProgress(programme=programme, targets=mixed))
    assert words == "Hội CTĐ 50%, C đạt 30%"
    assert organisation_words(ProgrammeProgress(programme=programme, targets=[zero])) == "Hội CTĐ"


def test_the_appendix_shows_a_dash_where_no_figure_was_accepted() -> None:
    from phoihop.core.periods import Period
    from phoihop.documents.context_programme import programme_context

    context = programme_context(Unit.objects.get(code="698"), Period.parse("2020S1"))
    rows = context["programme_appendix"]["rows"]
    veterans = [r for r in rows if r[0].startswith("Hội CCB")]
    assert veterans and all(r[1] == "-" and r[3] == "-" for r in veterans)  # nothing accepted
    assert all(r[1] != "-" for r in rows if r[0].startswith("Hội CTĐ"))
    # The contents none of whose indicators moved: the veterans' only one, no other.
    idle = next(p for p in context["programme_progress"] if "chưa có hoạt động" in p)
    assert idle.endswith(": Giáo dục truyền thống cho thế hệ trẻ (Hội CCB).")

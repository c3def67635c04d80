"""Issue 12: analytics shows accepted data only, marks a period not wholly accepted, opens on
the period being reported now, and shows a committee member all of their communes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import QueryDict

from phoihop.analytics.dashboard import dashboard_data
from phoihop.analytics.pivot import run_pivot
from phoihop.analytics.pivot_query import parse_pivot_params
from phoihop.analytics.services import export_csv
from phoihop.core.periods import Period
from phoihop.indicators.models import Form
from phoihop.reporting import services, workflow
from phoihop.reporting.models import Status, Submission
from phoihop.reporting.windows import reporting_period_now

pytestmark = pytest.mark.django_db

DEMO_TODAY = dt.datetime(2021, 1, 5, 9, tzinfo=dt.UTC)  # 2020S2 is being reported
RED_CROSS_DRAFT = "987654"


def pivot(user, query: str):
    q = parse_pivot_params(QueryDict(query), user=user)
    assert q.errors == ()
    return run_pivot(q, user=user)


def red_cross_draft(personas) -> Submission:
    """The Red Cross of Bù Đăng saves 987.654 as its first figure for 2020S2, not submitted."""
    reporter = personas["chuthapdo"]
    submission = services.start_submission(
        user=reporter, organisation=reporter.organisation, period="2020S2"
    )
    services.save_submission(
        submission, user=reporter, figures={"tt_duong_loi_cuoc": RED_CROSS_DRAFT}
    )
    submission.refresh_from_db()
    assert submission.status == Status.DRAFT
    return submission


@pytest.mark.parametrize("username", ["vanphong", "chuthapdo", "quantri"])
def test_analytics_leaves_out_a_draft_and_a_submission_not_yet_accepted(
    personas, username, submit_explained
) -> None:
    query = "chi_tieu=tt_duong_loi_cuoc&don_vi=698&theo=cap_duoi&ky=2020S1,2020S2"
    before = pivot(personas[username], query)
    submission = red_cross_draft(personas)
    drafted = pivot(personas[username], query)
    assert [r.cells for r in drafted.rows] == [r.cells for r in before.rows]
    assert RED_CROSS_DRAFT not in export_csv(drafted).decode("utf-8-sig")
    submit_explained(submission, user=personas["chuthapdo"])
    submitted = pivot(personas[username], query)
    assert [r.cells for r in submitted.rows] == [r.cells for r in before.rows]
    workflow.accept_submission(submission, user=personas["vanphong"])
    accepted = pivot(personas[username], query)
    # Accepted, the figure is in: in the total and, for the office, in the district's own row.
    assert accepted.total.cells[1] - (before.total.cells[1] or 0) == int(RED_CROSS_DRAFT)


def test_a_period_not_wholly_accepted_is_marked_with_its_count(personas) -> None:
    accepted = Submission.objects.filter(
        period="2020S2", status=Status.ACCEPTED, organisation__unit__path__startswith="/VN/70/698/"
    ).count()
    result = pivot(
        personas["vanphong"], "chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2019S2..2020S2"
    )
    marks = [column["mark"] for column in result.columns]
    assert marks == ["", "", f"{accepted}/119 đã duyệt"]
    assert 0 < accepted < 119
    assert any("so sánh với kỳ này chưa phản ánh đầy đủ" in note for note in result.notes)
    lines = result.chart_data()["lines"]
    assert lines["labels"][-1] == f"6 tháng cuối năm 2020 ({accepted}/119 đã duyệt)"
    # The export says so too, in the period's column heading.
    heading = export_csv(result).decode("utf-8-sig").splitlines()[0]
    assert f"6 tháng cuối năm 2020 ({accepted}/119 đã duyệt)" in heading
    by_period = pivot(
        personas["vanphong"], "chi_tieu=tt_qp_luot&don_vi=698&theo=don_vi&ky=2019S2..2020S2&hang=ky"
    )
    assert [r.mark for r in by_period.rows] == ["", "", f"{accepted}/119 đã duyệt"]


def test_the_trend_chart_draws_every_commune_not_ten_of_them(personas) -> None:
    result = pivot(
        personas["vanphong"], "chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2019S1..2020S2"
    )
    communes = [r.label for r in result.rows if not r.is_own]
    assert len(communes) == 16
    lines = [dataset["label"] for dataset in result.chart_data()["lines"]["datasets"]]
    assert lines == [r.label for r in result.rows]
    assert "xã Bom Bo" in lines and "thị trấn Đức Phong" in lines


def test_the_committee_member_sees_both_of_his_communes(client_for, time_machine) -> None:
    time_machine.move_to(DEMO_TODAY)
    client = client_for("thanhvien")
    dashboard = client.get("/phan-tich/").content.decode()
    assert "xã Bom Bo" in dashboard and "xã Bình Minh" in dashboard
    page = client.get("/phan-tich/bang/?chi_tieu=tt_qp_luot").content.decode()
    assert "xã Bom Bo" in page and "xã Bình Minh" in page
    # Only his: no other commune of the district.
    assert "thị trấn Đức Phong" not in page and "thị trấn Đức Phong" not in dashboard


def test_the_member_pivot_adds_up_only_his_communes(personas, time_machine) -> None:
    time_machine.move_to(DEMO_TODAY)
    member = personas["thanhvien"]
    result = pivot(member, "chi_tieu=tt_qp_luot&ky=2020S1")
    assert sorted(r.label for r in result.rows) == ["xã Bom Bo", "xã Bình Minh"]
    assert result.total.cells[0] == sum(r.cells[0] or 0 for r in result.rows)
    office = pivot(personas["vanphong"], "chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2020S1")
    assert result.total.cells[0] < office.total.cells[0]


def test_dashboards_open_on_the_period_being_reported_not_on_a_stray_draft(
    personas, time_machine
) -> None:
    time_machine.move_to(DEMO_TODAY)
    assert reporting_period_now() == Period.parse("2020S2")
    organisation = personas["chuthapdo"].organisation
    Submission.objects.create(
        form=Form.objects.get(code="huyen_ctd"), organisation=organisation, period="2026S2"
    )
    for username in ("vanphong", "chuthapdo", "tinh"):
        data = dashboard_data(personas[username])
        assert data["period"] == Period.parse("2020S2"), username
    trend = dashboard_data(personas["vanphong"])["panels"][-1]["result"]
    assert [p.id for p in trend.query.periods] == ["2019S1", "2019S2", "2020S1", "2020S2"]


def test_the_dashboard_says_its_comparison_is_with_an_incomplete_period(
    client_for, time_machine
) -> None:
    time_machine.move_to(DEMO_TODAY)
    html = client_for("vanphong").get("/phan-tich/").content.decode()
    assert "So sánh chưa đầy đủ, chỉ gồm báo cáo đã duyệt: 6 tháng cuối năm 2020 (" in html
    assert "/119 đã duyệt" in html


def test_the_count_of_accepted_reports_follows_the_workflow_at_once(personas) -> None:
    from phoihop.analytics.completeness import period_completeness
    from phoihop.places.models import Unit

    district = Unit.objects.get(code="698")
    s2 = Period.parse("2020S2")

    def counted(*, whole: bool) -> tuple[int, int]:
        c = period_completeness(personas["vanphong"], district, [s2], whole=whole)[s2.id]
        return c.accepted, c.expected

    before = counted(whole=True)
    assert before == counted(whole=False)  # the tallies kept on write agree with a count
    submission = Submission.objects.filter(
        period="2020S2", status=Status.SUBMITTED, organisation__unit=district
    ).first()
    workflow.accept_submission(submission, user=personas["vanphong"])
    assert counted(whole=True) == (before[0] + 1, 119) == counted(whole=False)
    workflow.reopen_submission(submission, user=personas["vanphong"], reason="Sửa lại")
    assert counted(whole=True) == before == counted(whole=False)

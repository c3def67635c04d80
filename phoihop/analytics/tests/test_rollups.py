"""Rollups stay equal to a full recount after every kind of write."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.analytics import rollups
from phoihop.analytics.models import Rollup, SubmissionTally
from phoihop.analytics.rollups import coarser_periods, rebuild_rollups
from phoihop.places.models import Unit
from phoihop.reporting import services, workflow
from phoihop.reporting.models import FigureValue, Status, Submission

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        (r.unit_id, r.kind, r.period, r.indicator_id): (Decimal(r.total), r.count)
        for r in Rollup.objects.all()
        if r.count or r.total
    }


def tallies() -> dict:
    return {
        (t.unit_id, t.kind, t.period): (t.submissions, t.accepted)
        for t in SubmissionTally.objects.all()
        if t.submissions or t.accepted
    }


def assert_rollups_match_a_rebuild() -> None:
    live, live_tallies = snapshot(), tallies()
    rebuild_rollups()
    assert live == snapshot()
    # The tallies of submissions and accepted ones too.
    assert live_tallies == tallies()


def draft_of_the_farmers() -> Submission:
    return Submission.objects.get(
        organisation__unit__code="698", organisation__kind__code="nd", period="2020S2"
    )


def test_it_lists_a_period_and_its_coarser_periods() -> None:
    assert coarser_periods("202003") == ["202003", "2020", "2020S1", "2020Q1"]
    assert coarser_periods("2019S2") == ["2019S2", "2019"]


def test_it_keeps_rollups_right_through_save_submission(personas) -> None:
    submission = draft_of_the_farmers()
    assert submission.status == Status.DRAFT
    user = personas["nongdan"]
    figure = submission.figures.filter(value__isnull=False).select_related("indicator").first()
    code = figure.indicator.code
    services.save_submission(submission, user=user, figures={code: str(figure.value + 7)})
    assert_rollups_match_a_rebuild()
    services.save_submission(submission, user=user, figures={code: ""})
    assert_rollups_match_a_rebuild()
    services.save_submission(submission, user=user, figures={code: "12"})
    assert_rollups_match_a_rebuild()
    district = Rollup.objects.get(unit__code="698", kind=0, period="2020", indicator__code=code)
    province = Rollup.objects.get(unit__code="70", kind=0, period="2020", indicator__code=code)
    assert district.total == province.total


def test_it_keeps_rollups_right_when_figures_and_submissions_are_deleted() -> None:
    submission = draft_of_the_farmers()
    submission.figures.first().delete()
    assert_rollups_match_a_rebuild()
    commune = Submission.objects.filter(organisation__unit__code="25480", period="2020S1").first()
    commune.delete()
    assert_rollups_match_a_rebuild()


def test_it_moves_figures_when_a_submission_changes_period() -> None:
    submission = Submission.objects.filter(
        organisation__unit__code="25483", period="2019S1"
    ).first()
    submission.period = "2018S2"
    submission.save()
    assert_rollups_match_a_rebuild()
    assert Rollup.objects.filter(period="2018", count__gt=0).exists()


def test_it_sees_a_figure_in_the_pivot_once_its_submission_is_accepted(
    personas, submit_explained
) -> None:
    from django.http import QueryDict

    from phoihop.analytics.pivot import run_pivot
    from phoihop.analytics.pivot_query import parse_pivot_params

    submission = draft_of_the_farmers()
    figure = submission.figures.filter(value__isnull=False, indicator__aggregation="sum").first()
    code = figure.indicator.code
    query = parse_pivot_params(
        QueryDict(f"chi_tieu={code}&don_vi=70&theo=don_vi&ky=2020"), user=personas["quantri"]
    )

    def seen() -> Decimal:
        return run_pivot(query, user=personas["quantri"]).rows[0].cells[0]

    before = seen()
    # Only accepted data leaves the system: a draft's saved figure, then its submission
    # waiting for review, change nothing.
    services.save_submission(
        submission, user=personas["nongdan"], figures={code: str(figure.value + 100)}
    )
    assert FigureValue.objects.get(pk=figure.pk).value == figure.value + 100
    assert seen() == before
    submission = submit_explained(submission, user=personas["nongdan"])
    assert seen() == before
    assert_rollups_match_a_rebuild()
    # Accepted: every figure of the submission comes in at once.
    submission = workflow.accept_submission(submission, user=personas["vanphong"])
    assert seen() - before == figure.value + 100
    assert_rollups_match_a_rebuild()
    # Reopened for correction: out again.
    workflow.reopen_submission(submission, user=personas["vanphong"], reason="Sửa số liệu")
    assert seen() == before
    assert_rollups_match_a_rebuild()


def test_it_counts_no_figure_of_a_submission_that_is_not_accepted() -> None:
    pending = Submission.objects.exclude(status=Status.ACCEPTED).values_list("pk", flat=True)
    assert pending
    rebuild_rollups()
    accepted_only = snapshot()
    # The same data with every submission accepted would count more: the drafts are left out.
    Submission.objects.filter(pk__in=list(pending)).update(status=Status.ACCEPTED)
    rebuild_rollups()
    assert snapshot() != accepted_only


def test_it_takes_an_accepted_submission_out_when_it_is_deleted_but_not_a_draft() -> None:
    draft = draft_of_the_farmers()
    with CaptureQueriesContext(connection) as queries:
        draft.delete()
    assert not any("INSERT INTO analytics_rollup" in q["sql"] for q in queries.captured_queries)
    assert_rollups_match_a_rebuild()


def test_it_takes_a_deleted_submission_out_in_one_rollup_statement() -> None:
    submission = Submission.objects.filter(
        organisation__unit__code="25480", period="2020S1"
    ).first()
    assert submission.figures.count() > 1
    with CaptureQueriesContext(connection) as queries:
        submission.delete()
    assert sum("analytics_rollup" in q["sql"] for q in queries.captured_queries) == 1
    assert_rollups_match_a_rebuild()


def test_it_keeps_rollups_right_when_a_queryset_deletes_submissions_or_figures() -> None:
    some = FigureValue.objects.filter(submission=draft_of_the_farmers()).order_by("pk")[:3]
    FigureValue.objects.filter(pk__in=list(some.values_list("pk", flat=True))).delete()
    assert_rollups_match_a_rebuild()
    Submission.objects.filter(organisation__unit__code="25480").delete()
    assert_rollups_match_a_rebuild()


def test_it_follows_a_moved_unit_with_another_processs_cache() -> None:
    # Another process cached the commune's ancestors before the move and got no signal.
    commune = Unit.objects.get(code="25480")
    rollups.ancestor_ids(commune.path)
    stale = dict(rollups._ancestor_cache)
    commune.parent = Unit.objects.get(code="75")
    commune.save()
    rebuild_rollups()  # what a move asks for
    rollups._ancestor_cache.update(stale)
    figure = FigureValue.objects.filter(
        submission__organisation__unit=commune, value__isnull=False
    ).first()
    figure.value += 5
    figure.save()
    assert_rollups_match_a_rebuild()

"""What saving one figure costs the database, through the service and through autosave."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phoihop.organisations.models import Organisation
from phoihop.reporting import services
from phoihop.reporting.models import FigureValue, Submission

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
# Inside 2020S2's own entry window (no extension needed).
IN_THE_WINDOW = dt.datetime(2020, 12, 20, 10, 0, tzinfo=dt.UTC)
LATER = IN_THE_WINDOW + dt.timedelta(hours=2)


def _statements(context: CaptureQueriesContext) -> list[str]:
    """The queries, without the savepoints that stand in a test for BEGIN and COMMIT (which
    Django does not log): in production the service's transaction is the outermost one."""
    return [q["sql"] for q in context.captured_queries if "SAVEPOINT" not in q["sql"].upper()]


@pytest.fixture
def red_cross(personas) -> Submission:
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    with time_machine.travel(IN_THE_WINDOW, tick=True):
        submission = services.start_submission(
            user=personas["chuthapdo"], organisation=organisation, period="2020S2"
        )
        return services.save_submission(
            submission, user=personas["chuthapdo"], figures={"so_cuu_ca": "5"}
        )


def _figure(submission: Submission) -> FigureValue:
    return FigureValue.objects.get(submission=submission, indicator__code="so_cuu_ca")


@time_machine.travel(LATER, tick=True)
def test_saving_one_figure_takes_six_queries(red_cross, personas) -> None:
    with CaptureQueriesContext(connection) as context:
        saved = services.save_submission(
            red_cross, user=personas["chuthapdo"], figures={"so_cuu_ca": "7"}
        )
    # Lock the submission, read the indicator with its saved figure, write the figure and its
    # history record, write the new version and its history record.
    assert len(_statements(context)) <= 6, _statements(context)
    figure = _figure(red_cross)
    assert figure.value == Decimal(7)
    assert saved.version == red_cross.version + 1
    # Audited as before: who changed what, from which value.
    record = figure.history.order_by("-history_date").first()
    assert record.history_user == personas["chuthapdo"]
    assert record.prev_record.value == Decimal(5)


@time_machine.travel(LATER, tick=True)
def test_a_new_figure_also_takes_six_queries(red_cross, personas) -> None:
    with CaptureQueriesContext(connection) as context:
        services.save_submission(
            red_cross, user=personas["chuthapdo"], figures={"tt_duong_loi_cuoc": "12"}
        )
    assert len(_statements(context)) <= 6, _statements(context)
    figure = FigureValue.objects.get(submission=red_cross, indicator__code="tt_duong_loi_cuoc")
    assert figure.value == Decimal(12)
    assert figure.history.get().history_type == "+"


@time_machine.travel(LATER, tick=True)
def test_autosaving_one_figure(client_for, red_cross) -> None:
    client = client_for("chuthapdo")
    red_cross.refresh_from_db()
    with CaptureQueriesContext(connection) as context:
        response = client.post(
            reverse("reporting:entry", args=[red_cross.pk]),
            {"version": red_cross.version, "f.so_cuu_ca": "9"},
            **HTMX,
        )
    assert response.status_code == 200
    assert _figure(red_cross).value == Decimal(9)
    # The session and user, the submission the reader may edit, the save itself (six), then
    # the "saved" fragment with the entry page's warnings (41 before the save was batched).
    assert len(_statements(context)) <= 28, _statements(context)

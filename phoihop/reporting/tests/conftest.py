"""Fixtures of the workflow's tests."""

from __future__ import annotations

import datetime as dt

import pytest

from phoihop.organisations.models import Organisation
from phoihop.reporting import services
from phoihop.reporting.models import Submission

# Long after 2020S2's entry window closed (only the demo's extension, which these tests remove,
# kept it open).
AFTER_THE_WINDOW = dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def red_cross(personas) -> Submission:
    """The district Red Cross's 2020S2 draft holding 987.654 where 2019S2 had a few dozen."""
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    submission = services.start_submission(
        user=personas["chuthapdo"], organisation=organisation, period="2020S2"
    )
    return services.save_submission(
        submission, user=personas["chuthapdo"], figures={"so_cuu_ca": "987.654"}
    )

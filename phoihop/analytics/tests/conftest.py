"""Each test starts with no cached indicator catalogue: a rolled-back test reuses primary keys."""

import pytest

from phoihop.analytics import catalogue


@pytest.fixture(autouse=True)
def fresh_catalogue():
    catalogue.forget()
    yield
    catalogue.forget()

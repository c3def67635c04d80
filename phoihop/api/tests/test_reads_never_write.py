"""Reads never write: GETs of every list of the API leave the database as it was."""

from __future__ import annotations

import pytest

from phoihop.api.services import create_token
from phoihop.places.models import Unit
from tests.test_reads_never_write import snapshot

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["vanphong", "chuthapdo"])
def test_api_reads_change_nothing(persona, personas, client) -> None:
    _token, raw = create_token(user=personas[persona])
    district = Unit.objects.get(code="698")
    before = snapshot()
    for path in [
        "/api/v1/units/",
        "/api/v1/organisations/",
        "/api/v1/indicators/",
        "/api/v1/forms/",
        "/api/v1/periods/",
        "/api/v1/submissions/",
        "/api/v1/completeness/",
        "/api/v1/pivot/",
        f"/api/v1/validation/{district.pk}/2020S2/",
    ]:
        response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert response.status_code in (200, 403), path
    first = client.get("/api/v1/submissions/?limit=1", HTTP_AUTHORIZATION=f"Bearer {raw}")
    submission_id = first.json()["items"][0]["id"]
    for path in [
        f"/api/v1/submissions/{submission_id}/",
        f"/api/v1/submissions/{submission_id}/blockers/",
    ]:
        assert client.get(path, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code in (200, 403)
    assert snapshot() == before

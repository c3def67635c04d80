"""Schemathesis against the API's own OpenAPI schema, with the standing office's token: no
server error, and every answer (status, content type, body) is one the schema describes.

Deterministic (derandomised) and modest (a few dozen examples per operation) so that CI is
stable and quick; positive and negative examples both. Writes happen inside the test's
transaction and are rolled back with it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from phoihop.api import services

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
schema.config.generation.update(max_examples=25, deterministic=True)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def office_token(personas) -> str:
    return services.create_token(user=personas["vanphong"], name="schemathesis")[1]


@pytest.fixture
def shared_connection() -> Iterator[None]:
    """Requests through the WSGI application keep the test's database connection open, as
    Django's test client does: on PostgreSQL, closing it at the end of a request would end the
    test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_within_its_schema(case, office_token, shared_connection) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {office_token}"}, checks=CHECKS)

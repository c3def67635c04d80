"""Fixtures of the API's tests: a token per persona, and a client that sends it."""

from __future__ import annotations

import pytest
from django.test import Client

from phoihop.api import services


@pytest.fixture
def token_of(personas):
    """A fresh bearer token of the named persona."""

    def make(username: str) -> str:
        return services.create_token(user=personas[username], name="thử")[1]

    return make


@pytest.fixture
def api_as(token_of):
    """A test client whose every request carries the persona's bearer token."""

    def make(username: str) -> Client:
        return Client(HTTP_AUTHORIZATION=f"Bearer {token_of(username)}")

    return make

"""Test fixtures shared by every app: the demo district is the world tests run in."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo once per test database, as `phoihop demo` does (its data, then a first
    validation of every district and province); each test then runs in a rolled-back
    transaction."""
    from phoihop.demo.builder import build_demo
    from phoihop.validation.runs import validate_all

    with django_db_blocker.unblock():
        build_demo()
        validate_all()


@pytest.fixture
def personas(db):
    """The demo's accounts by username: vanphong, chuthapdo, nongdan, ducphong, thanhvien, tinh,
    quantri."""
    from phoihop.accounts.models import User

    return {u.username: u for u in User.objects.select_related("unit", "organisation")}


@pytest.fixture
def client_for(client, personas):
    """A Django test client signed in as the named persona."""

    def sign_in(username: str):
        client.force_login(personas[username])
        return client

    return sign_in


def pytest_configure(config):
    from playwright.sync_api import expect

    # htmx answers arrive asynchronously; on a loaded CI machine five seconds is too tight.
    expect.set_options(timeout=15_000)

    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.PASSWORD_HASHERS  # noqa: B018 - plain-module runs (-p no:django) have no settings
    except ImproperlyConfigured:
        return
    # The application's clock is the real one (or time_machine's) in tests, whatever demo day a
    # developer's data folder holds; tests of the demo day point this at a file of their own.
    settings.PHOIHOP_DEMO_TODAY_FILE = None
    # Hashing seven demo passwords with PBKDF2 would dominate the set-up of every test database.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Static files are served from the source folders in tests: no collectstatic, no manifest of
    # hashed names (`phoihop serve` builds one; tests/test_serve.py checks it).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def submit_explained(db):
    """Submit through the one workflow, explaining every large change it would ask about (tests
    whose point is not the explanation itself)."""
    from phoihop.reporting import workflow

    def submit(submission, *, user):
        pending = workflow.pending_explanations(submission)
        explained = {b.code: "Giải trình kèm theo." for b in pending if b.explainable}
        return workflow.submit_submission(submission, user=user, explanations=explained)

    return submit

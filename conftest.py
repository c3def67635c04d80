"""Test fixtures shared by every app: the demo district is the world tests run in."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from bench.cache import source_key

# The browser tests' live server and Chromium (fixtures `browser`, `site`, `page`).
pytest_plugins = ["tests.browser.support"]

ROOT = Path(__file__).resolve().parent
# The built demo database, kept between runs on SQLite: a copy restores in a fraction of a
# second what building takes a minute or two of each worker. Keyed by every source and data
# file the build could read, so that any change to them builds it again; a test module is not
# one of them (no product module imports tests), so editing a test keeps the demo. The builds
# of the last few source trees are kept side by side (branches, worktrees sharing /tmp).
DEMO_CACHE = Path(tempfile.gettempdir()) / "phoihop-test-demo"
DEMO_CACHE_KEEP = 6


def _restore_demo(connection, cached: Path) -> bool:
    try:
        os.utime(cached)  # recently used: kept the longest
        # Read-only: a build another run has just removed is not created empty instead.
        source = sqlite3.connect(f"file:{cached}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return False
    connection.ensure_connection()
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    return True


def _keep_demo(connection, cached: Path) -> None:
    cached.parent.mkdir(parents=True, exist_ok=True)
    builds = sorted(cached.parent.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime)
    for old in builds[: max(0, len(builds) - DEMO_CACHE_KEEP + 1)]:
        old.unlink(missing_ok=True)  # the oldest builds, for sources that changed since
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    target = sqlite3.connect(partial)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    os.replace(partial, cached)  # whole or not at all, whichever worker writes last


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo once per test database, as `phoihop demo` does (its data, then a first
    validation of every district and province); each test then runs in a rolled-back
    transaction. On SQLite the built database is kept (DEMO_CACHE) and copied in by later
    runs while no source file changes; PHOIHOP_TEST_DEMO_CACHE=0 always builds."""
    from django.db import connection

    from phoihop.demo.builder import build_demo
    from phoihop.validation.runs import validate_all

    cache = connection.vendor == "sqlite" and os.environ.get("PHOIHOP_TEST_DEMO_CACHE") != "0"
    with django_db_blocker.unblock():
        cached = DEMO_CACHE / f"{source_key(test_hooks=True)}.sqlite3" if cache else None
        if cached is not None and _restore_demo(connection, cached):
            return
        build_demo()
        validate_all()
        if cached is not None:
            _keep_demo(connection, cached)


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
    # Background tasks run at once, inside the test; the database backend stays available as
    # "database" for the tests that go through a real worker run (phoihop/jobs/tests).
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
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

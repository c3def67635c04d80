"""The browser tests' live server and Chromium, a plugin of the root conftest.py.

pytest-django's `live_server` forces `transactional_db`, which flushes the demo that conftest.py
builds once per test database (every later test would find it gone), and rebuilding it before
each test costs seconds. Instead each module gets its own live server over the session's demo
database and the tests use the ordinary `db` fixture: the server thread shares the test's
connection (on SQLite's in-memory database and on PostgreSQL alike), so what a test builds is
what the browser sees, and what the browser writes is rolled back with the test.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from phoihop.demo.builder import DEMO_PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
# The live server's requests share the tests' one database connection: they take turns (a page
# loading its images at once would otherwise run two transactions on one connection), and a
# test ends only once the request in flight, if any, has finished with it.
ONE_REQUEST_AT_A_TIME = threading.Lock()


def _one_at_a_time(handler_class):
    """The server's WSGI handler, answering one request at a time."""

    class OneAtATime(handler_class):
        def __call__(self, environ, start_response):
            with ONE_REQUEST_AT_A_TIME:
                return super().__call__(environ, start_response)

    return OneAtATime


@pytest.fixture(autouse=True)
def _requests_done_before_the_test_ends(request) -> Iterator[None]:
    """Set up after the test database's fixtures, so torn down before them: its rollback never
    meets a request of the browser still using the connection."""
    yield
    if request.node.get_closest_marker("browser"):
        with ONE_REQUEST_AT_A_TIME:
            pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), (
        "Chromium is needed at /usr/bin/chromium: ./scripts/system-deps.sh installs it"
    )
    # Playwright's sync API runs an event loop in this thread, where Django refuses the ORM
    # unless told otherwise: told so while the browser runs, and for the browser tests only.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as p:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(browser: Browser, django_db_setup) -> Iterator[str]:
    """A live server over the test database with its demo, for the whole module."""
    # Started after Playwright: Playwright's event loop gives this thread a new context, and
    # Django's connections are per context, so the server must share the connection the
    # tests' transactions will use, the one seen from inside that context.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connections
    from django.test.testcases import LiveServerThread
    from pytest_django.live_server_helper import LiveServer

    class SharedConnectionServer(LiveServerThread.server_class):
        """Never closes the connection it shares with the tests after a request."""

        def _close_connections(self) -> None:
            for conn in connections.all():
                if conn.alias not in self.connections_override:
                    conn.close()

    class SharedConnectionThread(LiveServerThread):
        server_class = SharedConnectionServer

    server = LiveServer("localhost", start=False)
    # The server answers over the tests' own connection on PostgreSQL too, as pytest-django
    # does for SQLite's in-memory database: what a test builds in its transaction is what the
    # browser sees, and what the browser writes is rolled back with the test. As Django's test
    # client does, requests must not close that connection mid-transaction.
    server.thread = SharedConnectionThread(
        server.thread.host,
        static_handler=_one_at_a_time(server.thread.static_handler),
        connections_override={"default": connections["default"]},
    )
    server.thread.daemon = True
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    server.start()
    try:
        yield server.url
    finally:
        # Chromium's keep-alive connections must close while the server still shares the
        # database connection with its request threads.
        browser.close()
        server.stop()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sign_in(page: Page, site: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{site}/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button.primary")


def unit_rows(page: Page, site: str) -> list[str]:
    page.goto(f"{site}/don-vi/")
    return [t.strip() for t in page.locator("table.tree tbody td:first-child").all_inner_texts()]

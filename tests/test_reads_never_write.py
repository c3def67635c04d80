"""Reads never write: every page a persona can reach by following links leaves the database as
it was, and none of them fails.

The crawl starts from the home page, follows same-site links (href, hx-get, and GET forms with
their preset values) breadth-first with GET only, and compares `dumpdata` before and after.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urlencode, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

pytestmark = pytest.mark.django_db

PERSONAS = ["vanphong", "chuthapdo", "nongdan", "ducphong", "thanhvien", "tinh", "quantri"]
MAX_PAGES = 300
# Pages of one kind (one URL pattern) visited at most: a catalogue of seventy indicators would
# otherwise fill the budget before the crawl reaches submissions, checks and documents.
PER_KIND = 4
# Signing out ends the crawl, and generated files (Word, PDF, zips, spreadsheets) take seconds
# each through LibreOffice and docxtpl; the pages that offer them are crawled.
SKIPPED = re.compile(r"/dang-xuat/|\.(docx|pdf|zip|xlsx|csv)$|/xem-truoc/|/static/")


def snapshot() -> str:
    # Left out: sessions, where signing in and a page's messages live (state of the browser, not
    # of the record), and admin.LogEntry, the admin's own journal of admin actions.
    out = StringIO()
    call_command(
        "dumpdata", exclude=["sessions", "admin.LogEntry"], stdout=out, format="json", indent=0
    )
    return out.getvalue()


class _Targets(HTMLParser):
    """The GET targets of a page: links (href, hx-get) and GET forms with their preset values
    (the unit and period pickers of the check and report pages are such forms)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._form: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("href", "hx-get"):
            if key in a and not (tag == "link" and key == "href"):
                self.urls.append(a[key])
        if tag == "form" and a.get("method", "get").lower() == "get":
            self._form = {"action": a.get("action", ""), "fields": {}}
        elif self._form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self._form["fields"].setdefault(a["name"], a.get("value", ""))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select:
            fields = self._form["fields"]
            if "selected" in a or self._select not in fields:
                fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            query = urlencode(self._form["fields"])
            self.urls.append(self._form["action"].split("?")[0] + (f"?{query}" if query else ""))
            self._form = None


def same_site_links(page: str, base: str) -> list[str]:
    parser = _Targets()
    parser.feed(page)
    links = []
    for raw in parser.urls:
        url = urldefrag(urljoin(base, raw))[0]
        parts = urlsplit(url)
        if parts.scheme in ("", "http") and parts.netloc in ("", "testserver"):
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith("/") and not SKIPPED.search(parts.path):
                links.append(path)
    return links


def kind_of(url: str) -> str:
    try:
        return resolve(urlsplit(url).path).route
    except Resolver404:
        return url


def crawl(client) -> tuple[list[str], list[str]]:
    """Visit pages breadth-first from the home page; return (visited, failures)."""
    client.raise_request_exception = False
    queue, seen, visited, failures = deque(["/"]), {"/"}, [], []
    kinds: Counter[str] = Counter()
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        kind = kind_of(url)
        kinds[kind] += 1
        # The admin's pages are Django's own, many and slow: one of each kind is enough.
        if kinds[kind] > (1 if kind.startswith("quan-tri/") else PER_KIND):
            continue
        response = client.get(url)
        visited.append(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url}")
            continue
        if response.status_code in (301, 302) and response.get("Location"):
            found = same_site_links(f'<a href="{response["Location"]}"></a>', url)
        elif response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            found = same_site_links(response.content.decode(), url)
        else:
            continue
        for link in found:
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return visited, failures


@pytest.mark.parametrize("username", PERSONAS)
def test_it_changes_nothing_while_a_persona_reads_every_page(client_for, personas, username):
    unread_notification_for(personas[username])  # opening the bell's list must not mark it
    client = client_for(username)
    before = snapshot()
    visited, failures = crawl(client)
    after = snapshot()
    assert failures == []
    assert len(visited) > 5, visited
    assert after == before, _difference(before, after)


def unread_notification_for(person) -> None:
    from phoihop.core import clock
    from phoihop.reporting.models import Notification, Submission

    submission = Submission.objects.select_related("organisation", "form").first()
    Notification.objects.create(
        recipient=person,
        kind=Notification.Kind.RETURNED,
        organisation=submission.organisation,
        form=submission.form,
        period=submission.period,
        submission=submission,
        message="Báo cáo bị trả lại.",
        created_on=clock.today(),
        created_at=clock.now(),
    )


def _difference(before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(before.split("},\n{"), after.split("},\n{"), lineterm="", n=0)
    return "\n".join(list(lines)[:40])

"""No input breaks it: every view of the site, asked by a signed-in user with hostile path
values, query strings and form fields, answers without a server error.

The parameter names are the ones the site itself uses: the `name` of every field in its
templates, every form class's fields and every `request.GET/POST` key its views read. Values are
drawn by hypothesis from what careless users and attackers send: empty, too long, not a number,
a number too big for the database, a period that does not exist, markup, control characters.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent / "phoihop"
PERSONAS = ["vanphong", "chuthapdo"]
# Signing out ends the session the fuzzing runs in; the admin is Django's own.
LEFT_OUT = re.compile(r"^(quan-tri/|tai-khoan/dang-xuat/)")
# Documents that take LibreOffice seconds to make: only values that cannot name a real period.
HEAVY = re.compile(r"\.(docx|pdf|zip)$|xem-truoc/$|\\\.\(\?P<fmt>")

HOSTILE = [
    "",
    " ",
    "abc",
    "-1",
    "0",
    "1",
    "3",
    "1,5",
    "1.000.000",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2020S1",
    "2020S2",
    "2020S3",
    "0000S1",
    "9999S2",
    "2020-02-30",
    "30/02/2020",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\x00",
    "\u202e",
    "x" * 3000,
]
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))
safe_values = st.sampled_from([v for v in HOSTILE if not re.fullmatch(r"\d{4}S[12]", v)])


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


_CALLBACKS = {
    route: entry.callback
    for route, entry in _walk(get_resolver())
    if not LEFT_OUT.match(route) and "(?P<path>" not in route
}
ROUTES = sorted(_CALLBACKS)


def _names_in(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        if path.suffix == ".html":
            names |= set(re.findall(r'\bname="([a-z_][a-z0-9_]*)"', path.read_text()))
        elif path.suffix == ".py":
            text = path.read_text()
            names |= set(re.findall(r'request\.(?:GET|POST)(?:\.get|\.getlist)?[\[(]"(\w+)"', text))
            if "forms." in text:
                names |= set(re.findall(r"^\s{4}(\w+) = (?:forms\.)?\w+Field\(", text, re.M))
    names.discard("csrfmiddlewaretoken")
    return names


NAMES = sorted(_names_in(ROOT))


def _own_names(route: str) -> list[str]:
    """The names the route's own app reads and renders: the ones worth most to fuzz."""
    module = _CALLBACKS[route].__module__.split(".")
    app = ROOT / module[1] if module[0] == "phoihop" and len(module) > 2 else None
    own = sorted(_names_in(app)) if app and app.is_dir() else []
    return own or NAMES


# Path values: ids that exist (the demo's objects number in the hundreds), ids that do not, and
# ids beyond the database's integers.
IDS = st.one_of(st.integers(1, 300), st.sampled_from([2**31, 2**63 + 1, 10**30]))


def _path(route: str, draw_value, draw_id) -> str:
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<fmt>[^)]*\)", "csv", route).replace("\\.", ".")
    route = re.sub(r"<int:\w+>", lambda _: str(draw_id()), route)
    route = re.sub(r"<year:\w+>", "2020", route)
    return "/" + re.sub(r"<(?:str|slug):\w+>", lambda _: draw_value() or "x", route)


def test_the_parameter_vocabulary_is_the_sites_own():
    # The fuzzing is only as good as its names: the ones users' forms send must be among them.
    assert {"ky", "don_vi", "lan", "template", "mo_den", "ly_do", "username", "password"} <= set(
        NAMES
    )
    assert {"partners", "indicators", "members"} <= set(NAMES)  # IdsChoiceField's too
    assert "bao-cao/<int:pk>/nhap/" in ROUTES and "phan-tich/bang/" in ROUTES
    assert "<" not in _path("chuong-trinh/to-chuc/<int:organisation_id>/<year:year>/", str, int)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("route", ROUTES)
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_request_ends_in_a_server_error(client_for, route, persona, data):
    client = client_for(persona)
    client.raise_request_exception = False
    text = safe_values if HEAVY.search(route) else values
    path = _path(route, lambda: data.draw(text), lambda: data.draw(IDS))
    names = st.one_of(st.sampled_from(_own_names(route)), st.sampled_from(NAMES))
    params = data.draw(st.dictionaries(names, text, max_size=6))
    method = data.draw(st.sampled_from(["get", "post"]))
    response = getattr(client, method)(path, params)
    assert response.status_code < 500, f"{method.upper()} {path} {params!r}"


@pytest.mark.parametrize("value", ["abc", "x" * 3000, "99999999999999999999999"])
@pytest.mark.parametrize("route", [r for r in ROUTES if not HEAVY.search(r)])
def test_every_parameter_at_once(client_for, route, value):
    """Each of the app's own parameters given one unreadable value, by GET and by POST."""
    client = client_for("vanphong")
    client.raise_request_exception = False
    path = _path(route, lambda: "2020S1", lambda: 3)
    params = dict.fromkeys(_own_names(route), value)
    for method in (client.get, client.post):
        response = method(path, params)
        assert response.status_code < 500, f"{path} {value[:20]}"

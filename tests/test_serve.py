"""`phoihop serve` as an office PC runs it: a real waitress process over a fresh data folder.

It answers with the security headers, serves static files under hashed names cached for a
year, answers an unknown address with the Vietnamese 404 page, and signs someone in over plain
HTTP (the office PC on a local network has no certificate).
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "mat-khau-van-phong"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("serve-data")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PHOIHOP_DEBUG")}
    env.update(
        PHOIHOP_DATA_DIR=str(data),
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, timeout=300)
    subprocess.run(
        [*manage, "createsuperuser", "--noinput", "--username", "office", "--email", "o@x.vn"],
        env=env,
        check=True,
        timeout=60,
        capture_output=True,
    )
    port = free_port()
    process = subprocess.Popen(
        [*manage, "serve", "--port", str(port), "--threads", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/tai-khoan/dang-nhap/", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(process.stdout.read() if process.stdout else "") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        # SIGTERM ends it as Ctrl+C does: it says so (and stops its worker, if any).
        assert "Đã dừng phoihop." in (process.stdout.read() if process.stdout else "")


def get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_every_page_carries_the_security_headers(server):
    status, headers, html = get(f"{server}/tai-khoan/dang-nhap/")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Server"] == "phoihop"
    # Nothing inline for the policy to block: every script is a file, htmx is told not to eval.
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert '"allowEval": false' in html


def test_static_files_have_hashed_names_and_are_cached_for_a_year(server):
    _, _, html = get(f"{server}/tai-khoan/dang-nhap/")
    css = re.search(r'href="(/static/css/phoihop\.[0-9a-f]{12}\.css)"', html).group(1)
    script = re.search(r'src="(/static/js/phoihop\.[0-9a-f]{12}\.js)"', html).group(1)
    for path in (css, script):
        status, headers, body = get(f"{server}{path}")
        assert status == 200 and body
        max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
        assert max_age >= 365 * 24 * 3600, headers["Cache-Control"]
    request = urllib.request.Request(f"{server}{css}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"


def test_an_unknown_address_answers_the_vietnamese_404_page(server):
    status, headers, html = get(f"{server}/khong-co-trang-nay/")
    assert status == 404
    assert "Không tìm thấy trang" in html and "Về trang chủ" in html
    assert "Not Found" not in html
    assert "Content-Security-Policy" in headers


def test_someone_signs_in_over_plain_http(server):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{server}/tai-khoan/dang-nhap/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "office", "password": PASSWORD}
    ).encode()
    request = urllib.request.Request(
        f"{server}/tai-khoan/dang-nhap/", data=form, headers={"Referer": f"{server}/"}
    )
    home = opener.open(request, timeout=30)
    assert home.url == f"{server}/"
    assert "Đăng xuất" in home.read().decode()
    assert any(c.name == "sessionid" and not c.secure for c in jar)

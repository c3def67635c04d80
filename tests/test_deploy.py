"""`PHOIHOP_HTTPS=1 phoihop check --deploy` finds nothing to fix; plain HTTP stays usable."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def check_deploy(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    # As on a server: not the variables the test session sets for itself (the browser tests'
    # DJANGO_ALLOW_ASYNC_UNSAFE would be reported, rightly).
    kept = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "PHOIHOP_DEBUG", "DATABASE_URL")
    }
    environ = {
        **kept,
        "PHOIHOP_DATA_DIR": str(tmp_path),
        "PHOIHOP_SECRET_KEY": secrets.token_urlsafe(50),
        **env,
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_behind_https_the_deploy_check_reports_no_issues(tmp_path):
    result = check_deploy(tmp_path, PHOIHOP_HTTPS="1")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_over_plain_http_cookies_are_not_secure_only(tmp_path):
    # An office PC on the local network over plain HTTP: the browser must keep its cookies.
    result = check_deploy(tmp_path)
    output = result.stdout + result.stderr
    assert "security.W012" in output  # SESSION_COOKIE_SECURE off, as it must be over HTTP
    assert "security.W004" in output  # no HSTS

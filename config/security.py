"""Security settings of phoihop: headers, HTTPS, sessions and sign-in throttling.

Imported at the end of config/settings.py. `PHOIHOP_HTTPS=1` says the site is reached over
HTTPS (usually nginx in front, see README.md, "Production"): cookies are then sent only over
HTTPS, browsers are told to use nothing else (HSTS), and plain HTTP is redirected. Without it an
office PC serving its district over plain HTTP on the local network still works.
"""

from __future__ import annotations

import datetime as dt
import os

from csp.constants import NONE, SELF


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


HTTPS = _env_bool("PHOIHOP_HTTPS")

# ----- headers: every page ------------------------------------------------------------------
# No inline script, no inline style, no eval: every script and style sheet is a static file.
# Pages embed their chart data as <script type="application/json">, which is data, not code.
# img-src allows data: for the documents' page previews (PNG images inlined as base64).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# ----- HTTPS (PHOIHOP_HTTPS=1) --------------------------------------------------------------
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# A year, as `check --deploy` and the HSTS preload list ask. Subdomains are included: a
# government domain serves nothing over plain HTTP. The preload flag only consents to the
# browsers' list (the domain's owner still submits it at hstspreload.org);
# PHOIHOP_HSTS_PRELOAD=0 withholds it, for a domain whose other sites are not on HTTPS yet.
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and _env_bool("PHOIHOP_HSTS_PRELOAD", True)
# nginx terminates TLS and says so in this header (README.md, "Production"); only then is it
# trusted, as nothing but the proxy can reach the application.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None

# ----- sessions -----------------------------------------------------------------------------
# Signed out after PHOIHOP_SESSION_HOURS (4 by default) without a request: a session in use is
# renewed every few minutes (phoihop.core.middleware), so someone at work is never cut off while
# a PC left signed in on a shared desk is, and a click costs no write to the session table.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(float(os.environ.get("PHOIHOP_SESSION_HOURS", "4")) * 3600)
SESSION_COOKIE_SAMESITE = "Lax"

# ----- sign-in throttling (django-axes) -----------------------------------------------------
# After AXES_FAILURE_LIMIT wrong passwords for one username from one address, that pair is
# locked for AXES_COOLOFF_TIME; the office unlocks earlier (Tài khoản → Tài khoản bị khoá, or
# `phoihop axes_reset_username NAME`). A successful sign-in clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("PHOIHOP_SIGNIN_FAILURES", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("PHOIHOP_SIGNIN_LOCK_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "phoihop.accounts.views.locked_out"
AXES_VERBOSE = False

"""Settings for phoihop, read from the environment."""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("PHOIHOP_DATA_DIR", BASE_DIR / "data"))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    if key := os.environ.get("PHOIHOP_SECRET_KEY"):
        return key
    # A generated key survives restarts so sessions stay valid on a single office PC.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("PHOIHOP_DEBUG")
ALLOWED_HOSTS = os.environ.get("PHOIHOP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("PHOIHOP_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "csp",
    "axes",
    "phoihop.core",
    "phoihop.accounts",
    "phoihop.places",
    "phoihop.organisations",
    "phoihop.indicators",
    "phoihop.reporting",
    "phoihop.validation",
    "phoihop.programmes",
    "phoihop.committee",
    "phoihop.documents",
    "phoihop.analytics",
    "phoihop.imports",
    "phoihop.api",
    # django-ninja: its Swagger UI served from its own static files, not a CDN.
    "ninja",
    # Background work (PDF, ZIP, validation reruns, reminders). phoihop.documents comes before
    # django_tasks_db so that `phoihop db_worker` is its own (it keeps the PDF converter running).
    "phoihop.jobs",
    "django_tasks",
    "django_tasks_db",
    # Only for its `phoihop demo` command: nothing in the product imports the demo.
    "phoihop.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files before anything else looks at the request (long-cached, compressed).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Inside SessionMiddleware: it marks a session in use as changed every few minutes.
    "phoihop.core.middleware.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "phoihop.core.context_processors.site",
            ],
        },
    },
]

if database_url := os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            database_url, conn_max_age=int(os.environ.get("PHOIHOP_DB_CONN_MAX_AGE", "0"))
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("PHOIHOP_SQLITE_PATH", str(DATA_DIR / "phoihop.sqlite3")),
            "OPTIONS": {
                # WAL lets readers (the matrix, pivots) run while a reporter saves.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# django-axes first: it counts wrong passwords and refuses a locked-out username and address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A password-reset link lasts a day.
PASSWORD_RESET_TIMEOUT = 24 * 3600

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "phoihop" / "locale"]
FORMAT_MODULE_PATH = ["phoihop.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Off: a bare {{ number }} is a year, a code or an id (2020, ?lan=1234), never "2.020". Figures
# are written through phoihop.core.numbers (the vn_number, vn_figure... filters): 7.286 cuộc.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns at every start if the folder is missing
# `phoihop serve` runs collectstatic: file names carry a hash of their content, so browsers keep
# them for a year (whitenoise), and each is also stored gzip-compressed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

MEDIA_ROOT = DATA_DIR / "media"
# `phoihop demo` writes its story's "today" here; phoihop.core.clock reads it (None: never).
PHOIHOP_DEMO_TODAY_FILE = DATA_DIR / "demo-today"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Excel uploads above this are refused before they are opened.
PHOIHOP_MAX_UPLOAD_BYTES = int(os.environ.get("PHOIHOP_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))

EMAIL_BACKEND = os.environ.get(
    "PHOIHOP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# The address e-mailed links start with (notifications, reminders): the site as its users reach it.
PHOIHOP_SITE_URL = os.environ.get("PHOIHOP_SITE_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("PHOIHOP_FROM_EMAIL", "phoihop@localhost")
# With PHOIHOP_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend: the mail server.
EMAIL_HOST = os.environ.get("PHOIHOP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("PHOIHOP_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("PHOIHOP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PHOIHOP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("PHOIHOP_EMAIL_TLS")

# The audit keeps the whole reason for a change, however long (a return reason, an import note).
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PHOIHOP_LOG_LEVEL", "WARNING")},
}

# Background tasks (Django's Tasks API through django-tasks, stored in the database and run by
# `phoihop db_worker`). PHOIHOP_TASKS=immediate runs them inside the request instead.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("PHOIHOP_TASKS") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        )
    },
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Finished jobs' files (PDF, ZIP, preview pages) and the document cache.
PHOIHOP_JOBS_DIR = DATA_DIR / "jobs"
PHOIHOP_CACHE_DIR = DATA_DIR / "cache"
# Finished jobs and their files are kept this many days (`phoihop jobs purge`, and the worker
# hourly); cached documents stay in the cache.
PHOIHOP_JOB_RETENTION_DAYS = int(os.environ.get("PHOIHOP_JOB_RETENTION_DAYS", "7"))
# The kept PDF converter (unoserver) listens here; its LibreOffice on the next port.
PHOIHOP_CONVERTER_PORT = int(os.environ.get("PHOIHOP_CONVERTER_PORT", "2003"))
# An uploaded template's limits: processor seconds on the sample data, per generation, megabytes.
PHOIHOP_TEMPLATE_CHECK_SECONDS = 3
PHOIHOP_TEMPLATE_SECONDS = 30
PHOIHOP_TEMPLATE_MEGABYTES = 300
# Headers, HTTPS (PHOIHOP_HTTPS=1), sessions and sign-in throttling.
from config.security import *  # noqa: E402, F403

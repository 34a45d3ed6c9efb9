"""Settings for the isatuximab patient-education portal.

One module for every environment. Each deploy value comes from the environment through the
small strict helpers below, which raise ImproperlyConfigured on junk instead of guessing.
DEBUG is off unless asked for, and SECRET_KEY is required whenever DEBUG is off.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no flag: 1/true/yes/on or 0/false/no/off (any case)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a yes/no value such as 1 or 0, not {raw!r}.")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list; blank items are dropped, spaces are junk."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    for item in items:
        if " " in item:
            raise ImproperlyConfigured(f"{name} items are separated by commas: {item!r}.")
    return items


def env_database(name: str, default: str) -> dict:
    raw = os.environ.get(name) or default
    try:
        config = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} is not a database URL we understand: {exc}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"{name} has no database engine: {raw!r}.")
    return config


REDIS_SCHEMES = {"redis", "rediss", "unix"}


def env_cache(name: str) -> dict:
    """The default cache: Redis when ``name`` holds a redis://, rediss:// or unix:// URL (shared
    by every server and process), else this process's memory (nothing to install)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "isatuximab-portal",
        }
    try:
        url = urlsplit(raw)
        port = url.port  # ValueError on a port that is not a number
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} is not a URL we understand: {exc}") from None
    if url.scheme not in REDIS_SCHEMES:
        raise ImproperlyConfigured(f"{name} must start with redis://, rediss:// or unix://.")
    if url.scheme != "unix" and (not url.hostname or port == 0):
        raise ImproperlyConfigured(f"{name} needs a host, e.g. redis://127.0.0.1:6379/0.")
    if url.scheme != "unix" and url.path.strip("/") and not url.path.strip("/").isdigit():
        raise ImproperlyConfigured(f"{name}: the database after the / must be a number.")
    return {
        # Django's Redis cache, but a Redis that is down or hangs gives misses, not 500s
        # (isatuximab_portal/lib/resilient_cache.py).
        "BACKEND": "isatuximab_portal.lib.resilient_cache.ResilientRedisCache",
        "LOCATION": raw,
        "KEY_PREFIX": "portal",
        # A Redis that hangs must not hang the site: give up on it after a few seconds.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY (a long random string), or DEBUG=1 for development."
        )
    SECRET_KEY = "development-only-key-never-used-when-debug-is-off"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # The admin on a site that requires the second factor (access/admin_site.py).
    "access.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "isatuximab_portal.apps.PortalStaticFilesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "js_lib_bootstrap5",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "education",
    "education.booklet.apps.BookletConfig",
    "schedule",
    "card",
    "access",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "isatuximab_portal.middleware.PublicGZipMiddleware",
    "isatuximab_portal.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # English at the usual addresses, Spanish under /es/: the language comes from the address
    # only (never a cookie; the admin, outside i18n_patterns, is always English).
    "django.middleware.locale.LocaleMiddleware",
    "isatuximab_portal.middleware.PageLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second-factor device (if any) this session passed, then the gate that sends staff
    # to the code or enrolment page before any other admin page (access/gate.py).
    "django_otp.middleware.OTPMiddleware",
    "access.gate.SecondFactorGate",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes must come last so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "isatuximab_portal.urls"
WSGI_APPLICATION = "isatuximab_portal.wsgi.application"

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
                "isatuximab_portal.context_processors.site",
                "isatuximab_portal.context_processors.languages",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
SQLITE_BUSY_SECONDS = 20
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several staff at once on the embedded default: readers never block the writer (WAL), a
    # writer waits up to 20 s for another (busy timeout) instead of failing with "database is
    # locked", and every transaction takes the write lock at its start (IMMEDIATE), so two
    # transactions never deadlock upgrading from read to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_SECONDS,
            "init_command": "PRAGMA journal_mode=WAL; "
            f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL=redis://host:6379/0 when there is more than one server process (docs/operations.md):
# the page cache, the content version and the feedback rate limit are then shared by all.
CACHES = {"default": env_cache("CACHE_URL")}

# Background tasks (django-tasks, the backport of Django 6's django.tasks), kept in this
# database and run by `python manage.py db_worker`: the booklet PDFs are built there, never in
# a web request (education/booklet/builds.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Queue a build of every booklet edition whenever published content changes.
BOOKLET_BUILD_ON_PUBLISH = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
try:
    import zoneinfo

    zoneinfo.ZoneInfo(TIME_ZONE)
except (zoneinfo.ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"TIME_ZONE {TIME_ZONE!r} is not a known time zone.") from None

STATIC_URL = "static/"
# Where collectstatic writes; the benchmark points it at a temporary directory.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security -------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe /health/ over plain http on the private network; it says only "ok".
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# Behind a TLS proxy (documented in docs/operations.md): trust its X-Forwarded-Proto for https,
# and its X-Forwarded-For for the client address that lockout counts (access/lockout.py).
# Off, both headers are ignored, so a client cannot choose its own address.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# Only admins have sessions; they expire after 8 hours or when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
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
    }
}

# django-axes: lock an admin login out after repeated failures (tests/test_admin_protection.py,
# tests/test_lockout.py). Two separate counts, either of which locks: one per username from any
# address (a guessed password for one account), one per client address for any username (one
# client spraying many accounts). The address is the real client's, also behind a proxy.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# A locked-out client's further guesses are refused without being counted, so one sprayer
# cannot push every username it tries over the limit (and the wait does not restart).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "access.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "access.lockout.locked_out"

# django-otp: the second factor every staff account needs (access/second_factor.py).
OTP_TOTP_ISSUER = "Isatuximab guide admin"

# Nothing a patient types is logged: Django logs request paths only, and every patient form
# is a POST, so no typed value reaches a URL. Errors go to the console without request bodies.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SITE_NAME = "Isatuximab treatment guide"

# --- E-mail (review reminders: `python manage.py send_review_reminders`) --------------------
# Printed to the console unless EMAIL_HOST is set; then sent by SMTP.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "reviews@localhost")
# The address the admin links in reminder e-mails point to, e.g. https://guide.example.org
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

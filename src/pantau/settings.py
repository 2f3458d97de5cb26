"""Pantau's one settings module: every deployment choice comes from an environment variable.

Defaults give the embedded set-up (SQLite file in ``PANTAU_DATA_DIR``, tasks in-process, static
files served by the app). ``DATABASE_URL`` switches to PostgreSQL; ``PANTAU_SECRET_KEY`` (or
``PANTAU_SECRET_KEY_FILE``) is required outside the demo, where a local secret is generated.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value.strip() else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envsecret(name: str) -> str | None:
    """Read NAME, or the file named by NAME_FILE (Docker/systemd credentials)."""
    if os.environ.get(name):
        return os.environ[name]
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return None


DATA_DIR = Path(os.environ.get("PANTAU_DATA_DIR", Path.cwd() / "var")).resolve()
# Demo mode only when asked for: `pantau demo` sets PANTAU_DEMO=1 (generated secret, no forced
# 2FA). A data folder the demo set up does not make a later start a demo.
DEMO = envbool("PANTAU_DEMO")


def _demo_secret() -> str:
    DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = DATA_DIR / "demo_secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


# The generated secret exists only in a data directory that `pantau demo` set up.
SECRET_KEY = envsecret("PANTAU_SECRET_KEY") or (_demo_secret() if DEMO else None)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "PANTAU_SECRET_KEY is not set: export PANTAU_SECRET_KEY (or PANTAU_SECRET_KEY_FILE), "
        "or run `pantau demo` for a local demonstration"
    )

DEBUG = envbool("PANTAU_DEBUG")
ALLOWED_HOSTS = envlist("PANTAU_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("PANTAU_CSRF_TRUSTED_ORIGINS")


def envnetworks(name: str) -> list[str]:
    """Comma-separated IP addresses or CIDR networks; a bad entry is named at start."""
    import ipaddress

    networks = []
    for item in envlist(name):
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not an IP address or network (e.g. 10.0.0.5, 10.0.0.0/24)"
            ) from None
    return networks


# Reverse proxies whose X-Forwarded-For is believed (default none): a header from any other peer
# is ignored, so no client chooses the address that rate limits, lockouts and logs see.
PANTAU_TRUSTED_PROXIES = envnetworks("PANTAU_TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "pantau.audit.context.client_ip"
if envbool("PANTAU_TRUST_PROXY"):
    raise ImproperlyConfigured(
        "PANTAU_TRUST_PROXY trusted X-Forwarded-For from anyone and is gone: name your reverse "
        "proxies' addresses in PANTAU_TRUSTED_PROXIES instead (e.g. 127.0.0.1 or 10.0.0.0/24)"
    )

SITE_URL = os.environ.get("PANTAU_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "ninja",  # serves the API docs' Swagger UI from its own static files, not a CDN
    "pantau.users",
    "pantau.audit",
    "pantau.registry",
    "pantau.monitoring",
    "pantau.cases",
    "pantau.letters",
    "pantau.reports",
    "pantau.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pantau.web.middleware.IndonesianFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pantau.users.middleware.SecondFactorMiddleware",
    "pantau.audit.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pantau.urls"
WSGI_APPLICATION = "pantau.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pantau.web.context_processors.navigation",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
_sqlite_path = Path(os.environ.get("PANTAU_SQLITE_PATH", DATA_DIR / "pantau.sqlite3"))
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    _sqlite_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _sqlite_path,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failures (django-axes): by user name and address together.
AXES_FAILURE_LIMIT = envint("PANTAU_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("PANTAU_LOGIN_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "users/locked_out.html"
AXES_VERBOSE = False

# Second factor: TOTP is available to everyone; with this on, staff roles must use it.
PANTAU_ENFORCE_TOTP = envbool("PANTAU_ENFORCE_TOTP", not DEMO)
OTP_TOTP_ISSUER = os.environ.get("PANTAU_TOTP_ISSUER", "Pantau")

# Sessions end after this many idle minutes, and always when the browser closes.
SESSION_COOKIE_AGE = envint("PANTAU_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# --- Browser security: content policy, and HTTPS when served behind TLS ---------------------
# Every script, style, image and font comes from Pantau itself: no inline script or style, no
# other host (django-csp). Charts are inline SVG; Swagger UI's icons are data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# PANTAU_HTTPS=1 where users reach the site over https (through a TLS proxy): cookies are sent
# only over TLS and browsers are told to use https only (HSTS); with the TLS proxy named in
# PANTAU_TRUSTED_PROXIES, plain http is also redirected. Off by default: the local demo runs on http://127.0.0.1.
HTTPS = envbool("PANTAU_HTTPS")
SECURE_COOKIES = envbool("PANTAU_SECURE_COOKIES", HTTPS)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SECURE_HSTS_SECONDS = envint("PANTAU_HSTS_SECONDS", 365 * 24 * 3600) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and envbool("PANTAU_HSTS_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = False
if HTTPS and PANTAU_TRUSTED_PROXIES:
    # Only a trusted TLS proxy's X-Forwarded-Proto tells Django a request came over https;
    # then a plain-http request is redirected (without it the redirect would loop).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("PANTAU_HTTPS_REDIRECT", True)

# --- i18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("PANTAU_TIME_ZONE", "Asia/Makassar")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "pantau_language"

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("PANTAU_STATIC_ROOT", DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(os.environ.get("PANTAU_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"
# --- Input bounds: what one request or one import may make Pantau hold ----------------------
# An uploaded file above FILE_UPLOAD_MAX_MEMORY_SIZE is streamed to a temporary file; the form
# fields of a request may take DATA_UPLOAD_MAX_MEMORY_SIZE; `pantau serve` (waitress) refuses a
# request body above PANTAU_MAX_REQUEST_BYTES before reading it.
_MiB = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * _MiB
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * _MiB
PANTAU_IMPORT_MAX_BYTES = envint("PANTAU_IMPORT_MAX_MB", 20) * _MiB
PANTAU_SCREENSHOT_MAX_BYTES = envint("PANTAU_SCREENSHOT_MAX_MB", 8) * _MiB
PANTAU_MAX_REQUEST_BYTES = (
    envint(
        "PANTAU_MAX_REQUEST_MB",
        max(PANTAU_IMPORT_MAX_BYTES, PANTAU_SCREENSHOT_MAX_BYTES, DATA_UPLOAD_MAX_MEMORY_SIZE)
        // _MiB
        + 1,
    )
    * _MiB
)
# `pantau import` and uploaded imports: a JSON Lines or CSV line or a JSON array's record, a
# post's text, a JSON export file read whole; zips (exports) and XLSX workbooks (zips too).
PANTAU_IMPORT_MAX_RECORD_BYTES = envint("PANTAU_IMPORT_MAX_RECORD_KB", 1024) * 1024
PANTAU_IMPORT_MAX_TEXT_CHARS = envint("PANTAU_IMPORT_MAX_TEXT_CHARS", 100_000)
PANTAU_IMPORT_MAX_JSON_FILE_BYTES = envint("PANTAU_IMPORT_MAX_JSON_FILE_MB", 100) * _MiB
PANTAU_ZIP_MAX_TOTAL_BYTES = envint("PANTAU_ZIP_MAX_TOTAL_MB", 4096) * _MiB
PANTAU_ZIP_MAX_RATIO = float(envint("PANTAU_ZIP_MAX_RATIO", 200))
PANTAU_ZIP_MAX_MEMBERS = envint("PANTAU_ZIP_MAX_MEMBERS", 100_000)
PANTAU_XLSX_MAX_TOTAL_BYTES = envint("PANTAU_XLSX_MAX_TOTAL_MB", 256) * _MiB
PANTAU_XLSX_MAX_MEMBERS = envint("PANTAU_XLSX_MAX_MEMBERS", 10_000)

# --- E-mail ---------------------------------------------------------------------------------
if os.environ.get("PANTAU_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["PANTAU_EMAIL_HOST"]
    EMAIL_PORT = envint("PANTAU_EMAIL_PORT", 25)
    EMAIL_HOST_USER = os.environ.get("PANTAU_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = envsecret("PANTAU_EMAIL_PASSWORD") or ""
    EMAIL_USE_TLS = envbool("PANTAU_EMAIL_TLS")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("PANTAU_EMAIL_FROM", "pantau@localhost")

# --- Caches (rate limits), models, retention -----------------------------------------------
if os.environ.get("PANTAU_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["PANTAU_REDIS_URL"],
        }
    }
else:
    # One process serves the embedded set-up, so a per-process cache holds the rate limits.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PANTAU_MODEL_DIR = os.environ.get("PANTAU_MODEL_DIR", str(DATA_DIR / "models"))
PANTAU_RETENTION_DAYS = envint("PANTAU_RETENTION_DAYS", 180)
PANTAU_API_RATE_PER_MINUTE = envint("PANTAU_API_RATE_PER_MINUTE", 120)
PANTAU_API_MAX_BATCH = envint("PANTAU_API_MAX_BATCH", 1000)
PANTAU_COMPLAINT_RATE_PER_HOUR = envint("PANTAU_COMPLAINT_RATE_PER_HOUR", 10)
PANTAU_SCAN_IN_BACKGROUND = envbool("PANTAU_SCAN_IN_BACKGROUND", True)
# `pantau import` scans in a second process while it imports (uses the second core).
PANTAU_IMPORT_SCAN_PROCESS = envbool("PANTAU_IMPORT_SCAN_PROCESS", True)

# --- Tasks: Celery on Redis at scale, in-process (eager) in the embedded set-up ---------------
CELERY_BROKER_URL = os.environ.get("PANTAU_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("PANTAU_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE = {
    "periodic": {"task": "pantau.periodic", "schedule": 60.0},
    "daily-digest": {"task": "pantau.daily_digest", "schedule": 24 * 3600.0},
}

# --- Audit log integrity (see docs/security.md) ----------------------------------------------
# The HMAC key of the audit chains, kept outside the database. Without it a key is generated into
# the data folder (demo, tests); `pantau check --deploy` reports that.
PANTAU_AUDIT_KEY = envsecret("PANTAU_AUDIT_KEY")
PANTAU_AUDIT_CHECKPOINT_FILE = os.environ.get(
    "PANTAU_AUDIT_CHECKPOINT_FILE", str(DATA_DIR / "audit-checkpoints.jsonl")
)
PANTAU_AUDIT_CHECKPOINT_MINUTES = envint("PANTAU_AUDIT_CHECKPOINT_MINUTES", 60)
PANTAU_AUDIT_CHECKPOINT_MAIL = envbool("PANTAU_AUDIT_CHECKPOINT_MAIL")

# --- Cases ---------------------------------------------------------------------------------
# Medium-level sanctions in force: "pp53" (PP 94/2021 Pasal 42 keeps PP 53/2010's until the PP
# on salaries and allowances applies) or "pp94".
PANTAU_MEDIUM_CATALOGUE = os.environ.get("PANTAU_MEDIUM_CATALOGUE", "pp53")
PANTAU_DEADLINE_DAYS: dict[str, int] = {}
# Working days between a summons letter and its examination, to deliver the letter (the
# Penjelasan of PP 94/2021 Pasal 26 ayat (2)); the article's maximum of 7 stays as written.
PANTAU_SUMMONS_MIN_NOTICE_DAYS = int(os.environ.get("PANTAU_SUMMONS_MIN_NOTICE_DAYS", "3"))
# Where the letters' typeface is cut into static faces once per installed version (letters.fonts).
PANTAU_FONT_DIR = os.environ.get("PANTAU_FONT_DIR") or None
# Largest attachment to an employee's response, checked by its content (PDF or image).
PANTAU_ATTACHMENT_MAX_MB = int(os.environ.get("PANTAU_ATTACHMENT_MAX_MB", "10"))

# --- Organisation ---------------------------------------------------------------------------
PANTAU_ORGANISATION = os.environ.get("PANTAU_ORGANISATION", "Pemerintah Kota Teluk Sejahtera")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PANTAU_LOG_LEVEL", "WARNING")},
}
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 default, opted into now

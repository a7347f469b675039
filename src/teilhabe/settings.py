"""Django settings, read from environment variables with fail-closed defaults.

Every integration (mail, Redis, Celery broker) is off unless its variable is set.
`TEILHABE_DEBUG=1` is for development only; without it a real `SECRET_KEY` is required.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean flag; only explicit true values switch a flag on."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("TEILHABE_DEBUG")
DEMO = env_bool("TEILHABE_DEMO")
DATA_DIR = Path(os.environ.get("TEILHABE_DATA_DIR", Path.cwd() / "var"))
if "DATABASE_URL" not in os.environ:
    # the embedded SQLite default lives in DATA_DIR: create it on a fresh clone
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DEVELOPMENT_SECRET_KEY = "insecure-development-key-only-for-teilhabe-debug-mode"
# Keys that appear in examples and tutorials: guessable, so never accepted in production.
KNOWN_WEAK_SECRET_KEYS = {
    DEVELOPMENT_SECRET_KEY,
    "x",
    "changeme",
    "change-me",
    "secret",
    "secret-key",
    "django-insecure",
    "test-only-secret-key-not-for-production",
}
MIN_SECRET_KEY_LENGTH = 50
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set (or TEILHABE_DEBUG=1 for development).")
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and (
    SECRET_KEY.strip().lower() in KNOWN_WEAK_SECRET_KEYS
    or SECRET_KEY.startswith("django-insecure")
    or len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH
    or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak: at least {MIN_SECRET_KEY_LENGTH} random characters, not a "
        "known example key (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
# Encryption at rest of the most sensitive free text (teilhabe.core.crypto): the first key
# encrypts, every key decrypts (key change: new key first, `teilhabe rotate_field_keys`,
# then drop the old one). In debug mode a key derived from SECRET_KEY stands in: fine for the
# demo, never for real data (whoever knows SECRET_KEY can derive it).
from teilhabe.core.crypto import derived_key, parse_keys  # noqa: E402

TEILHABE_FIELD_KEYS = parse_keys(os.environ.get("TEILHABE_FIELD_KEYS", ""))
if not TEILHABE_FIELD_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "TEILHABE_FIELD_KEYS must be set (comma-separated Fernet keys, the first encrypts; "
            "make one with python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'), or TEILHABE_DEBUG=1 for development."
        )
    TEILHABE_FIELD_KEYS = [derived_key(SECRET_KEY)]
if DEMO and not DEBUG:
    # Also a system check (teilhabe.W001); printed here so it shows at every start.
    import sys

    print(
        "WARNUNG: TEILHABE_DEMO=1 ohne TEILHABE_DEBUG=1 – Demodaten und abgeschaltete "
        "Zwei-Faktor-Anmeldung gehören nicht in einen Betrieb mit echten Daten.",
        file=sys.stderr,
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_countries",  # for its German country names (locale files)
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI as static files (no CDN, strict CSP)
    # bottom-up, as the layers in docs/architecture.md
    "teilhabe.core",
    "teilhabe.audit",
    "teilhabe.centres",
    "teilhabe.notify",
    "teilhabe.exports",
    "teilhabe.letters",
    "teilhabe.documents",
    "teilhabe.api",
    "teilhabe.schulen",
    "teilhabe.seiteneinstieg",
    "teilhabe.integrationsrat",
    "teilhabe.oeffnung",
    "teilhabe.engagement",
    "teilhabe.zuweisung",
    "teilhabe.foerderung",
    "teilhabe.portal",
    "teilhabe.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "teilhabe.core.middleware.SessionLimitsMiddleware",
    "teilhabe.core.middleware.SecurityHeadersMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "teilhabe.centres.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "teilhabe.urls"
WSGI_APPLICATION = "teilhabe.wsgi.application"

TEMPLATES = [
    {
        # No "loaders": Django (since 4.1) then wraps the filesystem and app loaders in the
        # cached loader, in development too (runserver's reloader clears it on changes), so
        # templates are compiled once per worker process, not on every request.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "teilhabe.core.context_processors.navigation",
                "teilhabe.centres.public.public_context",
            ],
        },
    },
]

# Persistent connections: a new PostgreSQL connection per request costs a few ms and a
# backend process; a worker keeps its connection for a minute and checks it before reuse.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'teilhabe.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_bool(
    "DATABASE_JIT"
):
    # JIT compilation pays off for long analytic queries, not for a web page's short ones:
    # the planner switched it on for a filtered waiting list (9 of 45 ms compiling).
    # random_page_cost 1.1 (default 4, which assumes spinning disks): on SSDs and with the
    # tables in memory an index lookup of a counsellor's 2,000 cases beats scanning all
    # 50,000 children, which the default cost made the planner prefer (docs/benchmarks.md).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off -c random_page_cost=" + os.environ.get(
        "DATABASE_RANDOM_PAGE_COST", "1.1"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "centres.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "teilhabe.centres.backends.PasswordOnlyBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "centres:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "centres:login"

# Two-factor authentication (TOTP) for staff: on unless explicitly switched off (the demo does).
TEILHABE_REQUIRE_2FA = env_bool("TEILHABE_REQUIRE_2FA", default=not DEMO)
OTP_TOTP_ISSUER = "Teilhabe"

# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
# Two separate lists: EITHER locks. "username" stops guessing one account from many
# addresses; "ip_address" stops one address trying passwords against many accounts.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The client address: REMOTE_ADDR, or behind our own TLS proxy the address that proxy
# appended to X-Forwarded-For (teilhabe.core.proxy). django-ipware is not installed, so
# axes' AXES_IPWARE_* settings would have no effect; the callable decides instead.
AXES_CLIENT_IP_CALLABLE = "teilhabe.core.proxy.client_ip"
AXES_LOCKOUT_TEMPLATE = "centres/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)

# The staff interface is German. LANGUAGES lists the languages of family-facing output
# (invitation letters, reminders); family pages will switch language per request.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("Deutsch")),
    ("en", _("English")),
    ("uk", _("Українська")),
    ("ar", _("العربية")),
    ("tr", _("Türkçe")),
    ("fa", _("فارسی")),
    ("ru", _("Русский")),
]
LANGUAGES_BIDI = ["ar", "fa"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media-not-served/"  # documents are only served through permission-checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Job results (exports): under MEDIA_ROOT, no URL; served only by the owner's download view.
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT / "exports", "base_url": None},
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Stored documents and export files are readable by the service account only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
TEILHABE_MAX_DOCUMENT_BYTES = int(
    os.environ.get("TEILHABE_MAX_DOCUMENT_BYTES", str(10 * 1024 * 1024))
)

# Mail: the console backend unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "teilhabe@localhost")
# The address of this installation, for links in mail written outside a request (an
# invitation queued by a command). Pages pass the address the browser used instead.
TEILHABE_SITE_URL = os.environ.get("TEILHABE_SITE_URL", "").rstrip("/")
# How long an invitation link stays valid; a password reset link: PASSWORD_RESET_TIMEOUT.
TEILHABE_INVITATION_DAYS = int(os.environ.get("TEILHABE_INVITATION_DAYS", "7"))
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT_HOURS", "24")) * 3600

# Map tiles for the schools map (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png).
# Empty = no tiles: the map still shows Stadtteile and schools, and no request leaves the site.
TEILHABE_MAP_TILES_URL = os.environ.get("TEILHABE_MAP_TILES_URL", "")
TEILHABE_MAP_TILES_ATTRIBUTION = os.environ.get(
    "TEILHABE_MAP_TILES_ATTRIBUTION", "© OpenStreetMap contributors"
)

# Redis cache only when configured; otherwise a per-process memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs (teilhabe.exports). With Redis configured they go to Celery workers
# (`celery -A teilhabe worker`); without, they run in a daemon thread of the web process.
# TEILHABE_CELERY=0/1 overrides; on without a REDIS_URL it is a configuration error.
TEILHABE_CELERY = env_bool("TEILHABE_CELERY", default=bool(REDIS_URL))
if TEILHABE_CELERY and not REDIS_URL:
    raise ImproperlyConfigured("TEILHABE_CELERY=1 needs REDIS_URL (the Celery broker).")
TEILHABE_CELERY_QUEUE = os.environ.get("TEILHABE_CELERY_QUEUE", "teilhabe")
TEILHABE_JOBS_EAGER = False  # tests: run a job synchronously when its transaction commits
TEILHABE_JOBS_PROGRESS_INTERVAL = 0.5  # seconds between progress writes of one job
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_IGNORE_RESULT = True  # a job's outcome lives on its Job row
CELERY_TASK_DEFAULT_QUEUE = TEILHABE_CELERY_QUEUE
CELERY_TASK_ACKS_LATE = True  # a job whose worker dies is delivered again
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # long tasks: don't hoard messages
CELERY_TASK_SOFT_TIME_LIMIT = int(os.environ.get("TEILHABE_JOB_TIME_LIMIT", "900"))
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 300}
CELERY_TIMEZONE = TIME_ZONE
# A RUNNING job untouched this long lost its worker and may be claimed again.
TEILHABE_JOBS_STALE_SECONDS = CELERY_TASK_TIME_LIMIT + 60

# Sessions: logged out after TEILHABE_SESSION_IDLE_MINUTES without a request and
# TEILHABE_SESSION_MAX_HOURS after the login (teilhabe.core.middleware.SessionLimitsMiddleware);
# the cookie ends when the browser closes.
TEILHABE_SESSION_IDLE_SECONDS = int(os.environ.get("TEILHABE_SESSION_IDLE_MINUTES", "60")) * 60
TEILHABE_SESSION_ABSOLUTE_SECONDS = int(os.environ.get("TEILHABE_SESSION_MAX_HOURS", "12")) * 3600
SESSION_COOKIE_AGE = TEILHABE_SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Behind a TLS-terminating reverse proxy (nginx, a load balancer) that sets
# X-Forwarded-Proto and appends the client to X-Forwarded-For: TEILHABE_TRUSTED_PROXY=1.
# Never without such a proxy: then anyone could claim https or another address.
TEILHABE_TRUSTED_PROXY = env_bool("TEILHABE_TRUSTED_PROXY")
if TEILHABE_TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# HSTS preload (security.W021) is a commitment for the whole registered domain, often a
# city's domain with services we do not run: the operator decides, not the default.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# A load balancer probes the health check over plain http (regexes on the path without "/").
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Interkulturelle Öffnung: a measure not updated for this many months triggers a reminder
# to its department's contact persons (teilhabe remind_stale_measures, daily).
TEILHABE_MEASURE_STALE_MONTHS = int(os.environ.get("TEILHABE_MEASURE_STALE_MONTHS", "6"))
# Absolute links in mails sent by jobs and public pages (e.g. https://teilhabe.stadt.de).
TEILHABE_BASE_URL = os.environ.get("TEILHABE_BASE_URL", "")

# The REST API (teilhabe.api): bearer tokens only, JSON only, errors in German.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["teilhabe.api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["teilhabe.api.permissions.ScopePermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "teilhabe.api.pagination.ApiPagination",
    "DEFAULT_FILTER_BACKENDS": ["teilhabe.api.filters.DeclaredFilters"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "teilhabe.api.exceptions.handle",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Teilhabe API",
    "DESCRIPTION": (
        "Schnittstelle eines Kommunalen Integrationszentrums: Fälle, Termine, Schulen, "
        "Platzmeldungen und Zuweisungen. Zugang mit `Authorization: Bearer <Schlüssel>` "
        "(Seite „API-Zugänge“ oder `teilhabe api_token`); jeder Schlüssel hat Bereiche "
        "(scopes) und höchstens die Rechte seines Kontos."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",  # patternProperties (seat reports: {offer id: free seats})
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "teilhabe.seiteneinstieg.choices.LANGUAGE_CHOICES",
        "LanguageLevelEnum": "teilhabe.seiteneinstieg.choices.LanguageLevel",
        "SchoolLevelEnum": "teilhabe.schulen.choices.SchoolLevel",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "teilhabe.api.schema.add_error_responses",
    ],
}
# Start-page tiles over the whole centre (counts, metrics) are shared by the centre's users
# of one role for a minute (teilhabe.core.registry.Tile.shared_seconds); tests switch it off.
TEILHABE_SHARED_TILES = env_bool("TEILHABE_SHARED_TILES", default=True)

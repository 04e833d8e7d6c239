"""ReadyRoom settings: one module, read from environment variables, safe defaults for local use."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from readyroom.dotenv import load_local_env

BASE_DIR = Path(__file__).resolve().parents[2]
# `make run` writes a git-ignored .env (DEBUG on, a generated SECRET_KEY) for local use.
load_local_env(Path(os.environ.get("READYROOM_DOTENV", BASE_DIR / ".env")))
VAR_DIR = Path(os.environ.get("READYROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "readyroom-local-development-only"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "readyroom",
    "organisation",
    "reminders",
    "dashboard",
    "content",
    "certifications",
    "training",
    "drills",
    "clearances",
    "kits",
    "snapshots",
    "incidents",
    "followups",
    "attestations",
    "audits",
    "actions",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_q",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files with DEBUG off, before any middleware that needs a login or a session.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "readyroom.headers.ContentSecurityPolicyMiddleware",
    "readyroom.headers.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Everything needs a login; views that must stay open say so with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Then the second factor, for those who have one or whose role requires it (accounts).
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its answer (accounts.views).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "readyroom.urls"
WSGI_APPLICATION = "readyroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "readyroom.context_processors.navigation",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    # Each gunicorn worker (or thread) keeps its connection for a minute; the health check
    # replaces one the server closed meanwhile instead of failing that request.
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
        )
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "readyroom.sqlite3",
            # A web process and a django-q2 worker share the file: WAL lets readers run beside
            # the writer, IMMEDIATE takes the write lock up front, and the timeout waits for it.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's, keeping one client per connection pool (readyroom/cache.py).
            "BACKEND": "readyroom.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    # A logged-in request reads its session from Redis instead of a query; writes still go
    # to the database too, so a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Each process keeps what every page asks of the page tree (the site, private pages, the
# protocol library) until a change replaces a token in the cache (content.page_tree): only
# with a cache every process shares.
READYROOM_PAGE_TREE_CACHE = env_bool("READYROOM_PAGE_TREE_CACHE", bool(os.environ.get("REDIS_URL")))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"

# Logging in (accounts app, issue 12). Argon2 first, with parameters measured for the login
# load (accounts/hashers.py): a PBKDF2 hash, or an Argon2 one with Django's default
# parameters, is re-hashed the next time its owner logs in; the others stay so old hashes
# still verify.
PASSWORD_HASHERS = [
    "accounts.hashers.MeasuredArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# django-axes: 5 wrong passwords for one username from one address lock that pair out for
# 15 minutes (a success clears the count). Superusers unlock under Settings > Login lockouts
# in the Wagtail admin, or with `manage.py axes_reset_username <username>`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend reading the session's user with their profile and viewer flags in one
    # query; ModelBackend stays listed so sessions begun before it still resolve.
    "accounts.backends.ViewerBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# The address is REMOTE_ADDR (django-ipware is not installed, so X-Forwarded-For, which a
# client can forge, is never read). Behind a reverse proxy every client shares the proxy's
# address, and the lock then falls on the username alone.
# Two-step login (TOTP with recovery codes, django-otp): required at their next login for
# managers, regional managers, educators, medical directors and superusers; optional for
# staff. Off, nobody is asked for a code: for the test suite, or to get back in if every
# authenticator is lost.
READYROOM_MFA_REQUIRED = env_bool("READYROOM_MFA_REQUIRED", True)
OTP_TOTP_ISSUER = "ReadyRoom"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# With DEBUG off, `collectstatic` writes hashed names with gzip and Brotli copies beside them,
# and whitenoise serves those with a year's cache (the hash changes when the file does).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "readyroom.staticfiles.CompressedManifestStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Per-person files (certification cards) live outside MEDIA_ROOT and are served only by views
# that check the viewer.
PRIVATE_STORAGE_ROOT = Path(os.environ.get("PRIVATE_STORAGE_ROOT", VAR_DIR / "private"))

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Per SMTP operation: a mail server that accepts and never answers costs one message this long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ReadyRoom <readyroom@localhost>")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# Security headers (readyroom/headers.py). HTTPS is on by default whenever DEBUG is off.
# Behind a proxy that ends TLS, tell Django which header carries the original scheme, e.g.
# SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https, and make sure the proxy overwrites
# that header on every request (otherwise a client could claim https itself).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    _proxy_header, _proxy_value = env_list("SECURE_PROXY_SSL_HEADER")
    SECURE_PROXY_SSL_HEADER = (_proxy_header, _proxy_value)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading binds the whole domain to HTTPS in every browser for months and is hard to undo:
# the domain's owner opts in; until then check --deploy's reminder (W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The site's pages: scripts and styles from our own static files only, never inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin ships inline scripts and styles, so it gets its own, looser policy; the
# site's templates never render under this prefix except for Wagtail's page previews.
ADMIN_CSP_PATH_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Browser features ReadyRoom never uses: off for every page and anything injected into one.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Wagtail
WAGTAIL_SITE_NAME = "ReadyRoom"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_USER_TIME_ZONES = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Phoenix",
    "Pacific/Honolulu",
    "Europe/London",
    "UTC",
]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Wagtail's own background jobs run at once; ReadyRoom's jobs run on django-q2.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}

# The reminder sweep stops taking new messages this long after it starts (what is left goes in
# the next run), well inside django-q2's task timeout below; a claimed row's lease outlives it.
REMINDER_SWEEP_BUDGET_SECONDS = int(os.environ.get("REMINDER_SWEEP_BUDGET_SECONDS", "300"))
REMINDER_LEASE_SECONDS = int(os.environ.get("REMINDER_LEASE_SECONDS", "600"))
# A required module or drill is "due soon" this many days before it falls due (reminders start
# from the policy's own offsets; a certification type sets its own renewal window).
COMPLIANCE_DUE_SOON_DAYS = int(os.environ.get("COMPLIANCE_DUE_SOON_DAYS", "30"))
# A clinically significant protocol revision sets its modules again to everyone who passed
# them, due this many days after publishing (attestations).
RETRAINING_DUE_DAYS = int(os.environ.get("RETRAINING_DUE_DAYS", "30"))

# django-q2: the ORM broker confirms delivery; retry must exceed timeout or long tasks run twice.
Q_CLUSTER = {
    "name": "readyroom",
    # Several clusters share Redis where it is set; its broker does not confirm delivery
    # (README, "Production"): a task taken by a worker that dies is not handed out again.
    **({"redis": os.environ["REDIS_URL"]} if os.environ.get("REDIS_URL") else {"orm": "default"}),
    "workers": int(os.environ.get("Q_WORKERS", "1")),
    "timeout": 600,
    "retry": 900,
    "max_attempts": 3,
    "catch_up": False,
    "sync": env_bool("Q_SYNC"),
    "save_limit": 500,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_q": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

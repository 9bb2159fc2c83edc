"""All settings, read from the environment through the typed helpers in ``bridgework.env``.

Environment variables (all optional):

- ``BRIDGEWORK_DATA_DIR``: where the SQLite database, secret key and encryption keys
  live (default: the XDG user data directory, e.g. ``~/.local/share/bridgework``).
- ``DATABASE_URL``: e.g. ``postgres://user:pass@127.0.0.1:5432/bridgework``; default SQLite.
- ``BRIDGEWORK_DEBUG``: boolean, default false.
- ``BRIDGEWORK_ALLOWED_HOSTS``: comma list, default ``127.0.0.1,localhost``.
- ``BRIDGEWORK_SECRET_KEY``: overrides the generated key file.
- ``BRIDGEWORK_ENCRYPTION_KEYS``: ``id:base64key,...`` overrides the key file.
- ``BRIDGEWORK_EMAIL_HOST`` (+ ``_PORT``, ``_USER``, ``_PASSWORD``, ``_USE_TLS``,
  ``BRIDGEWORK_EMAIL_FROM``): send mail by SMTP; without a host, mail goes to the console.
  With a host, sign-up verifies the e-mail address (so sign-up reveals nothing about
  which addresses have accounts); without one (a laptop), addresses count as verified.
- ``BRIDGEWORK_SECURE_COOKIES``: boolean, the one switch for a deployment behind TLS:
  secure cookies, HTTPS redirect, HSTS (``BRIDGEWORK_HSTS_SECONDS``, default a year),
  ``X-Forwarded-Proto: https`` from the proxy trusted, https links in e-mails.
- ``BRIDGEWORK_TRUSTED_PROXIES``: how many reverse proxies stand in front (default 0);
  the client IP for rate limits is then taken from ``X-Forwarded-For`` that many hops
  from the right. Leave 0 without a proxy, or anyone can pick their own IP.
- ``BRIDGEWORK_LOGIN_RATE`` / ``BRIDGEWORK_LOGIN_ACCOUNT_RATE``: failed-login limits
  (see ``ACCOUNT_RATE_LIMITS`` below).
- ``BRIDGEWORK_CSRF_TRUSTED_ORIGINS``: comma list of origins (``https://bridgework.example``)
  allowed to post forms when a proxy serves the app under another host name; default none.
- ``BRIDGEWORK_SHARED_CACHE``: boolean; one cache (rate-limit counters, the per-person
  pages) shared by several server processes: a table of the server database with
  ``DATABASE_URL`` (the default there), else diskcache files in the data directory's
  ``cache`` folder (SQLite, one machine). Off: each process keeps its own in memory.
- ``BRIDGEWORK_BASE_URL``: where the app is reached, for links in e-mails sent by
  background work (default ``http://127.0.0.1:8000``).
- ``BRIDGEWORK_STATIC_ROOT``: the folder ``collectstatic`` fills on a server install
  (a laptop serves static files from the package and needs none).
- ``BRIDGEWORK_LOG_LEVEL``: the root log level (default ``WARNING``).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import platformdirs

from bridgework import MODULES
from bridgework.env import (
    EnvError,
    ensure_private_dir,
    ensure_private_file,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_rates,
    env_str,
    read_or_create_secret,
)

PACKAGE_DIR = Path(__file__).resolve().parent

BRIDGEWORK_DATA_DIR = ensure_private_dir(
    env_path("BRIDGEWORK_DATA_DIR", Path(platformdirs.user_data_dir("bridgework", appauthor=False)))
)

DEBUG = env_bool("BRIDGEWORK_DEBUG", False)
SECRET_KEY_FROM_ENV = bool(env_str("BRIDGEWORK_SECRET_KEY"))
SECRET_KEY = env_str("BRIDGEWORK_SECRET_KEY") or read_or_create_secret(
    BRIDGEWORK_DATA_DIR / "secret_key"
)
ALLOWED_HOSTS = env_list("BRIDGEWORK_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("BRIDGEWORK_CSRF_TRUSTED_ORIGINS", [])
BRIDGEWORK_ENCRYPTION_KEYS = env_str("BRIDGEWORK_ENCRYPTION_KEYS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "ninja",  # so /api/docs uses its bundled Swagger UI, not a CDN
    "django_tasks_db",  # background work (reminder e-mails) kept in the database
    "bridgework.core",
    "bridgework.accounts",
    *[f"bridgework.{name}" for name in MODULES],
    "bridgework.api",
]

MIDDLEWARE = [
    # First: no process environment variable reaches any code below; HEAD runs as GET
    # through everything below, and leaves with no body (bridgework.core.middleware).
    "bridgework.core.middleware.EdgeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last: Django's authentication (request.user loaded at once), the person's time zone,
    # stale caches after their writes, Cache-Control; and, after allauth's, so it answers
    # "reauthentication required" first, storing nothing (bridgework.accounts.middleware).
    "bridgework.accounts.middleware.PersonMiddleware",
]

ROOT_URLCONF = "bridgework.urls"
WSGI_APPLICATION = "bridgework.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bridgework.core.context_processors.navigation",
                "bridgework.safety.context_processors.crisis_help",
                # Last: while a cached fragment renders, its CSRF token is a placeholder.
                "bridgework.core.fragments.csrf_placeholder",
            ],
        },
    }
]

SQLITE_PATH = BRIDGEWORK_DATA_DIR / "bridgework.sqlite3"
_database_url = env_str("DATABASE_URL")
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    except ValueError as exc:
        raise EnvError(f"DATABASE_URL is not a usable database URL: {exc}") from None
else:
    ensure_private_file(SQLITE_PATH)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": {
                # WAL lets the page being read not block the one being written.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 10,
            },
            # Keep each worker's connection between requests: opening one costs more than
            # the queries of a simple page (connect, two PRAGMAs, functions, close).
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    }

# Login rate limits and lockout counters live in the cache, and so do the per-person pages
# (core/fragments.py, sealed). One process (`make run`) is fine with memory; several
# gunicorn workers must share it, or each worker counts failed logins on its own (an
# attacker gets N× the attempts) and computes each person's pages again:
# BRIDGEWORK_SHARED_CACHE=1, the default with a server database (DATABASE_URL), which is
# how a clinic runs several workers. There the cache is a table of that database (created
# by `migrate`, core migration 0001), shared by every app server. On SQLite (one machine)
# it is diskcache's SQLite files in the data directory instead: shared by the processes
# of this machine, atomic `add` (allauth's rate-limit lock), and its writes never wait
# for (or hold) the application database's write lock.
SHARED_CACHE = env_bool("BRIDGEWORK_SHARED_CACHE", bool(_database_url))
CACHE_DIR = BRIDGEWORK_DATA_DIR / "cache"
if SHARED_CACHE and _database_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "bridgework_cache",
            # Rate-limit windows are minutes; expired rows are culled as the table grows.
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4},
        }
    }
elif SHARED_CACHE:
    CACHES = {
        "default": {
            "BACKEND": "bridgework.core.cache.SharedDiskCache",
            "LOCATION": str(ensure_private_dir(CACHE_DIR)),
            # diskcache's default eight SQLite files (keys spread over them): writers of
            # different keys rarely wait for each other, and readers never wait (write-ahead
            # log). `bridgework restore` empties it with these defaults.
            # Least recently stored entries go first beyond this (~2,000 people's pages).
            "OPTIONS": {"size_limit": 1 << 30},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "bridgework",
            # Per-person page fragments (core/fragments.py, ~5 a person) and rate limits:
            # room for a couple of hundred people per worker before entries are culled.
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, loading the profile with the user (one query less
    # on every request; see accounts/backends.py).
    "bridgework.accounts.backends.ModelBackend",
    "bridgework.accounts.backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    # Argon2id at OWASP's recommended server parameters (m=19 MiB, t=2, p=1; see
    # accounts/hashers.py); older hashes still verify and are upgraded at login.
    "bridgework.accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# allauth: e-mail + password accounts, optional TOTP second factor.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# With a mail server (a clinic or study), sign-up proves the mailbox: that is what lets
# sign-up answer the same whether or not the address already has an account. Without one
# (a laptop, mail printed to the console) there is no mailbox to prove; the adapter marks
# the address verified at sign-up so two-factor can be switched on.
ACCOUNT_EMAIL_VERIFICATION = "mandatory" if env_str("BRIDGEWORK_EMAIL_HOST") else "none"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# Failed logins and codes (bridgework.accounts.adapter): the "/key" rates count per client
# IP *and* account, the "/ip" rate per client IP, so one attacker cannot lock someone out
# from everywhere; growing windows are the back-off. A much looser limit per account from
# all IPs together stops a distributed guess. Over a limit: 429 with a clear page.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_rates("BRIDGEWORK_LOGIN_RATE", "5/5m/key,10/1h/key,20/1d/key,30/15m/ip"),
    "login_failed_account": env_rates("BRIDGEWORK_LOGIN_ACCOUNT_RATE", "100/1h/key"),
}
# Client IP: REMOTE_ADDR, or X-Forwarded-For behind that many trusted reverse proxies.
BRIDGEWORK_TRUSTED_PROXIES = env_int("BRIDGEWORK_TRUSTED_PROXIES", 0, minimum=0, maximum=10)
ALLAUTH_TRUSTED_PROXY_COUNT = BRIDGEWORK_TRUSTED_PROXIES
ACCOUNT_ADAPTER = "bridgework.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "bridgework.accounts.adapter.user_display"  # never the generated username
# TOTP secrets and recovery-code seeds are encrypted with the app's keys.
MFA_ADAPTER = "bridgework.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Bridgework"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:welcome"
LOGIN_URL = "account_login"

# Django 6.1 mailers: SMTP when a host is configured, otherwise the console (password-reset
# links are printed in the terminal running `make run`).
_email_host = env_str("BRIDGEWORK_EMAIL_HOST")
if _email_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("BRIDGEWORK_EMAIL_PORT", 587, minimum=1, maximum=65535),
                "username": env_str("BRIDGEWORK_EMAIL_USER"),
                "password": env_str("BRIDGEWORK_EMAIL_PASSWORD"),
                "use_tls": env_bool("BRIDGEWORK_EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env_str("BRIDGEWORK_EMAIL_FROM", "bridgework@localhost")
# Where the app is reached, for links in e-mails sent by background work (no request).
BRIDGEWORK_BASE_URL = env_str("BRIDGEWORK_BASE_URL", "http://127.0.0.1:8000")

# Background work (Django's tasks framework): tasks wait in the database until the worker
# runs them — the thread `bridgework serve` starts, or `bridgework worker` beside gunicorn.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Only needed for `collectstatic` on a server install; a laptop serves from the package.
STATIC_ROOT = env_str("BRIDGEWORK_STATIC_ROOT") or None
# Serve straight from the package: no collectstatic step for a laptop install.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Room for a long paste into a form (the journal's own limit, 100,000 characters, then
# answers with a clear message and keeps the text); bodies beyond this get the 400 page.
DATA_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024

# Django's database sessions, loaded with one hand-written query (accounts/sessions.py).
SESSION_ENGINE = "bridgework.accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Messages live in the session (server side), not in a readable cookie: they can name people.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_FAILURE_VIEW = "bridgework.core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The one switch for a deployment behind TLS (a reverse proxy that terminates HTTPS and
# sets X-Forwarded-Proto, overwriting whatever the client sent). Off on a laptop.
BEHIND_TLS = env_bool("BRIDGEWORK_SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = BEHIND_TLS
CSRF_COOKIE_SECURE = BEHIND_TLS
if BEHIND_TLS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("BRIDGEWORK_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Asking browsers to preload HSTS is the domain owner's decision, not the app's.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BEHIND_TLS else "http"

# Content-Security-Policy (Django's own middleware): scripts, styles, images and fonts
# from this site only; no inline script or style anywhere. data: images are allauth's
# TOTP QR code.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("BRIDGEWORK_LOG_LEVEL", "WARNING")},
    # `bridgework serve`'s access log: method, path, status; never the query string.
    "loggers": {
        "bridgework.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

"""Requests straight into Django's WSGI handler: what a gunicorn worker runs, and nothing else.

Used by ``bench_history.py`` and ``profile_page.py``. No test client (it adds its own
request building and signal handlers), no sockets: ``get(path)`` builds a WSGI environ
with the session cookie of a real login, calls the application and drains the body.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def setup_django(prefix: str = "bridgework-bench-") -> Path:
    """A fresh SQLite data directory, Django set up and migrated; returns the directory."""
    data_dir = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["BRIDGEWORK_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("BRIDGEWORK_DEBUG", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bridgework.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return data_dir


def bare_application() -> Any:
    """A Django WSGI handler with no middleware at all, for the "bare Django" figure:
    request parsing, URL resolving, a view that returns "ok", and the response."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with override_settings(MIDDLEWARE=[]):
        return WSGIHandler()


def caller(
    application: Any, cookie: str = "", *, keep: bool = True
) -> Callable[[str], tuple[str, int]]:
    """``get(path) -> (status line, body length)`` through ``application``, keeping the
    cookies the responses set (the CSRF cookie, like a browser) after ``cookie``
    (``keep=False``: every request carries only ``cookie``, like a new browser tab
    in a private window)."""
    jar: dict[str, str] = dict(
        part.strip().split("=", 1) for part in cookie.split(";") if "=" in part
    )

    def get(path: str) -> tuple[str, int]:
        path_info, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path_info,
            "QUERY_STRING": query,
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "localhost",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if jar:
            environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        status: list[str] = []

        def start_response(line: str, headers: list[tuple[str, str]], exc: Any = None) -> None:
            status.append(line)
            for name, value in headers:
                if keep and name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    jar[key] = rest.split(";", 1)[0]

        body = application(environ, start_response)
        size = sum(len(chunk) for chunk in body)
        if hasattr(body, "close"):
            body.close()
        return status[0], size

    return get


def session_cookie(user: Any) -> str:
    """The Cookie header of a logged-in session for ``user``."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def bare_view(request: Any) -> Any:
    from django.http import HttpResponse

    return HttpResponse("ok")


def add_bare_url() -> None:
    """Serve ``bare_view`` at ``/bench-bare/`` (only in this benchmark process)."""
    from django.urls import clear_url_caches, path

    import bridgework.urls

    bridgework.urls.urlpatterns.insert(0, path("bench-bare/", bare_view))
    clear_url_caches()

"""The WSGI server behind ``bridgework serve``: waitress, plus the housekeeping it runs.

Why waitress: it is a production-grade, pure-Python, threaded server that runs the same
on Linux, macOS and Windows without forking or compiling anything, and (unlike Django's
development server) never copies the process environment into requests. One process
with threads is right for a laptop; a clinic runs gunicorn workers (README).

The access log written here names method, path, status and duration, never the query
string: journal searches (``/journal/?q=…``) and any other query stay out of logs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

access_logger = logging.getLogger("bridgework.access")
logger = logging.getLogger("bridgework.server")

# Expired sessions are removed at start and then this often (seconds).
SESSION_CLEANUP_INTERVAL = 3600
# Largest request body waitress accepts (an import file is at most 20 MB).
MAX_REQUEST_BODY = 25 * 1024 * 1024

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def with_access_log(app: WSGIApp) -> WSGIApp:
    """Wrap a WSGI app so each request logs one line without its query string."""

    def logged(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.monotonic()
        status_holder: list[str] = []

        def remember_status(status: str, headers: Any, exc_info: Any = None) -> Any:
            status_holder.append(status.split(" ", 1)[0])
            return start_response(status, headers, exc_info)

        try:
            return app(environ, remember_status)
        finally:
            access_logger.info(
                "%s %s %s %.0f ms",
                environ.get("REQUEST_METHOD", "-"),
                environ.get("PATH_INFO", "-"),
                status_holder[-1] if status_holder else "-",
                (time.monotonic() - started) * 1000,
            )

    return logged


def clear_expired_sessions() -> None:
    """Delete expired sessions (Django's ``clearsessions``); errors are logged, not raised."""
    from django.core.management import call_command
    from django.db import close_old_connections

    try:
        call_command("clearsessions")
    except Exception:  # a busy database must not stop the server; try again next time
        logger.exception("clearing expired sessions failed")
    finally:
        close_old_connections()


def start_session_cleanup(
    interval: float = SESSION_CLEANUP_INTERVAL, stop: threading.Event | None = None
) -> threading.Thread:
    """Clear expired sessions now and then every ``interval`` seconds, in a daemon thread
    (until ``stop`` is set, if given)."""
    stopped = stop or threading.Event()

    def loop() -> None:
        clear_expired_sessions()
        while not stopped.wait(interval):
            clear_expired_sessions()

    thread = threading.Thread(target=loop, name="bridgework-session-cleanup", daemon=True)
    thread.start()
    return thread


def make_server(*, host: str, port: int, threads: int = 8, behind_proxy: bool = False) -> Any:
    """A waitress server for ``bridgework.wsgi``, bound (port 0 picks a free one) but not
    yet running: call ``.run()``; ``.effective_host`` / ``.effective_port`` say where."""
    import waitress

    from bridgework.wsgi import application

    return waitress.create_server(
        with_access_log(application),
        host=host,
        port=port,
        threads=threads,
        ident="Bridgework",
        max_request_body_size=MAX_REQUEST_BODY,
        # Without a proxy in front, X-Forwarded-* headers come from the client and are
        # dropped; behind one, Django and allauth read them as configured in settings.
        clear_untrusted_proxy_headers=not behind_proxy,
    )

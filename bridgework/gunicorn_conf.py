"""gunicorn settings for a clinic: ``gunicorn -c python:bridgework.gunicorn_conf bridgework.wsgi``.

The access log names method, path (``%(U)s``: without the query string, so journal
searches never reach a log file), status and duration. Forwarded headers are trusted only
from the local proxy; Django reads X-Forwarded-Proto (BRIDGEWORK_SECURE_COOKIES=1) and
allauth X-Forwarded-For (BRIDGEWORK_TRUSTED_PROXIES).

The application is loaded once, in the master process, before the workers are forked
(``preload_app``): Django's setup, the URLconf, the screening models and the templates
(``bridgework.warmup``, ~5 s of CPU on this machine) are paid once instead of once a
worker, a worker that gunicorn replaces starts at once, and the workers share those pages
of memory (``gc.freeze()`` at the end of the warm-up keeps the collector from touching
them). The warm-up opens no database connection and starts no thread; ``when_ready``
closes any connection all the same before the first fork, so no worker ever shares one.
A new version of the code needs a restart of gunicorn (a ``HUP`` reloads the
configuration, not the preloaded code).
"""

import os
from typing import Any

bind = os.environ.get("BRIDGEWORK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("BRIDGEWORK_WORKERS", "4"))
preload_app = True
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(M)sms'
forwarded_allow_ips = "127.0.0.1,::1"


def when_ready(server: Any) -> None:
    """In the master, after the application is loaded and before any worker is forked: no
    database connection may be inherited by a worker (two processes on one SQLite handle or
    one PostgreSQL socket corrupt each other's work)."""
    if server.cfg.preload_app:
        from django.db import connections

        connections.close_all()

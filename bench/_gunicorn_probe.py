"""gunicorn hooks for ``bench_load.py`` (``-c bench/_gunicorn_probe.py``): for each request,
the CPU its worker spent on it and how long the worker waited for a CPU while handling it
(the kernel's run-queue wait, ``/proc/thread-self/schedstat``), written to
``BENCH_SERVER_LOG``. They say whether a slow request was work of ours or a worker
waiting its turn on two cores shared with other processes. Only this benchmark uses them;
the application is ``bridgework.wsgi`` as always, loaded as the shipped settings load it
(``bridgework/gunicorn_conf.py``: ``preload_app`` and its ``when_ready``; ``BENCH_PRELOAD=0``
loads it in each worker instead, for a comparison).

With ``BENCH_CACHE_LOG`` set, each worker also logs every per-person text it computes and
stores (``core.fragments``: a whole page or a part of one; seen as the cache write that
follows it) — the time, the worker, what it was, the account and a digest of its versioned
key — so the orchestrator can count how often each account's pages were computed, and
how often the same version was computed again (another worker's copy not seen).
"""

from __future__ import annotations

import os
import time
from typing import Any

from bridgework import gunicorn_conf

preload_app = os.environ.get("BENCH_PRELOAD", "1" if gunicorn_conf.preload_app else "0") == "1"
when_ready = gunicorn_conf.when_ready

_SCHEDSTAT = "/proc/thread-self/schedstat"


def _waited_ns() -> int | None:
    try:
        with open(_SCHEDSTAT, encoding="ascii") as stat:
            return int(stat.read().split()[1])
    except (OSError, IndexError, ValueError):
        return None


def post_worker_init(worker: Any) -> None:
    path = os.environ.get("BENCH_CACHE_LOG")
    if path:
        from bridgework.core import fragments

        fragments.cache = _LoggingCache(fragments.cache, path)  # type: ignore[assignment]


class _LoggingCache:
    """The cache ``core.fragments`` uses, logging what each write newly computed."""

    def __init__(self, cache: Any, path: str) -> None:
        self._cache, self._path, self._read = cache, path, {}

    def get(self, key: str, default: Any = None) -> Any:
        value = self._cache.get(key, default)
        self._read = {key: value}
        return value

    def set(self, key: str, value: Any, timeout: Any = None) -> None:
        import hashlib

        rows = []
        if key.startswith("page:"):
            parts = key.split(":")  # page:prefix:static:path:user:version:day:profile
            rows.append(("page", parts[3], parts[4], key))
        elif isinstance(value, dict):
            before = self._read.get(key)
            known = before if isinstance(before, dict) else {}
            for inner in value:
                if inner not in known:  # produced now, not kept from the entry read
                    parts = inner.split(":")  # fragment:name:prefix:user:version:day
                    rows.append(("part", parts[1], parts[3], inner))
        now = time.time()
        with open(self._path, "a", encoding="utf-8") as log:
            log.writelines(
                f"{now:.3f},{os.getpid()},{kind},{name},{user},"
                f"{hashlib.sha256(full.encode()).hexdigest()[:12]}\n"
                for kind, name, user, full in rows
            )
        self._cache.set(key, value, timeout)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cache, name)


def pre_request(worker: Any, req: Any) -> None:
    worker.bench_started = (time.time(), time.process_time(), _waited_ns())


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    path = os.environ.get("BENCH_SERVER_LOG")
    started = getattr(worker, "bench_started", None)
    if not path or started is None:
        return
    wall, cpu, waited = started
    now_waited = _waited_ns()
    queue = "" if waited is None or now_waited is None else f"{(now_waited - waited) / 1e6:.1f}"
    line = (
        f"{wall:.3f},{req.method},{req.path},{(time.time() - wall) * 1000:.1f},"
        f"{(time.process_time() - cpu) * 1000:.1f},{queue}\n"
    )
    with open(path, "a", encoding="utf-8") as log:  # one short append: whole lines
        log.write(line)

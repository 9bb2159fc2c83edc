"""gunicorn hooks for ``bench_load.py`` (``-c bench/_gunicorn_probe.py``): for each request,
the CPU its worker spent on it and how long the worker waited for a CPU while handling it
(the kernel's run-queue wait, ``/proc/thread-self/schedstat``), written to
``BENCH_SERVER_LOG``. They say whether a slow request was work of ours or a worker
waiting its turn on two cores shared with other processes. Only this benchmark uses them;
the application is ``bridgework.wsgi`` as always, loaded as the shipped settings load it
(``bridgework/gunicorn_conf.py``: ``preload_app`` and its ``when_ready``; ``BENCH_PRELOAD=0``
loads it in each worker instead, for a comparison).
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

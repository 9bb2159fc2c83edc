"""The cache the processes of one machine share on SQLite: diskcache's Django backend, with
its connections kept between requests.

Django closes every cache at the end of every request (``request_finished``), which suits
a network client and not this one: diskcache's ``close()`` closes a SQLite connection per
shard, and the next request opens them again, each reading diskcache's settings and
setting its pragmas (~0.3 ms a shard), and the last close of a file checkpoints its
write-ahead log (~13 ms on this machine). Its author advises leaving a cache open: every
operation is atomic, each thread has its own connections, and a forked process (a
gunicorn worker) opens its own on first use (diskcache compares the process id).

A read waits for a busy file as a write does (``retry``), so a rate-limit history is not
read as empty while another process writes its shard.
"""

from __future__ import annotations

from typing import Any

from diskcache import DjangoCache


class SharedDiskCache(DjangoCache):
    def close(self, **kwargs: Any) -> None:
        """Keep the connections (see the module); they are closed with the process."""

    def get(self, key: Any, default: Any = None, version: Any = None, **kwargs: Any) -> Any:
        kwargs.setdefault("retry", True)
        return super().get(key, default, version, **kwargs)

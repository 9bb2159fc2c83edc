"""The cache the processes of one machine share on SQLite: diskcache's Django backend, with
its connections kept between requests.

Django closes every cache at the end of every request (``request_finished``), which suits
a network client and not this one: diskcache's ``close()`` closes a SQLite connection per
shard, and the next request opens them again, each reading diskcache's settings and
setting its pragmas (~0.3 ms a shard), and the last close of a file checkpoints its
write-ahead log (~13 ms on this machine). Its author advises leaving a cache open: every
operation is atomic, each thread has its own connections, and a forked process (a
gunicorn worker) opens its own on first use (diskcache compares the process id).

Reads do not wait for writers: the shards are SQLite files in write-ahead-log mode, where a
reader sees the last committed state while another process writes.
"""

from __future__ import annotations

from typing import Any

from diskcache import DjangoCache


class SharedDiskCache(DjangoCache):
    def close(self, **kwargs: Any) -> None:
        """Keep the connections (see the module); they are closed with the process."""

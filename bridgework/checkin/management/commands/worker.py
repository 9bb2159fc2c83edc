from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.crypto import get_random_string

from bridgework.checkin.reminders import TICK_SECONDS, make_worker, scheduler_loop
from bridgework.core.management.base import BridgeworkCommand


class Command(BridgeworkCommand):
    help = (
        "Run background work: the reminder schedule (every minute) and the task worker "
        "that sends reminder e-mails. A clinic runs one or more beside gunicorn; "
        "`bridgework serve` runs the same in threads, so a laptop needs no second command."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--worker-id", default=f"worker-{get_random_string(12)}")
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="only run tasks (when another worker already runs the schedule; running "
            "it twice is harmless, each reminder is sent once)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("The database is not up to date: run `bridgework migrate` first.")
        stop = threading.Event()
        if not options["no_schedule"]:
            threading.Thread(
                target=scheduler_loop, args=(stop, TICK_SECONDS), name="checkin-scheduler", daemon=True
            ).start()
        worker: Any = make_worker(options["worker_id"])

        def shutdown(signum: int, frame: FrameType | None) -> None:
            stop.set()
            worker.running = False  # finishes the task in hand, then stops

        signal.signal(signal.SIGINT, shutdown)
        signal.signal(signal.SIGTERM, shutdown)
        self.stdout.write(f"Bridgework worker {options['worker_id']} running. Ctrl-C stops it.")
        self.stdout.flush()
        worker.run()
        stop.set()
        self.stdout.write("Stopped.")

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Apply migrations and serve Bridgework on http://127.0.0.1:8000 (Ctrl-C stops it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-migrate", action="store_true", help="skip applying migrations")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Bridgework data directory: {settings.BRIDGEWORK_DATA_DIR}")
        self.stdout.write(f"Open http://{options['addrport']}/ in your browser. Ctrl-C stops the server.")
        # Django's development server: single-user, local-only, which is what a laptop
        # install is. A clinic runs gunicorn against bridgework.wsgi instead (README).
        call_command("runserver", options["addrport"], use_reloader=False, use_threading=True)

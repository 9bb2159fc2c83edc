"""``bridgework serve``: migrate, then serve with waitress (a production WSGI server).

Never Django's development server: that one copies the whole process environment into
every request. See :mod:`bridgework.core.server` for why waitress. Background work runs
in threads of this process (:meth:`Command.start_background`), so ``make run`` needs no
second command.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError, CommandParser

from bridgework import MODULES
from bridgework.core import server
from bridgework.core.management.base import BridgeworkCommand
from bridgework.core.modules import module_hook

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def parse_addrport(value: str) -> tuple[str | None, int]:
    """``8111`` → (None, 8111); ``0.0.0.0:8111`` → ("0.0.0.0", 8111); ``[::1]:80`` too."""
    host: str | None = None
    port_text = value
    if ":" in value:
        host, _, port_text = value.rpartition(":")
        host = host.strip("[]") or None
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise CommandError(f"{value!r} is not a port or host:port (e.g. 8000 or 127.0.0.1:8000)")
    return host, int(port_text)


def browser_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


class Command(BridgeworkCommand):
    help = (
        "Apply migrations and serve Bridgework with waitress on http://127.0.0.1:8000 "
        "(Ctrl-C stops it)."
    )
    requires_system_checks = "__all__"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "addrport", nargs="?", help="port or host:port (same as --host/--port)"
        )
        parser.add_argument("--host", help=f"address to listen on (default {DEFAULT_HOST})")
        parser.add_argument(
            "--port", type=int, help=f"port to listen on (default {DEFAULT_PORT}; 0 picks one)"
        )
        parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
        parser.add_argument("--no-migrate", action="store_true", help="skip applying migrations")

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = DEFAULT_HOST, DEFAULT_PORT
        if options["addrport"]:
            given_host, port = parse_addrport(options["addrport"])
            host = given_host or host
        host = options["host"] or host
        if options["port"] is not None:
            port = options["port"]
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        self.start_background()
        httpd = server.make_server(
            host=host,
            port=port,
            threads=options["threads"],
            behind_proxy=settings.BRIDGEWORK_TRUSTED_PROXIES > 0,
        )
        self.stdout.write(f"Bridgework data directory: {settings.BRIDGEWORK_DATA_DIR}")
        self.stdout.write(
            f"Open {browser_url(host, httpd.effective_port)} in your browser. "
            "Ctrl-C stops the server."
        )
        self.stdout.flush()
        try:
            httpd.run()
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")
        finally:
            httpd.close()

    def start_background(self) -> None:
        """Start this process's housekeeping threads (add more here)."""
        server.start_session_cleanup()
        # Each module's own background threads (``<module>/background.py`` ``start()``),
        # e.g. check-in reminder e-mails; a clinic runs `bridgework worker` instead.
        for name in MODULES:
            hook = module_hook(name, "background")
            if hook is not None:
                hook.start()

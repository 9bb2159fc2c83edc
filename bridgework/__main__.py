"""The ``bridgework`` command: Django's management commands under one name.

``bridgework serve`` migrates and serves on http://127.0.0.1:8000; every other
subcommand (``migrate``, ``score``, ``screen`` …) is a management command.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgework.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from bridgework.env import EnvError

    args = list(sys.argv if argv is None else argv)
    args[0] = "bridgework"
    if len(args) > 1 and not args[1].startswith("-"):
        # `bridgework rotate-key` runs the `rotate_key` management command.
        args[1] = args[1].replace("-", "_")
    try:
        execute_from_command_line(args)
    except (EnvError, ImproperlyConfigured) as exc:
        print(f"bridgework: configuration error: {exc}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()

"""How the product modules plug into the shared pages without the core knowing them.

Each module ``bridgework.<name>`` (listed in ``bridgework.MODULES``) may offer:

- ``dashboard.py`` with ``dashboard(user) -> Panel | None``: a panel on the home page,
  optionally proposing the user's next small step;
- ``export.py`` with ``export_user_data(user) -> dict``: all of the user's rows in that
  module as plain JSON-ready data (used by the account export);
- an ``AppConfig.nav_label``: a main-navigation link to ``<name>:index``.

Account deletion needs no hook: every owned row has a cascading foreign key to the user.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from bridgework import MODULES


@dataclass(frozen=True)
class NextStep:
    """A suggestion for "what is my next small step?"; the highest priority wins."""

    text: str
    url: str
    priority: int
    label: str = "Start"


@dataclass
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    next_step: NextStep | None = None


def module_hook(name: str, hook: str) -> ModuleType | None:
    """Import ``bridgework.<name>.<hook>`` if the module offers it."""
    qualified = f"bridgework.{name}.{hook}"
    try:
        return importlib.import_module(qualified)
    except ModuleNotFoundError as exc:
        if exc.name == qualified:
            return None
        raise


def dashboard_panels(user: Any) -> list[Panel]:
    panels = []
    for name in MODULES:
        module = module_hook(name, "dashboard")
        if module is not None:
            panel = module.dashboard(user)
            if panel is not None:
                panels.append(panel)
    return panels


def best_next_step(panels: list[Panel]) -> NextStep | None:
    steps = [panel.next_step for panel in panels if panel.next_step is not None]
    return max(steps, key=lambda step: step.priority, default=None)


def export_all(user: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in ["accounts", *MODULES]:
        module = module_hook(name, "export")
        if module is not None:
            data[name] = module.export_user_data(user)
    return data

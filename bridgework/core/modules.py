"""How the product modules plug into the shared pages without the core knowing them.

Each module ``bridgework.<name>`` (listed in ``bridgework.MODULES``) may offer:

- ``dashboard.py`` with ``dashboard(user) -> Panel | None``: a panel on the home page,
  optionally proposing the user's next small step; and, when the panel shows only the
  module's own rows, ``AREAS = ["<name>"]``: the panel then stays cached through the
  person's writes to other modules (``core.fragments``; without it any write refreshes it);
- ``export.py`` with ``export_user_data(user) -> dict``: all of the user's rows in that
  module as plain JSON-ready data (used by the account export);
- ``importer.py`` with ``import_user_data(user, data, *, ids) -> int``: recreate those
  rows from exactly what ``export_user_data`` wrote (used by the account import);
- ``demo.py`` with ``create_demo_data(user, *, years, rng, today) -> None``: realistic
  rows for ``years`` of use (used by ``bridgework demo``; see ``bridgework.core.demo``);
- an ``AppConfig.nav_label``: a main-navigation link to ``<name>:index``;
- ``background.py`` with ``start()``: threads ``bridgework serve`` starts beside the web
  server (e.g. the check-in reminder e-mails).

Account deletion needs no hook: every owned row has a cascading foreign key to the user.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from bridgework import MODULES

from .importing import IdMap, ImportProblem

EXPORT_FORMAT = "bridgework-export/1"
# Apps whose rows others refer to come first: ladder steps and safety plans name circle
# people, so circle is imported before them (old ids → new ids travel in an IdMap).
IMPORT_ORDER = ["accounts", "learn", "assess", "circle", "ladder", "journal", "safety"]


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


def dashboard_modules() -> list[tuple[str, ModuleType]]:
    """``(name, dashboard module)`` of every module that has a home panel, in order."""
    found = []
    for name in MODULES:
        module = module_hook(name, "dashboard")
        if module is not None:
            found.append((name, module))
    return found


def dashboard_panels(user: Any) -> list[Panel]:
    panels = []
    for _name, module in dashboard_modules():
        panel = module.dashboard(user)
        if panel is not None:
            panels.append(panel)
    return panels


def best_next_step(steps: list[NextStep]) -> NextStep | None:
    """The proposed step with the highest priority (the first of equals), or None."""
    return max(steps, key=lambda step: step.priority, default=None)


def export_all(user: Any) -> dict[str, Any]:
    """The whole export: ``format``, ``exported_at`` and every module's ``export.py`` data.

    ``import_all`` reads exactly this back. Reads the whole history (the export is the one
    page that must).
    """
    from django.utils import timezone

    data: dict[str, Any] = {}
    for name in ["accounts", *MODULES]:
        module = module_hook(name, "export")
        if module is not None:
            data[name] = module.export_user_data(user)
    return {"format": EXPORT_FORMAT, "exported_at": timezone.now(), "data": data}


def module_order() -> list[str]:
    """Every module, those that others refer to first (the import order, then the rest)."""
    return [*IMPORT_ORDER, *(name for name in MODULES if name not in IMPORT_ORDER)]


def demo_all(user: Any, *, years: float, rng: Any, today: Any) -> list[str]:
    """Run every module's demo hook for ``user`` in ``module_order()``; returns their names.

    Circle comes before ladder and safety, so their demo rows can name circle people.
    """
    ran = []
    for name in module_order():
        module = module_hook(name, "demo")
        if module is not None:
            module.create_demo_data(user, years=years, rng=rng, today=today)
            ran.append(name)
    return ran


def has_user_data(user: Any) -> bool:
    """Whether any module holds a row of the user's (the profile does not count).

    One ``exists()`` per model that belongs to a user directly; rows owned through a
    parent (attempts, responses) cannot exist without that parent. Nothing is decrypted.
    """
    from django.apps import apps

    for name in MODULES:
        for model in apps.get_app_config(name).get_models():
            owned = any(field.name == "user" for field in model._meta.fields)
            if owned and model._default_manager.filter(user=user).exists():
                return True
    return False


def import_all(user: Any, payload: Any) -> int:
    """Recreate the rows of an ``export_all`` payload for ``user``; returns how many.

    Raises ImportProblem naming the JSON path of the first bad value. Call it inside
    ``transaction.atomic`` so a problem half-way leaves nothing behind.
    """
    if not isinstance(payload, dict):
        raise ImportProblem("the file is not a Bridgework export (expected a JSON object)")
    found = payload.get("format")
    if found != EXPORT_FORMAT:
        raise ImportProblem(
            f"format: expected {EXPORT_FORMAT!r}, found {found!r} — is this a Bridgework export?"
        )
    data = payload.get("data")
    if not isinstance(data, dict):
        raise ImportProblem("data: missing or not an object")
    order = module_order()
    for name in data:
        if name not in order:
            raise ImportProblem(f"data.{name}: unknown app (known: {', '.join(order)})")
    ids: IdMap = {}
    created = 0
    for name in order:
        module = module_hook(name, "importer")
        if module is not None and data.get(name) is not None:
            created += module.import_user_data(user, data[name], ids=ids)
    return created

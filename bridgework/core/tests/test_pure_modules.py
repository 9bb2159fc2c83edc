"""Pure logic stays pure: each module below imports no Django, directly or through
anything it imports. Each is imported in a fresh interpreter, so a Django import deep
in the chain is caught.

Add your module here when you write scoring, statistics, feedback rules or screening
(CONTRIBUTING.md, "One way for each thing", point 6). Every module of the
``bridgework.screening`` package is checked without being listed.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import bridgework.screening

PURE_MODULES = [
    "bridgework.assess.scoring",
    "bridgework.assess.psychometrics",
    "bridgework.assess.rci",
    "bridgework.ladder.mastery",
    "bridgework.circle.observations",
    "bridgework.circle.suggest",
    "bridgework.circle.circlemap",
    "bridgework.voice.feedback",
    "bridgework.core.content",
    "bridgework.core.encryption_keys",
]
SCREENING = sorted(
    f"bridgework.screening.{info.name}"
    for info in pkgutil.iter_modules(bridgework.screening.__path__)
    if info.name != "tests"
)
ROOT = Path(__file__).resolve().parents[3]

CHECK = (
    "import importlib, sys; importlib.import_module(sys.argv[1]); "
    "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
    "print(bad[0] if bad else '')"
)


@pytest.mark.parametrize("module", ["bridgework.screening", *SCREENING, *PURE_MODULES])
def test_it_imports_no_django(module: str) -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}  # no DJANGO_SETTINGS_MODULE
    result = subprocess.run(
        [sys.executable, "-c", CHECK, module], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()} (pure modules must not)"

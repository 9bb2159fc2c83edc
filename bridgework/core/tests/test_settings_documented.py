"""Every environment variable the settings read is documented at the top of settings.py."""

from __future__ import annotations

import re
from pathlib import Path

import bridgework.settings as settings_module

# Documented together as ``BRIDGEWORK_EMAIL_HOST`` (+ ``_PORT``, ``_USER``, …).
GROUPED = {"BRIDGEWORK_EMAIL_PORT", "BRIDGEWORK_EMAIL_USER", "BRIDGEWORK_EMAIL_PASSWORD", "BRIDGEWORK_EMAIL_USE_TLS"}


def test_every_environment_variable_is_documented() -> None:
    source = Path(settings_module.__file__ or "").read_text(encoding="utf-8")
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', source))
    documented = settings_module.__doc__ or ""
    missing = sorted(name for name in read - GROUPED if f"``{name}``" not in documented)
    assert len(read) > 10 and not missing, f"document these in bridgework/settings.py: {missing}"

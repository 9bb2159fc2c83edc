"""Loaded by pytest before Django settings (``-p bridgework.pytest_env`` in pyproject).

Points the data directory at a fresh temporary one so tests never touch real data.
"""

import os
import tempfile

os.environ.setdefault("BRIDGEWORK_DATA_DIR", tempfile.mkdtemp(prefix="bridgework-test-"))

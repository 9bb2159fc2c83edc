"""Loaded by pytest before Django settings (``-p bridgework.pytest_env`` in pyproject).

Points the data directory at a fresh temporary one so tests never touch real data.
"""

import os
import tempfile

os.environ.setdefault("BRIDGEWORK_DATA_DIR", tempfile.mkdtemp(prefix="bridgework-test-"))
# With DATABASE_URL set (the PostgreSQL run) the settings would share the cache through the
# database; tests keep the per-process memory cache so an autouse fixture can clear it
# without database access. Tests of the shared cache set it themselves.
os.environ.setdefault("BRIDGEWORK_SHARED_CACHE", "0")

"""Per-person cached HTML for pages that summarise a whole history (the home page's
panels, the ledger): rendered once, then served until the person changes something.

The key is the person, their data version (``accounts.models.data_changed``: bumped by
every write of theirs), today's date in their time zone (windows such as "the last 12
weeks" move at midnight) and a hash of their CSRF secret (the HTML holds forms). The
cache is per worker in memory on a laptop and shared in the database with a server
database (settings ``CACHES``); a stale entry can never match a newer version.

The HTML holds the person's own words (names, notes, step text), so it is stored
encrypted like every other free text at rest (``core.encryption``; ~0.1 ms for a page):
the database cache table never holds it in the clear.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from . import encryption
from .encryption_keys import DecryptionError

# A day at most: the key changes at midnight anyway.
TIMEOUT = 86_400


def person_key(request: HttpRequest) -> str:
    """The part of a fragment's key that says whose data, which version, which day, which
    CSRF secret. Call it before rendering: it makes sure the CSRF cookie is set."""
    get_token(request)
    secret = request.META.get("CSRF_COOKIE", "")
    profile = getattr(request.user, "profile", None)
    version = getattr(profile, "data_version", None)
    csrf = hashlib.sha256(secret.encode()).hexdigest()[:16]
    return f"{request.user.pk}:{version}:{timezone.localdate().isoformat()}:{csrf}"


def cached_for_person(request: HttpRequest, name: str, render: Callable[[], str]) -> SafeString:
    """``render()``'s HTML from the cache, or rendered now and cached (see the module)."""
    key = f"fragment:{name}:{person_key(request)}"
    sealed = cache.get(key)
    if sealed is not None:
        try:
            return mark_safe(encryption.decrypt(sealed))  # our own template, autoescaped
        except DecryptionError:
            pass  # sealed with a key that is gone (rotation): render it again
    html = render()
    cache.set(key, encryption.encrypt(html), TIMEOUT)
    return mark_safe(html)  # our own template, rendered with autoescaping

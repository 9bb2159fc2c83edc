"""Per-person cached HTML for pages that summarise a whole history (the home page's
panels, the ledger): rendered once, then served until the person changes something.

The key is the person, their data version (``accounts.models.data_changed``: bumped by
every write of theirs; or, for a page that shows one area, that area's version, bumped
only by writes to it) and today's date in their time zone (windows such as "the last 12
weeks" move at midnight). The cache is in memory with one process (a laptop), shared by
the processes of one machine in diskcache's files on SQLite, and in the database with a
server database (settings ``CACHES``); a stale entry can never match a newer version.

The HTML holds forms, but no CSRF token: while a fragment renders, ``{% csrf_token %}``
writes a placeholder (``csrf_placeholder``, a context processor that overrides Django's
own only then), and each request that serves the fragment puts its own token in its
place. So the person's phone, laptop and tabs (each with its own CSRF cookie) share one
cached copy, and every form still carries the token of the browser that shows it.

The HTML holds the person's own words (names, notes, step text), so it is stored
encrypted like every other free text at rest (``core.encryption``; ~0.1 ms for a page):
neither the database cache table nor the disk cache's files ever hold it in the clear.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Mapping, Sequence
from functools import cache as memoize
from functools import wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString, mark_safe

from . import encryption
from .encryption_keys import DecryptionError

# The area a write could have touched anything in (the API, an import, someone else's or
# a background task's change): every per-area key includes its version.
EVERYTHING = "*"

# A day at most: the key changes at midnight anyway.
TIMEOUT = 86_400


def person_key(request: HttpRequest, areas: Sequence[str] = ()) -> str:
    """The part of a fragment's key that says whose data, which version, which day.

    Without ``areas`` the version is the person's ``data_version`` (any change of theirs
    makes it stale; read with the user, no query). With ``areas`` (module names) it is
    those areas' versions and the "could be anything" one (read with the user too): a
    write elsewhere leaves the fragment valid."""
    profile = getattr(request.user, "profile", None)
    if areas and profile is not None:
        known = profile.area_versions
        version = ",".join(str(known.get(area, 0)) for area in (EVERYTHING, *areas))
    else:
        version = str(getattr(profile, "data_version", None))
    return f"{request.user.pk}:{version}:{timezone.localdate().isoformat()}"


@memoize
def _placeholder() -> str:
    """What ``{% csrf_token %}`` writes into a fragment being rendered for the cache: the
    same in every worker (they share the cache), unguessable (derived from the secret
    key), and plain hex (safe in any attribute or header)."""
    return salted_hmac(
        "bridgework.core.fragments.csrf", "placeholder", algorithm="sha256"
    ).hexdigest()[:40]


def _key_prefix() -> str:
    """Part of every key: a new secret key (a new placeholder) never meets old copies."""
    return _placeholder()[:8] + ":"


_RENDERING = "_bridgework_rendering_fragment"


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Context processor: while a fragment renders for the cache, ``csrf_token`` is the
    placeholder (this runs after Django's own csrf processor, so it wins); otherwise
    nothing."""
    return {"csrf_token": _placeholder()} if getattr(request, _RENDERING, False) else {}


def _render[T](request: HttpRequest, render: Callable[[], T]) -> T:
    # Re-entrant: a cached page renders cached fragments inside it.
    outer = getattr(request, _RENDERING, False)
    setattr(request, _RENDERING, True)
    try:
        return render()
    finally:
        setattr(request, _RENDERING, outer)


_TOKEN = "_bridgework_fragment_csrf_token"
_CSRF_INDEX = {char: position for position, char in enumerate(CSRF_ALLOWED_CHARS)}
# Bytes below this map evenly onto the alphabet (62 × 4 = 248): uniform, as secrets.choice.
_CSRF_BELOW = 256 - 256 % len(CSRF_ALLOWED_CHARS)


def _random_chars(count: int) -> str:
    chars: list[str] = []
    while len(chars) < count:
        chars += [
            CSRF_ALLOWED_CHARS[b % len(CSRF_ALLOWED_CHARS)]
            for b in secrets.token_bytes(count + 8)
            if b < _CSRF_BELOW
        ]
    return "".join(chars[:count])


def csrf_token(request: HttpRequest) -> str:
    """Django's ``get_token(request)``: the browser's CSRF secret under a fresh random
    mask, the cookie flagged to be sent again — with the mask drawn from one read of the
    system's random source instead of one per character (Django calls ``secrets.choice``
    32 times: ~0.1 ms, a tenth of a cached page here). Checked by Django's own
    middleware like any other token. A browser without a secret yet gets Django's
    ``get_token``, which creates it."""
    secret = request.META.get("CSRF_COOKIE")
    if (
        not isinstance(secret, str)
        or len(secret) != CSRF_SECRET_LENGTH
        or not all(c in _CSRF_INDEX for c in secret)
    ):
        return get_token(request)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # as get_token: renew the cookie's expiry
    mask = _random_chars(CSRF_SECRET_LENGTH)
    size = len(CSRF_ALLOWED_CHARS)
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(_CSRF_INDEX[s] + _CSRF_INDEX[m]) % size]
        for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


def _with_token(request: HttpRequest, html: str) -> str:
    """The cached ``html`` with this request's CSRF token in the placeholder's place (one
    token for every fragment of the response, as Django gives one to a whole template)."""
    placeholder = _placeholder()
    if placeholder not in html or getattr(request, _RENDERING, False):
        return html  # no form; or a fragment inside a page being rendered for the cache
    token = getattr(request, _TOKEN, None)
    if token is None:
        token = csrf_token(request)  # sets the CSRF cookie, as rendering the form would
        setattr(request, _TOKEN, token)
    return html.replace(placeholder, token)


def cached_for_person(
    request: HttpRequest, name: str, render: Callable[[], str], *, areas: Sequence[str] = ()
) -> SafeString:
    """``render()``'s HTML from the cache, or rendered now and cached (see the module).

    ``areas``: the modules whose data the fragment shows, when that is not everything
    (``person_key``). Name every module it reads: a module left out means a stale page."""
    html = cached_texts_for_person(request, {name: (areas, render)})[name]
    return mark_safe(html)  # our own template, rendered with autoescaping


def cached_texts_for_person(
    request: HttpRequest, parts: Mapping[str, tuple[Sequence[str], Callable[[], str]]]
) -> dict[str, str]:
    """Several texts at once: ``{name: (areas, produce)}`` → ``{name: text}``, each from
    the cache under its own key or produced now and cached.

    They are stored together, in one cache entry for the person and day holding each
    text under its own versioned key: one cache read, and at most one write for them all
    (the home page's panels, one a module). A text whose key is not in the entry (its
    areas changed) is produced again and the entry written back with only the current
    keys; the others are kept as they are. With the database cache each write is a few
    statements and a commit: one entry instead of one a panel took a fifth off the cost
    of a home page computed cold."""
    keys = {
        name: f"fragment:{name}:{_key_prefix()}{person_key(request, areas)}"
        for name, (areas, _) in parts.items()
    }
    entry = _entry_key(request, sorted(parts))
    found = cache.get(entry)
    stored: dict[str, str] = found if isinstance(found, dict) else {}
    texts: dict[str, str] = {}
    kept: dict[str, str] = {}
    fresh = False
    for name, key in keys.items():
        sealed = stored.get(key)
        if sealed is not None:
            try:
                texts[name] = encryption.decrypt(sealed)
                kept[key] = sealed
                continue
            except DecryptionError:
                pass  # sealed with a key that is gone (rotation): produce it again
        texts[name] = _render(request, parts[name][1])
        kept[key] = encryption.encrypt(texts[name])
        fresh = True
    if fresh:
        cache.set(entry, kept, TIMEOUT)
    return {name: _with_token(request, text) for name, text in texts.items()}


def _entry_key(request: HttpRequest, names: Sequence[str]) -> str:
    """The one cache entry of a set of texts: the person, the day and the texts' names
    (hashed: the home page has one a module), not their versions."""
    digest = salted_hmac(
        "bridgework.core.fragments.entry", "\n".join(names), algorithm="sha256"
    ).hexdigest()[:12]
    return (
        f"fragments:{digest}:{_key_prefix()}{request.user.pk}:"
        f"{timezone.localdate().isoformat()}"
    )


# --- Pages that show nobody's data --------------------------------------------------

_static_pages: dict[tuple[str, str, str, bool, str], str] = {}

# Whether a request has something ``base.html`` shows once and then forgets, besides
# messages: each app that adds such a thing adds its check here (safety: crisis help
# carried from a save).
SHOWN_ONCE: list[Callable[[HttpRequest], bool]] = []


def _shows_once(request: HttpRequest) -> bool:
    return bool(len(get_messages(request))) or any(check(request) for check in SHOWN_ONCE)


def static_page(
    request: HttpRequest,
    template_name: str,
    context: Callable[[], Mapping[str, Any]] | None = None,
    *,
    day: dt.date | None = None,
) -> HttpResponse:
    """``render(request, template_name, context())`` for a page that shows nobody's data
    (the privacy page; the empty new-entry form): rendered once per process for each path
    and for logged-in people or not — all ``base.html`` reads of the person — then served
    from memory with this request's CSRF token in the placeholder's place, as the cached
    fragments are. ``day``: the page shows a date (a form's "today", the person's local
    day), so it is rendered once per process for each day; copies more than two days old
    are dropped (people in other time zones may still be a day behind or ahead).

    A request with something ``base.html`` shows only once (messages, crisis help carried
    from a save) is rendered in full, which shows and uses it up exactly as before."""
    def rendered() -> str:
        return render_to_string(template_name, context() if context else None, request=request)

    if _shows_once(request):
        return HttpResponse(rendered())
    stamp = day.isoformat() if day else ""
    key = (template_name, get_script_prefix(), request.path, request.user.is_authenticated, stamp)
    html = _static_pages.get(key)
    if html is None:
        if day:
            oldest = (day - dt.timedelta(days=2)).isoformat()
            for gone in [k for k in _static_pages if k[-1] and k[-1] < oldest]:
                del _static_pages[gone]
        html = _static_pages[key] = _render(request, rendered)
    return HttpResponse(_with_token(request, html))


# --- Whole pages of a person's own data -----------------------------------------------

View = Callable[..., HttpResponse]


def cached_page(*, areas: Sequence[str] = ()) -> Callable[[View], View]:
    """Decorator: the person's GET of this page is served whole from the per-person cache
    (keyed as the fragments are: person, version of ``areas`` — every area when none is
    named — local day, and the path), with this request's CSRF token in the placeholder's
    place. The view runs (and its result is cached) when the cache misses; the fragments
    inside it keep their own keys, so a miss after a write elsewhere recomputes little.

    Not cached, the view runs as always: a request with a query string, anything but GET,
    a visitor, a request with messages or carried crisis help waiting (``base.html``
    shows them once), and a response that is not a plain 200 page or that touched the
    session or added a message. ``areas``: every module whose data the page shows. The
    profile (name, country, time zone, settings) is part of the key too: pages show it
    outside any module, and it is read with the person on every request anyway.
    Put it below ``login_required``: the decorators above it still run on every request.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if (
                request.method != "GET"
                or request.META.get("QUERY_STRING")
                or not request.user.is_authenticated
                or _shows_once(request)
            ):
                return view(request, *args, **kwargs)
            key = (
                f"page:{_key_prefix()}{_static_stamp()}:{request.path}:"
                f"{person_key(request, areas)}:{_profile_stamp(request)}"
            )
            sealed = cache.get(key)
            if sealed is not None:
                try:
                    return HttpResponse(_with_token(request, encryption.decrypt(sealed)))
                except DecryptionError:
                    pass  # sealed with a key that is gone (rotation): render it again
            session = getattr(request, "session", None)
            modified = getattr(session, "modified", False)
            response = _render(request, lambda: view(request, *args, **kwargs))
            if not isinstance(response, HttpResponse) or response.streaming:
                return response
            html = response.content.decode(response.charset)
            if (
                type(response) is HttpResponse
                and response.status_code == 200
                and set(response.headers) == {"Content-Type"}
                and getattr(session, "modified", False) == modified
                and not _shows_once(request)
            ):
                cache.set(key, encryption.encrypt(html), TIMEOUT)
            if _placeholder() in html:
                response.content = _with_token(request, html).encode(response.charset)
            return response

        return wrapper

    return decorator


@memoize
def _static_stamp_for(prefix: str, static_url: str) -> str:
    from .context_processors import _base_links

    links = sorted(_base_links(prefix, static_url).items())
    return salted_hmac(
        "bridgework.core.fragments.static", repr(links), algorithm="sha256"
    ).hexdigest()[:8]


def _static_stamp() -> str:
    """Part of a whole page's key: the URLs of base.html's links and static files (hashed
    names in production), so a deployment with new CSS or JavaScript never serves a page
    linking the old ones."""
    from django.conf import settings

    return _static_stamp_for(get_script_prefix(), settings.STATIC_URL)


_PROFILE_VERSIONS = {"id", "user_id", "data_version", "area_versions", "created_at"}


def _profile_stamp(request: HttpRequest) -> str:
    """A digest of the person's profile settings (never the values themselves: keys are
    stored in the clear in a shared cache)."""
    profile = getattr(request.user, "profile", None)
    if profile is None:
        return "-"
    values = [
        getattr(profile, f.attname)
        for f in profile._meta.concrete_fields
        if f.attname not in _PROFILE_VERSIONS
    ]
    return salted_hmac(
        "bridgework.core.fragments.profile", repr(values), algorithm="sha256"
    ).hexdigest()[:12]

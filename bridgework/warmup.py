"""Get a server process ready before its first request (``bridgework.wsgi``).

Crisis screening and pattern recognition read their models and word lists the first time
they run: ~0.2 s of CPU in each process (more on a busy machine), paid by whoever saves
first — in a fresh gunicorn worker, a person waiting on their journal entry. A server
process (``bridgework.wsgi``: gunicorn's workers, ``bridgework serve``) pays it while it
starts instead. Tests and management commands import neither and never pay it.

The same for what the first requests of a process paid before: the URLconf (importing
every view and the API's schemas, ~1.4 s of CPU on this machine), the modules' home
panels, and compiling the app's own templates (Django's cached loader keeps them for the
process; the first home or ladder page of a worker cost ~110 ms instead of ~20). With a
cache shared by the workers, a page cached by one worker is never rendered by the others
until the person writes, so each worker met these costs at its own first cold page, in
the middle of someone's request.

Then everything loaded so far (Django, the apps, the models: ~100,000 objects that live
as long as the process) is moved out of the garbage collector's sight (``gc.freeze()``,
as Instagram and others do for forked web workers). A full collection scanned them all
again, ~0.1 s of CPU at a time, in the middle of whichever request happened to trigger
it; now it scans only what requests created.

Pure: nothing is read from or written to the database, nothing is stored. A top-level
module, not part of an app: it reaches into the safety app and the screening package.
"""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path

# An ordinary sentence: it runs every reader of crisis screening and the pattern model.
SAMPLE = "I asked my sister for help with the move today and it went better than I feared."


def load_templates() -> int:
    """Compile every template of the app's own (``bridgework/**/templates``) into each
    template engine's cache; returns how many. Other packages' templates (the admin's,
    allauth's) load when first used, as before."""
    from django.template import engines

    package = Path(__file__).resolve().parent
    loaded = 0
    for engine in engines.all():
        for directory in map(Path, engine.template_dirs):
            if not directory.resolve().is_relative_to(package):
                continue
            for path in sorted(directory.rglob("*")):
                if path.is_file() and path.suffix in {".html", ".txt"}:
                    engine.get_template(path.relative_to(directory).as_posix())
                    loaded += 1
    return loaded


def load_code() -> None:
    """What a first request imported or built: the URLconf with every view, the tables
    ``reverse()`` builds for each namespace of URL names (reversing a name that does not
    exist builds them, then fails), the home page's panels, and the SQL of the queries
    the pages build once per process (compiled only: nothing is read)."""
    from django.db import DatabaseError
    from django.urls import NoReverseMatch, get_resolver, resolve, reverse

    from bridgework.core.modules import dashboard_modules
    from bridgework.core.rawrows import compile_prepared

    resolve("/")
    for namespace in get_resolver().namespace_dict:
        with contextlib.suppress(NoReverseMatch):
            reverse(f"{namespace}:bridgework-warm-up")
    dashboard_modules()
    # The pages' queries built once per process (core.rawrows). A server database that
    # cannot be reached yet must not stop the process from starting: each query is then
    # compiled at its first use, as before.
    with contextlib.suppress(DatabaseError):
        compile_prepared()


def warm_up() -> None:
    from bridgework.safety.services import screen_texts
    from bridgework.screening.patterns import recognise

    screen_texts(SAMPLE, SAMPLE)
    recognise(SAMPLE)
    load_code()
    load_templates()
    gc.collect()
    gc.freeze()

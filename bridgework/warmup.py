"""Get a server process ready before its first request (``bridgework.wsgi``).

Crisis screening and pattern recognition read their models and word lists the first time
they run: ~0.2 s of CPU in each process (more on a busy machine), paid by whoever saves
first — in a fresh gunicorn worker, a person waiting on their journal entry. A server
process (``bridgework.wsgi``: gunicorn's workers, ``bridgework serve``) pays it while it
starts instead. Tests and management commands import neither and never pay it.

Then everything loaded so far (Django, the apps, the models: ~100,000 objects that live
as long as the process) is moved out of the garbage collector's sight (``gc.freeze()``,
as Instagram and others do for forked web workers). A full collection scanned them all
again, ~0.1 s of CPU at a time, in the middle of whichever request happened to trigger
it; now it scans only what requests created.

Pure: nothing is read from or written to the database, nothing is stored. A top-level
module, not part of an app: it reaches into the safety app and the screening package.
"""

from __future__ import annotations

import gc

# An ordinary sentence: it runs every reader of crisis screening and the pattern model.
SAMPLE = "I asked my sister for help with the move today and it went better than I feared."


def warm_up() -> None:
    from bridgework.safety.services import screen_texts
    from bridgework.screening.patterns import recognise

    screen_texts(SAMPLE, SAMPLE)
    recognise(SAMPLE)
    gc.collect()
    gc.freeze()

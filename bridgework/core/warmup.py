"""Load what the first save of a server process would otherwise load (``bridgework.wsgi``).

Crisis screening and pattern recognition read their models and word lists the first time
they run: ~0.2 s of CPU in each process (more on a busy machine), paid by whoever saves
first — in a fresh gunicorn worker, a person waiting on their journal entry. A server
process (``bridgework.wsgi``: gunicorn's workers, ``bridgework serve``) pays it while it
starts instead. Tests and management commands import neither and never pay it.

Pure: nothing is read from or written to the database, nothing is stored.
"""

from __future__ import annotations

# An ordinary sentence: it runs every reader of crisis screening and the pattern model.
SAMPLE = "I asked my sister for help with the move today and it went better than I feared."


def warm_up() -> None:
    from bridgework.safety.services import screen_texts
    from bridgework.screening.patterns import recognise

    screen_texts(SAMPLE, SAMPLE)
    recognise(SAMPLE)

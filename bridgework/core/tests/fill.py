"""A user with some of everything, made through each app's own write paths."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone


def fill_user(user: Any) -> None:
    from bridgework.assess.instruments import get_instrument
    from bridgework.assess.services import sitting_save, sitting_start
    from bridgework.circle.services import exchange_create, observation_dismiss, person_create
    from bridgework.journal.services import entry_create
    from bridgework.ladder.services import attempt_log, step_create, step_override_set
    from bridgework.learn.services import lesson_complete, topic_toggle
    from bridgework.safety.services import safety_plan_save

    lesson_complete(user=user, slug="roots")
    topic_toggle(user=user, topic_id="help_aversion", marked=True)
    instrument = get_instrument("phq9")
    assert instrument is not None
    sitting = sitting_start(user=user, instrument=instrument)
    sitting_save(
        sitting=sitting,
        instrument=instrument,
        responses={item.id: 1 for item in instrument.items},
        submit=True,
    )
    sam, _ = person_create(
        user=user,
        name="Sam",
        ring="close",
        comfort=80,
        helps_with=["listening", "practical"],
        note="Old friend",
    )
    kim, _ = person_create(user=user, name="Kim", ring="middle", comfort=40)
    today = timezone.localdate()
    exchange_create(
        user=user,
        person=sam,
        direction="received",
        kind="practical",
        occurred_on=today - dt.timedelta(days=3),
        discomfort=60,
        note="Moved my sofa",
    )
    exchange_create(user=user, person=None, direction="gave", kind="company", occurred_on=today)
    observation_dismiss(user=user, key="no-receiving")
    # A dismissal that names a person by id: the import must point it at the new person.
    observation_dismiss(user=user, key=f"drifting:{sam.pk}")
    ask, _ = step_create(
        user=user,
        what="Ask Sam for a lift",
        kind="ask",
        expected_discomfort=50,
        feared_likelihood=60,
        person=sam,
        feared_outcome="Sam sighs",
    )
    share, _ = step_create(
        user=user,
        what="Tell Kim I'm tired",
        kind="share",
        expected_discomfort=30,
        feared_likelihood=20,
        who="Kim",
    )
    attempt_log(
        step=ask,
        happened_on=today - dt.timedelta(days=2),
        discomfort_before=60,
        discomfort_peak=70,
        discomfort_after=20,
        feared_happened="no",
        response="better",
        what_happened="Sam said yes",
        learned="People like helping",
    )
    attempt_log(
        step=share,
        happened_on=today,
        discomfort_before=30,
        discomfort_peak=25,
        discomfort_after=10,
        feared_happened="partly",
        response="same",
    )
    step_override_set(step=share, choice="mastered")
    entry_create(user=user, body="A quiet day.", date=today - dt.timedelta(days=1), mood="calm")
    entry_create(user=user, body="I asked for help.", date=today, prompt_id="")
    safety_plan_save(
        user=user,
        warning_signs="Not sleeping",
        reasons="My cat",
        contact_name="Sam",
        contact_phone="+44 7000 000000",
        circle_helpers=[sam, kim],
    )
    # A screening event, as writing crisis language would have left.
    from bridgework.safety.models import ScreeningEvent

    ScreeningEvent.objects.create(user=user, level="concern", source="journal.entry")


def without_ids(value: Any) -> Any:
    """The export with ids and the export's own time stamp left out, for comparing.

    A dismissed observation that names a person by id (``drifting:<id>``) names them by
    their name instead, so a dismissal restored onto the wrong person (or left on the old
    id) shows up as a difference.
    """
    if isinstance(value, dict) and isinstance(value.get("data"), dict):
        value = _dismissals_by_name(value)
    if isinstance(value, dict):
        return {
            key: without_ids(item)
            for key, item in value.items()
            if key not in {"id", "person_id", "exported_at"}
        }
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def _dismissals_by_name(payload: dict[str, Any]) -> dict[str, Any]:
    circle = payload["data"].get("circle")
    if not isinstance(circle, dict):
        return payload
    names = {person["id"]: person["name"] for person in circle.get("people", [])}

    def named(key: str) -> str:
        kind, _, old = key.partition(":")
        if kind == "drifting" and old.isdigit():
            return f"drifting:{names.get(int(old), '<no such person>')}"
        return key

    dismissed = [
        {**row, "key": named(row["key"])} for row in circle.get("dismissed_observations", [])
    ]
    return {**payload, "data": {**payload["data"], "circle": {**circle, "dismissed_observations": dismissed}}}

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from bridgework import MODULES
from bridgework.core.importing import ImportProblem
from bridgework.core.modules import has_user_data, import_all, module_hook

from .fill import fill_user, without_ids

pytestmark = pytest.mark.django_db


def exported(user: Any) -> dict[str, Any]:
    from bridgework.core.modules import export_all

    loaded: dict[str, Any] = json.loads(json.dumps(export_all(user), cls=DjangoJSONEncoder))
    return loaded


def test_it_recreates_every_app_from_its_export(user: Any, other_user: Any) -> None:
    fill_user(user)
    before = exported(user)
    assert not has_user_data(other_user)

    created = import_all(other_user, before)

    after = exported(other_user)
    before["data"]["accounts"].pop("email"), after["data"]["accounts"].pop("email")
    before["data"]["accounts"].pop("date_joined"), after["data"]["accounts"].pop("date_joined")
    assert without_ids(after) == without_ids(before)
    assert created > 10
    assert has_user_data(other_user)


def test_it_maps_circle_people_to_their_new_ids(user: Any, other_user: Any) -> None:
    from bridgework.circle.models import Person
    from bridgework.ladder.models import Step
    from bridgework.safety.models import SafetyPlan

    fill_user(user)
    import_all(other_user, exported(user))

    sam = Person.objects.get(user=other_user, ring="close")
    assert Step.objects.get(user=other_user, person__isnull=False).person == sam
    plan = SafetyPlan.objects.get(user=other_user)
    assert {p.name for p in plan.circle_helpers.all()} == {"Sam", "Kim"}
    assert not Person.objects.filter(user=user, safety_plans__user=other_user).exists()


def test_it_does_not_screen_the_imported_text(user: Any, other_user: Any) -> None:
    from bridgework.journal.services import entry_create
    from bridgework.safety.models import ScreeningEvent

    entry_create(user=user, body="I want to kill myself", date=user.date_joined.date())
    assert ScreeningEvent.objects.filter(user=user).count() == 1

    import_all(other_user, exported(user))

    # The one recorded event is restored as history; the text raises no new one.
    assert ScreeningEvent.objects.filter(user=other_user).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.update(format="other/2"), "format: expected"),
        (lambda p: p["data"].update(weather={}), "data.weather: unknown app"),
        (
            lambda p: p["data"]["ladder"]["steps"][1].update(expected_discomfort=101),
            "data.ladder.steps[1].expected_discomfort: must be 0–100",
        ),
        (
            lambda p: p["data"]["circle"]["people"][0].update(comfort="lots"),
            "data.circle.people[0].comfort: Input should be a valid integer",
        ),
        (
            lambda p: p["data"]["ladder"]["steps"][0].update(person_id=999999),
            "data.ladder.steps[0].person_id: refers to circle.person 999999",
        ),
        (
            lambda p: p["data"]["journal"]["entries"][0].update(mood="elated"),
            "data.journal.entries[0].mood: Value 'elated' is not a valid choice.",
        ),
        (
            lambda p: p["data"]["ladder"]["steps"][0]["attempts"][0].update(surprise=1),
            "data.ladder.steps[0].attempts[0].surprise: unknown field",
        ),
        (
            lambda p: p["data"]["accounts"].update(timezone="Mars/Olympus"),
            "data.accounts.timezone: Choose a time zone from the list.",
        ),
    ],
)
def test_it_names_the_bad_value(user: Any, other_user: Any, change: Any, message: str) -> None:
    fill_user(user)
    payload = exported(user)
    change(payload)
    with pytest.raises(ImportProblem) as caught:
        import_all(other_user, payload)
    assert str(caught.value).startswith(message)


def test_a_dismissed_drifting_observation_follows_its_person(user: Any, other_user: Any) -> None:
    from bridgework.circle.models import DismissedObservation, Person

    fill_user(user)
    import_all(other_user, exported(user))
    sam = next(p for p in Person.objects.filter(user=other_user) if p.name == "Sam")  # names are encrypted
    keys = set(DismissedObservation.objects.filter(user=other_user).values_list("key", flat=True))
    assert keys == {"no-receiving", f"drifting:{sam.pk}"}


def test_a_dismissal_about_someone_no_longer_in_the_file_is_dropped(user: Any, other_user: Any) -> None:
    from bridgework.circle.models import DismissedObservation

    fill_user(user)
    payload = exported(user)
    payload["data"]["circle"]["dismissed_observations"].append(
        {"key": "drifting:999999", "dismissed_at": "2026-01-01T00:00:00+00:00"}
    )
    import_all(other_user, payload)
    assert not DismissedObservation.objects.filter(user=other_user, key="drifting:999999").exists()


@pytest.mark.parametrize("name", ["accounts", *MODULES])
def test_an_app_that_exports_also_imports_beside_it(name: str) -> None:
    # export.py and importer.py side by side in every app, or neither.
    exports, imports = module_hook(name, "export"), module_hook(name, "importer")
    assert (exports is None) == (imports is None), f"{name} has only one of export.py, importer.py"

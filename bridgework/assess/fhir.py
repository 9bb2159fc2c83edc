"""FHIR R4 export: instruments as ``Questionnaire``; sittings as a ``Bundle`` (type
collection) of ``QuestionnaireResponse`` plus an ``Observation`` per total score, with its
LOINC code where one exists (PHQ-9 total 44261-6, GAD-7 total 70274-6).

Plain dictionaries in FHIR JSON form. The tests validate them with ``fhir.resources``
(its R4B models: R4B changed neither resource). No Django import apart from settings-free
datetime handling, so it can be used from the command line too.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .instruments import Instrument

SYSTEM_BASE = "urn:bridgework:assess"


def questionnaire_url(instrument: Instrument) -> str:
    return f"{SYSTEM_BASE}:questionnaire:{instrument.id}"


def _coding(instrument: Instrument, value: int) -> dict[str, str]:
    label = next(option.label for option in instrument.options if option.value == value)
    return {
        "system": f"{SYSTEM_BASE}:answers:{instrument.id}",
        "code": str(value),
        "display": label,
    }


def questionnaire(instrument: Instrument) -> dict[str, Any]:
    return {
        "resourceType": "Questionnaire",
        "id": instrument.id.replace("_", "-"),  # FHIR ids allow no underscore
        "url": questionnaire_url(instrument),
        "version": instrument.version,
        "name": instrument.id.upper(),
        "title": instrument.title,
        "status": "active" if instrument.validated else "draft",
        "subjectType": ["Patient"],
        "description": instrument.about,
        "copyright": f"{instrument.citation} {instrument.licence}",
        "item": [
            {
                "linkId": "instructions",
                "type": "display",
                "text": instrument.instructions,
            },
            *(
                {
                    "linkId": item.id,
                    "prefix": f"{number}.",
                    "text": item.text,
                    "type": "choice",
                    "required": item.required,
                    "answerOption": [
                        {"valueCoding": _coding(instrument, option.value)}
                        for option in instrument.options
                    ],
                }
                for number, item in enumerate(instrument.items, start=1)
            ),
        ],
    }


def questionnaire_response(
    instrument: Instrument,
    *,
    response_id: str,
    answers: Mapping[str, int | None],
    authored: datetime,
    completed: bool,
) -> dict[str, Any]:
    items = []
    for item in instrument.items:
        value = answers.get(item.id)
        entry: dict[str, Any] = {"linkId": item.id, "text": item.text}
        if value is not None:
            entry["answer"] = [{"valueCoding": _coding(instrument, value)}]
        items.append(entry)
    return {
        "resourceType": "QuestionnaireResponse",
        "id": response_id,
        "questionnaire": f"{questionnaire_url(instrument)}|{instrument.version}",
        "status": "completed" if completed else "in-progress",
        "authored": authored.isoformat(),
        "item": items,
    }


# LOINC codes for the total scores that have one. Instruments without one (the
# Bridgework inventory; PSS-10, whose panel code covers the items) use the app's own code.
LOINC_TOTALS: dict[str, tuple[str, str]] = {
    "phq9": ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
    "gad7": ("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"),
}
LOINC = "http://loinc.org"


def _urn(kind: str, response_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{SYSTEM_BASE}:{kind}:{response_id}')}"


def total_observation(
    instrument: Instrument,
    *,
    response_id: str,
    total: float,
    effective: datetime,
    response_url: str,
) -> dict[str, Any]:
    """The total score as an Observation, derived from its QuestionnaireResponse."""
    coding = [{"system": f"{SYSTEM_BASE}:score", "code": f"{instrument.id}-total",
               "display": f"{instrument.short_title} total score"}]
    if instrument.id in LOINC_TOTALS:
        code, display = LOINC_TOTALS[instrument.id]
        coding.insert(0, {"system": LOINC, "code": code, "display": display})
    return {
        "resourceType": "Observation",
        "id": f"{response_id}-total",
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                        "display": "Survey",
                    }
                ]
            }
        ],
        "code": {"coding": coding, "text": f"{instrument.short_title} total score"},
        "effectiveDateTime": effective.isoformat(),
        "valueQuantity": {
            "value": total,
            "unit": "{score}",
            "system": "http://unitsofmeasure.org",
            "code": "{score}",
        },
        "derivedFrom": [{"reference": response_url}],
    }


@dataclass(frozen=True)
class Sitting:
    """What the bundle needs of one sitting (kept free of the ORM)."""

    instrument: Instrument
    response_id: str
    answers: Mapping[str, int | None]
    authored: datetime
    completed: bool
    total: float | None


def bundle(sittings: list[Sitting], *, timestamp: datetime) -> dict[str, Any]:
    """A ``collection`` Bundle: each QuestionnaireResponse, then its total as an Observation."""
    entries: list[dict[str, Any]] = []
    for sitting in sittings:
        response_url = _urn("response", sitting.response_id)
        entries.append(
            {
                "fullUrl": response_url,
                "resource": questionnaire_response(
                    sitting.instrument,
                    response_id=sitting.response_id,
                    answers=sitting.answers,
                    authored=sitting.authored,
                    completed=sitting.completed,
                ),
            }
        )
        if sitting.completed and sitting.total is not None:
            entries.append(
                {
                    "fullUrl": _urn("total", sitting.response_id),
                    "resource": total_observation(
                        sitting.instrument,
                        response_id=sitting.response_id,
                        total=sitting.total,
                        effective=sitting.authored,
                        response_url=response_url,
                    ),
                }
            )
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timestamp.isoformat(),
        "entry": entries,
    }

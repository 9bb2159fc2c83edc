"""FHIR R4 export: instruments as ``Questionnaire``, administrations as ``QuestionnaireResponse``.

Plain dictionaries in FHIR JSON form. The tests validate them with ``fhir.resources``
(its R4B models: R4B changed neither resource). No Django import apart from settings-free
datetime handling, so it can be used from the command line too.
"""

from __future__ import annotations

from collections.abc import Mapping
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

"""FHIR export validates against the fhir.resources models (R4B: same resources as R4)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from bridgework.assess import fhir
from bridgework.assess.instruments import all_instruments


@pytest.mark.parametrize("instrument_id", sorted(all_instruments()))
def test_every_instrument_is_a_valid_questionnaire(instrument_id: str) -> None:
    instrument = all_instruments()[instrument_id]
    resource = Questionnaire.model_validate(fhir.questionnaire(instrument))
    choice_items = [item for item in resource.item or [] if item.type == "choice"]
    assert [item.linkId for item in choice_items] == [item.id for item in instrument.items]


def test_a_partial_response_is_a_valid_in_progress_questionnaire_response() -> None:
    instrument = all_instruments()["phq9"]
    data = fhir.questionnaire_response(
        instrument,
        response_id="bridgework-1",
        answers={"phq9_1": 2, "phq9_2": None},
        authored=datetime(2025, 1, 2, 3, 4, tzinfo=UTC),
        completed=False,
    )
    resource = QuestionnaireResponse.model_validate(data)
    assert resource.status == "in-progress"
    first = (resource.item or [])[0]
    assert first.answer
    coding = first.answer[0].valueCoding
    assert coding is not None and coding.code == "2"


@pytest.mark.django_db
def test_download_of_a_submitted_sitting_validates(client: Any) -> None:
    client.post(reverse("assess:start", args=["gad7"]))
    from bridgework.assess.models import Sitting

    sitting = Sitting.objects.get()
    data = {"action": "submit"} | {f"gad7_{n}": "1" for n in range(1, 8)}
    client.post(reverse("assess:take", args=[sitting.pk]), data)
    response = client.get(reverse("assess:sitting_fhir", args=[sitting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    bundle = Bundle.model_validate(json.loads(response.content))
    assert bundle.type == "collection"
    resources = [entry.resource for entry in bundle.entry or []]
    assert [type(r).__name__ for r in resources] == ["QuestionnaireResponse", "Observation"]
    answer, total = resources
    assert isinstance(answer, QuestionnaireResponse) and isinstance(total, Observation)
    assert answer.status == "completed" and len(answer.item or []) == 7
    coding = total.code.coding or []
    assert coding[0].system == "http://loinc.org" and coding[0].code == "70274-6"
    assert total.valueQuantity is not None and total.valueQuantity.value == 7
    assert total.derivedFrom and total.derivedFrom[0].reference == bundle.entry[0].fullUrl  # type: ignore[index]


@pytest.mark.django_db
def test_questionnaire_endpoint_validates_and_rejects_post(client: Any) -> None:
    url = reverse("assess:questionnaire_fhir", args=["pss10"])
    response = client.get(url)
    Questionnaire.model_validate(json.loads(response.content))
    assert client.post(url).status_code == 405
    assert client.get(reverse("assess:questionnaire_fhir", args=["nope"])).status_code == 404


@pytest.mark.django_db
def test_fhir_response_rejects_post(client: Any) -> None:
    client.post(reverse("assess:start", args=["gad7"]))
    from bridgework.assess.models import Sitting

    sitting = Sitting.objects.get()
    assert client.post(reverse("assess:sitting_fhir", args=[sitting.pk])).status_code == 405


def _sitting(instrument_id: str, total: float | None, *, completed: bool = True) -> fhir.Sitting:
    instrument = all_instruments()[instrument_id]
    return fhir.Sitting(
        instrument=instrument,
        response_id=f"bridgework-{instrument_id}",
        answers={item.id: 1 for item in instrument.items},
        authored=datetime(2025, 1, 2, 3, 4, tzinfo=UTC),
        completed=completed,
        total=total,
    )


def test_the_bundle_holds_each_response_and_an_observation_per_total_with_loinc() -> None:
    data = fhir.bundle(
        [_sitting("phq9", 9), _sitting("gad7", 7), _sitting("pss10", 10), _sitting("bii", None, completed=False)],
        timestamp=datetime(2025, 1, 3, tzinfo=UTC),
    )
    bundle = Bundle.model_validate(data)
    kinds = [type(entry.resource).__name__ for entry in bundle.entry or []]
    assert kinds == ["QuestionnaireResponse", "Observation"] * 3 + ["QuestionnaireResponse"]
    observations = [e.resource for e in bundle.entry or [] if isinstance(e.resource, Observation)]
    codes = [[(c.system, c.code) for c in o.code.coding or []] for o in observations]
    assert ("http://loinc.org", "44261-6") in codes[0]
    assert ("http://loinc.org", "70274-6") in codes[1]
    assert all(system != "http://loinc.org" for system, _ in codes[2])  # PSS-10: own code only
    assert len({entry.fullUrl for entry in bundle.entry or []}) == 7

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .helpers import logged_in, make_clinician


@pytest.fixture
def clinician(db: None) -> Any:
    return make_clinician("carol@clinic.example")


@pytest.fixture
def clinician_client(clinician: Any) -> Client:
    return logged_in(clinician)


@pytest.fixture
def other_clinician(db: None) -> Any:
    return make_clinician("dave@clinic.example", name="Dr Dave Other")


@pytest.fixture
def clinician_without_2fa(db: None) -> Any:
    return make_clinician("erin@clinic.example", totp=False, name="Erin Noauth")

"""Every API operation, fed inputs generated from its own OpenAPI schema (schemathesis),
as a logged-in user with some data: never a server error, every status code declared,
every response body matching the schema it declares.

Bounded so the suite stays fast: ``MAX_EXAMPLES`` cases per operation (set
``BRIDGEWORK_API_FUZZ_EXAMPLES`` for a longer run). A new router is picked up
automatically.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import Client
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from bridgework.api.api import api

MAX_EXAMPLES = int(os.environ.get("BRIDGEWORK_API_FUZZ_EXAMPLES", "8"))
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))
SCHEMA.app = get_wsgi_application()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]  # type: ignore[union-attr]  # an invalid schema raises here


@pytest.fixture
def session(user: Any) -> dict[str, Any]:
    """The logged-in user's session and CSRF token, as a browser would send them."""
    from bridgework.core.tests.fill import fill_user

    fill_user(user)  # so that generated ids sometimes hit the user's own objects
    client = Client()
    client.force_login(user)
    client.get("/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    return {
        "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": token},
        "headers": {"X-CSRFToken": token},
    }


@pytest.mark.django_db
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_the_operation_keeps_to_its_schema(operation: Any, session: dict[str, Any]) -> None:
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        response = case.call(headers=session["headers"], cookies=session["cookies"])
        case.validate_response(response, checks=CHECKS)

    run()

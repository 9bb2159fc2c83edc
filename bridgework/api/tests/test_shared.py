"""The shared API pieces: the one error body, bind() and the screening envelope."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from ninja import Schema

from bridgework.api.errors import ApiValidationError, _field
from bridgework.api.forms import bind
from bridgework.api.schemas import ScreeningOut
from bridgework.screening.crisis import Screening


class _Form(forms.Form):
    name = forms.CharField(max_length=5)
    count = forms.IntegerField(min_value=0, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("name") == "both":
            raise forms.ValidationError("Not both.")
        return data


class _In(Schema):
    name: str | None = None
    count: int | None = None


def test_bind_returns_a_valid_form() -> None:
    form = bind(_Form, _In(name="abc", count=2))
    assert form.cleaned_data == {"name": "abc", "count": 2}


def test_bind_raises_field_and_non_field_errors() -> None:
    with pytest.raises(ApiValidationError) as caught:
        bind(_Form, {"name": "toolong", "count": -1})
    assert set(caught.value.errors) == {"name", "count"}
    with pytest.raises(ApiValidationError) as caught:
        bind(_Form, {"name": "both"})
    assert caught.value.errors == {"__all__": ["Not both."]}


def test_partial_bind_keeps_what_the_payload_leaves_out() -> None:
    form = bind(_Form, _In(count=3), partial=True, initial={"name": "kept", "count": 1})
    assert form.cleaned_data == {"name": "kept", "count": 3}


@pytest.mark.parametrize(
    ("loc", "field"),
    [
        (("body", "payload", "name"), "name"),
        (("body", "payload", "helps_with", 0), "helps_with"),
        (("body", "payload"), "__all__"),
        (("query", "limit"), "limit"),
        (("path", "step_id"), "step_id"),
    ],
)
def test_ninja_error_locations_become_field_names(loc: tuple[Any, ...], field: str) -> None:
    assert _field(loc) == field


def test_screening_envelope_has_help_only_for_a_crisis() -> None:
    calm = ScreeningOut.of(Screening(level="none"))
    assert calm.model_dump() == {
        "level": "none", "crisis": False, "in_progress": False, "about": "self", "help_url": None
    }
    crisis = ScreeningOut.of(Screening(level="urgent"))
    assert crisis.crisis and crisis.help_url == "/safety/help/"


def test_every_router_has_its_tests_here() -> None:
    from pathlib import Path

    from bridgework import MODULES
    from bridgework.core.modules import module_hook

    here = Path(__file__).parent
    routers = [name for name in MODULES if module_hook(name, "api") is not None]
    assert routers, "no routers found"
    missing = [name for name in routers if not (here / f"test_{name}.py").exists()]
    assert not missing, f"add bridgework/api/tests/test_<app>.py for: {', '.join(missing)}"

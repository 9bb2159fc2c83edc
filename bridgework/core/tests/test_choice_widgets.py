"""The choice widgets written in Python (core/widgets.py) give exactly Django's HTML."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms

from bridgework.core import widgets

CHOICES = [("calm", "Calm"), ("low", "Low <&amp; \"quoted\">"), ("", "None"), (3, "Three")]
GROUPED = [("Feelings", [("a", "A"), ("b", "B")]), ("c", "C")]


def _pairs() -> list[tuple[type[forms.Widget], type[forms.Widget]]]:
    return [
        (widgets.RadioSelect, forms.RadioSelect),
        (widgets.ChipRadioSelect, forms.RadioSelect),
        (widgets.CheckboxSelectMultiple, forms.CheckboxSelectMultiple),
        (widgets.ChipCheckboxSelectMultiple, forms.CheckboxSelectMultiple),
    ]


@pytest.mark.parametrize(("fast", "django"), _pairs())
@pytest.mark.parametrize("choices", [CHOICES, GROUPED, []])
@pytest.mark.parametrize("value", [None, "calm", ["low", "calm"], 3, "a", ""])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"id": "id_mood"},
        {"id": "id_mood", "required": True, "aria-describedby": "id_mood_helptext", "aria-invalid": "true"},
        {"class": "chips", "disabled": False, "data-x": 'a"b'},
    ],
)
def test_it_writes_what_djangos_templates_write(
    fast: Any, django: Any, choices: Any, value: Any, attrs: Any
) -> None:
    assert fast(choices=choices).render("mood", value, attrs) == django(choices=choices).render(
        "mood", value, attrs
    )


def test_a_bound_field_renders_alike_and_keeps_its_widget_type() -> None:
    class Fast(forms.Form):
        mood = forms.ChoiceField(choices=CHOICES, widget=widgets.ChipRadioSelect, help_text="Optional.")
        kind = forms.MultipleChoiceField(choices=CHOICES, widget=widgets.CheckboxSelectMultiple)

    class Slow(forms.Form):
        mood = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, help_text="Optional.")
        kind = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)

    data = {"mood": "nope", "kind": ["low"]}
    fast, slow = Fast(data), Slow(data)
    assert not fast.is_valid() and not slow.is_valid()
    assert str(fast["mood"]) == str(slow["mood"])
    assert str(fast["kind"]) == str(slow["kind"])
    assert fast["mood"].widget_type == "chipradioselect"
    assert fast["kind"].widget_type == "checkboxselectmultiple"

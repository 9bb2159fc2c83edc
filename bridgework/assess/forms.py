from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from .instruments import Instrument
from .scoring import response_errors

SKIP = "skip"


@dataclass(frozen=True)
class RadioOption:
    value: str
    label: str
    id: str
    checked: bool


@dataclass(frozen=True)
class RadioGroup:
    """One question as the take page draws it: the bound field and its options."""

    field: forms.BoundField
    options: list[RadioOption]

    @property
    def chosen(self) -> str:
        return next((option.value for option in self.options if option.checked), "")


class AnswersForm(forms.Form):
    """One radio group per item. Every field is optional at the form level: pausing may
    leave gaps, and required answers are checked only on submit (``submitting``), so a
    rejected submission still keeps every other answer."""

    def __init__(
        self, *args: Any, instrument: Instrument, submitting: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.submitting = submitting
        options = [(str(option.value), option.label) for option in instrument.options]
        for number, item in enumerate(instrument.items, start=1):
            choices = options if item.required else [*options, (SKIP, "I’d rather skip this")]
            self.fields[item.id] = forms.ChoiceField(
                label=f"{number}. {item.text}",
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": "That answer is not one of the options offered — "
                    "please choose one of them."
                },
            )
            self.fields[item.id].required_item = item.required  # type: ignore[attr-defined]

    def radio_groups(self) -> list[RadioGroup]:
        """Each question with its options and which one is chosen (bound or initial value).

        The take page draws the radio inputs itself: Django's RadioSelect renders one
        template per option, which for ~30 questions was most of the page's time."""
        groups = []
        for bound in self:
            value = bound.value()
            chosen = "" if value is None else str(value)
            choices: Any = bound.field.choices  # type: ignore[attr-defined]
            options = [
                RadioOption(str(v), str(label), f"{bound.auto_id}_{i}", str(v) == chosen)
                for i, (v, label) in enumerate(choices)
            ]
            groups.append(RadioGroup(bound, options))
        return groups

    def radio_values(self) -> dict[str, str]:
        """Item id → the chosen value as the page shows it ("" when none)."""
        return {group.field.name: group.chosen for group in self.radio_groups()}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.submitting:
            answers = self.responses(cleaned)
            for item_id, message in response_errors(self.instrument, answers).items():
                if item_id in self.fields and item_id not in self.errors:
                    self.add_error(item_id, message)
        return cleaned

    def responses(self, cleaned: dict[str, Any] | None = None) -> dict[str, int | None]:
        """Item id → value for the answers given; skipped items map to None and
        untouched items are left out (so a pause does not wipe earlier answers)."""
        data = self.cleaned_data if cleaned is None else cleaned
        result: dict[str, int | None] = {}
        for item in self.instrument.items:
            raw = data.get(item.id)
            if raw == SKIP:
                result[item.id] = None
            elif raw not in (None, ""):
                result[item.id] = int(raw)
        return result

    def valid_responses(self) -> dict[str, int | None]:
        """The answers that passed field validation, to keep on a rejected submit."""
        return {k: v for k, v in self.responses().items() if k not in self.errors}


def initial_from(answers: dict[str, int | None]) -> dict[str, str]:
    return {item_id: (SKIP if value is None else str(value)) for item_id, value in answers.items()}


@dataclass(frozen=True)
class Part:
    """One page of a long questionnaire: a section's questions, numbered as in the whole."""

    index: int
    title: str
    item_ids: tuple[str, ...]
    first_number: int

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.item_ids) - 1


# Questionnaires longer than this are split into their sections, one page each.
ONE_PAGE_MAX = 12


def parts_of(instrument: Instrument) -> list[Part]:
    """The pages to show: the sections (subscales) when they cover the items in order,
    otherwise pages of at most ``ONE_PAGE_MAX``; a short questionnaire is one page."""
    ids = [item.id for item in instrument.items]
    if len(ids) <= ONE_PAGE_MAX:
        return [Part(0, "", tuple(ids), 1)]
    in_order = [item_id for subscale in instrument.subscales for item_id in subscale.items]
    if in_order == ids:
        chunks = [(s.title, s.items) for s in instrument.subscales]
    else:
        chunks = [("", ids[i : i + ONE_PAGE_MAX]) for i in range(0, len(ids), ONE_PAGE_MAX)]
    parts, number = [], 1
    for index, (title, item_ids) in enumerate(chunks):
        parts.append(Part(index, title, tuple(item_ids), number))
        number += len(item_ids)
    return parts

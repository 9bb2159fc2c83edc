"""Widgets that render long option lists without one template render per option."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe


class FastSelect(forms.Select):
    """A ``<select>`` rendered in Python: the ~600 time zones cost ~1 ms instead of ~25.

    Same output shape as Django's Select: the id, ``required``, ``aria-describedby`` and
    ``aria-invalid`` attributes the bound field passes in; no optgroups.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        selected = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(str(option_value))}"'
            f'{" selected" if str(option_value) in selected else ""}>{escape(str(label))}</option>'
            for option_value, label in self.choices
        )
        # Every interpolated value above and in flatatt() is escaped.
        return mark_safe(f'<select name="{escape(name)}"{flatatt(final_attrs)}>{options}</select>')  # noqa: S308


class Slider(forms.NumberInput):
    """A 0–10 or 0–100 rating: a number box that JavaScript turns into a slider with the
    number always visible beside it (``core/bridgework.js``). Without JavaScript the number
    box is the control, so the form still works and still shows the number."""

    def __init__(self, *, minimum: int = 0, maximum: int = 100, step: int = 1) -> None:
        super().__init__(
            attrs={
                "min": minimum,
                "max": maximum,
                "step": step,
                "inputmode": "numeric",
                "data-slider": "",
                "class": "slider-number",
            }
        )


class ChipRadioSelect(forms.RadioSelect):
    """Radio buttons drawn as a wrapping row of big tappable chips (moods, prompts).
    ``core/_field.html`` recognises it by its widget_type, ``chipradioselect``."""


class ChipCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes drawn as chips; widget_type ``chipcheckboxselectmultiple``."""


class GroupedSelect(forms.Select):
    """A ``<select>`` with ``<optgroup>``s, rendered in Python, whose options come from
    ``groups(current_value)`` rather than the field's choices: the field can accept more
    values (all time zones) than the list offers (the common ones, plus the current one).
    ``data-search`` adds a search box above it (``bridgework.js``); without JavaScript it is
    a plain select."""

    def __init__(
        self,
        groups: Callable[[str], Sequence[tuple[str, Sequence[tuple[str, str]]]]],
        *,
        search: bool = True,
    ) -> None:
        super().__init__(attrs={"data-tz-search": ""} if search else None)
        self.groups = groups

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        values = [str(v) for v in self.format_value(value)]
        current = values[0] if values else ""
        parts = []
        for group, options in self.groups(current):
            parts.append(f'<optgroup label="{escape(group)}">')
            parts.extend(
                f'<option value="{escape(option)}"{" selected" if option == current else ""}>'
                f"{escape(label)}</option>"
                for option, label in options
            )
            parts.append("</optgroup>")
        # Every interpolated value above and in flatatt() is escaped.
        return mark_safe(f'<select name="{escape(name)}"{flatatt(final_attrs)}>{"".join(parts)}</select>')  # noqa: S308

"""Widgets that render long option lists without one template render per option."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape
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


def _attrs_html(attrs: dict[str, Any]) -> str:
    """Django's ``attrs.html``: `` name="value"``, a bare `` name`` for True, nothing for False."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class _ChoicesInPython:
    """Radio buttons and checkboxes written in Python, character for character what
    Django's ``multiple_input.html`` / ``input_option.html`` templates write (a test
    compares them), from the same ``get_context()``. Django renders each option through
    three nested templates (~0.5 ms an option): the journal's new-entry form, with its
    prompts and moods, spent 15 of its 22 ms there."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        outer = widget["attrs"]
        parts = ["<div"]
        if outer.get("id"):
            parts.append(f' id="{conditional_escape(outer["id"])}"')
        if outer.get("class"):
            parts.append(f' class="{conditional_escape(outer["class"])}"')
        parts.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{conditional_escape(group)}</label>")
            for option in options:
                option_id = option["attrs"].get("id")
                label_for = f' for="{conditional_escape(option_id)}"' if option_id else ""
                shown = "" if option["value"] is None else f' value="{conditional_escape(str(option["value"]))}"'
                parts.append(
                    f"<div>\n    <label{label_for}>"
                    f'<input type="{option["type"]}" name="{conditional_escape(option["name"])}"{shown}'
                    f"{_attrs_html(option['attrs'])}>\n"
                    f" {conditional_escape(option['label'])}</label>\n\n</div>"
                )
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        # Every interpolated value above is escaped.
        return mark_safe("".join(parts))  # noqa: S308


class RadioSelect(_ChoicesInPython, forms.RadioSelect):
    """Django's RadioSelect, rendered in Python (same HTML; widget_type ``radioselect``)."""


class CheckboxSelectMultiple(_ChoicesInPython, forms.CheckboxSelectMultiple):
    """Django's CheckboxSelectMultiple, rendered in Python (same HTML)."""


class ChipRadioSelect(_ChoicesInPython, forms.RadioSelect):
    """Radio buttons drawn as a wrapping row of big tappable chips (moods, prompts).
    ``core/_field.html`` recognises it by its widget_type, ``chipradioselect``."""


class ChipCheckboxSelectMultiple(_ChoicesInPython, forms.CheckboxSelectMultiple):
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

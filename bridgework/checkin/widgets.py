"""The core chip widgets, rendered in Python (same HTML as Django's templates).

A check-in page has a dozen choice widgets; Django renders every option through a
template (~0.3 ms each), which alone would eat the page's 25 ms budget. The class names
stay the same so ``core/_field.html`` still recognises them by ``widget_type``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe

from bridgework.core import widgets as core


class _FastChoices:
    input_type = "radio"

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)  # type: ignore[attr-defined]
        base_id = final.pop("id", None)
        selected = {str(v) for v in self.format_value(value)}  # type: ignore[attr-defined]
        extra = flatatt(final)
        options = []
        for index, (option_value, label) in enumerate(self.choices):  # type: ignore[attr-defined]
            text = escape(str(option_value))
            option_id = f' id="{escape(base_id)}_{index}"' if base_id else ""
            label_for = f' for="{escape(base_id)}_{index}"' if base_id else ""
            checked = " checked" if str(option_value) in selected else ""
            options.append(
                f'<div>\n    <label{label_for}><input type="{self.input_type}" name="{escape(name)}" '
                f'value="{text}"{extra}{option_id}{checked}>\n {escape(str(label))}</label>\n\n</div>'
            )
        wrapper_id = f' id="{escape(base_id)}"' if base_id else ""
        # Every interpolated value is escaped above or by flatatt().
        return mark_safe(f"<div{wrapper_id}>{''.join(options)}\n</div>")  # noqa: S308


class ChipRadioSelect(_FastChoices, core.ChipRadioSelect):
    input_type = "radio"


class ChipCheckboxSelectMultiple(_FastChoices, core.ChipCheckboxSelectMultiple):
    input_type = "checkbox"


class _FastInput:
    """``<input>`` as Django's ``input.html`` writes it, without a template render."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)  # type: ignore[attr-defined]
        shown = self.format_value(value)  # type: ignore[attr-defined]
        value_attr = "" if shown is None else f' value="{escape(str(shown))}"'
        kind = escape(self.input_type)  # type: ignore[attr-defined]
        return mark_safe(f'<input type="{kind}" name="{escape(name)}"{value_attr}{flatatt(final)}>')  # noqa: S308


class Slider(_FastInput, core.Slider):
    pass


class NumberInput(_FastInput, forms.NumberInput):
    pass


class HiddenInput(_FastInput, forms.HiddenInput):
    pass

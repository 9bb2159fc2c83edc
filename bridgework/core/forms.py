"""Form fields shared by the apps.

Django's model choice fields pass any integer to the database; an id larger than the
database can hold (say 20 digits, from a tampered form) then raises ``OverflowError``, a
server error. These refuse such an id as an invalid choice, as they do any other id that
is not one of the choices. Use them for every model choice (``Meta.field_classes``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from .access import parse_pk


class ModelChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not self.to_field_name and parse_pk(value) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def _check_values(self, value: Iterable[Any]) -> Any:
        for pk in value:
            if not self.to_field_name and parse_pk(pk) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)  # type: ignore[misc]

"""Bind an API payload to the same Django form the HTML page uses.

Validation lives in forms (one place); the API binds them and gives their messages back
as the one error body::

    form = bind(StepForm, payload, user=request.user)              # POST
    form = bind(StepForm, payload, instance=step, partial=True)    # PATCH
    step, screening = step_create(user=request.user, **form.cleaned_data)

``partial=True`` starts from the instance's current values (or the form's initial ones)
and lays the payload's given fields over them, so a PATCH names only what changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django import forms
from pydantic import BaseModel

from .errors import ApiValidationError

F = TypeVar("F", bound=forms.BaseForm)


def payload_data(payload: BaseModel | Mapping[str, Any] | None) -> dict[str, Any]:
    """A ninja ``Schema`` (only the fields the client sent) or a mapping, as a dict."""
    if payload is None:
        return {}
    if isinstance(payload, BaseModel):
        return payload.model_dump(exclude_unset=True)
    return dict(payload)


def form_errors(form: forms.BaseForm) -> dict[str, list[str]]:
    return {field: [str(message) for message in messages] for field, messages in form.errors.items()}


def current_data(form: forms.BaseForm) -> dict[str, Any]:
    """What an unbound form would show in each field: the instance's values or initial."""
    return {name: form[name].value() for name in form.fields}


def bind[F: forms.BaseForm](
    form_class: type[F],
    payload: BaseModel | Mapping[str, Any] | None,
    *,
    instance: Any = None,
    partial: bool = False,
    rename: Mapping[str, str] | None = None,
    **form_kwargs: Any,
) -> F:
    """A valid bound ``form_class`` for ``payload``, or ``ApiValidationError`` (422).

    ``rename`` maps payload names to form field names (``{"person_id": "person"}``);
    errors are reported under the payload's names.
    """
    if instance is not None:
        form_kwargs["instance"] = instance
    rename = rename or {}
    data = {rename.get(name, name): value for name, value in payload_data(payload).items()}
    if partial:
        data = {**current_data(form_class(**form_kwargs)), **data}
    form = form_class(data=data, **form_kwargs)
    if not form.is_valid():
        back = {field: name for name, field in rename.items()}
        errors = form_errors(form)
        raise ApiValidationError({back.get(field, field): messages for field, messages in errors.items()})
    return form

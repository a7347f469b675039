"""Showing a service's ValidationError on the form whose input caused it."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseForm


def show_service_errors(form: BaseForm, exc: ValidationError) -> None:
    """Put a service's German messages on the fields they name, the rest on top.

    A form may define ``add_service_error(name, messages)`` to route names the service
    uses that are not its own field names.
    """
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, messages in exc.message_dict.items():
        if hasattr(form, "add_service_error"):
            form.add_service_error(name, messages)
        else:
            form.add_error(name if name in form.fields else None, messages)


# --- choices of database rows that refuse absurd ids before any query ---------------------

_MAX_ID = 2**63 - 1


def _plausible_id(value: object) -> bool:
    text = str(value)
    return text.isascii() and text.isdigit() and int(text) <= _MAX_ID


class SafeModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose id is checked first: "9" × 25 is a form error on every
    database (SQLite cannot even compare it), never a 500."""

    def to_python(self, value: object) -> object:
        if value not in self.empty_values and not _plausible_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The same for several rows."""

    def _check_values(self, value: object) -> object:
        for item in value:  # type: ignore[union-attr]
            if not _plausible_id(item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(item)[:20]},
                )
        return super()._check_values(value)

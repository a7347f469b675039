"""Form helpers: a service's ValidationError on the form, limits on free text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
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


# A free-text field without its own limit takes these: a note is a note, not a 5 MB paste
# (which the request size limit alone would still let through).
MAX_TEXT_LENGTH = 5000
MAX_LINE_LENGTH = 1000


class BoundedText:
    """Form mixin: every text field without a ``max_length`` gets one (German error).

    Multi-line fields (Textarea) are limited to MAX_TEXT_LENGTH characters, single-line
    fields to MAX_LINE_LENGTH; a field declares its own ``max_length`` to differ.
    tests/core/test_forms.py fails for a form with an unbounded text field without this.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field, forms.CharField) and field.max_length is None:
                limit = (
                    MAX_TEXT_LENGTH if isinstance(field.widget, forms.Textarea) else MAX_LINE_LENGTH
                )
                field.max_length = limit
                field.validators.append(MaxLengthValidator(limit))
                if not field.widget.is_hidden:
                    field.widget.attrs.setdefault("maxlength", str(limit))


def form_errors_to_messages(request: Any, form: BaseForm) -> None:
    """A small form's errors as messages, for pages that post a form and redirect back
    (the form itself is not shown again, so its errors travel as "Feld: Fehler")."""
    from django.contrib import messages

    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)

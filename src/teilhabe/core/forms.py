"""Showing a service's ValidationError on the form whose input caused it."""

from __future__ import annotations

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

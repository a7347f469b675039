"""Errors as JSON: a service's refusal (Django ``ValidationError``) is 409 with its German
messages; DRF's own errors keep their status (400 bad input, 401, 403, 404)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler


def service_errors(exc: DjangoValidationError) -> dict[str, Any]:
    """``{"detail": "...", "errors": {field: [...]}}`` from a service's ValidationError."""
    if hasattr(exc, "error_dict"):
        errors = {
            ("non_field_errors" if key == NON_FIELD_ERRORS else key): [str(m) for m in msgs]
            for key, msgs in exc.message_dict.items()
        }
    else:
        errors = {"non_field_errors": [str(m) for m in exc.messages]}
    detail = " ".join(message for messages in errors.values() for message in messages)
    return {"detail": detail, "errors": errors}


def handle(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        return Response(service_errors(exc), status=status.HTTP_409_CONFLICT)
    return exception_handler(exc, context)

"""A centre's area: which official keys it may carry and what the area is called
(``teilhabe.geo`` knows every Kreis and municipality of NRW)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from teilhabe.geo import area


def validate_area(keys: Iterable[str]) -> str:
    """The area's name for valid keys; ValidationError (on ``area_keys``) naming a bad key."""
    keys = [keys] if isinstance(keys, str) else list(keys)
    try:
        return area(keys).name
    except ValueError as exc:  # geo's German message names the bad key
        raise ValidationError({"area_keys": str(exc)}) from None


def area_name(keys: Iterable[str]) -> str:
    """The area's name for display; "" when the stored keys are no longer valid."""
    try:
        return validate_area(keys)
    except ValidationError:
        return ""

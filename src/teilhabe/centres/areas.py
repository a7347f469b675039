"""A centre's area: which official keys it may carry and what the area is called.

SEAM for ``teilhabe.geo`` (built on branch ``geo``): until ``geo.area(keys)`` is on main,
``validate_area`` checks the format only (5 or 8 digits, NRW's Land key 05) and names the
area by its keys. When geo lands, replace the body of ``validate_area`` with::

    from teilhabe.geo import area
    try:
        return area(keys).name
    except ValueError as exc:  # geo's German message names the bad key
        raise ValidationError({"area_keys": str(exc)}) from None

Nothing else in centres needs to change: every caller goes through these two functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

NRW_LAND_KEY = "05"


def validate_area(keys: Iterable[str]) -> str:
    """The area's name for valid keys; ValidationError (on ``area_keys``) naming a bad key."""
    keys = [keys] if isinstance(keys, str) else list(keys)
    if not keys:
        raise ValidationError(
            {"area_keys": _("Mindestens ein Gebietsschlüssel (5 oder 8 Ziffern).")}
        )
    for key in keys:
        if not isinstance(key, str) or not key.isdigit() or len(key) not in (5, 8):
            raise ValidationError(
                {
                    "area_keys": _(
                        "„%(key)s“ ist kein Kreis- (5 Ziffern) oder Gemeindeschlüssel (8 Ziffern)."
                    )
                    % {"key": key}
                }
            )
        if not key.startswith(NRW_LAND_KEY):
            raise ValidationError(
                {
                    "area_keys": _(
                        "„%(key)s“ liegt nicht in Nordrhein-Westfalen (Schlüssel beginnen mit 05)."
                    )
                    % {"key": key}
                }
            )
    # TODO(geo): the real name ("Kreis Soest") comes from teilhabe.geo.area(keys).name.
    return _("Gebiet %(keys)s") % {"keys": ", ".join(keys)}


def area_name(keys: Iterable[str]) -> str:
    """The area's name for display; "" when the stored keys are no longer valid."""
    try:
        return validate_area(keys)
    except ValidationError:
        return ""

"""Reads of the engagement work area (re-exported for other apps)."""

from teilhabe.engagement.selectors.organisations import (
    organisation_for,
    organisations_for_user,
    public_organisations,
)

__all__ = ["organisation_for", "organisations_for_user", "public_organisations"]

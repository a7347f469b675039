"""Writes of the engagement work area (one module per topic, re-exported here)."""

from teilhabe.engagement.services.organisations import (
    confirm_organisation,
    create_organisation,
    organisation_by_link,
    organisation_link,
    send_organisation_link,
    update_organisation,
    update_organisation_by_link,
)

__all__ = [
    "confirm_organisation",
    "create_organisation",
    "organisation_by_link",
    "organisation_link",
    "send_organisation_link",
    "update_organisation",
    "update_organisation_by_link",
]

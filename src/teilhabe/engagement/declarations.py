"""What engagement plugs into the layers below: navigation, audit codes, retention."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from teilhabe.audit.registry import register_actions
from teilhabe.core.registry import (
    RetentionAction,
    register_navigation,
    register_public_navigation,
    register_retention,
    years,
)

ACTIONS = {
    "engagement.organisation.created": _("Organisation eingetragen"),
    "engagement.organisation.updated": _("Organisation geändert"),
    "engagement.organisation.self_updated": _("Organisation hat ihren Eintrag geändert"),
    "engagement.organisation.confirmed": _("Organisation hat ihren Eintrag bestätigt"),
    "engagement.organisation.link_sent": _("Link an Organisation gesendet"),
    "engagement.organisation.confirmation_requested": _("Bestätigung des Eintrags angefragt"),
    "engagement.organisation.hidden": _("Eintrag wegen fehlender Bestätigung ausgeblendet"),
}


def register() -> None:
    register_navigation(
        "engagement:organisation_list",
        label=_("Organisationen"),
        permission="engagement.view_organisations",
        order=40,
    )
    register_public_navigation(
        "engagement_public:organisation_map", label=_("Vereine und Initiativen"), order=40
    )
    register_actions(ACTIONS)
    register_retention(
        "engagement.organisation",
        purpose=_("Verzeichnis der Organisationen und Initiativen mit ihren Ansprechpersonen"),
        legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung der Ansprechpersonen)",
        trigger=_("Eintrag zwei Jahre nicht bestätigt oder Einwilligung widerrufen"),
        period=years(3),
        action=RetentionAction.DELETE,
        trigger_field="confirmed_at",
        personal_fields=("contact_persons", "email", "phone"),
    )

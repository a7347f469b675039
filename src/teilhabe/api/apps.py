from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (DRF + drf-spectacular): tokens, scopes, and the endpoints work areas
    register in their own ready() (``teilhabe.api.registry``)."""

    name = "teilhabe.api"
    label = "api"
    verbose_name = _("Schnittstelle")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import datetime as dt

        from teilhabe.audit.registry import register_actions
        from teilhabe.core.registry import (
            RetentionAction,
            register_navigation,
            register_retention,
        )

        register_navigation(
            "api:tokens", label=_("API-Zugänge"), permission="api.manage_tokens", order=85
        )
        register_actions(
            {
                "api.token.created": _("API-Zugang angelegt"),
                "api.token.revoked": _("API-Zugang widerrufen"),
            }
        )
        register_retention(
            "api.apitoken",
            purpose=_("Zugang eines Programms zur Schnittstelle mit den Rechten einer Person"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
            trigger=_("Widerruf des Zugangs"),
            trigger_field="revoked_at",
            period=dt.timedelta(days=365),
            action=RetentionAction.DELETE,
            personal_fields=("name", "last_used_at"),
            subjects=_("Beschäftigte und Schulkonten mit einem API-Zugang"),
            categories=_("Name des Zugangs, Bereiche, Zeitpunkt der letzten Nutzung, Ablauf"),
            recipients=_("keine (nur das Konto selbst und die Verwaltung des Zentrums)"),
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "teilhabe.audit"
    verbose_name = _("Protokoll")

    def ready(self) -> None:
        from teilhabe.audit.selectors import today_tile
        from teilhabe.core.registry import (
            RetentionAction,
            register_navigation,
            register_retention,
            register_tile,
            years,
        )

        register_navigation(
            "audit:list", label=_("Protokoll"), permission="centres.view_audit", order=90
        )

        register_tile(
            "audit.today",
            template="audit/tiles/today.html",
            permission="centres.view_audit",
            context=today_tile,
            order=90,
            shared_seconds=60,
        )

        register_retention(
            "audit.auditentry",
            purpose=_("Nachweis, wer wann welche Daten geändert hat (Art. 5 Abs. 2 DSGVO)"),
            legal_basis="Art. 6 Abs. 1 lit. c DSGVO; Art. 5 Abs. 2, Art. 32 DSGVO",
            trigger=_("Löschung des betroffenen Datensatzes"),
            period=years(10),
            action=RetentionAction.KEEP,  # redacted (summary, data), never deleted
            personal_fields=("summary", "data"),
        )

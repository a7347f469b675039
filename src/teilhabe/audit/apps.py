from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "teilhabe.audit"
    verbose_name = _("Protokoll")

    def ready(self) -> None:
        from teilhabe.audit.reads import register_read_actions
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

        # Reads of personal data (the read log of a case selects these codes). Apps may
        # register further read codes of their own with register_read_actions.
        register_read_actions(
            {
                "audit.case.viewed": _("Fallseite geöffnet"),
                "audit.document.downloaded": _("Dokument heruntergeladen"),
                "audit.export.downloaded": _("Export mit personenbezogenen Daten heruntergeladen"),
                "audit.personal_data.exported": _("Auskunft nach Art. 15 DSGVO erstellt"),
                "audit.api.read": _("Über die Schnittstelle abgerufen"),
            }
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
            subjects=_(
                "Beschäftigte; Kinder, Sorgeberechtigte und andere Personen, deren Daten "
                "bearbeitet oder gelesen wurden"
            ),
            categories=_(
                "Wer wann welche Aktion ausgeführt oder welche Akte gelesen hat, "
                "Kurzbeschreibung des Objekts, geänderte Felder (ohne Notizen und "
                "Förderbedarf)"
            ),
            recipients=_("keine; Administration des Zentrums, auf Anfrage Datenschutzaufsicht"),
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    """Mail as an outbox: written in the service's transaction, sent after commit."""

    name = "teilhabe.notify"
    verbose_name = _("Benachrichtigungen")

    def ready(self) -> None:
        from teilhabe.core.registry import (
            RetentionAction,
            months,
            register_mail_queue,
            register_retention,
        )
        from teilhabe.notify.services import queue_mail

        register_mail_queue(queue_mail)

        register_retention(
            "notify.outboxmail",
            purpose=_("Zustellung und Nachweis versandter Nachrichten"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
            trigger=_("Versand"),
            trigger_field="sent_at",
            period=months(6),
            action=RetentionAction.DELETE,
            personal_fields=("to", "subject", "body", "attachments"),
            subjects=_(
                "Empfängerinnen und Empfänger: Familien, Schulen, Beschäftigte, "
                "Teilnehmende von Fortbildungen"
            ),
            categories=_("E-Mail-Adresse, Betreff, Text und Anhänge der Nachricht, Versandstatus"),
            recipients=_("der Mailserver der Kommune (Auftragsverarbeitung), die Empfänger"),
        )

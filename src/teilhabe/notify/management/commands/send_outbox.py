"""Send mail left pending (mail server down at commit time); run every few minutes."""

from django.core.management.base import BaseCommand

from teilhabe.notify.services import send_pending


class Command(BaseCommand):
    help = "Versendet wartende Nachrichten aus dem Postausgang erneut."

    def handle(self, *args: object, **options: object) -> None:
        sent = send_pending()
        self.stdout.write(f"{sent} Nachrichten versandt.")

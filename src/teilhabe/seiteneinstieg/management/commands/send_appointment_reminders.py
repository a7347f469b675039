"""Daily job (cron / systemd timer): remind families of appointments in 24 to 48 hours."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from teilhabe.seiteneinstieg.services.appointments import send_due_reminders


class Command(BaseCommand):
    help = "E-Mail-Erinnerung an Familien mit einem Beratungstermin in 24 bis 48 Stunden."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders(actor=None)
        self.stdout.write(f"{count} Erinnerung(en) versandt.")

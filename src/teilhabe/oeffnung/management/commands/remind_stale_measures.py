"""Daily job (cron / systemd timer): remind department contacts of measures not updated for
TEILHABE_MEASURE_STALE_MONTHS months, once per due date."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from teilhabe.oeffnung.services.measures import due_measures, remind_stale_measure


class Command(BaseCommand):
    help = "Erinnert Ansprechpersonen an Maßnahmen, die lange nicht aktualisiert wurden."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default="", help="z. B. https://teilhabe.example.org")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        sent = sum(
            remind_stale_measure(measure=m, today=today, base_url=options["base_url"])
            for m in due_measures(today=today)
        )
        self.stdout.write(f"{sent} Erinnerung(en) verschickt.")

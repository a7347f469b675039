"""Daily job (cron / systemd timer): remind organisations of their proof of use, once
before the due date and once after it; a moved due date is reminded again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from teilhabe.foerderung.services import send_proof_reminders


class Command(BaseCommand):
    help = "Förderung: an fällige und überfällige Verwendungsnachweise erinnern."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--heute", dest="today", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_proof_reminders(today=options["today"])
        self.stdout.write(f"Erinnerungen verschickt: {sent}")

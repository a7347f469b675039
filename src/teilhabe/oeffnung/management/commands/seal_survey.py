"""Nightly job (cron / systemd timer) and after a wave ends: rewrite the survey tables so
that transaction ids and physical row order say nothing about who answered when."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from teilhabe.oeffnung.services.survey import seal_answers


class Command(BaseCommand):
    help = "Beschäftigtenbefragung: Zugangscodes und Antworten neu schreiben und neu ordnen."

    def handle(self, *args: Any, **options: Any) -> None:
        seal_answers()
        self.stdout.write("Befragungsdaten neu geordnet.")

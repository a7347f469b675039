"""Hourly job (cron / systemd timer) of engagement: requests without an answer go to the
next candidate, yearly confirmation requests to organisations, entries unconfirmed for two
years leave the public pages, reminders of expiring certificates of conduct."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from teilhabe.engagement.services.jobs import run_all


class Command(BaseCommand):
    help = "Engagement: Anfragen ohne Antwort weitergeben, Einträge bestätigen lassen, erinnern."

    def handle(self, *args: Any, **options: Any) -> None:
        report = run_all()
        self.stdout.write(
            f"{report.expired} Anfrage(n) ohne Antwort weitergegeben, "
            f"{report.confirmation_requests} Bestätigungsbitte(n), {report.hidden} "
            f"Eintrag/Einträge "
            f"ausgeblendet, {report.certificate_reminders} Erinnerung(en) Führungszeugnis."
        )

"""``teilhabe remind_stale_seat_reports``: for a scheduler (cron, Celery beat), daily."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from teilhabe.schulen.services.reminders import remind_stale_seat_reports


class Command(BaseCommand):
    help = "E-mail schools whose free-seat report is older than 30 days (at most weekly)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = remind_stale_seat_reports()
        for reminder in sent:
            school = reminder.school
            self.stdout.write(f"{reminder.centre.slug}: {school.schulnummer} {school.email}")
        self.stdout.write(f"{len(sent)} reminders sent")

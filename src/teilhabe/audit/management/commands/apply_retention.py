"""``teilhabe apply_retention [--dry-run]``: delete or anonymise what the retention rules
say is due, redact the audit entries about it, and report what happened per rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from teilhabe.audit.retention import apply_retention


class Command(BaseCommand):
    help = "Löscht oder anonymisiert personenbezogene Daten nach den Aufbewahrungsregeln."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur anzeigen, was gelöscht würde."
        )
        parser.add_argument(
            "--now",
            help="Stichtag (ISO, z. B. 2030-01-01) statt heute; für Proben und Tests.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options["now"]:
            now = dt.datetime.fromisoformat(options["now"])
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        dry_run = options["dry_run"]
        results = apply_retention(now=now, dry_run=dry_run)
        verb = "würde" if dry_run else "wurde"
        self.stdout.write(
            f"Aufbewahrungsregeln zum {timezone.localtime(now):%d.%m.%Y %H:%M}"
            + (" (Probelauf, nichts geändert)" if dry_run else "")
        )
        for r in results:
            if r.skipped:
                self.stdout.write(f"  {r.model}: übersprungen ({r.skipped})")
                continue
            done = "gelöscht" if r.action == "delete" else "anonymisiert"
            line = f"  {r.model}: {r.rows} {verb} {done}"
            extras = [f"{label} {n}" for label, n in sorted(r.cascaded.items())]
            if extras:
                line += f"; mitgelöscht: {', '.join(extras)}"
            if r.files:
                line += f"; Dateien: {r.files}"
            if r.audit_redacted:
                line += f"; Protokolleinträge geschwärzt: {r.audit_redacted}"
            self.stdout.write(line)
        total = sum(r.rows for r in results)
        self.stdout.write(f"Zusammen: {total} Datensätze.")

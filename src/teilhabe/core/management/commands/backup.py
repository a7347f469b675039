"""``teilhabe backup --output FILE``: a dump of the whole database (see teilhabe.core.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from teilhabe.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Sichert die ganze Datenbank in eine Datei: PostgreSQL mit pg_dump (custom format), "
        "SQLite mit der Backup-API. Hochgeladene Dokumente (TEILHABE_DATA_DIR/media) "
        "bitte mitsichern."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, type=Path, help="neue Sicherungsdatei")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            kind = backup(settings.DATABASES["default"], options["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        size = options["output"].stat().st_size
        self.stdout.write(f"Gesichert: {options['output']} ({kind}, {size:,} Bytes).")

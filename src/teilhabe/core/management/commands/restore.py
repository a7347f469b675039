"""``teilhabe restore FILE --database-url URL``: a backup into an empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from teilhabe.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Spielt eine Sicherung von 'teilhabe backup' in eine leere Datenbank zurück "
        "(PostgreSQL: pg_restore in einer Transaktion; SQLite: neue Datei). Danach "
        "DATABASE_URL auf die neue Datenbank umstellen und 'teilhabe migrate' ausführen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Sicherungsdatei")
        parser.add_argument(
            "--database-url",
            required=True,
            help="Zieldatenbank, leer, z. B. postgres://user@host:5432/teilhabe_neu",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = restore(options["file"], options["database_url"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Zurückgespielt: {options['file']} → {target}.")

"""``teilhabe import_schools PATH``: import either NRW school directory file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from teilhabe.schulen.services.directory import import_directory


class Command(BaseCommand):
    help = "Import the MSB NRW school directory or the IT.NRW 2024/25 list (recognised by header)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from None
        try:
            run = import_directory(actor=None, data=data, file_name=path.name)
        except ValidationError as exc:
            raise CommandError(f"{path.name}: {'; '.join(exc.messages)}") from None
        self.stdout.write(
            f"{run.rows} rows ({run.kind}): added {run.added}, changed {run.changed}, "
            f"closed {run.closed}"
        )

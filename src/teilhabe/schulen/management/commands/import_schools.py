"""``teilhabe import_schools PATH``: preview, then import either NRW school directory file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from teilhabe.schulen.services.directory import (
    DirectoryPreview,
    import_directory,
    preview_directory,
)


class Command(BaseCommand):
    help = (
        "Import the MSB NRW school directory or the IT.NRW 2024/25 list (recognised by header). "
        "Shows what the import would add, change and close per municipality and asks; "
        "--yes imports without asking, --confirm-closings also closes schools that still "
        "carry offers or placements, or more than a fifth of a municipality's schools."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--yes", action="store_true", help="import without asking")
        parser.add_argument(
            "--confirm-closings",
            action="store_true",
            help="confirm closings of schools with offers/placements and large closures",
        )

    def handle(
        self, *args: Any, path: Path, yes: bool, confirm_closings: bool, **options: Any
    ) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from None
        try:
            preview = preview_directory(data)
        except ValidationError as exc:
            raise CommandError(f"{path.name}: {'; '.join(exc.messages)}") from None
        self._show(preview)
        if not preview.added and not preview.changed and not preview.closed:
            self.stdout.write("Nothing to import.")
            return
        if preview.needs_confirmation and not confirm_closings:
            if yes:
                raise CommandError(
                    "The import closes schools that carry offers or placements, or more than "
                    "a fifth of a municipality's schools. Check the preview and pass "
                    "--confirm-closings to import anyway."
                )
            confirm_closings = self._ask("Close these schools anyway? [y/N] ")
            if not confirm_closings:
                raise CommandError("Nothing imported.")
        elif not yes and not confirm_closings and not self._ask("Import? [y/N] "):
            raise CommandError("Nothing imported.")
        try:
            run = import_directory(
                actor=None, data=data, file_name=path.name, confirm_closings=confirm_closings
            )
        except ValidationError as exc:
            raise CommandError(f"{path.name}: {'; '.join(exc.messages)}") from None
        self.stdout.write(
            f"{run.rows} rows ({run.kind}): added {run.added}, changed {run.changed}, "
            f"closed {run.closed}"
        )

    def _ask(self, question: str) -> bool:
        try:
            return input(question).strip().lower() in ("y", "yes", "j", "ja")
        except EOFError:  # no terminal: only --yes imports
            return False

    def _show(self, preview: DirectoryPreview) -> None:
        self.stdout.write(
            f"{preview.rows} rows ({preview.kind}) in {len(preview.municipalities)} "
            f"municipalities: would add {preview.added}, change {preview.changed}, "
            f"close {preview.closed}; sha256 {preview.sha256}"
        )
        for m in preview.changed_municipalities:
            line = (
                f"  {m.key} {m.name}: +{len(m.added)} ~{len(m.changed)} "
                f"-{len(m.closing)} (of {m.open_before} open)"
            )
            if m.large_closure:
                line += f"  WARNING: closes {m.closing_percent} % of its schools"
            self.stdout.write(line)
            for closing in m.loaded_closings:
                loads = ", ".join(
                    f"{c.centre}: {c.offers} offers, {c.placements} placements"
                    for c in closing.load
                )
                self.stdout.write(f"    closes {closing.school} – {loads}")

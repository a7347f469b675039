"""``teilhabe rotate_field_keys [--dry-run]``: write every encrypted field again with the
current (first) key of ``TEILHABE_FIELD_KEYS``, so an old key can be dropped afterwards."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from teilhabe.core.crypto import encrypted_models, rotate_model


class Command(BaseCommand):
    help = (
        "Verschlüsselt alle verschlüsselten Felder mit dem ersten Schlüssel aus "
        "TEILHABE_FIELD_KEYS neu (auch Klartext aus der Zeit vor der Verschlüsselung)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur zählen, was neu verschlüsselt würde."
        )
        parser.add_argument("--batch-size", type=int, default=500, help="Zeilen je Transaktion.")

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        verb = "würden" if dry_run else "wurden"
        total = 0
        self.stdout.write(
            "Schlüsselwechsel der verschlüsselten Felder"
            + (" (Probelauf, nichts geändert)" if dry_run else "")
        )
        for model, names in encrypted_models():
            rows = rotate_model(
                model, names, batch_size=max(1, options["batch_size"]), dry_run=dry_run
            )
            total += rows
            self.stdout.write(
                f"  {model._meta.label_lower} ({', '.join(names)}): {rows} Zeilen {verb} "
                "neu verschlüsselt"
            )
        self.stdout.write(f"Zusammen: {total} Zeilen.")

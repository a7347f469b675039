"""Recompute the search keys of all children and guardians (after a bulk import)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from teilhabe.seiteneinstieg.models import Child, Guardian
from teilhabe.seiteneinstieg.search_keys import refresh


class Command(BaseCommand):
    help = "Suchschlüssel aller Kinder und Sorgeberechtigten neu berechnen (nach Massenimporten)."

    def handle(self, *args: Any, **options: Any) -> None:
        written = refresh(children=Child.objects.all(), guardians=Guardian.objects.all())
        self.stdout.write(f"{written} Zeilen aktualisiert.")

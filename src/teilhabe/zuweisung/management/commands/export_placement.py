"""``teilhabe export_placement --centre ID -o FILE``: the centre's current placement problem."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from teilhabe.centres.models import Centre
from teilhabe.zuweisung.exports import build_instance


class Command(BaseCommand):
    help = "Write ready children and offers with free seats as teilhabe-placement/1 JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--centre", required=True, help="Centre id or slug")
        parser.add_argument("-o", "--output", type=Path, help="Output file (default: stdout)")

    def handle(self, *args: Any, centre: str, output: Path | None, **options: Any) -> None:
        lookup = {"pk": int(centre)} if centre.isdigit() else {"slug": centre}
        found = Centre.objects.filter(**lookup).first()
        if found is None:
            raise CommandError(f"No centre {centre!r}")
        text = json.dumps(build_instance(centre=found), ensure_ascii=False, indent=1) + "\n"
        if output is None:
            sys.stdout.write(text)
            return
        output.write_text(text, encoding="utf-8")
        self.stderr.write(f"Wrote {output}")

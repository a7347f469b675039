"""How long the NRW school directory import takes (into an empty database, then again).

Run: ``.venv/bin/python benchmarks/import_schools.py [PATH]`` (default: the full 2021 MSB
file in ../shared/data/nrw_schulen). Uses a fresh SQLite database in a temporary directory
unless DATABASE_URL is set (then that database must be empty and migrated by this script).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "nrw_schulen" / "schuldaten_nrw_2021-09.csv"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"missing {path}", file=sys.stderr)
        return 1
    tmp = tempfile.mkdtemp(prefix="teilhabe-bench-")
    os.environ.setdefault("TEILHABE_DEBUG", "1")
    os.environ.setdefault("TEILHABE_DATA_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    from teilhabe.schulen.models import School
    from teilhabe.schulen.services.directory import import_directory

    call_command("migrate", verbosity=0)
    data = path.read_bytes()
    School.objects.all().delete()

    start = time.perf_counter()
    first = import_directory(actor=None, data=data, file_name=path.name)
    empty_seconds = time.perf_counter() - start
    print(
        f"{path.name}: {first.rows} rows into an empty database: {empty_seconds:.2f} s "
        f"(added {first.added}, changed {first.changed}, closed {first.closed})"
    )
    again = []
    for _ in range(3):
        start = time.perf_counter()
        run = import_directory(actor=None, data=data, file_name=path.name)
        again.append(time.perf_counter() - start)
        assert (run.added, run.changed, run.closed) == (0, 0, 0), run
    print(
        f"re-import of the same file (nothing changes), median of 3: "
        f"{statistics.median(again):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

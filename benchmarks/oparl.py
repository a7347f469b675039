"""How fast is an OParl list page of 100 papers with 100 and with 10,000 papers?

Creates a throwaway database (SQLite in a temp directory, or ``<name>_oparlbench`` on the
PostgreSQL server that DATABASE_URL points at; dropped at the end), bulk-inserts papers with
a main file each and a consultation on every other paper, then times GET
/oparl/v1/body/<centre>/paper/ (first page, 100 papers; also page 50 of 100 with 10,000
papers) through Django's test Client and counts its queries. Prints a markdown table for
docs/benchmarks.md.

    .venv/bin/python benchmarks/oparl.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/oparl.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _setup(workdir: Path) -> str:
    os.environ["SECRET_KEY"] = "benchmark-only-secret-key"
    os.environ["TEILHABE_REQUIRE_2FA"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["TEILHABE_DATA_DIR"] = str(workdir)
    (workdir / "static").mkdir(exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "teilhabe.settings"
    backend = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    if backend == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    return backend


def _fill(centre: Any, start: int, stop: int) -> None:
    from teilhabe.integrationsrat.models import Consultation, File, Paper

    today = dt.date.today()
    for first in range(start, stop, 2000):
        papers = Paper.objects.bulk_create(
            Paper(
                centre=centre,
                reference=f"IR/{i:05d}",
                name=f"Antrag {i}: Mehrsprachige Informationen im Bürgeramt",
                paper_type="motion",
                date=today - dt.timedelta(days=i % 2000),
                text="Der Integrationsrat bittet die Verwaltung … " * 20,
                originator="Liste Gemeinsam",
            )
            for i in range(first, min(first + 2000, stop))
        )
        File.objects.bulk_create(
            File(
                centre=centre,
                paper=p,
                main=True,
                name="Antrag (PDF)",
                file_name="antrag.pdf",
                mime_type="application/pdf",
                size=12345,
                sha1="0" * 40,
                content=f"integrationsrat/{centre.pk}/antrag.pdf",
            )
            for p in papers
        )
        Consultation.objects.bulk_create(
            Consultation(
                centre=centre,
                paper=p,
                committee="Ausschuss Soziales, Seniorinnen und Senioren",
                role="preliminary",
            )
            for p in papers[::2]
        )


def _time(client: Any, url: str, repeat: int) -> tuple[list[float], int, int]:
    from django.db import connection

    response = client.get(url)  # warm-up
    assert response.status_code == 200, response.status_code
    assert len(response.json()["data"]) == 100
    seen: list[str] = []

    def count(execute: Any, sql: str, *rest: Any) -> Any:
        seen.append(sql)
        return execute(sql, *rest)

    with connection.execute_wrapper(count):
        client.get(url)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return times, len(seen), len(response.content)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="teilhabe-oparl-"))
    backend = _setup(workdir)
    from django.db import connection
    from django.test import Client

    settings = connection.settings_dict
    settings.setdefault("TEST", {})["NAME"] = (
        f"{settings['NAME']}_oparlbench" if backend == "postgresql" else str(workdir / "b.db")
    )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    # keep one connection, as the test runner does (else each request reconnects)
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    rows = []
    try:
        from teilhabe.centres.models import Centre
        from teilhabe.integrationsrat.models import Council

        centre = Centre.objects.create(
            name="KI Köln", slug="koeln", city="Köln", area_keys=["05315"]
        )
        Council.objects.create(centre=centre, name="Integrationsrat Köln")
        client = Client()
        url = f"/oparl/v1/body/{centre.slug}/paper/"
        done = 0
        for total, pages in ((100, [1]), (10_000, [1, 50])):
            _fill(centre, done, total)
            done = total
            for page in pages:
                times, queries, size = _time(client, f"{url}?page={page}", args.repeat)
                rows.append(
                    (total, page, statistics.median(times), _percentile(times, 0.95), queries, size)
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    version = connection.Database.sqlite_version if backend == "sqlite" else "PostgreSQL"
    print(f"| database | papers | page | median ms | p95 ms | queries | size |  ({version})")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for total, page, median, p95, queries, size in rows:
        print(
            f"| {backend} | {total:,} | {page} | {median:.0f} | {p95:.0f} | {queries} | "
            f"{size // 1024} KiB |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

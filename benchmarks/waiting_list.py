"""How fast is the waiting list with 500 and with 50,000 cases?

Fills a throwaway database with synthetic cases (bulk_create), then times the waiting-list
page (first page, default sort) and the xlsx and csv exports through Django's test Client,
logged in as a counsellor. Runs on a temporary SQLite file, and additionally on PostgreSQL
when DATABASE_URL points at one (a throwaway database ``<name>_wlbench`` is created and
dropped). Prints a markdown table for docs/benchmarks.md.

    .venv/bin/python benchmarks/waiting_list.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python benchmarks/waiting_list.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REQUESTS = (
    ("page", "/seiteneinstieg/warteliste/"),
    ("xlsx", "/seiteneinstieg/warteliste/export.xlsx"),
    ("csv", "/seiteneinstieg/warteliste/export.csv"),
)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# --- the worker: one backend, in its own process ----------------------------------------


def _setup_django(backend: str, workdir: Path) -> None:
    os.environ["SECRET_KEY"] = "benchmark-only-secret-key"
    os.environ["TEILHABE_REQUIRE_2FA"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["TEILHABE_DATA_DIR"] = str(workdir)
    (workdir / "static").mkdir(exist_ok=True)  # WhiteNoise warns about a missing STATIC_ROOT
    os.environ["DJANGO_SETTINGS_MODULE"] = "teilhabe.settings"
    if backend == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def _fill(*, centre: Any, start: int, stop: int, rng: random.Random) -> None:
    """Cases ``start``..``stop``: about two children per family, 85 % still waiting."""
    from django.utils import timezone

    from teilhabe.geo import koeln
    from teilhabe.seiteneinstieg.choices import Status
    from teilhabe.seiteneinstieg.models import Child, ChildLanguage, Family

    stadtteile = koeln.all_stadtteile()
    statuses = [*Status.values]
    weights = [20, 15, 15, 12, 12, 11, 9, 3, 3]
    languages = ["uk", "ar", "fa", "tr", "ro", "bg", "ti", "so", "ru", "ku"]
    now = timezone.now()
    batch = 5000
    for first in range(start, stop, batch):
        count = min(batch, stop - first)
        families = []
        for i in range((count + 1) // 2):
            part = rng.choice(stadtteile)
            families.append(
                Family(
                    centre=centre,
                    reference=f"B-{first + i:08d}",
                    street="Musterstraße 1",
                    postcode="50667",
                    lat=50.94,
                    lon=6.96,
                    stadtteil_number=part.number,
                    stadtteil_name=part.name,
                    stadtbezirk_number=part.bezirk_number,
                    stadtbezirk_name=part.bezirk_name,
                )
            )
        Family.objects.bulk_create(families)
        children = []
        for i in range(count):
            registered = now - dt.timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 600))
            status = rng.choices(statuses, weights)[0]
            birth = dt.date.today() - dt.timedelta(days=rng.randint(6 * 365, 19 * 365))
            children.append(
                Child(
                    centre=centre,
                    family=families[i // 2],
                    first_name=f"Kind{first + i}",
                    last_name=rng.choice(["Kovalenko", "Haddad", "Ahmadi", "Yılmaz", "Popescu"]),
                    birth_date=birth,
                    first_language=rng.choice(languages),
                    arrived_in_germany_on=registered.date() - dt.timedelta(days=30),
                    arrived_in_city_on=registered.date() - dt.timedelta(days=10),
                    status=status,
                    registered_at=registered,
                    counselled_at=registered + dt.timedelta(days=7)
                    if status not in ("registered", "invited")
                    else None,
                    recommended_level=rng.choice(["primary", "secondary", "vocational"])
                    if status in ("assessed", "ready", "proposed", "placed")
                    else "",
                )
            )
        Child.objects.bulk_create(children)
        ChildLanguage.objects.bulk_create(
            ChildLanguage(child=c, language="en", level="basic") for c in children[::5]
        )


def _time(client: Any, url: str, repeat: int) -> dict[str, float]:
    client.get(url)  # warm-up: templates, translations, connection
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        body = response.content
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return {
        "median": statistics.median(samples),
        "p95": _percentile(samples, 0.95),
        "bytes": len(body),
        "n": repeat,
    }


def worker(backend: str, sizes: list[int], repeat: int, export_repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="teilhabe-bench-") as tmp:
        _setup_django(backend, Path(tmp))
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from teilhabe.centres.models import Centre, User
        from teilhabe.seiteneinstieg.choices import WAITING_STATUSES
        from teilhabe.seiteneinstieg.models import Child

        old_name = None
        if backend == "postgres":
            old_name = connection.settings_dict["NAME"]
            connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{old_name}_wlbench"
            connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        else:
            call_command("migrate", verbosity=0)
        try:
            centre = Centre.objects.create(
                name="KI Benchmark", slug="bench", municipality_key="05315000", city="Köln"
            )
            user = User.objects.create(
                username="bench", centre=centre, role="counsellor", first_name="B"
            )
            client = Client()
            client.force_login(user)
            rng = random.Random(1)
            results = []
            filled = 0
            for size in sorted(sizes):
                started = time.perf_counter()
                _fill(centre=centre, start=filled, stop=size, rng=rng)
                fill_s = time.perf_counter() - started
                filled = size
                if backend == "postgres":
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                waiting = Child.objects.filter(status__in=WAITING_STATUSES).count()
                for name, url in REQUESTS:
                    figures = _time(client, url, repeat if name == "page" else export_repeat)
                    results.append(
                        {"cases": size, "waiting": waiting, "request": name, "fill_s": fill_s}
                        | figures
                    )
            if backend == "postgres":
                version = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
            else:
                import sqlite3

                version = sqlite3.sqlite_version
            return {"backend": backend, "version": str(version), "results": results}
        finally:
            connection.close()
            if old_name is not None:
                connection.creation.destroy_test_db(old_name, verbosity=0)


# --- the driver: one process per backend, one table -------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 50_000])
    parser.add_argument("--repeat", type=int, default=20, help="timed page requests per size")
    parser.add_argument("--export-repeat", type=int, default=5, help="timed exports per size")
    parser.add_argument("--worker", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.sizes, args.repeat, args.export_repeat)))
        return 0

    backends = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        backends.append("postgres")
    runs = []
    for backend in backends:
        command = [sys.executable, __file__, "--worker", backend, "--sizes"]
        command += [str(s) for s in args.sizes]
        command += ["--repeat", str(args.repeat), "--export-repeat", str(args.export_repeat)]
        output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print()
    print("| database | cases | waiting | request | median ms | p95 ms | timed runs | size |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    for run in runs:
        label = f"{run['backend']} {run['version']}"
        for r in run["results"]:
            size = f"{r['bytes'] / 1024:,.0f} KiB"
            print(
                f"| {label} | {r['cases']:,} | {r['waiting']:,} | {r['request']} "
                f"| {r['median']:,.0f} | {r['p95']:,.0f} | {r['n']} | {size} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

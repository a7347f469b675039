"""The public site under load: start page and offers list (500 offers) with 20 clients.

Builds a throwaway database (SQLite file in a temporary directory, or
``<name>_portalbench`` on the PostgreSQL server DATABASE_URL points at; dropped at the
end), fills one centre with its pages and ``--offers`` offers in seven languages, starts
gunicorn (``--workers``, default 2) on a free local port, and sends ``--requests`` GETs per
URL from ``--clients`` concurrent threads (default 20). Reports median, p95 and requests per
second for the health check (the floor: no template, one query), the start page and the
offers list (first page, 20 offers, the map's 500 points), all in the same run, as a
markdown table for docs/benchmarks.md.

    .venv/bin/python benchmarks/portal.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/portal.py
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SLUG = "koeln"
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _environment(workdir: Path) -> dict[str, str]:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        base, _sep, name = url.rpartition("/")
        url = f"{base}/{name or 'postgres'}_portalbench"
    else:
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    (workdir / "static").mkdir(exist_ok=True)
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "TEILHABE_REQUIRE_2FA": "0",
        # as in production behind the TLS proxy (no redirect to https, secure cookies)
        "TEILHABE_TRUSTED_PROXY": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TEILHABE_DATA_DIR": str(workdir),
        "DJANGO_SETTINGS_MODULE": "teilhabe.settings",
        "DATABASE_URL": url,
        "PYTHONPATH": str(ROOT / "src"),
    }


def _create_postgres(url: str, *, drop: bool = False) -> None:
    import psycopg

    base, _sep, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop:
            conn.execute(f'CREATE DATABASE "{name}"')


def _fill(n_offers: int) -> None:
    """One centre with its pages and ``n_offers`` offers, each with 7 languages of text."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from teilhabe.centres.models import Centre
    from teilhabe.portal import demo
    from teilhabe.portal.models import (
        Offer,
        OfferTranslation,
        Page,
        PageTranslation,
    )

    centre = Centre.objects.create(
        name="Kommunales Integrationszentrum Köln",
        slug=SLUG,
        city="Köln",
        postcode="50679",
        street="Willy-Brandt-Platz 2",
        area_keys=["05315"],
    )
    for kind, texts in (("about", demo.ABOUT), ("hours", demo.HOURS), ("contact", demo.CONTACT)):
        page = Page.objects.create(centre=centre, kind=kind)
        PageTranslation.objects.bulk_create(
            PageTranslation(page=page, language=lang, title=t, body=b)
            for lang, (t, b) in texts.items()
        )
    rng = random.Random(7)
    kinds = list(demo.KINDS.values())
    offers = Offer.objects.bulk_create(
        Offer(
            centre=centre,
            category=kinds[i % len(kinds)][0],
            provider=f"Anbieter {i}",
            street=f"Venloer Straße {i}",
            postcode="50825",
            place="Köln",
            district=rng.choice(["Ehrenfeld", "Kalk", "Nippes", "Porz", "Chorweiler"]),
            latitude=50.94 + rng.uniform(-0.08, 0.08),
            longitude=6.96 + rng.uniform(-0.12, 0.12),
            languages=kinds[i % len(kinds)][1],
        )
        for i in range(n_offers)
    )
    OfferTranslation.objects.bulk_create(
        OfferTranslation(offer=offer, language=lang, title=t, body=d, schedule=s)
        for i, offer in enumerate(offers)
        for lang, (t, d, s) in kinds[i % len(kinds)][2].items()
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def _load(port: int, path: str, clients: int, total: int) -> tuple[list[float], float, int]:
    """``total`` GETs of ``path`` from ``clients`` threads, each on its own keep-alive
    connection; returns latencies (ms), wall seconds and the number of non-200 answers."""
    times: list[float] = []
    errors = [0]
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    per_client = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]

    def run(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for _ in range(n):
            start = time.perf_counter()
            conn.request("GET", path, headers=PROXY_HEADERS)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - start) * 1000)
            if response.status != 200:
                with lock:
                    errors[0] += 1
                    statuses[response.status] = statuses.get(response.status, 0) + 1
        conn.close()
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=run, args=(n,)) for n in per_client]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if statuses:
        print(f"{path}: answers other than 200: {statuses}", file=sys.stderr)
    return times, time.perf_counter() - started, errors[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offers", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="teilhabe-portal-"))
    env = _environment(workdir)
    postgres = env["DATABASE_URL"].startswith("postgres")
    if postgres:
        _create_postgres(env["DATABASE_URL"])
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    _fill(args.offers)
    from django.db import connections

    connections.close_all()
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "teilhabe.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--log-level",
            "warning",
        ],
        env={**os.environ, **env},
        cwd=ROOT,
    )
    rows: list[tuple[str, Any, ...]] = []
    try:
        _wait(port)
        urls = [
            ("health check", "/healthz"),
            ("start page", f"/{SLUG}/de/"),
            ("start page (Arabic)", f"/{SLUG}/ar/"),
            (f"offers list ({args.offers} offers)", f"/{SLUG}/de/angebote/"),
            ("offers list, filtered", f"/{SLUG}/uk/angebote/?category=german&district=Kalk"),
        ]
        for _label, path in urls:  # warm-up: every worker has imported and compiled
            _load(port, path, args.workers * args.threads, args.workers * args.threads * 2)
        for label, path in urls:
            times, wall, errors = _load(port, path, args.clients, args.requests)
            rows.append(
                (
                    label,
                    statistics.median(times),
                    _percentile(times, 0.95),
                    len(times) / wall,
                    errors,
                )
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if postgres:
            _create_postgres(env["DATABASE_URL"], drop=True)
    backend = "PostgreSQL" if postgres else "SQLite"
    print(
        f"\nPublic site, {args.clients} concurrent clients, {args.requests} requests per URL, "
        f"gunicorn {args.workers} workers × {args.threads} threads, {backend}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs\n"
    )
    print("| URL | median ms | p95 ms | requests/s | errors |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, median, p95, rate, errors in rows:
        print(f"| {label} | {median:.1f} | {p95:.1f} | {rate:.0f} | {errors} |")
    return 0 if all(row[4] == 0 for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""The waiting list's xlsx export on 50,000 cases: synchronous vs. as a background job.

Fills a throwaway database (SQLite file in a temporary directory; or, when DATABASE_URL
points at PostgreSQL, a throwaway database ``<name>_jobbench``) with synthetic cases, then
times, logged in as a counsellor through Django's test Client:

- *synchronous*: writing the whole filtered list as xlsx in the request, as the export
  view did before it became a job (the bytes the old response carried);
- *job, in-process*: the export button (POST) until the job page shows the download link,
  the job running in a daemon thread of this process (the default without Redis);
- *job, Celery*: the same with a real ``celery -A teilhabe worker --pool=solo`` started as a
  subprocess on the same database; only when REDIS_URL is set.

Each mode runs once untimed (warm-up, worker start) and then ``--repeat`` times. Prints a
markdown table for docs/benchmarks.md.

    .venv/bin/python benchmarks/export_job.py
    REDIS_URL=redis://127.0.0.1:6379/15 .venv/bin/python benchmarks/export_job.py
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from waiting_list import _fill, _setup_django  # noqa: E402  (the same synthetic cases)

POLL_SECONDS = 0.2
TIMEOUT = 300


def _until_download(client: Any, fmt: str) -> tuple[float, float]:
    """POST the export button, then poll the job page: (seconds to the redirect, to the link)."""
    from django.urls import reverse

    started = time.perf_counter()
    response = client.post(reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": fmt}))
    assert response.status_code == 302, response.status_code
    answered = time.perf_counter() - started
    job_url = response["Location"]
    while time.perf_counter() - started < TIMEOUT:
        page = client.get(job_url)
        html = page.content.decode()
        if "/datei/" in html:  # the download link
            return answered, time.perf_counter() - started
        if "Fehlgeschlagen" in html:
            raise RuntimeError(f"job failed: {re.sub(r'<[^>]+>', ' ', html)[-500:]}")
        time.sleep(POLL_SECONDS)
    raise TimeoutError(job_url)


def _start_worker(workdir: Path, database_url: str, redis_url: str, queue: str) -> Any:
    celery = Path(sys.executable).with_name("celery")
    command = [str(celery)] if celery.exists() else [sys.executable, "-m", "celery"]
    command += ["-A", "teilhabe", "worker", "--pool=solo", f"--queues={queue}"]
    command += [f"--hostname={queue}@%h", "--loglevel=WARNING", "--without-gossip"]
    command += ["--without-mingle", "--without-heartbeat"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "teilhabe.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "TEILHABE_CELERY_QUEUE": queue,
        "TEILHABE_DATA_DIR": str(workdir),
    }
    log = (workdir / "worker.log").open("w")
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def run(cases: int, repeat: int, fmt: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="teilhabe-jobbench-") as tmp:
        workdir = Path(tmp)
        backend = (
            "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
        )
        _setup_django(backend, workdir)
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from teilhabe.centres.models import Centre, User
        from teilhabe.seiteneinstieg import exports
        from teilhabe.seiteneinstieg.selectors.waiting_list import waiting_list

        old_name = None
        if backend == "postgres":
            old_name = connection.settings_dict["NAME"]
            connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{old_name}_jobbench"
            connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        else:
            call_command("migrate", verbosity=0)
        worker = None
        try:
            centre = Centre.objects.create(
                name="KI Benchmark", slug="bench", municipality_key="05315000", city="Köln"
            )
            user = User.objects.create(
                username="bench", centre=centre, role="counsellor", first_name="B"
            )
            _fill(centre=centre, start=0, stop=cases, rng=random.Random(1))
            if backend == "postgres":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            client = Client()
            client.force_login(user)
            children = waiting_list(user=user)
            rows = children.count()
            results: list[dict[str, Any]] = []

            write = exports.waiting_list_xlsx if fmt == "xlsx" else exports.waiting_list_csv
            write(children)
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                write(children)
                samples.append(time.perf_counter() - started)
            results.append(
                {"mode": "synchronous (in the request)", "answer": samples, "done": samples}
            )

            settings.TEILHABE_CELERY = False
            settings.TEILHABE_JOBS_EAGER = False
            _until_download(client, fmt)
            answers, dones = zip(
                *(_until_download(client, fmt) for _ in range(repeat)), strict=True
            )
            results.append({"mode": "job, in-process thread", "answer": answers, "done": dones})

            redis_url = os.environ.get("REDIS_URL", "")
            if redis_url:
                from teilhabe.celery import app

                queue = f"teilhabe-bench-{uuid.uuid4().hex[:8]}"
                settings.TEILHABE_CELERY = True
                settings.TEILHABE_CELERY_QUEUE = queue
                app.conf.broker_url = redis_url
                database_url = (
                    f"sqlite:///{connection.settings_dict['NAME']}"
                    if backend == "sqlite"
                    else "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**connection.settings_dict)
                )
                worker = _start_worker(workdir, database_url, redis_url, queue)
                _until_download(client, fmt)  # includes the worker's start
                answers, dones = zip(
                    *(_until_download(client, fmt) for _ in range(repeat)), strict=True
                )
                results.append(
                    {"mode": "job, Celery worker (solo)", "answer": answers, "done": dones}
                )
            if backend == "postgres":
                version = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
            else:
                import sqlite3

                version = sqlite3.sqlite_version
            return {"backend": f"{backend} {version}", "rows": rows, "results": results}
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=30)
            connection.close()
            if old_name is not None:
                connection.creation.destroy_test_db(old_name, verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    args = parser.parse_args()
    outcome = run(args.cases, args.repeat, args.format)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print()
    print(
        f"{args.format} export, {args.cases:,} cases, {outcome['rows']:,} rows, "
        f"{outcome['backend']}, median of {args.repeat} after one warm-up:"
    )
    print()
    print("| mode | request answers after | file ready (job page shows the download) |")
    print("| --- | ---: | ---: |")
    for r in outcome["results"]:
        answer = statistics.median(r["answer"])
        done = statistics.median(r["done"])
        print(f"| {r['mode']} | {answer * 1000:,.0f} ms | {done:,.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

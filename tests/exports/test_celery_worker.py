"""A 50,000-row xlsx export through a real Celery worker (Redis broker, `--pool=solo`).

The worker is a separate process, so it must see the test database: this runs only on
PostgreSQL (SQLite test databases live in the test process's memory). CI runs the suite on
PostgreSQL with TEILHABE_REQUIRE_WORKER=1, and then a missing Redis or worker is an error,
never a skip. Redis: TEILHABE_TEST_REDIS_URL (default: REDIS_URL, else db 15 on localhost);
each run uses its own queue, so workers of other runs do not take its tasks.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import openpyxl
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.exports.models import Job, JobStatus
from teilhabe.seiteneinstieg.models import Child, Family

ROOT = Path(__file__).resolve().parents[2]
ROWS = 50_000
TIMEOUT = 120  # seconds for worker start plus the export; measured about 15 s in total

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def _unavailable(reason: str) -> None:
    if os.environ.get("TEILHABE_REQUIRE_WORKER") == "1":
        pytest.fail(f"{reason} (TEILHABE_REQUIRE_WORKER=1: the worker test must run)")
    pytest.skip(reason)


def _redis_url() -> str:
    url = os.environ.get("TEILHABE_TEST_REDIS_URL") or os.environ.get("REDIS_URL")
    url = url or "redis://127.0.0.1:6379/15"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis at {url} is not reachable: {exc}")
    return url


def _database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _fill(centre, rows: int) -> None:
    """``rows`` waiting children, two per family, in a few bulk inserts."""
    now = timezone.now()
    families = Family.objects.bulk_create(
        (
            Family(
                centre=centre,
                reference=f"W-{i:08d}",
                street="Musterstraße 1",
                postcode="50667",
                lat=50.94,
                lon=6.96,
                stadtteil_number="101",
                stadtteil_name="Altstadt/Süd",
                stadtbezirk_number="1",
                stadtbezirk_name="Innenstadt",
            )
            for i in range((rows + 1) // 2)
        ),
        batch_size=5000,
    )
    Child.objects.bulk_create(
        (
            Child(
                centre=centre,
                family=families[i // 2],
                first_name=f"Kind{i}",
                last_name="Kovalenko",
                birth_date=dt.date(2014, 3, 1),
                first_language="uk",
                arrived_in_germany_on=dt.date(2026, 8, 1),
                arrived_in_city_on=dt.date(2026, 8, 15),
                status="registered" if i % 2 else "invited",
                registered_at=now - dt.timedelta(minutes=i),
            )
            for i in range(rows)
        ),
        batch_size=5000,
    )


def _celery_command() -> list[str]:
    script = Path(sys.executable).with_name("celery")
    return [str(script)] if script.exists() else [sys.executable, "-m", "celery"]


def test_xlsx_export_of_50000_rows_runs_in_a_celery_worker(staff, client, settings, tmp_path):
    if connection.vendor != "postgresql":
        _skip_reason = "needs PostgreSQL: the worker process cannot see an SQLite test database"
        pytest.skip(_skip_reason + " (CI runs it in the PostgreSQL pass)")
    redis_url = _redis_url()
    queue = f"teilhabe-test-{uuid.uuid4().hex[:10]}"
    files = tmp_path / "exports"
    files.mkdir()
    settings.TEILHABE_CELERY = True
    settings.TEILHABE_CELERY_QUEUE = queue
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(files), "base_url": None},
        },
    }
    from teilhabe.celery import app

    previous_broker = app.conf.broker_url
    app.conf.broker_url = redis_url
    _fill(staff.centre, ROWS)

    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "TEILHABE_TEST_EXPORTS_DIR": str(files),
    }
    command = _celery_command() + [
        "-A",
        "teilhabe",
        "worker",
        "--pool=solo",
        f"--queues={queue}",
        f"--hostname={queue}@%h",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    with log.open("w") as output:
        worker = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        client.force_login(staff.counsellor)
        started = time.monotonic()
        response = client.post(
            reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": "xlsx"})
        )
        assert response.status_code == 302
        job = Job.objects.get()
        while time.monotonic() - started < TIMEOUT:
            job.refresh_from_db()
            if job.finished or worker.poll() is not None:
                break
            time.sleep(0.25)
        assert job.status == JobStatus.DONE, (
            f"job {job.status} ({job.message}) {job.error}\n--- worker log ---\n"
            + log.read_text()[-5000:]
        )
        elapsed = time.monotonic() - started

        page = client.get(response["Location"])
        download_url = page.context["state"]["download_url"]
        download = client.get(download_url)
        assert download.status_code == 200
        assert download["Cache-Control"] == "no-store, private"
        content = b"".join(download.streaming_content)
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) == 1 + ROWS
        assert rows[0][:3] == ("Aktenzeichen", "Nachname", "Vorname")
        assert rows[1][:3] == (f"W-{(ROWS - 1) // 2:08d}", "Kovalenko", f"Kind{ROWS - 1}")
        # the worker wrote the file into the shared private storage and audited the export
        assert (files / job.result_file.name).exists()
        entry = AuditEntry.objects.get(action="seiteneinstieg.waiting_list.exported")
        assert entry.actor == staff.counsellor
        print(f"\n50,000-row xlsx through Celery: {elapsed:.1f} s until done")

        # the placement engine runs through the same worker: a run becomes a draft
        from teilhabe.zuweisung.models import PlacementRun
        from tests.zuweisung.conftest import offer_at, ready_child

        offer_at(staff, 1, seats=2)
        ready_child(staff)
        client.force_login(staff.schulamt)
        started = client.post(reverse("zuweisung:run_start"))
        assert started.status_code == 302
        run = PlacementRun.objects.get()
        engine_job = Job.objects.get(pk=run.job_id)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            engine_job.refresh_from_db()
            if engine_job.finished or worker.poll() is not None:
                break
            time.sleep(0.25)
        run.refresh_from_db()
        assert engine_job.status == JobStatus.DONE, log.read_text()[-3000:]
        assert run.status == "draft" and run.placements.count() == 1
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        app.conf.broker_url = previous_broker
        import redis

        store = redis.Redis.from_url(redis_url)
        store.delete(queue, f"_kombu.binding.{queue}")
        shutil.rmtree(files, ignore_errors=True)

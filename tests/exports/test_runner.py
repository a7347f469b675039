"""The runner: progress, the result stored privately, and failures without a half file."""

from __future__ import annotations

import time

import pytest
from django.core.files.storage import storages

from teilhabe.exports.models import Job, JobStatus
from teilhabe.exports.registry import JobResult
from teilhabe.exports.runner import JobError, run_job
from teilhabe.exports.services import start_job
from tests.exports.conftest import file_result

pytestmark = pytest.mark.django_db


def _queued(staff, kind: str) -> Job:
    """A job started but not yet run (on_commit callbacks do not fire in these tests)."""
    return start_job(actor=staff.counsellor, kind=kind, params={"n": 1})


def _stored_names() -> list[str]:
    storage = storages["exports"]
    dirs, _files = storage.listdir("jobs") if storage.exists("jobs") else ([], [])
    return [f for d in dirs for f in storage.listdir(f"jobs/{d}")[1]]


def test_progress_is_written_while_running(staff, job_kind):
    seen: list[tuple[str, int, str]] = []

    def run(job, progress):
        progress(40, "Zeile 400 von 1.000")
        row = Job.objects.get(pk=job.pk)
        seen.append((row.status, row.progress, row.message))
        progress(250, "zu viel")  # clamped: 100 means done and only the runner sets it
        seen.append((Job.objects.get(pk=job.pk).progress, 0, ""))
        return JobResult(redirect_url="/schulen/zuweisung/", data={"proposals": 12})

    job = _queued(staff, job_kind(run))
    run_job(job.pk)
    assert seen == [("running", 40, "Zeile 400 von 1.000"), (99, 0, "")]
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert (job.progress, job.message) == (100, "Fertig.")
    assert job.started_at <= job.finished_at
    # a job without a file: where to go on, and its figures
    assert not job.has_file
    assert job.result_url == "/schulen/zuweisung/"
    assert job.result_data == {"proposals": 12}


def test_progress_writes_are_throttled(staff, job_kind, settings):
    settings.TEILHABE_JOBS_PROGRESS_INTERVAL = 60

    def run(job, progress):
        progress(10, "erste Meldung")
        progress(20, "gleich danach: nicht geschrieben")
        assert Job.objects.get(pk=job.pk).progress == 10
        return JobResult(data={})

    job = _queued(staff, job_kind(run))
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error


def test_a_file_lands_in_private_storage(staff, job_kind):
    job = _queued(staff, job_kind(file_result))
    run_job(job.pk)
    job.refresh_from_db()
    assert job.has_file
    assert job.result_file.name == f"jobs/{job.pk}/liste.csv"
    assert (job.result_filename, job.result_content_type) == ("liste.csv", "text/csv")
    assert storages["exports"].open(job.result_file.name).read() == b"A;B\r\n1;2\r\n"


def test_a_path_result_is_moved_into_storage(staff, job_kind, tmp_path):
    source = tmp_path / "export.csv"

    def run(job, progress):
        source.write_bytes(b"x;y\r\n")
        return JobResult(filename="export.csv", content_type="text/csv", content=source)

    job = _queued(staff, job_kind(run))
    run_job(job.pk)
    job.refresh_from_db()
    assert job.result_file.read() == b"x;y\r\n"
    assert not source.exists()  # the runner took the temporary file over


def test_an_exception_fails_the_job_with_a_german_message(staff, job_kind):
    def run(job, progress):
        progress(30, "läuft")
        raise KeyError("interner Name")

    job = _queued(staff, job_kind(run))
    run_job(job.pk)  # never raises
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("Der Auftrag ist fehlgeschlagen.")
    assert "interner Name" not in job.message
    assert "KeyError" in job.error and "interner Name" in job.error
    assert job.finished_at is not None
    assert not job.result_file
    assert _stored_names() == []


def test_job_error_message_is_shown(staff, job_kind):
    def run(job, progress):
        raise JobError("Keine freien Plätze gemeldet.")

    job = _queued(staff, job_kind(run))
    run_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.message) == (JobStatus.FAILED, "Keine freien Plätze gemeldet.")


def test_failure_while_storing_leaves_no_file_and_no_temp_file(
    staff, job_kind, tmp_path, monkeypatch
):
    source = tmp_path / "gross.xlsx"

    def run(job, progress):
        source.write_bytes(b"PK half")
        return JobResult(filename="gross.xlsx", content_type="application/zip", content=source)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(storages["exports"]), "_save", disk_full)
    job = _queued(staff, job_kind(run))
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert not job.result_file
    assert not source.exists()
    assert "No space left" in job.error


def test_wrong_return_type_fails(staff, job_kind):
    job = _queued(staff, job_kind(lambda job, progress: b"bytes, not a JobResult"))
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "not JobResult" in job.error


def test_a_job_runs_once(staff, job_kind):
    calls = []

    def run(job, progress):
        calls.append(job.pk)
        return JobResult()

    job = _queued(staff, job_kind(run))
    run_job(job.pk)
    run_job(job.pk)  # a second delivery (acks_late) finds it done
    assert calls == [job.pk]


def test_a_running_job_of_a_dead_worker_is_taken_over_later(staff, job_kind, settings):
    calls = []
    job = _queued(staff, job_kind(lambda job, progress: calls.append(1) or JobResult()))
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=job.created_at)
    run_job(job.pk)
    assert calls == []  # still within the time limit: another worker may be at it
    settings.TEILHABE_JOBS_STALE_SECONDS = 0
    time.sleep(0.01)
    run_job(job.pk)
    assert calls == [1]
    assert Job.objects.get(pk=job.pk).status == JobStatus.DONE


def test_waiting_list_export_checks_the_owners_right_again_at_run_time(staff):
    job = start_job(
        actor=staff.counsellor, kind="seiteneinstieg.waiting_list_csv", params={"filters": {}}
    )
    type(staff.counsellor).objects.filter(pk=staff.counsellor.pk).update(role="statistics")
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message == "Sie haben keine Berechtigung mehr für diesen Auftrag."
    assert not job.result_file


@pytest.mark.django_db(transaction=True)
def test_without_celery_a_thread_runs_the_job(staff, job_kind, settings):
    """The default without Redis: a daemon thread, so the request returns at once."""
    settings.TEILHABE_JOBS_EAGER = False
    job = start_job(actor=staff.counsellor, kind=job_kind(file_result), params={})
    deadline = time.monotonic() + 60  # a busy CI machine
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.finished:
            break
        time.sleep(0.05)
    assert job.status == JobStatus.DONE, job.error
    assert job.result_file.read() == b"A;B\r\n1;2\r\n"

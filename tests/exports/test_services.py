"""start_job: permission, one audit entry, dispatch only after commit; the download record."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from teilhabe.audit.models import AuditEntry
from teilhabe.exports import registry
from teilhabe.exports.models import Job, JobStatus
from teilhabe.exports.services import record_job_download, start_job
from tests.exports.conftest import file_result

pytestmark = pytest.mark.django_db


def test_start_job_queues_audits_once_and_runs_after_commit(
    staff, job_kind, django_capture_on_commit_callbacks
):
    kind = job_kind(file_result)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = start_job(actor=staff.counsellor, kind=kind, params={"status": "invited"})
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED  # nothing runs before the commit
    assert (job.owner, job.centre, job.params) == (
        staff.counsellor,
        staff.centre,
        {"status": "invited"},
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.centre) == (
        "exports.job.started",
        staff.counsellor,
        staff.centre,
    )
    assert entry.target_id == str(job.pk)
    assert entry.data == {"kind": kind, "params": {"status": "invited"}}
    assert len(callbacks) == 1
    callbacks[0]()  # the commit
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert job.progress == 100
    assert job.result_file.read() == b"A;B\r\n1;2\r\n"


def test_rolled_back_start_never_runs(staff, job_kind, django_capture_on_commit_callbacks):
    kind = job_kind(file_result)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                start_job(actor=staff.counsellor, kind=kind, params={})
                raise RuntimeError("caller fails after starting")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not Job.objects.exists()
    assert not AuditEntry.objects.exists()


def test_without_the_kinds_permission_nothing_is_written(staff, job_kind):
    kind = job_kind(file_result, permission="seiteneinstieg.export_waiting_list")
    with pytest.raises(PermissionDenied):
        start_job(actor=staff.statistics, kind=kind, params={})
    assert not Job.objects.exists()
    assert not AuditEntry.objects.exists()


def test_unknown_kind_is_an_error(staff):
    with pytest.raises(registry.UnknownJobKind):
        start_job(actor=staff.counsellor, kind="nirgends.nichts", params={})
    assert not Job.objects.exists()


def test_params_must_be_json(staff, job_kind):
    kind = job_kind(file_result)
    with pytest.raises(ValidationError) as exc:
        start_job(actor=staff.counsellor, kind=kind, params={"when": object()})
    assert "ungültig" in exc.value.messages[0]
    assert not Job.objects.exists()


def test_statewide_kind_has_no_centre_but_is_audited_in_the_actors(staff, job_kind):
    kind = job_kind(file_result, statewide=True)
    job = start_job(actor=staff.schulamt, kind=kind, params={})
    assert job.centre is None
    assert AuditEntry.objects.get().centre == staff.centre


def test_with_celery_the_job_is_sent_to_the_queue(
    staff, job_kind, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from teilhabe.celery import app

    settings.TEILHABE_CELERY = True
    settings.TEILHABE_CELERY_QUEUE = "teilhabe-test"
    sent = []
    monkeypatch.setattr(app, "send_task", lambda name, **kw: sent.append((name, kw)))
    kind = job_kind(file_result)
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(actor=staff.counsellor, kind=kind, params={})
    assert sent == [("exports.run_job", {"args": [str(job.pk)], "queue": "teilhabe-test"})]
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED  # the worker runs it, not the web process


def test_unreachable_broker_fails_the_job_with_a_german_message(
    staff, job_kind, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from teilhabe.celery import app

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("redis down")

    settings.TEILHABE_CELERY = True
    monkeypatch.setattr(app, "send_task", refuse)
    kind = job_kind(file_result)
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(actor=staff.counsellor, kind=kind, params={})
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("Der Auftrag konnte nicht gestartet werden")
    assert "redis down" in job.error


def test_download_record_only_for_the_owner_of_a_file(
    staff, other_staff, job_kind, django_capture_on_commit_callbacks
):
    kind = job_kind(file_result)
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(actor=staff.counsellor, kind=kind, params={})
    job.refresh_from_db()
    for stranger in (staff.centre_admin, other_staff.counsellor):
        with pytest.raises(PermissionDenied):
            record_job_download(actor=stranger, job=job)
    record_job_download(actor=staff.counsellor, job=job)
    entry = AuditEntry.objects.get(action="exports.job.downloaded")
    assert entry.data == {"kind": kind, "filename": "liste.csv"}
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, result_file="")
    job.refresh_from_db()
    with pytest.raises(ValidationError):
        record_job_download(actor=staff.counsellor, job=job)

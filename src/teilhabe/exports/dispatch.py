"""Where a queued job runs: a Celery worker, a daemon thread, or (tests) right away.

``TEILHABE_CELERY`` (on only when Redis is configured) sends the job to the ``exports.run_job``
task. Without Celery the job runs in a daemon thread of the web process, so the request
returns at once and the job page can still show progress. ``TEILHABE_JOBS_EAGER`` runs it
synchronously in the caller, which keeps tests deterministic.
"""

from __future__ import annotations

import logging
import threading
import uuid

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.exports.models import Job, JobStatus
from teilhabe.exports.runner import run_job

logger = logging.getLogger(__name__)
TASK_NAME = "exports.run_job"


def dispatch(job_id: uuid.UUID) -> None:
    """Hand a committed job to whatever runs jobs here (called from ``on_commit``)."""
    if settings.TEILHABE_CELERY:
        _send_to_celery(job_id)
    elif settings.TEILHABE_JOBS_EAGER:
        run_job(job_id)
    else:
        thread = threading.Thread(
            target=_run_in_thread, args=(job_id,), name=f"job-{job_id}", daemon=True
        )
        thread.start()


def _send_to_celery(job_id: uuid.UUID) -> None:
    from teilhabe.celery import app

    try:
        app.send_task(TASK_NAME, args=[str(job_id)], queue=settings.TEILHABE_CELERY_QUEUE)
    except Exception as exc:  # broker down: say so on the job page, don't leave it queued
        logger.exception("Job %s: could not reach the Celery broker", job_id)
        Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
            status=JobStatus.FAILED,
            finished_at=timezone.now(),
            message=_("Der Auftrag konnte nicht gestartet werden. Bitte später erneut versuchen."),
            error=repr(exc),
        )


def _run_in_thread(job_id: uuid.UUID) -> None:
    """A thread has its own database connections: open fresh ones and close them after."""
    close_old_connections()
    try:
        run_job(job_id)
    finally:
        connections.close_all()

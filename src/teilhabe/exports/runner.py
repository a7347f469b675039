"""Running one job: claim it, call the registered work with a progress callback, store the result.

The same function runs in a Celery worker, in a daemon thread, or synchronously in tests.
Status writes are plain conditional UPDATEs (no audit: starting and downloading are the
audited acts), so a job is claimed at most once, and a job whose worker died is claimed
again only after ``TEILHABE_JOBS_STALE_SECONDS``.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import traceback
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from teilhabe.exports import registry
from teilhabe.exports.models import Job, JobStatus
from teilhabe.exports.registry import JobResult

logger = logging.getLogger(__name__)


class JobError(Exception):
    """Raised by a job's run with a German message the user may read (shown on the job page)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Reporter:
    """The ``progress(percent, message)`` callback: at most one UPDATE per interval.

    Progress is clamped to 0..99 while running; 100 means done and is set by the runner.
    """

    def __init__(self, job_id: uuid.UUID, interval: float) -> None:
        self.job_id = job_id
        self.interval = interval
        self.last_write = 0.0
        self.last_percent = -1

    def __call__(self, percent: int, message: str) -> None:
        percent = max(0, min(int(percent), 99))
        now = time.monotonic()
        if now - self.last_write < self.interval or percent < self.last_percent:
            return
        Job.objects.filter(pk=self.job_id, status=JobStatus.RUNNING).update(
            progress=percent, message=str(message)[:300]
        )
        self.last_write = now
        self.last_percent = percent


def _claim(job_id: uuid.UUID) -> bool:
    """QUEUED → RUNNING, or take over a RUNNING job whose worker has been gone too long."""
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.TEILHABE_JOBS_STALE_SECONDS)
    claimable = Q(status=JobStatus.QUEUED) | Q(status=JobStatus.RUNNING, started_at__lt=stale)
    return bool(
        Job.objects.filter(claimable, pk=job_id).update(
            status=JobStatus.RUNNING, started_at=now, progress=0, message=_("Läuft …")
        )
    )


def run_job(job_id: uuid.UUID | str) -> None:
    """Run a queued job to DONE or FAILED; never raises (the outcome is on the job row)."""
    job_id = uuid.UUID(str(job_id))
    if not _claim(job_id):
        logger.info("Job %s: not queued (already run or unknown), skipped", job_id)
        return
    job = Job.objects.select_related("owner", "centre").get(pk=job_id)
    result = None
    try:
        kind = registry.get_kind(job.kind)
        with translation.override(settings.LANGUAGE_CODE):
            result = kind.run(job, _Reporter(job.pk, settings.TEILHABE_JOBS_PROGRESS_INTERVAL))
            if not isinstance(result, JobResult):
                raise TypeError(f"{job.kind}: run returned {type(result).__name__}, not JobResult")
            _finish(job, result)
    except Exception as exc:  # anything: the job fails with a German message, no file
        with translation.override(settings.LANGUAGE_CODE):
            _fail(job, exc)
    finally:
        if isinstance(result, JobResult) and isinstance(result.content, Path):
            result.content.unlink(missing_ok=True)  # the runner owns the temporary file


def _finish(job: Job, result: JobResult) -> None:
    """Store the file (if any), then mark DONE; if the row moved on meanwhile, drop the file."""
    if isinstance(result.content, bytes):
        job.result_file.save(result.filename, ContentFile(result.content), save=False)
    elif isinstance(result.content, Path):
        with result.content.open("rb") as handle:
            job.result_file.save(result.filename, File(handle), save=False)
    stored = job.result_file.name or ""
    updated = Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
        status=JobStatus.DONE,
        progress=100,
        message=(result.message or _("Fertig."))[:300],
        result_file=stored,
        result_filename=result.filename,
        result_content_type=result.content_type,
        result_url=result.redirect_url,
        result_data=result.data,
        finished_at=timezone.now(),
    )
    if not updated and stored:
        job.result_file.storage.delete(stored)


def _fail(job: Job, exc: Exception) -> None:
    logger.exception("Job %s (%s) failed", job.pk, job.kind)
    if isinstance(exc, JobError):
        message = exc.message
    elif isinstance(exc, PermissionDenied):
        message = _("Sie haben keine Berechtigung mehr für diesen Auftrag.")
    elif type(exc).__name__ in ("SoftTimeLimitExceeded", "TimeLimitExceeded"):
        message = _("Der Auftrag hat zu lange gedauert und wurde abgebrochen.")
    else:
        message = _(
            "Der Auftrag ist fehlgeschlagen. Bitte starten Sie ihn erneut; "
            "bleibt der Fehler, wenden Sie sich an die Administration."
        )
    if job.result_file.name:  # stored before the failure: no half result stays behind
        job.result_file.storage.delete(job.result_file.name)
    Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
        status=JobStatus.FAILED,
        message=message[:300],
        result_file="",
        error="".join(traceback.format_exception(exc))[-20000:],
        finished_at=timezone.now(),
    )

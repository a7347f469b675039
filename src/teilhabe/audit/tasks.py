"""The nightly retention run as a Celery task (beat schedule in ``teilhabe.celery``)."""

from __future__ import annotations

from celery import shared_task

from teilhabe.audit.retention import apply_retention

TASK_NAME = "teilhabe.audit.apply_retention"


@shared_task(name=TASK_NAME, ignore_result=True)
def apply_retention_task() -> int:
    """Carry out the retention rules now; returns how many rows were deleted/anonymised."""
    return sum(r.rows for r in apply_retention())

"""The Celery task (autodiscovered by ``teilhabe.celery``): runs one job by id."""

from __future__ import annotations

from celery import shared_task

from teilhabe.exports.dispatch import TASK_NAME
from teilhabe.exports.runner import run_job


@shared_task(name=TASK_NAME, ignore_result=True)
def run_job_task(job_id: str) -> None:
    """acks_late (settings): a job whose worker died is delivered again and re-claimed."""
    run_job(job_id)

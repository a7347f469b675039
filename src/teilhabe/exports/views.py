"""The job pages. The progress page works without JavaScript (it refreshes itself while the
job runs); with JavaScript, ``js/job_progress.js`` polls the JSON status instead."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.exports import selectors
from teilhabe.exports.models import Job, JobStatus
from teilhabe.exports.services import record_job_download

logger = logging.getLogger(__name__)
REFRESH_SECONDS = 2
LIST_SIZE = 50


def _status(job: Job) -> dict[str, Any]:
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "progress": job.progress,
        "message": job.message,
        "finished": job.finished,
        "download_url": reverse("exports:job_download", args=[job.pk]) if job.has_file else "",
        "redirect_url": job.result_url if job.status == JobStatus.DONE else "",
    }


@staff_view("exports.view_jobs")
@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = list(selectors.jobs_of(user=request.user)[:LIST_SIZE])
    for job in jobs:
        job.label = selectors.kind_label(job)
    return render(request, "exports/job_list.html", {"jobs": jobs})


@staff_view("exports.view_jobs")
@require_GET
def job_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    job = selectors.job_for(user=request.user, pk=pk)
    response = render(
        request,
        "exports/job_detail.html",
        {
            "job": job,
            "label": selectors.kind_label(job),
            "state": _status(job),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@staff_view("exports.view_jobs")
@require_GET
def job_status(request: HttpRequest, pk: uuid.UUID) -> JsonResponse:
    job = selectors.job_for(user=request.user, pk=pk)
    response = JsonResponse(_status(job))
    response["Cache-Control"] = "no-store"
    return response


@staff_view("exports.view_jobs")
@require_GET
def job_download(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The result file as an attachment, to its owner only; each download is audited."""
    job = selectors.job_for(user=request.user, pk=pk)
    if not job.has_file:
        messages.error(request, _("Dieser Auftrag hat keine Datei zum Herunterladen."))
        return redirect("exports:job_detail", pk=job.pk)
    try:
        handle = job.result_file.open("rb")
    except FileNotFoundError:
        logger.error("Job %s: file %s missing in storage", job.pk, job.result_file.name)
        messages.error(
            request, _("Die Datei ist nicht mehr gespeichert. Bitte starten Sie den Auftrag neu.")
        )
        return redirect("exports:job_detail", pk=job.pk)
    record_job_download(actor=request.user, job=job)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=job.result_filename,
        content_type=job.result_content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response

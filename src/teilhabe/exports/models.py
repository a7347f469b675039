"""A job: long work (an export, an engine run) done outside the request, with progress."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.exports.storage import get_storage


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Wartet")
    RUNNING = "running", _("Läuft")
    DONE = "done", _("Fertig")
    FAILED = "failed", _("Fehlgeschlagen")


FINISHED = (JobStatus.DONE, JobStatus.FAILED)


def result_path(job: Job, filename: str) -> str:
    """One directory per job: the name the user sees never collides with another's."""
    return f"jobs/{job.pk}/{filename}"


class Job(models.Model):
    """Who started what with which parameters, how far it is, and what came out.

    ``message`` is German and shown to the user; ``error`` is internal (a traceback) and
    never shown. The result file lives in the private ``exports`` storage and is only
    served to its owner through the download view.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("Zentrum"),
        help_text=_("Leer bei landesweiten Aufträgen."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="jobs",
        verbose_name=_("Gestartet von"),
    )
    kind = models.CharField(_("Art"), max_length=100)
    params = models.JSONField(_("Parameter"), default=dict, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("Fortschritt (%)"), default=0)
    message = models.CharField(_("Meldung"), max_length=300, blank=True)
    result_file = models.FileField(
        _("Ergebnisdatei"), storage=get_storage, upload_to=result_path, max_length=300, blank=True
    )
    result_filename = models.CharField(_("Dateiname"), max_length=200, blank=True)
    result_content_type = models.CharField(_("Dateityp"), max_length=100, blank=True)
    result_url = models.CharField(_("Weiter zu"), max_length=500, blank=True)
    result_data = models.JSONField(_("Ergebnis"), default=dict, blank=True)
    error = models.TextField(_("Fehler (intern)"), blank=True)
    created_at = models.DateTimeField(_("Erstellt"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("Begonnen"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Beendet"), null=True, blank=True)

    class Meta:
        verbose_name = _("Auftrag")
        verbose_name_plural = _("Aufträge")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__gte=0, progress__lte=100),
                name="job_progress_0_100",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=JobStatus.values), name="job_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(result_file="") | models.Q(status=JobStatus.DONE),
                name="job_file_only_when_done",
            ),
            models.CheckConstraint(
                condition=models.Q(finished_at__isnull=True) | models.Q(status__in=FINISHED),
                name="job_finished_at_only_when_finished",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def has_file(self) -> bool:
        return self.status == JobStatus.DONE and bool(self.result_file)

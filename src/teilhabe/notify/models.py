"""The outbox: one row per message, written in the same transaction as the write it reports.

A rolled-back write leaves no mail behind; a mail server that is down leaves the row
pending, and ``teilhabe send_outbox`` retries it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Wartet")
    SENT = "sent", _("Versandt")
    FAILED = "failed", _("Fehlgeschlagen")


class OutboxMail(models.Model):
    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to = models.JSONField(_("An"), default=list)
    reply_to = models.CharField(_("Antwort an"), max_length=254, blank=True)
    subject = models.CharField(_("Betreff"), max_length=300)
    body = models.TextField(_("Text"))
    html_body = models.TextField(_("HTML"), blank=True)
    # [{"filename": ..., "content_type": ..., "content_b64": ...}] — small files only (letters)
    attachments = models.JSONField(_("Anhänge"), default=list, blank=True)
    language = models.CharField(_("Sprache"), max_length=8, blank=True)
    # What the mail is about (e.g. "seiteneinstieg.family:12"), for the case's log.
    topic = models.CharField(_("Betrifft"), max_length=120, blank=True, db_index=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.CharField(_("Letzter Fehler"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Versandt"), null=True, blank=True)

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"

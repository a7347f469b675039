"""The audit trail: one row per write, written in the same transaction as the write."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what, when, to which object, in which centre.

    ``action`` is a namespaced code such as ``seiteneinstieg.child.registered``;
    ``target_type``/``target_id`` name the object without a generic foreign key so that
    entries survive when the object itself is shredded.
    """

    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("Zentrum"),
        help_text=_("Leer nur bei landesweiten Vorgängen (Zentren anlegen, Schulverzeichnis)."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Person"),
    )
    action = models.CharField(_("Aktion"), max_length=100, db_index=True)
    target_type = models.CharField(_("Objektart"), max_length=100)
    target_id = models.CharField(_("Objekt"), max_length=64)
    summary = models.CharField(_("Beschreibung"), max_length=300, blank=True)
    data = models.JSONField(_("Daten"), default=dict, blank=True)
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokolleinträge")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}:{self.target_id}"

"""Placements: a child proposed to (and placed at) one offer of a school.

This app sits above the schools and the casework and coordinates them: the engine run,
the proposals, the schools' decisions. Seats taken are counted from active placements
(``schulen.seats``), never typed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager


class PlacementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Vorgeschlagen")
    ACCEPTED = "accepted", _("Angenommen")
    DECLINED = "declined", _("Abgelehnt")


ACTIVE_PLACEMENT_STATUSES = (PlacementStatus.PROPOSED, PlacementStatus.ACCEPTED)


class Placement(models.Model):
    """A child proposed to (or placed at) one offer; active ones take a seat."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(
        "seiteneinstieg.Child", on_delete=models.PROTECT, related_name="placements"
    )
    offer = models.ForeignKey("schulen.Offer", on_delete=models.PROTECT, related_name="placements")
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=PlacementStatus.choices,
        default=PlacementStatus.PROPOSED,
    )
    distance_km = models.FloatField(_("Entfernung (km)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("Vorgeschlagen am"), auto_now_add=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Platzvorschlag")
        verbose_name_plural = _("Platzvorschläge")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(status__in=["proposed", "accepted"]),
                name="placement_one_active_per_child",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} → {self.offer}"

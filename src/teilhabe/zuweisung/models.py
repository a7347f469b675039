"""Placements: a child proposed to (and placed at) one offer of a school.

This app sits above the schools and the casework and coordinates them: the engine run,
its review by the Schulamt, the proposals, the schools' decisions and the first school
day. Seats taken are counted from accepted placements (``schulen.seats``), never typed.

A placement's life::

    DRAFT ──release──► PROPOSED ──accept (first school day)──► ACCEPTED ──first day──► ATTENDING
      │                   │ └──decline (reason)──► DECLINED            │
      └─discard/re-run─► DISCARDED   └────────withdraw (status changed by hand)──► WITHDRAWN
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager


class PlacementStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PROPOSED = "proposed", _("Vorgeschlagen")
    ACCEPTED = "accepted", _("Zugesagt")
    ATTENDING = "attending", _("Besucht die Schule")
    DECLINED = "declined", _("Abgelehnt")
    WITHDRAWN = "withdrawn", _("Zurückgezogen")
    DISCARDED = "discarded", _("Verworfen")


# One of these per child at most (database constraint).
ACTIVE_PLACEMENT_STATUSES = (
    PlacementStatus.DRAFT,
    PlacementStatus.PROPOSED,
    PlacementStatus.ACCEPTED,
    PlacementStatus.ATTENDING,
)
# A seat is taken once the school has accepted; a released proposal reserves it.
TAKING_STATUSES = (PlacementStatus.ACCEPTED, PlacementStatus.ATTENDING)
RESERVING_STATUSES = (PlacementStatus.PROPOSED,)
# What a school sees (never drafts, nor a child it declined or that was withdrawn).
SCHOOL_VISIBLE_STATUSES = (
    PlacementStatus.PROPOSED,
    PlacementStatus.ACCEPTED,
    PlacementStatus.ATTENDING,
)


class DeclineReason(models.TextChoices):
    NO_SEAT = "no_seat", _("Kein Platz mehr frei")
    WRONG_LEVEL = "wrong_level", _("Stufe oder Klasse passt nicht")
    SUPPORT_NEEDS = "support_needs", _("Förderbedarf kann nicht erfüllt werden")
    DISTANCE = "distance", _("Schulweg unzumutbar")
    OTHER = "other", _("Anderer Grund")


class RunKind(models.TextChoices):
    BATCH = "batch", _("Gesamtlauf")
    SINGLE = "single", _("Einzelnes Kind")


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Wird berechnet")
    DRAFT = "draft", _("Entwurf zur Prüfung")
    RELEASED = "released", _("Freigegeben")
    DISCARDED = "discarded", _("Verworfen")
    FAILED = "failed", _("Fehlgeschlagen")


class PlacementRun(models.Model):
    """One engine run: what went in, what came out, and who released it."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("Art"), max_length=10, choices=RunKind.choices)
    status = models.CharField(
        _("Status"), max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING
    )
    child = models.ForeignKey(
        "seiteneinstieg.Child",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Nur beim Lauf für ein einzelnes Kind."),
    )
    instance = models.JSONField(_("Eingabe"), default=dict, blank=True)
    answer = models.JSONField(_("Antwort"), default=dict, blank=True)
    cost = models.FloatField(_("Kosten"), null=True, blank=True)
    lower_bound = models.FloatField(_("Untere Schranke"), null=True, blank=True)
    gap = models.FloatField(_("Nachgewiesene Lücke"), null=True, blank=True)
    proven_optimal = models.BooleanField(_("Nachweislich optimal"), default=False)
    seconds = models.FloatField(_("Rechenzeit (s)"), null=True, blank=True)
    message = models.CharField(_("Meldung"), max_length=500, blank=True)
    job = models.ForeignKey(
        "exports.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("Gestartet"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Fertig"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    released_at = models.DateTimeField(_("Freigegeben"), null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Zuweisungslauf")
        verbose_name_plural = _("Zuweisungsläufe")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="batch") | Q(child__isnull=False), name="run_single_has_child"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_at:%d.%m.%Y %H:%M}"


class Placement(models.Model):
    """A child proposed to (or placed at) one offer."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(
        "seiteneinstieg.Child", on_delete=models.PROTECT, related_name="placements"
    )
    offer = models.ForeignKey("schulen.Offer", on_delete=models.PROTECT, related_name="placements")
    run = models.ForeignKey(
        PlacementRun,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("Lauf"),
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=PlacementStatus.choices,
        default=PlacementStatus.PROPOSED,
    )
    distance_km = models.FloatField(_("Entfernung (km)"), null=True, blank=True)
    explanation = models.JSONField(_("Begründung"), default=dict, blank=True)
    locked = models.BooleanField(
        _("Festgehalten"), default=False, help_text=_("Bleibt bei einer Neuberechnung erhalten.")
    )
    overridden = models.BooleanField(_("Vom Schulamt geändert"), default=False)
    start_date = models.DateField(_("Erster Schultag"), null=True, blank=True)
    decline_reason = models.CharField(
        _("Ablehnungsgrund"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.CharField(_("Erläuterung"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("Vorgeschlagen am"), auto_now_add=True)
    released_at = models.DateTimeField(_("An die Schule gegeben"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)
    attending_since = models.DateField(_("Besucht die Schule seit"), null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Platzvorschlag")
        verbose_name_plural = _("Platzvorschläge")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(status__in=["draft", "proposed", "accepted", "attending"]),
                name="placement_one_active_per_child",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "attending"]) | Q(start_date__isnull=False),
                name="placement_accepted_has_start_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="placement_declined_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["offer", "status"])]

    def __str__(self) -> str:
        return f"{self.child} → {self.offer}"


class Exclusion(models.Model):
    """A school that is not to be proposed for a child again (declined, or the Schulamt)."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(
        "seiteneinstieg.Child", on_delete=models.CASCADE, related_name="school_exclusions"
    )
    school = models.ForeignKey("schulen.School", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("Grund"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("Angelegt"), auto_now_add=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Ausgeschlossene Schule")
        verbose_name_plural = _("Ausgeschlossene Schulen")
        constraints = [
            models.UniqueConstraint(fields=["child", "school"], name="exclusion_once"),
        ]

    def __str__(self) -> str:
        return f"{self.child} ✗ {self.school}"

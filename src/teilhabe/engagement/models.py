"""Engagement: organisations and initiatives, volunteers, needs and assignments.

Organisations keep their own entry current through a personal link (``link_nonce`` in a
signed token, no account); volunteers log in through a mailed link in the same way. The
matching core (``matching.py``) is pure Python and knows none of these models.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager
from teilhabe.engagement.choices import (
    AssignmentStatus,
    HelpKind,
    NeedStatus,
    OrganisationKind,
    Recurrence,
    VolunteerStatus,
)


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class Organisation(models.Model):
    """A migrant organisation, initiative, club, religious community or welfare association.

    ``contact_persons`` is a list of ``{"name", "role", "email", "phone", "consent_at"}``:
    a person is stored only with the date they agreed to be listed. ``confirmed_at`` is the
    last time the organisation confirmed its entry; entries not confirmed for two years are
    hidden from the public (``hidden_at``, set by ``teilhabe engagement_jobs``).
    """

    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.CASCADE, related_name="organisations"
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=16, choices=OrganisationKind.choices)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    website = models.URLField(_("Website"), blank=True)
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    fields_of_work = models.JSONField(_("Arbeitsfelder"), default=list, blank=True)
    districts = models.JSONField(_("Stadtteile oder Orte"), default=list, blank=True)
    street = models.CharField(_("Straße"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    description = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=2000)
    contact_persons = models.JSONField(_("Ansprechpersonen"), default=list, blank=True)
    is_public = models.BooleanField(_("Auf den öffentlichen Seiten zeigen"), default=False)
    link_nonce = models.CharField(max_length=32, default=new_nonce)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(_("Zuletzt bestätigt"), null=True, blank=True)
    confirmation_requested_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(_("Öffentlich ausgeblendet seit"), null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "name"], name="engagement_organisation_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Volunteer(models.Model):
    """A person who volunteers; registered on the public page, confirmed by a coordinator.

    ``languages`` maps a language code to a level 1–5; ``windows`` is the weekly pattern
    (``[{"weekday": 0-6, "start": "HH:MM", "end": "HH:MM"}]``), ``unavailable`` the
    exceptions (ISO dates). Of the extended certificate of conduct only the date it was
    seen is stored, never the document. Deleting the profile deletes this row; hours and
    assignments stay without the person (``SET_NULL``).
    """

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    district = models.CharField(_("Stadtteil"), max_length=100, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    max_km = models.PositiveSmallIntegerField(_("Höchstens km entfernt"), default=10)
    languages = models.JSONField(_("Sprachen"), default=dict)
    offers = models.JSONField(_("Angebote"), default=list)
    windows = models.JSONField(_("Zeiten (wöchentlich)"), default=list)
    unavailable = models.JSONField(_("Ausnahmen"), default=list, blank=True)
    certificate_seen_on = models.DateField(
        _("Erweitertes Führungszeugnis vorgelegt am"), null=True, blank=True
    )
    certificate_reminded_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=12, choices=VolunteerStatus.choices, default=VolunteerStatus.PENDING
    )
    consent_version = models.PositiveIntegerField(_("Datenschutzhinweis, Version"), default=0)
    consent_at = models.DateTimeField(_("Einwilligung am"))
    language = models.CharField(_("Sprache der Seiten"), max_length=5, default="de")
    registered_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    login_nonce = models.CharField(max_length=32, default=new_nonce)
    possible_duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = scoped_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("Ehrenamtliche Person")
        verbose_name_plural = _("Ehrenamtliche")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Need(models.Model):
    """Help that is needed: what, when (once or weekly), where, for whom.

    A family of the casework is linked, but the volunteer sees only ``contact_first_name``,
    the language, the place and the time. An interpreting need made by a booking points to
    its appointment (one need per appointment).
    """

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("Art"), max_length=16, choices=HelpKind.choices)
    language = models.CharField(_("Sprache"), max_length=8, blank=True)
    description = models.CharField(_("Beschreibung"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    recurrence = models.CharField(
        _("Wiederholung"), max_length=8, choices=Recurrence.choices, default=Recurrence.ONCE
    )
    repeat_until = models.DateField(_("Wiederholen bis"), null=True, blank=True)
    place = models.CharField(_("Ort"), max_length=200)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    family = models.ForeignKey(
        "seiteneinstieg.Family", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    appointment = models.OneToOneField(
        "seiteneinstieg.Appointment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interpreter_need",
    )
    contact_first_name = models.CharField(
        _("Vorname der Kontaktperson"), max_length=100, blank=True
    )
    child_contact = models.BooleanField(_("Kontakt zu Kindern"), default=False)
    status = models.CharField(
        _("Status"), max_length=12, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    created_by = models.ForeignKey(
        "centres.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="engagement_need_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%d.%m.%Y %H:%M}"


class Assignment(models.Model):
    """A volunteer asked for a need, and what became of it."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="assignments")
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments"
    )
    status = models.CharField(
        _("Status"),
        max_length=12,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.REQUESTED,
    )
    rank = models.PositiveSmallIntegerField(default=1)
    requested_at = models.DateTimeField()
    answer_due = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    reasons = models.JSONField(default=list, blank=True)

    objects = scoped_manager("need__centre")

    class Meta:
        ordering = ["need__starts_at", "rank"]
        verbose_name = _("Einsatz")
        verbose_name_plural = _("Einsätze")
        constraints = [
            models.UniqueConstraint(
                fields=["need"],
                condition=models.Q(status__in=["requested", "accepted"]),
                name="engagement_one_live_assignment_per_need",
            )
        ]

    def __str__(self) -> str:
        return f"{self.need} – {self.volunteer or '—'}"


class HoursEntry(models.Model):
    """Hours of voluntary work; stays (without the person) when a profile is deleted."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.SET_NULL, null=True, blank=True, related_name="hours"
    )
    assignment = models.ForeignKey(
        Assignment, on_delete=models.SET_NULL, null=True, blank=True, related_name="hours"
    )
    kind = models.CharField(_("Art"), max_length=16, choices=HelpKind.choices)
    date = models.DateField(_("Datum"))
    minutes = models.PositiveIntegerField(_("Minuten"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("Stunden")
        verbose_name_plural = _("Stunden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0, minutes__lte=24 * 60),
                name="engagement_hours_in_a_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.minutes} min"

"""Seiteneinstieg: newly arrived children, their families, counselling and assessment.

Models hold data and database constraints only; every change goes through
``teilhabe.seiteneinstieg.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from teilhabe.centres.scoping import scoped_manager
from teilhabe.core.crypto import EncryptedTextField
from teilhabe.documents.storage import storage_path
from teilhabe.seiteneinstieg.choices import (
    LANGUAGE_CHOICES,
    WAITING_STATUSES,
    AppointmentStatus,
    DocumentKind,
    GermanLevel,
    LanguageLevel,
    PriorSchoolType,
    SchoolLevel,
    SkillLevel,
    Status,
)

postcode_validator = RegexValidator(r"^\d{5}$", _("Bitte eine fünfstellige Postleitzahl angeben."))


class Family(models.Model):
    """A household: the children registered together, their guardians and one address."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("Aktenzeichen"), max_length=20, unique=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("PLZ"), max_length=5, validators=[postcode_validator])
    city = models.CharField(_("Ort"), max_length=100, default="Köln")
    lat = models.FloatField(
        _("Breitengrad"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    lon = models.FloatField(
        _("Längengrad"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    # Official key and name of the municipality (teilhabe.geo); Stadtteil and Stadtbezirk only
    # where the municipality has district polygons (Köln), empty elsewhere.
    municipality_key = models.CharField(
        _("Gemeindeschlüssel"), max_length=8, blank=True, db_index=True
    )
    municipality_name = models.CharField(_("Gemeinde"), max_length=100, blank=True)
    stadtteil_number = models.CharField(_("Stadtteil-Nr."), max_length=3, blank=True, db_index=True)
    stadtteil_name = models.CharField(_("Stadtteil"), max_length=100, blank=True)
    stadtbezirk_number = models.CharField(
        _("Stadtbezirk-Nr."), max_length=2, blank=True, db_index=True
    )
    stadtbezirk_name = models.CharField(_("Stadtbezirk"), max_length=100, blank=True)
    notes = EncryptedTextField(_("Notizen"), blank=True)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    # The language the family chose on the public pages (self-registration); empty when
    # staff registered it. Mails to the family follow it.
    registered_language = models.CharField(
        _("Sprache der Anmeldung"), max_length=8, blank=True, choices=LANGUAGE_CHOICES
    )

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Familie")
        verbose_name_plural = _("Familien")
        ordering = ["reference"]

    def __str__(self) -> str:
        return self.reference


class Guardian(models.Model):
    """A parent or other person with custody; the contact for letters and appointments."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="guardians")
    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    relation = models.CharField(_("Beziehung zum Kind"), max_length=50, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    language = models.CharField(_("Sprache"), max_length=8, choices=LANGUAGE_CHOICES, default="de")
    interpreter_needed = models.BooleanField(_("Dolmetschung nötig"), default=False)
    # Search keys, written by the services with the names (see seiteneinstieg/matching.py).
    search_name = models.CharField(max_length=200, blank=True, default="", editable=False)
    search_phonetic = models.CharField(max_length=200, blank=True, default="", editable=False)
    phone_digits = models.CharField(max_length=50, blank=True, default="", editable=False)

    objects = scoped_manager("family__centre")

    class Meta:
        verbose_name = _("Sorgeberechtigte Person")
        verbose_name_plural = _("Sorgeberechtigte")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Child(models.Model):
    """A newly arrived child or young person who needs a school place: one case."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="children")
    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    birth_date = models.DateField(_("Geburtsdatum"))
    nationality = CountryField(_("Staatsangehörigkeit"), blank=True)
    first_language = models.CharField(_("Erstsprache"), max_length=8, choices=LANGUAGE_CHOICES)
    arrived_in_germany_on = models.DateField(_("Ankunft in Deutschland"))
    arrived_in_city_on = models.DateField(_("Zuzug in die Kommune"))
    school_years = models.PositiveSmallIntegerField(
        _("Schulbesuchsjahre"), default=0, validators=[MaxValueValidator(14)]
    )
    last_grade = models.PositiveSmallIntegerField(
        _("Zuletzt besuchte Klasse"), null=True, blank=True, validators=[MaxValueValidator(13)]
    )
    special_needs = EncryptedTextField(_("Besonderer Förderbedarf"), blank=True)
    notes = EncryptedTextField(_("Notizen"), blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Mögliche Doppelerfassung von"),
    )

    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    registered_at = models.DateTimeField(_("Registriert am"))
    invited_at = models.DateTimeField(_("Eingeladen am"), null=True, blank=True)
    counselled_at = models.DateTimeField(_("Beraten am"), null=True, blank=True)
    assessed_at = models.DateTimeField(_("Eingestuft am"), null=True, blank=True)
    ready_at = models.DateTimeField(_("Bereit seit"), null=True, blank=True)
    proposed_at = models.DateTimeField(_("Vorgeschlagen am"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("Zugesagt am"), null=True, blank=True)
    placed_at = models.DateTimeField(_("Platziert am"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Abgeschlossen am"), null=True, blank=True)

    # Copied from the latest assessment so that the waiting list filters without a join.
    recommended_level = models.CharField(
        _("Empfohlene Stufe"), max_length=20, choices=SchoolLevel.choices, blank=True
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Registriert von"),
    )
    # Search keys, written by the services with the names (see seiteneinstieg/matching.py).
    # On PostgreSQL both carry a trigram index (migration 0002).
    search_name = models.CharField(max_length=200, blank=True, default="", editable=False)
    search_phonetic = models.CharField(max_length=200, blank=True, default="", editable=False)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Kind")
        verbose_name_plural = _("Kinder")
        ordering = ["registered_at", "id"]
        indexes = [
            models.Index(fields=["centre", "status", "registered_at"]),
            # The waiting list's order: one index range in (registered_at, id) order across
            # the six waiting statuses, so PostgreSQL reads the page's ids (and the count)
            # from the index instead of scanning and sorting every child (docs/benchmarks.md).
            models.Index(
                fields=["centre", "registered_at", "id"],
                condition=Q(status__in=WAITING_STATUSES),
                name="child_waiting_order",
            ),
            models.Index(fields=["centre", "last_name", "first_name", "birth_date"]),
            models.Index(fields=["centre", "birth_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(arrived_in_germany_on__gte=models.F("birth_date")),
                name="child_arrival_not_before_birth",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ChildLanguage(models.Model):
    """A language the child speaks besides the first language, with a level."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("Sprache"), max_length=8, choices=LANGUAGE_CHOICES)
    level = models.CharField(_("Niveau"), max_length=20, choices=LanguageLevel.choices)

    objects = scoped_manager("child__centre")

    class Meta:
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        constraints = [
            models.UniqueConstraint(fields=["child", "language"], name="child_language_once"),
        ]

    def __str__(self) -> str:
        return f"{self.language} ({self.level})"


def document_upload_path(instance: Document, filename: str) -> str:
    """``documents/<centre>/<family>/<generated name>`` (``teilhabe.documents.storage``)."""
    return storage_path(instance.family.centre_id, instance.family_id, name=filename)


class Document(models.Model):
    """A scanned paper of the family or one child (ID, registration, school record)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="documents")
    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("Datei"), upload_to=document_upload_path)
    original_name = models.CharField(_("Dateiname"), max_length=255)
    content_type = models.CharField(_("Dateityp"), max_length=100)
    size = models.PositiveIntegerField(_("Größe (Byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("Hochgeladen am"), auto_now_add=True)

    objects = scoped_manager("family__centre")

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Assessment(models.Model):
    """The Einstufung after counselling: what the child knows and what we recommend."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="assessments")
    german_level = models.CharField(_("Deutsch"), max_length=8, choices=GermanLevel.choices)
    maths_level = models.CharField(_("Mathematik"), max_length=20, choices=SkillLevel.choices)
    first_language_literacy = models.CharField(
        _("Lesen und Schreiben in der Erstsprache"), max_length=20, choices=SkillLevel.choices
    )
    prior_school_type = models.CharField(
        _("Bisherige Schulart"), max_length=20, choices=PriorSchoolType.choices
    )
    recommended_level = models.CharField(
        _("Empfohlene Stufe"), max_length=20, choices=SchoolLevel.choices
    )
    recommended_grade = models.PositiveSmallIntegerField(
        _("Empfohlene Klasse"), validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    recommended_school_forms = models.JSONField(
        _("Empfohlene Schulformen"), default=list, blank=True
    )
    notes = EncryptedTextField(_("Bemerkungen"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(_("Eingestuft am"))

    objects = scoped_manager("child__centre")

    class Meta:
        verbose_name = _("Einstufung")
        verbose_name_plural = _("Einstufungen")
        ordering = ["-assessed_at", "-id"]
        get_latest_by = "assessed_at"

    def __str__(self) -> str:
        return f"{self.child}: {self.recommended_level} {self.recommended_grade}"


class CounsellingSlot(models.Model):
    """A time a counsellor offers for a counselling appointment."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="counselling_slots"
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    location = models.CharField(_("Ort"), max_length=200, blank=True)
    # A counselling without appointment (family came in): recorded afterwards, never offered.
    is_walk_in = models.BooleanField(_("Ohne Termin"), default=False)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Beratungstermin (frei)")
        verbose_name_plural = _("Beratungstermine (frei)")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["counsellor", "starts_at"], name="slot_unique_start"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="slot_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%d.%m.%Y %H:%M} {self.counsellor}"


class Appointment(models.Model):
    """A family booked into a slot. At most one active booking per slot and per family."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    slot = models.ForeignKey(CounsellingSlot, on_delete=models.PROTECT, related_name="appointments")
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="appointments")
    interpreter_language = models.CharField(
        _("Dolmetschung"), max_length=8, blank=True, choices=LANGUAGE_CHOICES
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.BOOKED,
    )
    # None: the family booked itself on the centre's public pages
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    booked_at = models.DateTimeField(_("Gebucht am"), auto_now_add=True)
    reminder_sent_at = models.DateTimeField(_("Erinnerung gesendet"), null=True, blank=True)
    notes = EncryptedTextField(_("Notizen zur Beratung"), blank=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Beratungstermin")
        verbose_name_plural = _("Beratungstermine")
        ordering = ["slot__starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(status="booked"),
                name="appointment_one_booking_per_slot",
            ),
            models.UniqueConstraint(
                fields=["family"],
                condition=Q(status="booked"),
                name="appointment_one_booking_per_family",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.family} @ {self.slot}"


class SelfRegistration(models.Model):
    """A family's registration through the centre's public pages (Online-Anmeldung).

    Keeps what staff and the family need about the submission itself: the reference shown
    to the family, the language, the privacy text version consented to, the form token
    (a double click returns the first result), hashes for rate limiting, and the hash of
    the secret link with which the family cancels or moves its appointment.
    """

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    family = models.OneToOneField(
        Family, on_delete=models.CASCADE, related_name="self_registration"
    )
    reference = models.CharField(_("Vorgangsnummer"), max_length=20, unique=True)
    language = models.CharField(_("Sprache"), max_length=8, choices=LANGUAGE_CHOICES)
    privacy_notice = models.ForeignKey(
        "centres.PrivacyNotice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Datenschutzhinweis (Version)"),
    )
    consented_at = models.DateTimeField(_("Einwilligung am"))
    submitted_at = models.DateTimeField(_("Abgeschickt am"), auto_now_add=True)
    form_token = models.CharField(max_length=64, unique=True, editable=False)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    possible_duplicate = models.BooleanField(_("Mögliche Doppelerfassung"), default=False)
    manage_token_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Online-Anmeldung")
        verbose_name_plural = _("Online-Anmeldungen")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["submitted_at"])]

    def __str__(self) -> str:
        return self.reference

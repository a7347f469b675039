"""Interkulturelle Öffnung: departments, the anonymous staff survey, the measures programme.

The survey's answer table is built so that nobody can tell whose answer a row is or when it
came: see ``SurveyAnswer`` and docs/oeffnung.md ("Anonymity").
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager
from teilhabe.oeffnung.choices import (
    AgeBand,
    CareerGroup,
    Category,
    DepartmentLevel,
    FieldOfAction,
    FundingSource,
    MeasureStatus,
    YesNoUnknown,
)


class Department(models.Model):
    """A unit of the city administration: Dezernat → Amt/Dienststelle → Abteilung."""

    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.CASCADE, related_name="departments"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("übergeordnet"),
    )
    level = models.CharField(_("Ebene"), max_length=16, choices=DepartmentLevel.choices)
    number = models.CharField(_("Kennung"), max_length=20, blank=True, help_text=_("z. B. 12"))
    name = models.CharField(_("Name"), max_length=200)
    staff_count = models.PositiveIntegerField(
        _("Beschäftigte"), null=True, blank=True, help_text=_("für Quoten (Schulungen)")
    )

    objects = scoped_manager()

    class Meta:
        ordering = ["number", "name"]
        verbose_name = _("Dienststelle")
        verbose_name_plural = _("Dienststellen")
        constraints = [
            models.UniqueConstraint(fields=["centre", "name"], name="department_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()


class DepartmentMembership(models.Model):
    """A department contact's department (kept here: accounts know nothing of departments)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="department_membership",
        verbose_name=_("Konto"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="contacts",
        verbose_name=_("Dienststelle"),
    )

    objects = scoped_manager("department__centre")

    class Meta:
        verbose_name = _("Ansprechperson einer Dienststelle")

    def __str__(self) -> str:
        return f"{self.user} – {self.department}"


# --- Staff survey -------------------------------------------------------------------------


class SurveyWave(models.Model):
    """One round of the anonymous staff survey."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("Titel"), max_length=200)
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"))
    departments = models.ManyToManyField(
        Department, related_name="survey_waves", verbose_name=_("Dienststellen")
    )
    ask_age_band = models.BooleanField(_("Altersgruppe fragen"), default=True)
    ask_career_group = models.BooleanField(_("Laufbahngruppe fragen"), default=True)
    ask_languages = models.BooleanField(_("Sprachen bei der Arbeit fragen"), default=True)
    ask_department = models.BooleanField(_("Dienststelle fragen"), default=True)
    reference_share = models.DecimalField(
        _("Vergleichswert Bevölkerung (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("leer: Anteil mit Migrationshintergrund laut Statistik der Stadt"),
    )
    reference_label = models.CharField(_("Quelle des Vergleichswerts"), max_length=200, blank=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("Befragungswelle")

    def __str__(self) -> str:
        return self.title


class AccessCode(models.Model):
    """A printed access code, kept only as a SHA-256 hash with a "used" flag.

    No timestamp and no link to the answer: the answer table cannot be joined to this one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="codes")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)

    objects = scoped_manager("wave__centre")

    class Meta:
        verbose_name = _("Zugangscode")

    def __str__(self) -> str:
        return f"{self.code_hash[:8]}…"


class SurveyAnswer(models.Model):
    """One anonymous answer: raw facts only, no person, no code, no time finer than the wave.

    Random UUID key (no sequence), no created timestamp; the physical order of the rows is
    shuffled by ``teilhabe seal_survey`` (see docs/oeffnung.md).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="answers")
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    german_now = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    birth_country = models.CharField(max_length=2, blank=True)
    german_at_birth = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    immigration_year = models.PositiveSmallIntegerField(null=True, blank=True)
    parent_1_birth_country = models.CharField(max_length=2, blank=True)
    parent_1_german_at_birth = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    parent_1_immigration_year = models.PositiveSmallIntegerField(null=True, blank=True)
    parent_2_birth_country = models.CharField(max_length=2, blank=True)
    parent_2_german_at_birth = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    parent_2_immigration_year = models.PositiveSmallIntegerField(null=True, blank=True)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices, blank=True)
    career_group = models.CharField(max_length=8, choices=CareerGroup.choices, blank=True)
    languages = models.JSONField(default=list, blank=True)
    comment = models.TextField(blank=True, max_length=2000)

    objects = scoped_manager("wave__centre")

    class Meta:
        verbose_name = _("Antwort der Beschäftigtenbefragung")

    def __str__(self) -> str:
        return str(self.pk)


# --- Measures programme -------------------------------------------------------------------

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class Measure(models.Model):
    """A measure of the intercultural measures programme, owned by one department."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("Teil von"),
    )
    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("Federführung"),
    )
    partners = models.ManyToManyField(
        Department, blank=True, related_name="partner_measures", verbose_name=_("Beteiligte")
    )
    external_partners = models.CharField(
        _("Externe Partner"), max_length=300, blank=True, help_text=_("nichtstädtische Partner")
    )
    category = models.CharField(_("Kategorie"), max_length=1, choices=Category.choices)
    field_of_action = models.CharField(
        _("Handlungsfeld"), max_length=32, choices=FieldOfAction.choices
    )
    status = models.CharField(
        _("Status"), max_length=16, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    weight = models.PositiveSmallIntegerField(
        _("Gewicht"), default=1, help_text=_("Gewicht im Fortschritt der übergeordneten Maßnahme")
    )
    starts_on = models.DateField(_("Beginn"), null=True, blank=True)
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    planned_cost = models.DecimalField(_("Geplante Kosten (€)"), default=Decimal(0), **MONEY)
    spent_cost = models.DecimalField(_("Ausgegeben (€)"), default=Decimal(0), **MONEY)
    funding_source = models.CharField(
        _("Finanzierung"), max_length=16, choices=FundingSource.choices, default="budget"
    )
    cost_note = models.TextField(
        _("Anmerkung zu den Kosten"), blank=True, help_text=_("Pflicht bei Mehrkosten")
    )
    updated_on = models.DateField(_("Zuletzt aktualisiert"))
    reminded_for = models.DateField(
        null=True, blank=True, help_text="due date of the last reminder (one per due date)"
    )

    objects = scoped_manager()

    class Meta:
        ordering = ["department__number", "title"]
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """A Kennzahl of a measure: baseline, target and one actual value per year."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("Kennzahl"), max_length=200)
    unit = models.CharField(_("Einheit"), max_length=40)
    baseline = models.DecimalField(_("Ausgangswert"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("Zielwert"), max_digits=14, decimal_places=2)

    objects = scoped_manager("measure__centre")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Kennzahl")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("Jahr"))
    value = models.DecimalField(_("Istwert"), max_digits=14, decimal_places=2)

    objects = scoped_manager("indicator__measure__centre")

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="indicator_value_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.value}"


class CouncilReport(models.Model):
    """The progress report to the council: editable chapters, then a frozen final version."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        FINAL = "final", _("abgeschlossen")

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("Titel"), max_length=200)
    year = models.PositiveSmallIntegerField(_("Berichtsjahr"))
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    chapter_texts = models.JSONField(default=dict, blank=True)
    snapshot = models.JSONField(null=True, blank=True)
    final_pdf = models.BinaryField(null=True, blank=True)
    final_xlsx = models.BinaryField(null=True, blank=True)
    finalised_on = models.DateField(null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("Fortschrittsbericht")

    def __str__(self) -> str:
        return self.title


# --- Intercultural training ---------------------------------------------------------------


class AllowedMailDomain(models.Model):
    """A work e-mail domain whose holders may register for the centre's courses."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    domain = models.CharField(_("Domain"), max_length=200, help_text=_("z. B. stadt-koeln.de"))

    objects = scoped_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["centre", "domain"], name="mail_domain_unique")
        ]

    def __str__(self) -> str:
        return self.domain


class Course(models.Model):
    """A course of intercultural training, held in one or more sessions."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("Plätze"), validators=[MinValueValidator(1)])
    max_missed = models.PositiveSmallIntegerField(
        _("Höchstens versäumte Termine für die Bescheinigung"), default=1
    )

    objects = scoped_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("Fortbildung")

    def __str__(self) -> str:
        return self.title


class CourseSession(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    online_url = models.URLField(_("Online-Raum"), blank=True)
    trainer = models.CharField(_("Trainerin / Trainer"), max_length=200)
    reminded = models.BooleanField(default=False)

    objects = scoped_manager("course__centre")

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("Termin")

    def __str__(self) -> str:
        return f"{self.course} {self.starts_at:%d.%m.%Y}"


class Registration(models.Model):
    """A staff member's place (or place on the waiting list) in a course."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-Mail nicht bestätigt")
        CONFIRMED = "confirmed", _("angemeldet")
        WAITING = "waiting", _("Warteliste")
        OFFERED = "offered", _("Platz angeboten")
        CANCELLED = "cancelled", _("abgemeldet")
        EXPIRED = "expired", _("Angebot verfallen")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="registrations")
    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    email = models.EmailField(_("Dienstliche E-Mail"))
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    token = models.CharField(max_length=64, unique=True)
    registered_at = models.DateTimeField()
    waiting_since = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)

    objects = scoped_manager("course__centre")

    class Meta:
        ordering = ["registered_at"]
        verbose_name = _("Anmeldung")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "email"],
                condition=~models.Q(status__in=["cancelled", "expired"]),
                name="one_live_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Attendance(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(default=False)

    objects = scoped_manager("registration__course__centre")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="oeffnung_attendance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} {self.session}: {self.present}"

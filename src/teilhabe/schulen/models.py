"""Schools from the official NRW directory, the seats they offer and the placements into them.

Schools are state-wide reference data keyed by Schulnummer (one import serves every centre);
a centre's area, its offers and its placements belong to the centre. Seats taken are never
stored: they are counted from placements, so free seats cannot drift from reality.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager
from teilhabe.schulen.choices import SchoolLevel


class School(models.Model):
    """One school of the NRW directory (Schulgrunddaten / IT.NRW list)."""

    schulnummer = models.CharField(
        _("Schulnummer"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^\d{6}$", _("Sechs Ziffern."))],
    )
    name = models.CharField(_("Name"), max_length=300)
    short_name = models.CharField(_("Kurzbezeichnung"), max_length=200, blank=True)
    school_form = models.CharField(_("Schulform"), max_length=100, db_index=True)
    school_form_code = models.CharField(_("Schulform-Schlüssel"), max_length=2, blank=True)
    street = models.CharField(_("Straße"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.CharField(_("Homepage"), max_length=300, blank=True)
    public = models.BooleanField(_("Öffentliche Schule"), default=True)
    municipality_key = models.CharField(_("Gemeindeschlüssel"), max_length=8, db_index=True)
    operating_key = models.CharField(_("Schulbetriebsschlüssel"), max_length=2, blank=True)
    lat = models.FloatField(_("Breitengrad"), null=True, blank=True)
    lon = models.FloatField(_("Längengrad"), null=True, blank=True)
    pupils = models.PositiveIntegerField(_("Schülerzahl"), null=True, blank=True)
    sozialindex = models.PositiveSmallIntegerField(
        _("Sozialindex"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
    )
    source = models.CharField(_("Quelle"), max_length=40, blank=True)
    closed_at = models.DateTimeField(
        _("Nicht mehr im Verzeichnis seit"),
        null=True,
        blank=True,
        help_text=_(
            "Schulen, die aus dem Verzeichnis verschwinden, werden geschlossen, nie gelöscht."
        ),
    )
    updated_at = models.DateTimeField(_("Zuletzt importiert"), null=True, blank=True)

    class Meta:
        verbose_name = _("Schule")
        verbose_name_plural = _("Schulen")
        ordering = ["name", "schulnummer"]

    def __str__(self) -> str:
        return f"{self.name} ({self.schulnummer})"


class AreaChange(models.Model):
    """An administrator's exception to the default area (the centre's municipality)."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="area_changes")
    included = models.BooleanField(_("Gehört zum Gebiet"))

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Gebietsänderung")
        verbose_name_plural = _("Gebietsänderungen")
        constraints = [
            models.UniqueConstraint(fields=["centre", "school"], name="area_change_once"),
        ]

    def __str__(self) -> str:
        return f"{self.school} {'+' if self.included else '−'}"


class DirectoryImport(models.Model):
    """One run of the directory import, with what it changed (the target of its audit entry)."""

    file_name = models.CharField(_("Datei"), max_length=255)
    kind = models.CharField(_("Verzeichnis"), max_length=40)
    rows = models.PositiveIntegerField(_("Zeilen"))
    added = models.PositiveIntegerField(_("Neu"))
    changed = models.PositiveIntegerField(_("Geändert"))
    closed = models.PositiveIntegerField(_("Geschlossen"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(_("Importiert am"), auto_now_add=True)
    sha256 = models.CharField(_("Prüfsumme der Datei (SHA-256)"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("Verzeichnisimport")
        verbose_name_plural = _("Verzeichnisimporte")
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%d.%m.%Y})"


class DirectoryUpload(models.Model):
    """A directory file between its preview and the confirmed import.

    The confirmation imports these bytes, checked against the hash the preview showed, so
    what was previewed is exactly what is imported. The bytes are dropped after the import.
    """

    file_name = models.CharField(_("Datei"), max_length=255)
    data = models.BinaryField(_("Inhalt"))
    sha256 = models.CharField(_("Prüfsumme (SHA-256)"), max_length=64)
    size = models.PositiveIntegerField(_("Größe (Bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("Hochgeladen am"), auto_now_add=True)
    imported = models.OneToOneField(
        DirectoryImport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="upload",
        verbose_name=_("Import"),
    )

    class Meta:
        verbose_name = _("Hochgeladenes Schulverzeichnis")
        verbose_name_plural = _("Hochgeladene Schulverzeichnisse")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.sha256[:12]})"


class SchoolMembership(models.Model):
    """A school account's school: the school whose seats and proposals the person handles.

    Lives here rather than on the user, so that accounts (``centres``) know nothing of
    schools (a layer above them).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="school_membership",
        verbose_name=_("Konto"),
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("Schule")
    )
    since = models.DateTimeField(_("Seit"), auto_now=True)

    class Meta:
        verbose_name = _("Schulzugang")
        verbose_name_plural = _("Schulzugänge")

    def __str__(self) -> str:
        return f"{self.user} → {self.school}"


class OfferKind(models.TextChoices):
    """What kind of seats a school offers to newly arrived children."""

    PREP_PRIMARY = "prep_primary", _("Vorbereitungsklasse Primarstufe")
    PREP_SECONDARY = "prep_secondary", _("Vorbereitungsklasse Sekundarstufe I")
    IFK = "ifk", _("Internationale Förderklasse (Berufskolleg)")
    REGULAR = "regular", _("Regelklasse mit Deutschförderung")


# The level an offer kind fixes (regular classes exist at every level).
KIND_LEVEL: dict[str, str] = {
    OfferKind.PREP_PRIMARY: SchoolLevel.PRIMARY,
    OfferKind.PREP_SECONDARY: SchoolLevel.SECONDARY,
    OfferKind.IFK: SchoolLevel.VOCATIONAL,
}
# Grades a level may span (same as the placement format).
LEVEL_GRADES: dict[str, tuple[int, int]] = {
    SchoolLevel.PRIMARY: (1, 4),
    SchoolLevel.SECONDARY: (5, 10),
    SchoolLevel.VOCATIONAL: (11, 11),
}
STALE_AFTER_DAYS = 30


class Offer(models.Model):
    """A group of seats at one school for one level and grade range, run by one centre."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="offers")
    kind = models.CharField(_("Angebot"), max_length=20, choices=OfferKind.choices)
    level = models.CharField(_("Stufe"), max_length=20, choices=SchoolLevel.choices)
    grade_from = models.PositiveSmallIntegerField(
        _("Ab Klasse"), validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    grade_to = models.PositiveSmallIntegerField(
        _("Bis Klasse"), validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    seats_total = models.PositiveSmallIntegerField(
        _("Plätze insgesamt"), validators=[MaxValueValidator(500)]
    )
    active = models.BooleanField(_("Aktiv"), default=True)
    last_reported_at = models.DateTimeField(_("Zuletzt gemeldet"), null=True, blank=True)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Platzangebot")
        verbose_name_plural = _("Platzangebote")
        ordering = ["school__name", "level", "grade_from", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(grade_to__gte=models.F("grade_from")), name="offer_grade_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.grade_from}–{self.grade_to} ({self.school.name})"

"""The Integrationsrat's records (§ 27 GO NRW), shaped after the OParl 1.1 objects.

Every published record keeps ``created``/``modified`` and is deleted softly
(``deleted_at``): OParl clients that synchronise with ``modified_since`` must learn about
deletions, so a deleted record stays as a stub. Whether a record is public is decided in
``selectors.public`` from these fields, never in a template.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager
from teilhabe.integrationsrat.choices import (
    ConsultationRole,
    MembershipKind,
    MembershipRole,
    MinutesStatus,
    Outcome,
    PaperType,
    Vote,
)


class Tracked(models.Model):
    """Timestamps every OParl object carries, and the soft delete."""

    created = models.DateTimeField(_("angelegt"), auto_now_add=True, db_index=True)
    modified = models.DateTimeField(_("geändert"), auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(_("gelöscht am"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


class Council(Tracked):
    """A centre's Integrationsrat: one OParl Body (and its one Organization)."""

    centre = models.OneToOneField(
        "centres.Centre",
        on_delete=models.PROTECT,
        related_name="council",
        verbose_name=_("Zentrum"),
    )
    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(_("Kurzname"), max_length=50, default="Integrationsrat")
    ags = models.CharField(_("Amtlicher Gemeindeschlüssel"), max_length=8, blank=True)
    website = models.URLField(_("Website"), blank=True)
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Integrationsrat")
        verbose_name_plural = _("Integrationsräte")

    def __str__(self) -> str:
        return self.name


class LegislativeTerm(Tracked):
    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.PROTECT, related_name="council_terms"
    )
    name = models.CharField(_("Bezeichnung"), max_length=100)
    start_date = models.DateField(_("Beginn"))
    end_date = models.DateField(_("Ende"))

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Wahlperiode")
        verbose_name_plural = _("Wahlperioden")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")), name="term_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Location(Tracked):
    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    description = models.CharField(_("Bezeichnung"), max_length=200)
    street_address = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    room = models.CharField(_("Raum"), max_length=100, blank=True)
    postal_code = models.CharField(_("PLZ"), max_length=5, blank=True)
    locality = models.CharField(_("Ort"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("Breitengrad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("Längengrad"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")
        ordering = ["description"]

    def __str__(self) -> str:
        return f"{self.description}, {self.room}" if self.room else self.description


class Person(Tracked):
    """A member or deputy. What is published depends on the person's consent."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    given_name = models.CharField(_("Vorname"), max_length=100)
    family_name = models.CharField(_("Nachname"), max_length=100)
    form_of_address = models.CharField(_("Anrede"), max_length=30, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    consent_name = models.BooleanField(
        _("Name darf veröffentlicht werden"),
        default=False,
        help_text=_("Ohne Einwilligung erscheint die Person nicht auf öffentlichen Seiten."),
    )
    consent_group = models.BooleanField(
        _("Liste/Fraktion darf veröffentlicht werden"), default=False
    )

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"


class Membership(Tracked):
    centre = models.ForeignKey(
        "centres.Centre", on_delete=models.PROTECT, related_name="council_memberships"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    term = models.ForeignKey(LegislativeTerm, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("Funktion"), max_length=20, choices=MembershipRole.choices)
    kind = models.CharField(_("Art"), max_length=10, choices=MembershipKind.choices)
    group = models.CharField(
        _("Liste oder Fraktion"),
        max_length=100,
        blank=True,
        help_text=_("Die Liste, auf der gewählt wurde, oder die entsendende Ratsfraktion."),
    )
    start_date = models.DateField(_("Beginn"))
    end_date = models.DateField(_("Ende"), null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["term", "kind", "person__family_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="membership_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"

    @property
    def voting(self) -> bool:
        """Deputies vote only when standing in; they do not count towards the ratio."""
        return self.role != MembershipRole.DEPUTY_MEMBER


class Paper(Tracked):
    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("Drucksachennummer"), max_length=50)
    name = models.CharField(_("Titel"), max_length=300)
    paper_type = models.CharField(_("Art"), max_length=20, choices=PaperType.choices)
    date = models.DateField(_("Datum"))
    text = models.TextField(_("Text"), blank=True)
    originator = models.CharField(_("Einreicher"), max_length=200, blank=True)
    public = models.BooleanField(_("öffentlich"), default=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Vorlage")
        verbose_name_plural = _("Vorlagen")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "reference"], name="paper_reference_unique")
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


def file_path(instance: File, filename: str) -> str:
    return f"integrationsrat/{instance.centre_id}/{filename}"


class File(Tracked):
    """A document attached to a paper (the main file or an annex)."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    paper = models.ForeignKey(Paper, on_delete=models.PROTECT, related_name="files")
    main = models.BooleanField(_("Hauptdokument"), default=False)
    name = models.CharField(_("Bezeichnung"), max_length=200)
    file_name = models.CharField(_("Dateiname"), max_length=200)
    mime_type = models.CharField(_("Dateityp"), max_length=100)
    size = models.PositiveIntegerField(_("Größe"))
    sha1 = models.CharField(max_length=40)
    content = models.FileField(_("Datei"), upload_to=file_path)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Datei")
        verbose_name_plural = _("Dateien")
        ordering = ["-main", "pk"]

    def __str__(self) -> str:
        return self.name


class Meeting(Tracked):
    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("Bezeichnung"), max_length=200)
    start = models.DateTimeField(_("Beginn"), db_index=True)
    end = models.DateTimeField(_("Ende"))
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("Ort"),
    )
    cancelled = models.BooleanField(_("abgesagt"), default=False)
    invitation_published_at = models.DateTimeField(
        _("Einladung veröffentlicht am"), null=True, blank=True
    )

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="meeting_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def published(self) -> bool:
        return self.invitation_published_at is not None


class AgendaItem(Tracked):
    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="agenda_items")
    number = models.CharField(_("TOP"), max_length=10)
    order = models.PositiveIntegerField(_("Reihenfolge"))
    name = models.CharField(_("Gegenstand"), max_length=300)
    public = models.BooleanField(_("öffentlich"), default=True)
    outcome = models.CharField(
        _("Ergebnis"), max_length=20, choices=Outcome.choices, blank=True, default=""
    )
    resolution_text = models.TextField(_("Beschlusstext"), blank=True)
    votes_yes = models.PositiveIntegerField(_("Ja-Stimmen"), null=True, blank=True)
    votes_no = models.PositiveIntegerField(_("Nein-Stimmen"), null=True, blank=True)
    votes_abstain = models.PositiveIntegerField(_("Enthaltungen"), null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(deleted_at__isnull=True),
                name="agenda_number_unique",
            )
        ]

    def __str__(self) -> str:
        return f"TOP {self.number}: {self.name}"


class Consultation(Tracked):
    """A paper's consultation in a body: here on an agenda item, or in another committee."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT, related_name="+")
    paper = models.ForeignKey(Paper, on_delete=models.PROTECT, related_name="consultations")
    agenda_item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation",
    )
    committee = models.CharField(
        _("Gremium"),
        max_length=200,
        blank=True,
        help_text=_("Leer: der Integrationsrat selbst."),
    )
    role = models.CharField(_("Beratungsart"), max_length=20, choices=ConsultationRole.choices)
    authoritative = models.BooleanField(_("entscheidend"), default=False)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Beratung")
        verbose_name_plural = _("Beratungen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.paper} – {self.committee or self.get_role_display()}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    present = models.BooleanField(_("anwesend"))

    objects = scoped_manager("meeting__centre")

    class Meta:
        verbose_name = _("Anwesenheit")
        verbose_name_plural = _("Anwesenheiten")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {'anwesend' if self.present else 'abwesend'}"


class NamedVote(models.Model):
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="named_votes"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    vote = models.CharField(_("Stimme"), max_length=10, choices=Vote.choices)

    objects = scoped_manager("agenda_item__centre")

    class Meta:
        verbose_name = _("namentliche Stimme")
        verbose_name_plural = _("namentliche Stimmen")
        constraints = [
            models.UniqueConstraint(fields=["agenda_item", "person"], name="named_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.vote}"


class Minutes(models.Model):
    """A meeting's minutes: drafts until the next meeting approves them, then frozen."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes")
    status = models.CharField(
        _("Status"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    approved_in = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("genehmigt in der Sitzung"),
    )
    approved_at = models.DateTimeField(_("genehmigt am"), null=True, blank=True)

    objects = scoped_manager("meeting__centre")

    class Meta:
        verbose_name = _("Niederschrift")
        verbose_name_plural = _("Niederschriften")

    def __str__(self) -> str:
        return f"Niederschrift {self.meeting}"

    @property
    def current(self) -> MinutesVersion | None:
        versions = list(self.versions.all())
        return max(versions, key=lambda v: v.number) if versions else None


class MinutesVersion(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("Version"))
    text = models.TextField(_("Text"))
    public_text = models.TextField(
        _("öffentlicher Teil"),
        blank=True,
        help_text=_("Was nach der Genehmigung veröffentlicht wird (ohne nichtöffentliche Teile)."),
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("minutes__meeting__centre")

    class Meta:
        verbose_name = _("Fassung der Niederschrift")
        verbose_name_plural = _("Fassungen der Niederschrift")
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="minutes_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.minutes}, Fassung {self.number}"

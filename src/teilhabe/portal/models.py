"""The public site's content: pages, offers, events, documents — each with one text per
language — and the feedback that visitors send. Staff write it; families read it.

Texts are plain text: templates escape them and turn blank lines into paragraphs, so no
staff member can put markup or script on a public page.
"""

from __future__ import annotations

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.models import Centre
from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.centres.scoping import scoped_manager
from teilhabe.portal.choices import OfferCategory, PageKind

LANGUAGE_CHOICES = list(PUBLIC_LANGUAGES.items())
MAX_TEXT = 20_000


class Page(models.Model):
    """One of the centre's own pages (about, contact, hours, known barriers)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="portal_pages")
    kind = models.CharField(_("Seite"), max_length=20, choices=PageKind.choices)
    updated_at = models.DateTimeField(_("Geändert"), auto_now=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        constraints = [
            models.UniqueConstraint(fields=["centre", "kind"], name="portal_page_once_per_centre")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Offer(models.Model):
    """An offer for newcomers in the centre's area (a course, a school, advice, …)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="portal_offers")
    category = models.CharField(_("Bereich"), max_length=20, choices=OfferCategory.choices)
    provider = models.CharField(_("Anbieter"), max_length=200)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5)
    place = models.CharField(_("Ort"), max_length=100)
    district = models.CharField(_("Stadtteil"), max_length=100, blank=True)
    borough = models.CharField(_("Stadtbezirk"), max_length=100, blank=True)
    latitude = models.FloatField(_("Breite"), null=True, blank=True)
    longitude = models.FloatField(_("Länge"), null=True, blank=True)
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    starts_on = models.DateField(_("Beginn"), null=True, blank=True)
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    website = models.URLField(_("Internetseite"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    is_published = models.BooleanField(_("Veröffentlicht"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        ordering = ["category", "pk"]
        indexes = [models.Index(fields=["centre", "is_published", "category"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="portal_offer_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} – {self.provider}"


class Event(models.Model):
    """An event of the centre or its partners (an information evening, a festival)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="portal_events")
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"), null=True, blank=True)
    venue = models.CharField(_("Ort der Veranstaltung"), max_length=200, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    place = models.CharField(_("Ort"), max_length=100, blank=True)
    is_published = models.BooleanField(_("Veröffentlicht"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="portal_event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%d.%m.%Y}"


class DocumentLink(models.Model):
    """A document or link the centre points to (flyer, concept, law, guideline, decision)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="portal_documents")
    url = models.URLField(_("Adresse (URL)"), max_length=500)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)
    is_published = models.BooleanField(_("Veröffentlicht"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Dokument oder Link")
        verbose_name_plural = _("Dokumente und Links")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.url


class Translation(models.Model):
    """One language's text of a page, offer, event or document."""

    language = models.CharField(_("Sprache"), max_length=2, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(_("Text"), blank=True, validators=[MaxLengthValidator(MAX_TEXT)])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class PageTranslation(Translation):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")

    objects = scoped_manager("page__centre")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="portal_page_text_once")
        ]


class OfferTranslation(Translation):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="translations")
    schedule = models.CharField(_("Zeiten"), max_length=200, blank=True)

    objects = scoped_manager("offer__centre")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "language"], name="portal_offer_text_once")
        ]


class EventTranslation(Translation):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="translations")

    objects = scoped_manager("event__centre")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "language"], name="portal_event_text_once")
        ]


class DocumentLinkTranslation(Translation):
    document = models.ForeignKey(
        DocumentLink, on_delete=models.CASCADE, related_name="translations"
    )

    objects = scoped_manager("document__centre")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="portal_document_text_once"
            )
        ]


class Feedback(models.Model):
    """A message from the accessibility feedback form (BITV NRW: the feedback mechanism)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="portal_feedback")
    language = models.CharField(_("Sprache"), max_length=2, choices=LANGUAGE_CHOICES)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    message = models.TextField(_("Nachricht"), validators=[MaxLengthValidator(5000)])
    page = models.CharField(_("Betroffene Seite"), max_length=300, blank=True)
    #: a keyed hash of the sender's address, only to limit how often one sender writes
    client_key = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("Eingegangen"), auto_now_add=True, db_index=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%d.%m.%Y}"

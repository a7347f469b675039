"""Choices of the public site whose labels families read (public strings: all 7 languages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    """The centre's own pages; each has one text per language."""

    ABOUT = "about", _("Über uns")
    CONTACT = "contact", _("Kontakt")
    HOURS = "hours", _("Öffnungszeiten")
    BARRIERS = "barriers", _("Was noch nicht barrierefrei ist")


class OfferCategory(models.TextChoices):
    GERMAN_COURSE = "german", _("Deutschkurs")
    SCHOOL = "school", _("Schule")
    VOCATIONAL = "vocational", _("Ausbildung")
    WORK = "work", _("Arbeit")
    ADVICE = "advice", _("Beratung")
    LEISURE = "leisure", _("Freizeit")


#: Languages an offer can be held in (ISO 639-1); the names families read.
OFFER_LANGUAGES: dict[str, object] = {
    "de": _("Deutsch"),
    "en": _("Englisch"),
    "uk": _("Ukrainisch"),
    "ar": _("Arabisch"),
    "tr": _("Türkisch"),
    "fa": _("Persisch (Farsi)"),
    "ru": _("Russisch"),
    "fr": _("Französisch"),
    "ku": _("Kurdisch"),
    "ti": _("Tigrinya"),
}

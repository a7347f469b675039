"""Fixed lists of the engagement work area."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MIGRANT_SELF_ORGANISATION = "mso", _("Migrantenselbstorganisation")
    INITIATIVE = "initiative", _("Initiative")
    CLUB = "club", _("Verein")
    RELIGIOUS_COMMUNITY = "religious", _("Religionsgemeinschaft")
    WELFARE_ASSOCIATION = "welfare", _("Wohlfahrtsverband")


class FieldOfWork(models.TextChoices):
    COUNSELLING = "counselling", _("Beratung")
    EDUCATION = "education", _("Bildung und Nachhilfe")
    LANGUAGE = "language", _("Sprachkurse")
    CULTURE = "culture", _("Kultur")
    SPORT = "sport", _("Sport")
    YOUTH = "youth", _("Jugendarbeit")
    WOMEN = "women", _("Frauen")
    PARENTS = "parents", _("Elternarbeit")
    INTERPRETING = "interpreting", _("Sprachmittlung")
    RELIGION = "religion", _("Religion")
    OTHER = "other", _("Sonstiges")

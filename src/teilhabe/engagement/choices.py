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


class HelpKind(models.TextChoices):
    """What a volunteer offers and what a need asks for."""

    INTERPRETING = "interpreting", _("Dolmetschen")
    MENTORING = "mentoring", _("Patenschaft für eine Familie")
    HOMEWORK = "homework", _("Hausaufgabenhilfe")
    ACCOMPANIMENT = "accompaniment", _("Begleitung zu Ämtern")
    EVENTS = "events", _("Veranstaltungen")


class LanguageLevel(models.IntegerChoices):
    BASIC = 1, _("Grundkenntnisse")
    FAIR = 2, _("einfache Gespräche")
    GOOD = 3, _("gut")
    FLUENT = 4, _("fließend")
    NATIVE = 5, _("Muttersprache")


class VolunteerStatus(models.TextChoices):
    PENDING = "pending", _("wartet auf Bestätigung")
    ACTIVE = "active", _("aktiv")
    PAUSED = "paused", _("pausiert")


class NeedStatus(models.TextChoices):
    OPEN = "open", _("offen")
    REQUESTED = "requested", _("angefragt")
    ASSIGNED = "assigned", _("vergeben")
    DONE = "done", _("erledigt")
    CANCELLED = "cancelled", _("abgesagt")


class Recurrence(models.TextChoices):
    ONCE = "once", _("einmalig")
    WEEKLY = "weekly", _("wöchentlich")


class AssignmentStatus(models.TextChoices):
    REQUESTED = "requested", _("angefragt")
    ACCEPTED = "accepted", _("zugesagt")
    DECLINED = "declined", _("abgelehnt")
    EXPIRED = "expired", _("keine Antwort")
    WITHDRAWN = "withdrawn", _("zurückgezogen")
    NO_SHOW = "no_show", _("nicht erschienen")
    COMPLETED = "completed", _("erledigt")

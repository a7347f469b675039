"""Choices of the council's records, with the German labels the office sees."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("Vorsitz")
    DEPUTY_CHAIR = "deputy_chair", _("Stellvertretender Vorsitz")
    MEMBER = "member", _("Mitglied")
    DEPUTY_MEMBER = "deputy_member", _("Stellvertretendes Mitglied")


class MembershipKind(models.TextChoices):
    ELECTED = "elected", _("direkt gewählt")
    COUNCIL = "council", _("vom Rat entsandt")


class PaperType(models.TextChoices):
    MOTION = "motion", _("Antrag")
    SUBMISSION = "submission", _("Verwaltungsvorlage")
    INQUIRY = "inquiry", _("Anfrage")
    NOTICE = "notice", _("Mitteilung")


class Outcome(models.TextChoices):
    NONE = "", _("—")
    ADOPTED = "adopted", _("beschlossen")
    REJECTED = "rejected", _("abgelehnt")
    NOTED = "noted", _("zur Kenntnis genommen")
    DEFERRED = "deferred", _("vertagt")


class Vote(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nein")
    ABSTAIN = "abstain", _("Enthaltung")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    APPROVED = "approved", _("genehmigt")


class ConsultationRole(models.TextChoices):
    PRELIMINARY = "preliminary", _("Vorberatung")
    DECISION = "decision", _("Entscheidung")
    NOTICE = "notice", _("Kenntnisnahme")

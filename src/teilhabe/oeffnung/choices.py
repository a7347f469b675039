"""Choices of the Interkulturelle Öffnung work area."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DepartmentLevel(models.TextChoices):
    DEZERNAT = "dezernat", _("Dezernat")
    AMT = "amt", _("Amt / Dienststelle")
    ABTEILUNG = "abteilung", _("Abteilung")


class YesNoUnknown(models.TextChoices):
    YES = "yes", _("ja")
    NO = "no", _("nein")
    UNKNOWN = "unknown", _("weiß nicht / keine Angabe")


class AgeBand(models.TextChoices):
    UNDER_30 = "u30", _("unter 30")
    FROM_30 = "30_44", _("30 bis 44")
    FROM_45 = "45_59", _("45 bis 59")
    FROM_60 = "60p", _("60 und älter")


class CareerGroup(models.TextChoices):
    TRAINEE = "trainee", _("Ausbildung / Studium")
    LG1 = "lg1", _("Laufbahngruppe 1 / vergleichbare Entgeltgruppen (E 1–E 8)")
    LG2_1 = "lg2_1", _("Laufbahngruppe 2, erstes Einstiegsamt / E 9–E 12")
    LG2_2 = "lg2_2", _("Laufbahngruppe 2, zweites Einstiegsamt / E 13–E 15")
    OTHER = "other", _("andere")


class Category(models.TextChoices):
    A = "A", _("A – ohne zusätzliche Mittel")
    B = "B", _("B – vom Rat finanziert")
    C = "C", _("C – zurückgestellt")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    IN_PROGRESS = "in_progress", _("in Umsetzung")
    DONE = "done", _("abgeschlossen")
    PAUSED = "paused", _("pausiert")
    DROPPED = "dropped", _("aufgegeben")


class FieldOfAction(models.TextChoices):
    STAFF = "staff", _("Personalgewinnung und -entwicklung")
    SERVICES = "services", _("Interkulturelle Ausrichtung der Dienstleistungen")
    INFORMATION = "information", _("Information und mehrsprachige Kommunikation")
    PARTICIPATION = "participation", _("Teilhabe und Beteiligung")
    ANTI_DISCRIMINATION = "anti_discrimination", _("Antidiskriminierung")
    MONITORING = "monitoring", _("Monitoring und Steuerung")


class FundingSource(models.TextChoices):
    BUDGET = "budget", _("Haushalt der Dienststelle")
    COUNCIL = "council", _("Ratsmittel")
    STATE = "state", _("Landesmittel")
    FEDERAL = "federal", _("Bundes- / EU-Mittel")
    THIRD_PARTY = "third_party", _("Dritte / Stiftungen")
    NONE = "none", _("keine Kosten")

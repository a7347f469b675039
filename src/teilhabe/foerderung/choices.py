"""Fixed lists of the funding work area (KOMM-AN NRW, Teil II)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Baustein(models.TextChoices):
    A = (
        "A",
        _(
            "A: Räume, Ausstattung und laufende Kosten von Ankommenstreffpunkten, "
            "digitale Werkzeuge"
        ),
    )
    B = "B", _("B: Zusammenführen, Orientierung und Begleitung")
    C = "C", _("C: Information und Gewinnung von Ehrenamtlichen")
    D = "D", _("D: Qualifizierung und Begleitung von Ehrenamtlichen")


class FinancingType(models.TextChoices):
    FIXED = "fixed", _("Festbetragsfinanzierung")
    SHORTFALL = "shortfall", _("Fehlbedarfsfinanzierung")
    SHARE = "share", _("Anteilfinanzierung")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    OPEN = "open", _("Veröffentlicht")
    CLOSED = "closed", _("Geschlossen")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SUBMITTED = "submitted", _("Eingereicht")
    FORMALLY_CHECKED = "formally_checked", _("Formal geprüft")
    CHANGES_REQUESTED = "changes_requested", _("Nachbesserung angefordert")
    REVIEWED = "reviewed", _("Inhaltlich geprüft")
    APPROVED = "approved", _("Bewilligt")
    REJECTED = "rejected", _("Abgelehnt")
    CLOSED = "closed", _("Abgeschlossen")


#: Where the applicant may still edit the application.
EDITABLE = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.CHANGES_REQUESTED})

#: The review pipeline; every other status change is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    ApplicationStatus.DRAFT: frozenset({ApplicationStatus.SUBMITTED}),
    ApplicationStatus.SUBMITTED: frozenset(
        {ApplicationStatus.FORMALLY_CHECKED, ApplicationStatus.CHANGES_REQUESTED}
    ),
    ApplicationStatus.CHANGES_REQUESTED: frozenset({ApplicationStatus.SUBMITTED}),
    ApplicationStatus.FORMALLY_CHECKED: frozenset(
        {ApplicationStatus.REVIEWED, ApplicationStatus.CHANGES_REQUESTED}
    ),
    ApplicationStatus.REVIEWED: frozenset(
        {
            ApplicationStatus.APPROVED,
            ApplicationStatus.REJECTED,
            ApplicationStatus.CHANGES_REQUESTED,
        }
    ),
    ApplicationStatus.APPROVED: frozenset({ApplicationStatus.CLOSED}),
    ApplicationStatus.REJECTED: frozenset(),
    ApplicationStatus.CLOSED: frozenset(),
}


class PaymentStatus(models.TextChoices):
    REQUESTED = "requested", _("Angefordert")
    PAID = "paid", _("Ausgezahlt")
    REFUSED = "refused", _("Abgelehnt")


class ProofStatus(models.TextChoices):
    OPEN = "open", _("Offen")
    SUBMITTED = "submitted", _("Eingereicht")
    ACCEPTED = "accepted", _("Geprüft, ohne Rückforderung")
    REPAYMENT = "repayment", _("Geprüft, Rückforderung")


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Erinnerung vor Fälligkeit")
    OVERDUE = "overdue", _("Mahnung nach Fälligkeit")


class LetterKind(models.TextChoices):
    APPROVAL = "approval", _("Zuwendungsbescheid / Weiterleitungsvertrag")
    REJECTION = "rejection", _("Ablehnungsbescheid")

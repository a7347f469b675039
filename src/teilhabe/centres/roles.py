"""The roles a user can hold. One role per user keeps the permission table readable.

Centre roles act inside one centre. The statewide role (the state's coordination office,
LaKI, or the installation's operator) belongs to no centre: it creates centres, keeps the
statewide school directory and sees every centre's figures only as suppressed aggregates.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CENTRE_ADMIN = "centre_admin", _("Zentrumsverwaltung")
    COUNSELLOR = "counsellor", _("Beratung")
    SCHULAMT = "schulamt", _("Schulamt")
    SCHOOL_STAFF = "school_staff", _("Schule")
    STATISTICS = "statistics", _("Statistik (nur lesen)")
    DEPARTMENT_CONTACT = "department_contact", _("Ansprechperson einer Dienststelle")
    STATE_OFFICE = "state_office", _("Landesweite Koordinierung")
    COUNCIL_OFFICE = "council_office", _("Geschäftsstelle Integrationsrat")


STATEWIDE_ROLES: frozenset[str] = frozenset({Role.STATE_OFFICE})
CENTRE_ROLES: tuple[Role, ...] = tuple(r for r in Role if r not in STATEWIDE_ROLES)

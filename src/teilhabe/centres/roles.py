"""The roles a user can hold. One role per user keeps the permission matrix readable."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CENTRE_ADMIN = "centre_admin", _("Zentrumsverwaltung")
    COUNSELLOR = "counsellor", _("Beratung")
    SCHULAMT = "schulamt", _("Schulamt")
    SCHOOL_STAFF = "school_staff", _("Schule")
    STATISTICS = "statistics", _("Statistik (nur lesen)")

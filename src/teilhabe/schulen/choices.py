"""Vocabularies of schools and seats, shared by the work areas above."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SchoolLevel(models.TextChoices):
    """The level of the seat a child needs; same codes as the placement exchange format."""

    PRIMARY = "primary", _("Primarstufe (Klasse 1–4)")
    SECONDARY = "secondary", _("Sekundarstufe I (Klasse 5–10)")
    VOCATIONAL = "vocational", _("Berufskolleg (ab 16 Jahren)")

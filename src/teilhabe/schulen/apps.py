from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchulenConfig(AppConfig):
    """Schools of the NRW directory, their seat offers and placements."""

    name = "teilhabe.schulen"
    verbose_name = _("Schulen")
    default_auto_field = "django.db.models.BigAutoField"

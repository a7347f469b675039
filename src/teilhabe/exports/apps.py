from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Jobs (export files, engine runs) that work areas register in their own ready()."""

    name = "teilhabe.exports"
    label = "exports"
    verbose_name = _("Aufträge und Exporte")
    default_auto_field = "django.db.models.BigAutoField"

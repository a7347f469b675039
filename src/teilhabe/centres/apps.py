from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "teilhabe.centres"
    verbose_name = _("Zentren und Konten")

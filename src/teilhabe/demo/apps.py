from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The top layer: demo data for every work area, loaded through each app's services."""

    name = "teilhabe.demo"
    verbose_name = _("Demo")

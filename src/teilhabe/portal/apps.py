from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "teilhabe.portal"
    verbose_name = _("Öffentliche Seiten")

    def ready(self) -> None:
        from teilhabe.portal import declarations

        declarations.register()

        from teilhabe.portal import api

        api.register()

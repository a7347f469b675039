from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OeffnungConfig(AppConfig):
    name = "teilhabe.oeffnung"
    verbose_name = _("Interkulturelle Öffnung")

    def ready(self) -> None:
        from teilhabe.oeffnung import declarations

        declarations.register()

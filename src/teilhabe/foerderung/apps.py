from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoerderungConfig(AppConfig):
    name = "teilhabe.foerderung"
    verbose_name = _("Förderung")

    def ready(self) -> None:
        from teilhabe.foerderung import declarations

        declarations.register()

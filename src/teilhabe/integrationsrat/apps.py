from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsratConfig(AppConfig):
    name = "teilhabe.integrationsrat"
    verbose_name = _("Integrationsrat")

    def ready(self) -> None:
        from teilhabe.integrationsrat import declarations

        declarations.register()

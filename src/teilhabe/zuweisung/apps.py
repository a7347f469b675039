from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZuweisungConfig(AppConfig):
    """Placement: engine runs and their review, proposals, the schools' answers."""

    name = "teilhabe.zuweisung"
    verbose_name = _("Zuweisung")

    def ready(self) -> None:
        from teilhabe.zuweisung import declarations

        declarations.register()

        from teilhabe.zuweisung import api

        api.register()

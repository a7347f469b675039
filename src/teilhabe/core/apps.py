from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "teilhabe.core"
    verbose_name = _("Grundlagen")

    def ready(self) -> None:
        from teilhabe.core import checks  # noqa: F401  (registers the system checks)
        from teilhabe.core.registry import register_navigation

        register_navigation("core:home", label=_("Übersicht"), permission="", order=0)

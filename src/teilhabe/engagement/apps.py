from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "teilhabe.engagement"
    verbose_name = _("Engagement")

    def ready(self) -> None:
        from teilhabe.engagement import declarations

        declarations.register()

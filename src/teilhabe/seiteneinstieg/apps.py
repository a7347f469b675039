from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeiteneinstiegConfig(AppConfig):
    name = "teilhabe.seiteneinstieg"
    verbose_name = _("Seiteneinstieg")

    def ready(self) -> None:
        from teilhabe.seiteneinstieg import declarations

        declarations.register()

        from teilhabe.seiteneinstieg import api

        api.register()

        # The waiting list's exports run as background jobs of teilhabe.exports.
        from teilhabe.seiteneinstieg.exports import register_jobs

        register_jobs()

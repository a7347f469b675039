from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    """Rendering letters; no models, no writes (callers audit what they send)."""

    name = "teilhabe.letters"
    verbose_name = _("Briefe")

    def ready(self) -> None:
        # Nothing to register: the app keeps no data and writes no audit entries; the
        # retention and audit tests would name any model or action code added here.
        pass

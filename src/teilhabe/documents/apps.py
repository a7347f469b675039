from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Generic file handling; the rows (and their retention and audit codes) live in the
    work areas that own the documents, e.g. ``seiteneinstieg.Document``."""

    name = "teilhabe.documents"
    verbose_name = _("Dokumente")

    def ready(self) -> None:
        # No models and no action codes of its own: nothing to register.
        pass

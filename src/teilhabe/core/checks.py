"""System checks for settings that are legal but dangerous in production."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register

DEMO_WITHOUT_DEBUG = "teilhabe.W001"


@register(Tags.security, deploy=True)
def demo_only_in_development(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """The demo switches the second factor off and loads invented data: not for real use."""
    if getattr(settings, "DEMO", False) and not settings.DEBUG:
        return [
            Warning(
                "TEILHABE_DEMO=1 ist ohne TEILHABE_DEBUG=1 gesetzt.",
                hint="Der Demomodus schaltet die Zwei-Faktor-Anmeldung ab und ist nur für "
                "Vorführungen gedacht; im Betrieb TEILHABE_DEMO nicht setzen.",
                id=DEMO_WITHOUT_DEBUG,
            )
        ]
    return []


DERIVED_FIELD_KEY = "teilhabe.W002"


@register(Tags.security, deploy=True)
def field_keys_not_derived(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """The development field key is derived from SECRET_KEY: whoever knows one knows both."""
    from teilhabe.core.crypto import derived_key

    if not settings.DEBUG and derived_key(settings.SECRET_KEY) in settings.TEILHABE_FIELD_KEYS:
        return [
            Warning(
                "TEILHABE_FIELD_KEYS enthält den aus SECRET_KEY abgeleiteten "
                "Entwicklungsschlüssel.",
                hint="Einen eigenen Schlüssel erzeugen (python -c 'from cryptography.fernet "
                "import Fernet; print(Fernet.generate_key().decode())'), vorn in "
                "TEILHABE_FIELD_KEYS eintragen, teilhabe rotate_field_keys ausführen und den "
                "abgeleiteten Schlüssel danach entfernen.",
                id=DERIVED_FIELD_KEY,
            )
        ]
    return []

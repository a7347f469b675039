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

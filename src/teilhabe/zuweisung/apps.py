from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZuweisungConfig(AppConfig):
    """Placement: proposals, decisions and the engine run (coordinates schools and cases)."""

    name = "teilhabe.zuweisung"
    verbose_name = _("Zuweisung")

    def ready(self) -> None:
        from teilhabe.audit.registry import register_actions
        from teilhabe.core.registry import (
            RetentionAction,
            register_navigation,
            register_retention,
            years,
        )

        register_navigation(
            "schulen:map", label=_("Karte"), permission="zuweisung.view_map", order=21
        )
        register_actions(
            {
                "zuweisung.proposals.imported": _("Platzvorschläge importiert"),
                "zuweisung.proposals.computed": _("Platzvorschläge berechnet"),
                "zuweisung.placement.accepted": _("Platzvorschlag angenommen"),
                "zuweisung.placement.declined": _("Platzvorschlag abgelehnt"),
                "zuweisung.demo.placements_loaded": _("Demo-Zuweisungen geladen"),
            }
        )
        register_retention(
            "schulen.placement",
            purpose=_("Vermittlung eines Schulplatzes; Nachweis gegenüber Schule und Schulamt"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO i. V. m. §§ 120, 121 SchulG NRW",
            trigger=_("Abschluss des Falls"),
            period=years(2),
            action=RetentionAction.DELETE,
            personal_fields=("child",),
        )

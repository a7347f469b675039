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
        from teilhabe.schulen.seats import register_school_section, register_seat_counter
        from teilhabe.zuweisung.selectors.placements import (
            annotate_taken,
            count_taken,
            school_proposals_section,
        )

        register_seat_counter(annotate=annotate_taken, count=count_taken)
        register_school_section(
            template="zuweisung/_school_proposals.html", context=school_proposals_section
        )
        register_navigation(
            "zuweisung:proposals_import",
            label=_("Zuweisung"),
            permission="zuweisung.import_proposals",
            order=22,
        )
        register_navigation(
            "zuweisung:map", label=_("Karte"), permission="zuweisung.view_map", order=23
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
            "zuweisung.placement",
            purpose=_("Vermittlung eines Schulplatzes; Nachweis gegenüber Schule und Schulamt"),
            legal_basis="Art. 6 Abs. 1 lit. e DSGVO i. V. m. §§ 120, 121 SchulG NRW",
            trigger=_("Abschluss des Falls"),
            period=years(2),
            action=RetentionAction.DELETE,
            personal_fields=("child",),
        )

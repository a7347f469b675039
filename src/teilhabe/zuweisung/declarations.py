"""What placement plugs into the layers below (called from ``AppConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from teilhabe.audit.registry import register_actions
from teilhabe.core.registry import (
    RetentionAction,
    register_navigation,
    register_personal_data,
    register_retention,
    register_tile,
    years,
)

CHILDREN = _("Neu zugewanderte Kinder und Jugendliche")


def _school_tile(user: Any) -> dict[str, Any] | None:
    from teilhabe.zuweisung.selectors.school import school_proposals

    rows = school_proposals(user=user)
    return {
        "waiting": [r for r in rows if r.status == "proposed"],
        "accepted": [r for r in rows if r.status == "accepted"],
    }


def _office_tile(user: Any) -> dict[str, Any] | None:
    from teilhabe.zuweisung.selectors.metrics import placement_metrics
    from teilhabe.zuweisung.selectors.review import runs_for_user

    metrics = placement_metrics(user=user)
    if metrics is None:
        return None
    draft = runs_for_user(user=user).filter(status="draft").first()
    return {"m": metrics, "draft": draft}


def register() -> None:
    from teilhabe.exports.registry import register_job
    from teilhabe.schulen.seats import register_school_section, register_seat_counter
    from teilhabe.seiteneinstieg.hooks import register_child_section, register_status_listener
    from teilhabe.zuweisung.selectors.child import child_place_section
    from teilhabe.zuweisung.selectors.placements import annotate_taken, count_taken
    from teilhabe.zuweisung.selectors.school import school_proposals_section
    from teilhabe.zuweisung.services.consistency import keep_in_step
    from teilhabe.zuweisung.services.runs import ENGINE_JOB, engine_job

    register_seat_counter(annotate=annotate_taken, count=count_taken)
    register_status_listener(keep_in_step)
    register_job(
        ENGINE_JOB,
        label=_("Zuweisung berechnen"),
        permission="zuweisung.view_runs",
        run=engine_job,
    )
    register_school_section(
        template="zuweisung/_school_proposals.html", context=school_proposals_section
    )
    register_child_section(template="zuweisung/_child_place.html", context=child_place_section)
    register_navigation(
        "zuweisung:run_list", label=_("Zuweisung"), permission="zuweisung.view_runs", order=22
    )
    register_navigation(
        "zuweisung:school_proposals",
        label=_("Platzvorschläge"),
        permission="schulen.act_for_school",
        order=5,
    )
    register_navigation(
        "zuweisung:metrics", label=_("Kennzahlen"), permission="zuweisung.view_metrics", order=24
    )
    register_navigation(
        "zuweisung:map", label=_("Karte"), permission="zuweisung.view_map", order=25
    )
    register_tile(
        "zuweisung.school",
        template="zuweisung/tiles/school.html",
        permission="schulen.act_for_school",
        context=_school_tile,
        order=1,
    )
    register_tile(
        "zuweisung.office",
        template="zuweisung/tiles/office.html",
        permission="zuweisung.view_runs",
        context=_office_tile,
        order=20,
        shared_seconds=60,
    )
    register_actions(
        {
            "zuweisung.run.started": _("Zuweisung gestartet"),
            "zuweisung.run.computed": _("Zuweisung berechnet (Entwurf)"),
            "zuweisung.run.released": _("Platzvorschläge freigegeben"),
            "zuweisung.run.discarded": _("Entwurf verworfen"),
            "zuweisung.proposals.imported": _("Platzvorschläge aus Datei übernommen"),
            "zuweisung.placement.overridden": _("Vorschlag vom Schulamt geändert"),
            "zuweisung.placement.locked": _("Vorschlag festgehalten"),
            "zuweisung.placement.unlocked": _("Vorschlag gelöst"),
            "zuweisung.exclusion.added": _("Schule für ein Kind ausgeschlossen"),
            "zuweisung.placement.accepted": _("Platzvorschlag angenommen"),
            "zuweisung.placement.declined": _("Platzvorschlag abgelehnt"),
            "zuweisung.placement.attending": _("Erster Schultag bestätigt"),
            "zuweisung.demo.placements_loaded": _("Demo-Zuweisungen geladen"),
        }
    )
    from teilhabe.zuweisung import retention as due
    from teilhabe.zuweisung.models import Exclusion, Placement, PlacementRun

    def _for_child(model: Any) -> Any:
        def collect(subject: Any) -> Any:
            if subject._meta.label_lower != "seiteneinstieg.child":
                return model._base_manager.none()
            return model._base_manager.filter(child_id=subject.pk)

        return collect

    for label, model in {
        "zuweisung.placement": Placement,
        "zuweisung.exclusion": Exclusion,
        "zuweisung.placementrun": PlacementRun,
    }.items():
        register_personal_data(label, collect=_for_child(model))

    register_retention(
        "zuweisung.placement",
        purpose=_("Vermittlung eines Schulplatzes; Nachweis gegenüber Schule und Schulamt"),
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO i. V. m. §§ 120, 121 SchulG NRW",
        trigger=_("Abschluss des Falls"),
        period=years(2),
        action=RetentionAction.DELETE,
        personal_fields=("child", "decline_note", "explanation"),
        due=due.due_placements,
        order=10,
        categories=_("Vorgeschlagene und zugewiesene Schule, Entscheidung, Ablehnungsgrund"),
        recipients=_("Schulamt, aufnehmende Schule, Familie (Brief)"),
        subjects=CHILDREN,
    )
    register_retention(
        "zuweisung.placementrun",
        purpose=_("Nachvollziehbarkeit einer Zuweisung (Eingabe, Antwort, Freigabe)"),
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO; Art. 5 Abs. 2 DSGVO",
        trigger=_("Berechnung"),
        trigger_field="started_at",
        period=years(2),
        action=RetentionAction.DELETE,
        personal_fields=("instance", "answer", "child"),
        due=due.due_runs,
        order=15,
        categories=_("Eingabe und Antwort der Zuweisungsberechnung (Kinder pseudonymisiert)"),
        recipients=_("keine"),
        subjects=CHILDREN,
    )
    register_retention(
        "zuweisung.exclusion",
        purpose=_("Eine Schule, die ein Kind abgelehnt hat, nicht erneut vorschlagen"),
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
        trigger=_("Abschluss des Falls"),
        period=years(2),
        action=RetentionAction.DELETE,
        personal_fields=("child", "reason"),
        due=due.due_exclusions,
        order=10,
        categories=_("Schule, die das Kind abgelehnt hat, und Grund"),
        recipients=_("keine"),
        subjects=CHILDREN,
    )

"""What engagement plugs into the layers below: navigation, audit codes, retention."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from teilhabe.audit.registry import register_actions
from teilhabe.core.registry import (
    RetentionAction,
    register_navigation,
    register_public_navigation,
    register_public_sources,
    register_retention,
    years,
)

ACTIONS = {
    "engagement.organisation.created": _("Organisation eingetragen"),
    "engagement.organisation.updated": _("Organisation geändert"),
    "engagement.organisation.self_updated": _("Organisation hat ihren Eintrag geändert"),
    "engagement.organisation.confirmed": _("Organisation hat ihren Eintrag bestätigt"),
    "engagement.organisation.link_sent": _("Link an Organisation gesendet"),
    "engagement.organisation.confirmation_requested": _("Bestätigung des Eintrags angefragt"),
    "engagement.organisation.hidden": _("Eintrag wegen fehlender Bestätigung ausgeblendet"),
    "engagement.volunteer.registered": _("Ehrenamtliche Person hat sich registriert"),
    "engagement.volunteer.confirmed": _("Ehrenamtliche Person bestätigt"),
    "engagement.volunteer.certificate": _("Führungszeugnis erfasst"),
    "engagement.volunteer.certificate_reminded": _("An Führungszeugnis erinnert"),
    "engagement.volunteer.updated": _("Ehrenamtliche Person hat ihr Profil geändert"),
    "engagement.volunteer.login_link": _("Anmeldelink für Ehrenamtliche gesendet"),
    "engagement.volunteer.links_renewed": _("Links einer ehrenamtlichen Person erneuert"),
    "engagement.volunteer.deleted": _("Ehrenamtliche Person hat ihr Profil gelöscht"),
    "engagement.volunteer.certificate_pdf": _("Nachweis über Ehrenamt erstellt"),
    "engagement.hours.logged": _("Stunden eingetragen"),
    "engagement.need.created": _("Bedarf angelegt"),
    "engagement.need.cancelled": _("Bedarf abgesagt"),
    "engagement.assignment.requested": _("Ehrenamtliche Person angefragt"),
    "engagement.assignment.accepted": _("Einsatz zugesagt"),
    "engagement.assignment.declined": _("Einsatz abgelehnt"),
    "engagement.assignment.expired": _("Anfrage ohne Antwort weitergegeben"),
    "engagement.assignment.no_show": _("Nicht erschienen"),
    "engagement.week.matched": _("Bedarfe einer Woche zugeordnet"),
    "engagement.demo.loaded": _("Demodaten Engagement geladen"),
}


def register() -> None:
    # families and applicants read these: every string needs all seven languages
    register_public_sources("templates/engagement/public/**", "engagement/views/public.py")
    register_navigation(
        "engagement:organisation_list",
        label=_("Organisationen"),
        permission="engagement.view_organisations",
        order=40,
    )
    register_public_navigation(
        "engagement_public:organisation_map", label=_("Vereine und Initiativen"), order=40
    )
    register_navigation(
        "engagement:volunteer_list",
        label=_("Ehrenamtliche"),
        permission="engagement.manage",
        order=41,
    )
    register_navigation(
        "engagement:need_list", label=_("Bedarfe"), permission="engagement.manage", order=42
    )
    register_public_navigation(
        "engagement_public:volunteer_register", label=_("Ehrenamtlich helfen"), order=41
    )
    register_actions(ACTIONS)
    _hooks()
    _personal_data()
    register_retention(
        "engagement.organisation",
        purpose=_("Verzeichnis der Organisationen und Initiativen mit ihren Ansprechpersonen"),
        legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung der Ansprechpersonen)",
        trigger=_("Eintrag zwei Jahre nicht bestätigt oder Einwilligung widerrufen"),
        period=years(3),
        action=RetentionAction.DELETE,
        trigger_field="confirmed_at",
        personal_fields=("contact_persons", "email", "phone"),
        subjects=_("Ansprechpersonen der Organisationen und Initiativen"),
        categories=_("Name, E-Mail und Telefon der Ansprechpersonen; Bestätigung des Eintrags"),
        recipients=_("Öffentlichkeit (nur öffentliche Einträge), Familien der Beratung"),
    )

    volunteer = {
        "purpose": _("Vermittlung ehrenamtlicher Einsätze und Nachweis der Stunden"),
        "legal_basis": "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung bei der Registrierung)",
        "action": RetentionAction.DELETE,
        "subjects": _("Ehrenamtliche"),
        "recipients": _("die Familie oder Organisation des Einsatzes (Vorname, Kontakt)"),
    }
    register_retention(
        "engagement.volunteer",
        trigger=_("Letzter Einsatz oder Registrierung ohne Einsatz; sofort bei Löschung"),
        period=years(2),
        due=_volunteers_due,
        order=50,  # before the needs (and their assignments) of the same run are gone
        categories=_("Name, Kontakt, Wohnort, Sprachen, Interessen, Verfügbarkeit, Einwilligung"),
        personal_fields=(
            "first_name",
            "last_name",
            "email",
            "phone",
            "postcode",
            "city",
            "district",
            "lat",
            "lon",
            "languages",
            "windows",
            "unavailable",
            "certificate_seen_on",
        ),
        **volunteer,
    )
    register_retention(
        "engagement.assignment",
        trigger=_("Ende des Einsatzes (mit dem Bedarf); ohne Person nach Löschung des Profils"),
        period=years(1),
        due=_assignments_due,
        personal_fields=("volunteer", "reasons"),
        categories=_("Zuordnung zu einem Einsatz und ihre Begründung"),
        **volunteer,
    )
    register_retention(
        "engagement.hoursentry",
        trigger=_("Datum des Einsatzes; ohne Person (anonym) nach Löschung des Profils"),
        trigger_field="date",
        period=years(3),
        personal_fields=("volunteer",),
        categories=_("Geleistete Stunden je Einsatztag"),
        **volunteer,
    )
    register_retention(
        "engagement.need",
        purpose=_("Organisation der Hilfe für Familien der Beratung"),
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 TIntG NRW",
        trigger=_("Ende des Einsatzes"),
        trigger_field="ends_at",
        period=years(1),
        action=RetentionAction.DELETE,
        personal_fields=("family", "contact_first_name", "appointment"),
        subjects=_("Familien der Beratung"),
        categories=_("Art der Hilfe, Vorname der Kontaktperson, Termin, Sprache"),
        recipients=_("die vermittelte Ehrenamtliche oder der vermittelte Ehrenamtliche"),
    )


def _volunteers_due(now: object) -> object:
    """Volunteers whose last assignment (or, without any, their registration) ended more
    than two years ago."""
    from django.db.models import Max
    from django.db.models.functions import Coalesce, Greatest

    from teilhabe.engagement.models import Volunteer

    stale = (
        Volunteer._base_manager.annotate(
            last=Greatest(
                Coalesce(Max("assignments__need__ends_at"), "registered_at"), "registered_at"
            )
        )
        .filter(last__lt=now - years(2))
        .values("pk")
    )
    # a plain queryset (no GROUP BY), so that the caller may lock the rows
    return Volunteer._base_manager.filter(pk__in=stale)


def _assignments_due(now: object) -> object:
    """Assignments whose need ended more than a year ago (they go with their need)."""
    from teilhabe.engagement.models import Assignment

    return Assignment._base_manager.filter(need__ends_at__lt=now - years(1))


def _personal_data() -> None:
    """Art. 15 for families: needs, assignments and hours linked to a family's case.

    Registered with the privacy work's registry when it is installed
    (``core.registry.register_personal_data``); a volunteer's own data is listed in
    docs/engagement.md.
    """
    from teilhabe.core import registry

    register = getattr(registry, "register_personal_data", None)
    if register is None:
        return
    from teilhabe.engagement.models import Assignment, HoursEntry, Need

    register("engagement.need", collect=lambda s: Need.objects.filter(family_id=s.family_id))
    register(
        "engagement.assignment",
        collect=lambda s: Assignment.objects.filter(need__family_id=s.family_id),
    )
    register(
        "engagement.hoursentry",
        collect=lambda s: HoursEntry.objects.filter(assignment__need__family_id=s.family_id),
    )


def _hooks() -> None:
    """The interpreter need of a booking (seiteneinstieg's appointment hooks, when present)."""
    from teilhabe.engagement.services.needs import interpreter_section, on_appointment
    from teilhabe.seiteneinstieg import hooks

    hooks.register_appointment_listener(on_appointment)
    hooks.register_appointment_section("engagement/appointment_section.html", interpreter_section)

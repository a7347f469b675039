"""What the Interkulturelle Öffnung plugs into the layers below: navigation, audit codes and
retention declarations (called from ``AppConfig.ready``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from teilhabe.audit.registry import register_actions
from teilhabe.core.registry import (
    RetentionAction,
    register_navigation,
    register_not_personal,
    register_retention,
    register_tile,
    years,
)

ORGANISATION = (
    "Organisational data of the institution (the city administration's units, measures, "
    "costs and indicators); contact persons are linked in DepartmentMembership."
)


def register() -> None:
    register_navigation(
        "oeffnung:measure_list",
        label=_("Maßnahmenprogramm"),
        permission="oeffnung.view_measures",
        order=30,
    )
    register_navigation(
        "oeffnung:wave_list",
        label=_("Beschäftigtenbefragung"),
        permission="oeffnung.view_survey_results",
        order=31,
    )
    register_navigation(
        "oeffnung:course_list",
        label=_("Fortbildungen"),
        permission="oeffnung.manage_training",
        order=32,
    )
    register_navigation(
        "oeffnung:department_list",
        label=_("Dienststellen"),
        permission="oeffnung.manage_departments",
        order=33,
    )

    from teilhabe.oeffnung.selectors.measures import overview

    register_tile(
        "oeffnung.programme",
        template="oeffnung/tiles/programme.html",
        permission="oeffnung.view_measures",
        context=lambda user: overview(user=user),
        order=30,
    )
    register_navigation(
        "oeffnung:training_figures",
        label=_("Fortbildungsquote"),
        permission="oeffnung.view_training_figures",
        order=34,
    )

    register_actions(
        {
            "oeffnung.department.created": _("Dienststelle angelegt"),
            "oeffnung.department.updated": _("Dienststelle geändert"),
            "oeffnung.contact.linked": _("Ansprechperson einer Dienststelle zugeordnet"),
            "oeffnung.wave.created": _("Befragungswelle angelegt"),
            "oeffnung.codes.issued": _("Zugangscodes erzeugt"),
            "oeffnung.answer.received": _("Anonyme Antwort eingegangen"),
            "oeffnung.wave.sealed": _("Befragungsdaten neu geordnet"),
            "oeffnung.results.exported": _("Befragungsergebnis exportiert"),
            "oeffnung.measure.created": _("Maßnahme angelegt"),
            "oeffnung.measure.updated": _("Maßnahme aktualisiert"),
            "oeffnung.measure.reminded": _("An Aktualisierung erinnert"),
            "oeffnung.measures.imported": _("Maßnahmen importiert"),
            "oeffnung.report.created": _("Fortschrittsbericht angelegt"),
            "oeffnung.report.updated": _("Fortschrittsbericht bearbeitet"),
            "oeffnung.report.finalised": _("Fortschrittsbericht abgeschlossen"),
            "oeffnung.demo.loaded": _("Demodaten Interkulturelle Öffnung geladen"),
            "oeffnung.course.created": _("Fortbildung angelegt"),
            "oeffnung.course.session_added": _("Fortbildungstermin angelegt"),
            "oeffnung.course.attendance": _("Anwesenheit erfasst"),
            "oeffnung.course.reminded": _("An Fortbildungstermin erinnert"),
            "oeffnung.training.domains_set": _("E-Mail-Domains für Fortbildungen festgelegt"),
            "oeffnung.registration.created": _("Anmeldung zur Fortbildung eingegangen"),
            "oeffnung.registration.confirmed": _("Anmeldung zur Fortbildung bestätigt"),
            "oeffnung.registration.accepted": _("Platzangebot angenommen"),
            "oeffnung.registration.cancelled": _("Von Fortbildung abgemeldet"),
            "oeffnung.registration.offer_expired": _("Platzangebot verfallen"),
            "oeffnung.certificate.issued": _("Teilnahmebescheinigung erstellt"),
        }
    )

    register_not_personal(
        "oeffnung.surveyanswer",
        reason=(
            "Anonymous by design: no person, no account, no access code, no IP address and no "
            "time finer than the wave are stored; the raw birth-country answers are published "
            "only as protected shares of the institution's departments (at least 5 answers)."
        ),
    )
    register_not_personal(
        "oeffnung.accesscode",
        reason="A hash of a code printed on an unaddressed letter and a used flag: no person.",
    )
    register_not_personal(
        "oeffnung.allowedmaildomain",
        reason="Mail domains of the institution (the city administration), no person.",
    )
    for model in (
        "oeffnung.course",
        "oeffnung.department",
        "oeffnung.surveywave",
        "oeffnung.measure",
        "oeffnung.indicator",
        "oeffnung.indicatorvalue",
        "oeffnung.councilreport",
    ):
        register_not_personal(model, reason=ORGANISATION)

    from teilhabe.oeffnung import retention

    register_retention(
        "oeffnung.departmentmembership",
        purpose=_("Zuständigkeit einer Ansprechperson für die Maßnahmen ihrer Dienststelle"),
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 18 DSG NRW (Beschäftigtendaten)",
        trigger=_("Ende der Zuständigkeit (Zuordnung entfernt oder Konto deaktiviert)"),
        period=years(1),
        action=RetentionAction.DELETE,
        personal_fields=("user",),
        due=retention.due_department_memberships,
        subjects=_("Beschäftigte der Stadtverwaltung (Ansprechpersonen der Dienststellen)"),
        categories=_("Zuordnung eines Kontos zu einer Dienststelle"),
        recipients=_("keine"),
    )
    training = {
        "purpose": _("Organisation von Fortbildungen und Nachweis der Teilnahme"),
        "legal_basis": "Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 18 DSG NRW (Beschäftigtendaten)",
        "trigger": _("Ende der Fortbildung (letzter Termin)"),
        # three years: the share of staff trained in the last three years is reported
        "period": years(3),
        "action": RetentionAction.DELETE,
        "subjects": _(
            "Beschäftigte der Stadtverwaltung (Teilnehmende), Referentinnen und Referenten"
        ),
        "recipients": _("Referentin oder Referent der Fortbildung (Teilnahmeliste)"),
    }
    register_retention(
        "oeffnung.registration",
        personal_fields=("first_name", "last_name", "email", "department"),
        due=retention.due_registrations,
        order=86,
        categories=_("Name, dienstliche E-Mail, Dienststelle, Anmeldestatus, Warteliste"),
        **training,
    )
    register_retention(
        "oeffnung.attendance",
        personal_fields=("present",),
        due=retention.due_attendances,
        order=85,
        categories=_("Anwesenheit je Termin (Grundlage der Teilnahmebescheinigung)"),
        **training,
    )
    register_retention(
        "oeffnung.coursesession",
        personal_fields=("trainer",),
        due=retention.due_sessions,
        order=87,
        categories=_("Name der Referentin oder des Referenten, Zeit und Ort des Termins"),
        **training,
    )

"""What the casework plugs into the layers below: navigation, start-page tile, audit
codes and retention rules (called from ``AppConfig.ready``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.audit.registry import register_actions, register_target
from teilhabe.core.registry import (
    FigureColumn,
    RetentionAction,
    register_navigation,
    register_personal_data,
    register_public_sources,
    register_retention,
    register_statewide_figures,
    register_tile,
    years,
)

# Schulgesetz NRW and its data protection ordinance (VO-DV I) keep pupils' school records
# for years after the pupil leaves; the centre's case file is the counselling record up to
# the placement and is kept for the shorter period that its purpose needs.
CASE_BASIS = "Art. 6 Abs. 1 lit. e DSGVO i. V. m. §§ 120, 121 SchulG NRW; § 3 DSG NRW"
CASE_CATEGORIES = _(
    "Stammdaten des Kindes und der Sorgeberechtigten (Name, Geburtsdatum, "
    "Staatsangehörigkeit, Sprachen, Adresse, Kontakt), Schulbiografie, Einstufung, "
    "Förderbedarf, Beratungstermine und Notizen"
)
CASE_RECIPIENTS = _(
    "Schulamt (Schulplatzvergabe), aufnehmende Schule (nach Zuweisung), "
    "Familie (Briefe); landesweit nur zusammengefasste Zahlen"
)
CASE_SUBJECTS = _("Neu zugewanderte Kinder und Jugendliche, ihre Sorgeberechtigten")
CASE_TRIGGER = _("Abschluss des Falls (Schulplatz angetreten, zurückgezogen oder verzogen)")


def _ids(ids: list[str]) -> list[int]:
    return [int(i) for i in ids if i.isdigit()]


def _describe_children(ids: list[str]) -> dict[str, tuple[str, str]]:
    from teilhabe.seiteneinstieg.models import Child

    rows = Child.objects.filter(pk__in=_ids(ids)).values_list("pk", "first_name", "last_name")
    return {
        str(pk): (f"{first} {last}", reverse("seiteneinstieg:child_detail", args=[pk]))
        for pk, first, last in rows
    }


def _describe_families(ids: list[str]) -> dict[str, tuple[str, str]]:
    from teilhabe.seiteneinstieg.models import Family

    rows = Family.objects.filter(pk__in=_ids(ids)).values_list("pk", "reference")
    return {
        str(pk): (
            str(_("Familie %(ref)s") % {"ref": ref}),
            reverse("seiteneinstieg:family_detail", args=[pk]),
        )
        for pk, ref in rows
    }


def _describe_slots(ids: list[str]) -> dict[str, tuple[str, str]]:
    from teilhabe.seiteneinstieg.models import CounsellingSlot

    rows = CounsellingSlot.objects.filter(pk__in=_ids(ids)).select_related("counsellor")
    url = reverse("seiteneinstieg:slot_list")
    return {
        str(slot.pk): (
            str(_("Beratungstermin %(when)s (%(who)s)"))
            % {
                "when": f"{timezone.localtime(slot.starts_at):%d.%m.%Y %H:%M}",
                "who": slot.counsellor,
            },
            url,
        )
        for slot in rows
    }


def register() -> None:
    # families and applicants read these: every string needs all seven languages
    register_public_sources("templates/seiteneinstieg/public/**", "seiteneinstieg/public/*.py")
    from teilhabe.core.registry import register_public_navigation

    # the families' registration on every centre's public site
    register_public_navigation(
        "anmeldung:register", label=_("Anmeldung für die Schule"), place="header", order=20
    )
    register_navigation(
        "seiteneinstieg:waiting_list",
        label=_("Warteliste"),
        permission="seiteneinstieg.view_waiting_list",
        order=10,
    )
    register_navigation(
        "seiteneinstieg:family_create",
        label=_("Familie registrieren"),
        permission="seiteneinstieg.register_family",
        order=11,
    )
    register_navigation(
        "seiteneinstieg:slot_list",
        label=_("Beratungstermine"),
        permission="seiteneinstieg.manage_appointments",
        order=12,
    )
    register_navigation(
        "seiteneinstieg:statistics",
        label=_("Statistik"),
        permission="seiteneinstieg.view_statistics",
        order=13,
    )

    from teilhabe.seiteneinstieg.selectors.cases import dashboard_figures

    register_tile(
        "seiteneinstieg.waiting",
        template="seiteneinstieg/tiles/waiting.html",
        permission="seiteneinstieg.view_statistics",
        context=lambda user: dashboard_figures(user=user),
        order=10,
        shared_seconds=60,
    )

    from teilhabe.seiteneinstieg.selectors.statewide import figures_by_centre

    # The statewide office sees these per centre, protected (counts < 3 hidden).
    register_statewide_figures(
        "seiteneinstieg.children",
        label=_("Seiteneinstieg: Kinder ohne Schulplatz und Platzierungen"),
        columns=(
            FigureColumn("before_counselling", _("vor der Beratung"), group="waiting"),
            FigureColumn("counselled", _("beraten oder eingestuft"), group="waiting"),
            FigureColumn("ready", _("bereit oder vorgeschlagen"), group="waiting"),
            FigureColumn("over_four_weeks", _("davon länger als vier Wochen")),
            FigureColumn("placed_this_year", _("Schulplatz angetreten (dieses Jahr)")),
            FigureColumn(
                "median_days",
                _("Median Tage bis zum Schulplatz"),
                basis="placed_this_year",
            ),
        ),
        group_labels={"waiting": _("warten insgesamt")},
        compute=figures_by_centre,
        order=10,
    )

    from teilhabe.seiteneinstieg.selectors import dashboard

    register_tile(
        "seiteneinstieg.my_appointments",
        template="seiteneinstieg/tiles/appointments.html",
        permission="seiteneinstieg.manage_appointments",
        context=dashboard.appointments_tile,
        order=1,
    )
    register_tile(
        "seiteneinstieg.my_overdue",
        template="seiteneinstieg/tiles/overdue.html",
        permission="seiteneinstieg.change_case",
        context=dashboard.overdue_tile,
        order=2,
    )
    register_tile(
        "seiteneinstieg.my_next_steps",
        template="seiteneinstieg/tiles/next_steps.html",
        permission="seiteneinstieg.assess_child",
        context=dashboard.next_steps_tile,
        order=3,
    )
    register_tile(
        "seiteneinstieg.my_missing_documents",
        template="seiteneinstieg/tiles/missing_documents.html",
        permission="seiteneinstieg.view_documents",
        context=dashboard.missing_documents_tile,
        order=4,
    )
    register_tile(
        "seiteneinstieg.ready_by_level",
        template="seiteneinstieg/tiles/ready.html",
        permission="seiteneinstieg.plan_placements",
        context=dashboard.ready_by_level_tile,
        order=5,
        shared_seconds=60,
    )

    statuses = {
        "registered": _("Status: registriert"),
        "invited": _("Status: eingeladen"),
        "counselled": _("Status: beraten"),
        "assessed": _("Status: eingestuft"),
        "ready": _("Status: bereit zur Zuweisung"),
        "proposed": _("Status: Schulplatz vorgeschlagen"),
        "accepted": _("Status: Schulplatz zugesagt"),
        "placed": _("Status: Schulplatz angetreten"),
        "withdrawn": _("Status: zurückgezogen"),
        "moved_away": _("Status: verzogen"),
    }
    register_actions(
        {f"seiteneinstieg.child.{code}": label for code, label in statuses.items()}
        | {
            "seiteneinstieg.family.registered": _("Familie registriert"),
            "seiteneinstieg.family.self_registered": _("Familie hat sich online angemeldet"),
            "seiteneinstieg.family.updated": _("Familie geändert"),
            "seiteneinstieg.guardian.added": _("Sorgeberechtigte Person hinzugefügt"),
            "seiteneinstieg.guardian.updated": _("Sorgeberechtigte Person geändert"),
            "seiteneinstieg.guardian.removed": _("Sorgeberechtigte Person entfernt"),
            "seiteneinstieg.child.added": _("Kind hinzugefügt"),
            "seiteneinstieg.child.updated": _("Kind geändert"),
            "seiteneinstieg.document.uploaded": _("Dokument hochgeladen"),
            "seiteneinstieg.document.removed": _("Dokument entfernt"),
            "seiteneinstieg.slot.created": _("Beratungstermine angelegt"),
            "seiteneinstieg.slot.removed": _("Beratungstermin entfernt"),
            "seiteneinstieg.appointment.booked": _("Termin gebucht"),
            "seiteneinstieg.appointment.attended": _("Termin wahrgenommen"),
            "seiteneinstieg.appointment.no_show": _("Termin nicht wahrgenommen"),
            "seiteneinstieg.appointment.cancelled": _("Termin abgesagt"),
            "seiteneinstieg.appointment.moved": _("Termin verlegt"),
            "seiteneinstieg.appointment.reminded": _("An Termin erinnert"),
            "seiteneinstieg.appointment.walk_in": _("Beratung ohne Termin erfasst"),
            "seiteneinstieg.calendar_feed.renewed": _("Kalender-Adresse erneuert"),
            "seiteneinstieg.assessment.recorded": _("Einstufung erfasst"),
            "seiteneinstieg.waiting_list.exported": _("Warteliste exportiert"),
            "seiteneinstieg.demo.loaded": _("Demodaten geladen"),
        }
    )

    register_target("seiteneinstieg.child", _describe_children)
    register_target("seiteneinstieg.family", _describe_families)
    register_target("seiteneinstieg.counsellingslot", _describe_slots)

    from teilhabe.seiteneinstieg import personal_data as pd
    from teilhabe.seiteneinstieg import retention as due

    for model, collector in {
        "seiteneinstieg.child": pd.children_of,
        "seiteneinstieg.family": pd.families_of,
        "seiteneinstieg.guardian": pd.guardians_of,
        "seiteneinstieg.childlanguage": pd.languages_of,
        "seiteneinstieg.assessment": pd.assessments_of,
        "seiteneinstieg.document": pd.documents_of,
        "seiteneinstieg.appointment": pd.appointments_of,
        "seiteneinstieg.selfregistration": pd.self_registrations_of,
    }.items():
        register_personal_data(model, collect=collector)

    # model: (personal fields, due rows, order: rows others protect are deleted first)
    case_rules = {
        "seiteneinstieg.childlanguage": (("language", "level"), due.due_child_languages, 30),
        "seiteneinstieg.assessment": (
            ("german_level", "maths_level", "notes"),
            due.due_assessments,
            30,
        ),
        "seiteneinstieg.child": (
            (
                "first_name",
                "last_name",
                "birth_date",
                "special_needs",
                "notes",
                "search_name",
                "search_phonetic",
            ),
            due.due_children,
            40,
        ),
        "seiteneinstieg.appointment": (("interpreter_language", "notes"), due.due_appointments, 50),
        "seiteneinstieg.guardian": (
            (
                "first_name",
                "last_name",
                "phone",
                "email",
                "search_name",
                "search_phonetic",
                "phone_digits",
            ),
            due.due_guardians,
            55,
        ),
        "seiteneinstieg.family": (("street", "postcode", "city", "notes"), due.due_families, 60),
    }
    for model, (fields, due_rows, order) in case_rules.items():
        register_retention(
            model,
            purpose=_("Beratung und Vermittlung eines Schulplatzes für neu zugewanderte Kinder"),
            legal_basis=CASE_BASIS,
            trigger=CASE_TRIGGER,
            period=due.CASE_PERIOD,
            action=RetentionAction.DELETE,
            personal_fields=fields,
            due=due_rows,
            order=order,
            categories=CASE_CATEGORIES,
            recipients=CASE_RECIPIENTS,
            subjects=CASE_SUBJECTS,
        )
    register_retention(
        "seiteneinstieg.selfregistration",
        purpose=_("Nachweis der Online-Anmeldung und der Einwilligung; Link zum Termin"),
        legal_basis="Art. 6 Abs. 1 lit. a, e DSGVO; Art. 7 Abs. 1 DSGVO",
        trigger=CASE_TRIGGER,
        period=years(2),
        action=RetentionAction.DELETE,
        personal_fields=("ip_hash", "email_hash", "form_token", "manage_token_hash"),
        due=due.due_self_registrations,
        order=58,
        categories=CASE_CATEGORIES,
        recipients=CASE_RECIPIENTS,
        subjects=CASE_SUBJECTS,
    )
    register_retention(
        "seiteneinstieg.document",
        purpose=_("Nachweise der Familie für die Beratung (Meldebescheinigung, Zeugnisse)"),
        legal_basis=CASE_BASIS,
        trigger=_("Abschluss des Falls"),
        period=due.DOCUMENT_PERIOD,
        action=RetentionAction.DELETE,
        personal_fields=("file", "original_name"),
        due=due.due_documents,
        order=20,
        categories=_("Ausweis- und Meldedokumente, Zeugnisse (eingescannt)"),
        recipients=_("keine; nur Beschäftigte des Zentrums mit Fallzugriff"),
        subjects=CASE_SUBJECTS,
    )
    register_retention(
        "seiteneinstieg.counsellingslot",
        purpose=_("Terminplanung der Beraterinnen und Berater"),
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
        trigger=_("Ende des Termins"),
        trigger_field="ends_at",
        period=years(2),
        action=RetentionAction.DELETE,
        personal_fields=("counsellor",),
        due=due.due_slots,
        order=70,
        categories=_("Name der Beraterin oder des Beraters, Zeit und Ort"),
        recipients=_("keine"),
        subjects=_("Beschäftigte des Zentrums (Beraterinnen und Berater)"),
    )

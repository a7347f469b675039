"""What the council's office plugs into the layers below: navigation, start-page tile,
audit codes and retention rules (called from ``AppConfig.ready``)."""

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

# The council's public records (agendas, papers, resolutions, approved minutes) are kept as
# the municipality's record and handed to the archive (ArchivG NRW § 3, § 4); members'
# data beyond what the public record names is kept until the term ends plus a period for
# objections to the election and accounting of attendance fees.
ARCHIVE_BASIS = "§ 27 GO NRW i. V. m. §§ 3, 4 ArchivG NRW; Art. 6 Abs. 1 lit. e DSGVO"
MEMBER_BASIS = "§ 27 GO NRW; Art. 6 Abs. 1 lit. c und e DSGVO; § 3 DSG NRW"
MEMBERS = _("Mitglieder und Stellvertretungen des Integrationsrats")
PUBLIC = _(
    "Öffentlichkeit (öffentliche Seiten und OParl; mit Einwilligung zur Veröffentlichung), "
    "Rat der Stadt"
)


def register() -> None:
    register_navigation(
        "integrationsrat:overview",
        label=_("Integrationsrat"),
        permission="integrationsrat.view",
        order=40,
    )

    from teilhabe.integrationsrat.selectors import next_meeting

    register_tile(
        "integrationsrat.next_meeting",
        template="integrationsrat/tiles/next_meeting.html",
        permission="integrationsrat.view",
        context=lambda user: next_meeting(user),
        order=40,
    )

    register_actions(
        {
            "integrationsrat.term.created": _("Wahlperiode angelegt"),
            "integrationsrat.location.created": _("Sitzungsort angelegt"),
            "integrationsrat.member.added": _("Mitglied des Integrationsrats eingetragen"),
            "integrationsrat.person.updated": _("Person im Integrationsrat geändert"),
            "integrationsrat.membership.ended": _("Mitgliedschaft im Integrationsrat beendet"),
            "integrationsrat.paper.created": _("Vorlage angelegt"),
            "integrationsrat.paper.deleted": _("Vorlage zurückgezogen"),
            "integrationsrat.file.attached": _("Datei an Vorlage angehängt"),
            "integrationsrat.consultation.added": _("Beratung einer Vorlage eingetragen"),
            "integrationsrat.meeting.created": _("Sitzung angelegt"),
            "integrationsrat.agenda_item.added": _("Tagesordnungspunkt angelegt"),
            "integrationsrat.agenda_item.removed": _("Tagesordnungspunkt abgesetzt"),
            "integrationsrat.meeting.invitation_published": _("Einladung veröffentlicht"),
            "integrationsrat.meeting.attendance_recorded": _("Anwesenheit erfasst"),
            "integrationsrat.agenda_item.result_recorded": _("Abstimmungsergebnis erfasst"),
            "integrationsrat.minutes.saved": _("Niederschrift gespeichert"),
            "integrationsrat.minutes.approved": _("Niederschrift genehmigt"),
            "integrationsrat.demo.loaded": _("Demodaten Integrationsrat geladen"),
        }
    )

    from teilhabe.integrationsrat import retention

    term_end = _("Ende der Wahlperiode")
    register_retention(
        "integrationsrat.person",
        purpose=_("Mitglieder und Stellvertretungen des Integrationsrats führen"),
        legal_basis=MEMBER_BASIS,
        trigger=term_end,
        period=years(5),
        action=RetentionAction.ANONYMISE,
        personal_fields=("given_name", "family_name", "form_of_address", "email"),
        due=retention.due_persons,
        anonymise=retention.anonymise_persons,
        subjects=MEMBERS,
        categories=_("Name, Anrede, E-Mail, Einwilligung zur Veröffentlichung"),
        recipients=PUBLIC,
    )
    register_retention(
        "integrationsrat.membership",
        purpose=_("Zusammensetzung des Integrationsrats (Mehrheit der direkt Gewählten)"),
        legal_basis=MEMBER_BASIS,
        trigger=term_end,
        period=years(5),
        action=RetentionAction.ANONYMISE,
        # the person link stays (the person is anonymised by its own rule); the group goes
        personal_fields=("group",),
        due=retention.due_memberships,
        anonymise=retention.anonymise_memberships,
        subjects=MEMBERS,
        categories=_("Mitgliedschaft, Liste oder Fraktion, direkt gewählt oder entsandt, Zeitraum"),
        recipients=PUBLIC,
    )
    register_retention(
        "integrationsrat.attendance",
        purpose=_("Anwesenheit (Beschlussfähigkeit, Sitzungsgeld)"),
        legal_basis=MEMBER_BASIS,
        trigger=term_end,
        period=years(5),
        action=RetentionAction.DELETE,
        personal_fields=("person",),
        due=retention.due_attendances,
        subjects=MEMBERS,
        categories=_("Anwesenheit je Sitzung"),
        recipients=_("Stadtkasse (Sitzungsgeld); Niederschrift"),
    )
    for model, fields in {
        "integrationsrat.meeting": (),
        "integrationsrat.agendaitem": ("resolution_text",),
        "integrationsrat.paper": ("originator", "text"),
        "integrationsrat.file": ("content",),
        "integrationsrat.consultation": (),
        "integrationsrat.namedvote": ("person", "vote"),
        "integrationsrat.minutes": (),
        "integrationsrat.minutesversion": ("text", "public_text", "author"),
    }.items():
        register_retention(
            model,
            purpose=_("Öffentliche und nichtöffentliche Niederschrift der Ratsarbeit"),
            legal_basis=ARCHIVE_BASIS,
            trigger=_("Abschluss der Sitzung; danach Übergabe an das Archiv"),
            period=years(0),
            action=RetentionAction.KEEP,
            personal_fields=fields,
            subjects=_("Mitglieder, Antragstellende, in Vorlagen genannte Personen"),
            categories=_(
                "Name und Funktion in Vorlagen, Beschlüssen, Abstimmungen und Niederschriften"
            ),
            recipients=_("Öffentlichkeit (öffentlicher Teil, OParl), Rat der Stadt, Stadtarchiv"),
        )
    for model in ("council", "legislativeterm", "location"):
        register_not_personal(
            f"integrationsrat.{model}",
            reason="institution: das Gremium, seine Wahlperioden und Sitzungsorte",
        )

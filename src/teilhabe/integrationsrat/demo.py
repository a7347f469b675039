"""Demo data: a Köln-like Integrationsrat with two terms, 22 directly elected and 11 council
members, meetings with public and non-public items, papers and attached PDFs.

Everything is written through the services, so the demo obeys the same rules (and leaves the
same audit trail) as the office. All names are invented.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.permissions import roles_holding
from teilhabe.integrationsrat import services
from teilhabe.integrationsrat.choices import MembershipKind, MembershipRole, Outcome, PaperType
from teilhabe.integrationsrat.models import Council, LegislativeTerm

ELECTED_LISTS = [
    "Liste Gemeinsam Köln",
    "Internationale Liste",
    "Bunte Liste Rhein",
    "Liste Brücken bauen",
    "Demokratische Liste Vielfalt",
]
COUNCIL_GROUPS = [
    "Grüne",
    "CDU",
    "SPD",
    "SPD",
    "Grüne",
    "CDU",
    "Linke",
    "FDP",
    "Volt",
    "Grüne",
    "SPD",
]
ELECTED = [
    ("Aylin", "Demirtaş"),
    ("Kostas", "Papadakis"),
    ("Olena", "Hrytsenko"),
    ("Samir", "Haddad"),
    ("Marisol", "Vega Ortiz"),
    ("Emeka", "Okafor"),
    ("Dilara", "Aksoy"),
    ("Piotr", "Wiśniewski"),
    ("Ngoc Anh", "Tran"),
    ("Fatima", "El Amrani"),
    ("Giorgio", "Ferraro"),
    ("Leyla", "Karimi"),
    ("Bogdan", "Popescu"),
    ("Amina", "Yusuf"),
    ("Hüseyin", "Çelik"),
    ("Irina", "Sokolova"),
    ("Rafael", "Moreira"),
    ("Zeynep", "Kaya"),
    ("Dimitar", "Ivanov"),
    ("Nadia", "Benali"),
    ("Kwame", "Mensah"),
    ("Elif", "Yıldız"),
]
COUNCIL = [
    ("Claudia", "Brenner"),
    ("Markus", "Hoffmann"),
    ("Sabine", "Krüger"),
    ("Thomas", "Lange"),
    ("Miriam", "Vogt"),
    ("Stefan", "Schulte"),
    ("Anja", "Becker"),
    ("Jörg", "Wagner"),
    ("Lena", "Fischer"),
    ("Uwe", "Schmitz"),
    ("Katrin", "Neumann"),
]
PUBLIC_MINUTES = "Der Integrationsrat hat die öffentlichen Punkte wie beantragt beschlossen."
DEPUTIES = [("Hasan", "Öztürk"), ("Marta", "Kowalska"), ("Youssef", "Amrani"), ("Daria", "Melnyk")]


def _pdf(title: str, text: str) -> SimpleUploadedFile:
    from weasyprint import HTML

    html = (
        f"<html><body style='font-family: DejaVu Sans'><h1>{title}</h1><p>{text}</p></body></html>"
    )
    data = HTML(string=html).write_pdf()
    return SimpleUploadedFile("anlage.pdf", data, content_type="application/pdf")


def _actor(centre: Centre) -> User:
    actor = User.objects.filter(
        centre=centre, role__in=roles_holding("integrationsrat.manage"), is_active=True
    ).first()
    if actor is None:
        raise ValueError("Kein Konto mit integrationsrat.manage in diesem Zentrum.")
    return actor


def load(centre: Centre, *, actor: User | None = None) -> bool:
    """Create the demo council of ``centre`` unless it has one; True if created."""
    if Council.objects.filter(centre=centre).exists():
        return False
    actor = actor or _actor(centre)
    today = timezone.localdate()
    old = services.create_term(
        actor=actor,
        name="Wahlperiode 2020–2025",
        start_date=dt.date(2020, 11, 1),
        end_date=dt.date(2025, 10, 31),
    )
    new_start = dt.date(2025, 11, 1) if today >= dt.date(2025, 11, 1) else today
    current = services.create_term(
        actor=actor,
        name="Wahlperiode 2025–2030",
        start_date=new_start,
        end_date=dt.date(2030, 10, 31),
    )
    people = {}
    for term in (old, current):
        for i, (given, family) in enumerate(ELECTED):
            role = {0: MembershipRole.CHAIR, 1: MembershipRole.DEPUTY_CHAIR}.get(
                i, MembershipRole.MEMBER
            )
            m = services.add_member(
                actor=actor,
                term=term,
                role=role,
                kind=MembershipKind.ELECTED,
                group=ELECTED_LISTS[i % len(ELECTED_LISTS)],
                start_date=term.start_date,
                person=people.get((given, family)),
                given_name=given,
                family_name=family,
                email="vorsitz@ir-demo.example" if i == 0 else "",
                consent_name=i % 7 != 5,  # a few members do not want their names published
                consent_group=i % 3 != 2,
            )
            people[(given, family)] = m.person
        for i, (given, family) in enumerate(COUNCIL):
            m = services.add_member(
                actor=actor,
                term=term,
                role=MembershipRole.DEPUTY_CHAIR if i == 0 else MembershipRole.MEMBER,
                kind=MembershipKind.COUNCIL,
                group=f"Ratsfraktion {COUNCIL_GROUPS[i]}",
                start_date=term.start_date,
                person=people.get((given, family)),
                given_name=given,
                family_name=family,
                consent_name=True,
                consent_group=True,
            )
            people[(given, family)] = m.person
    for i, (given, family) in enumerate(DEPUTIES):
        services.add_member(
            actor=actor,
            term=current,
            role=MembershipRole.DEPUTY_MEMBER,
            kind=MembershipKind.ELECTED,
            group=ELECTED_LISTS[i],
            start_date=current.start_date,
            given_name=given,
            family_name=family,
            consent_name=i != 2,
            consent_group=True,
        )

    rathaus = services.create_location(
        actor=actor,
        description="Historisches Rathaus, Spanischer Bau",
        room="Ratssaal",
        street_address="Rathausplatz 2",
        postal_code="50667",
        locality="Köln",
        latitude=Decimal("50.938056"),
        longitude=Decimal("6.958611"),
    )
    bezirk = services.create_location(
        actor=actor,
        description="Bezirksrathaus Kalk",
        room="Sitzungssaal",
        street_address="Kalker Hauptstraße 247–273",
        postal_code="51103",
        locality="Köln",
    )

    papers = [
        services.create_paper(
            actor=actor,
            reference="IR/0142/2026",
            name="Mehrsprachige Informationen zur Einbürgerung",
            paper_type=PaperType.MOTION,
            date=today - dt.timedelta(days=70),
            originator="Liste Gemeinsam Köln",
            text=(
                "Der Integrationsrat bittet die Verwaltung, die Informationen zur Einbürgerung "
                "in den zehn häufigsten Herkunftssprachen bereitzustellen und in den "
                "Kundenzentren auszulegen.\n\nBegründung: Viele Anspruchsberechtigte kennen "
                "die Voraussetzungen nicht."
            ),
        ),
        services.create_paper(
            actor=actor,
            reference="IR/0143/2026",
            name="Bericht des Kommunalen Integrationszentrums zum Seiteneinstieg",
            paper_type=PaperType.SUBMISSION,
            date=today - dt.timedelta(days=65),
            originator="Kommunales Integrationszentrum",
            text="Die Verwaltung berichtet über Wartezeiten und Schulplatzvergabe für neu "
            "zugewanderte Kinder und Jugendliche im laufenden Schuljahr.",
        ),
        services.create_paper(
            actor=actor,
            reference="IR/0144/2026",
            name="Förderung von Migrantenorganisationen 2027",
            paper_type=PaperType.SUBMISSION,
            date=today - dt.timedelta(days=30),
            originator="Amt für Integration und Vielfalt",
            text="Die Verwaltung schlägt die Verteilung der Fördermittel für "
            "Migrantenselbstorganisationen im Jahr 2027 vor.",
        ),
        services.create_paper(
            actor=actor,
            reference="IR/0145/2026",
            name="Personalangelegenheit der Geschäftsstelle",
            paper_type=PaperType.SUBMISSION,
            date=today - dt.timedelta(days=25),
            text="Nichtöffentlich: Besetzung einer Stelle in der Geschäftsstelle.",
            public=False,
        ),
        services.create_paper(
            actor=actor,
            reference="IR/0146/2026",
            name="Anfrage zu Sprachmittlung in Bürgerämtern",
            paper_type=PaperType.INQUIRY,
            date=today - dt.timedelta(days=10),
            originator="Internationale Liste",
            text="Wie oft wurde im letzten Jahr eine Sprachmittlung in den Bürgerämtern "
            "angefragt, und wie oft konnte sie gestellt werden?",
        ),
    ]
    services.attach_file(
        actor=actor,
        paper=papers[1],
        main=True,
        name="Bericht Seiteneinstieg (PDF)",
        upload=_pdf("Bericht Seiteneinstieg", "Wartezeiten, Schulplätze und Beratungen."),
    )
    services.attach_file(
        actor=actor,
        paper=papers[3],
        main=True,
        name="Stellenbesetzung (nichtöffentlich)",
        upload=_pdf("Stellenbesetzung", "Vertraulich."),
    )
    services.add_consultation(
        actor=actor, paper=papers[2], committee="Ausschuss Soziales, Seniorinnen und Senioren"
    )

    tz = timezone.get_current_timezone()

    def at(days: int, hour: int = 17) -> tuple[dt.datetime, dt.datetime]:
        start = dt.datetime.combine(today + dt.timedelta(days=days), dt.time(hour, 0), tz)
        return start, start + dt.timedelta(hours=3)

    members = {m.person_id: m for m in _members(current)}
    voting = [pk for pk, m in members.items() if m.role != MembershipRole.DEPUTY_MEMBER]
    meetings = []
    for n, (days, place) in enumerate(
        [(-56, rathaus), (-28, bezirk), (14, rathaus), (42, rathaus)]
    ):
        start, end = at(days)
        meetings.append(
            services.create_meeting(
                actor=actor,
                name=f"{n + 1}. Sitzung des Integrationsrats",
                start=start,
                end=end,
                location=place,
            )
        )
    first, second, third, _fourth = meetings
    agenda = {
        first: [
            ("Genehmigung der Tagesordnung", True, None),
            ("Mehrsprachige Informationen zur Einbürgerung", True, papers[0]),
            ("Bericht zum Seiteneinstieg", True, papers[1]),
            ("Mitteilungen der Geschäftsstelle", True, None),
        ],
        second: [
            ("Genehmigung der Niederschrift der 1. Sitzung", True, None),
            ("Förderung von Migrantenorganisationen 2027", True, papers[2]),
            ("Personalangelegenheit der Geschäftsstelle", False, papers[3]),
        ],
        third: [
            ("Genehmigung der Niederschrift der 2. Sitzung", True, None),
            ("Anfrage zu Sprachmittlung in Bürgerämtern", True, papers[4]),
            ("Vorbereitung des Tags der Vielfalt", True, None),
            ("Vertrauliche Vertragsangelegenheit", False, None),
        ],
    }
    for meeting, items in agenda.items():
        for name, public, paper in items:
            services.add_agenda_item(
                actor=actor, meeting=meeting, name=name, public=public, paper=paper
            )
        services.publish_invitation(actor=actor, meeting=meeting)
    for meeting, absent in ((first, 4), (second, 6)):
        present = voting[: len(voting) - absent]
        services.record_attendance(actor=actor, meeting=meeting, present=present)
        for item in meeting.agenda_items.order_by("order"):
            yes = len(present) - 3
            services.record_result(
                actor=actor,
                item=item,
                outcome=Outcome.ADOPTED if item.order != 4 else Outcome.NOTED,
                yes=yes if item.order != 4 else None,
                no=1 if item.order != 4 else None,
                abstain=2 if item.order != 4 else None,
                resolution_text="Der Integrationsrat beschließt wie beantragt."
                if item.order != 4
                else "",
            )
        services.save_minutes(
            actor=actor,
            meeting=meeting,
            text=f"Niederschrift der {meeting.name}.\n\nEntwurf der Geschäftsstelle.",
            public_text=PUBLIC_MINUTES,
        )
        services.save_minutes(
            actor=actor,
            meeting=meeting,
            text=f"Niederschrift der {meeting.name}.\n\nAnwesend: {len(present)} Mitglieder. "
            "Alle Beschlüsse wie in der Tagesordnung vermerkt.",
            public_text=PUBLIC_MINUTES,
        )
    services.approve_minutes(actor=actor, meeting=first, approved_in=second)
    with transaction.atomic():
        record(
            actor=actor,
            centre=centre,
            action="integrationsrat.demo.loaded",
            target=Council.objects.get(centre=centre),
            summary="Demodaten Integrationsrat",
        )
    return True


def _members(term: LegislativeTerm) -> list:
    return list(term.memberships.filter(deleted_at__isnull=True).select_related("person"))

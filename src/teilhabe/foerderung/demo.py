"""Demo data: the 2026 KOMM-AN year of a centre with calls for Bausteine A–D and
applications from Köln organisations in every state of the pipeline.

Everything is written through the services, so the demo obeys the same rules (and leaves the
same audit trail) as the centre. Organisations and people are invented.
"""

from __future__ import annotations

import datetime as dt

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.permissions import roles_holding
from teilhabe.foerderung import formdef, services
from teilhabe.foerderung.choices import CallStatus
from teilhabe.foerderung.models import FundingYear

YEAR = 2026
APPLIED = dt.date(YEAR, 3, 2)

CALLS = [
    {
        "baustein": "A",
        "title": "Ankommenstreffpunkte: Räume und Ausstattung 2026",
        "description": "Miete, Ausstattung und laufende Kosten von Ankommenstreffpunkten sowie "
        "digitale Werkzeuge für Ehrenamtliche. Pauschale je Raum.",
        "financing_type": "fixed",
        "flat_amount": 3_000_00,
        "unit_label": "Raum",
        "max_units": 2,
    },
    {
        "baustein": "B",
        "title": "Zusammenführen, Orientierung und Begleitung",
        "description": "Begegnungsangebote, Orientierung im Stadtteil, Begleitung zu Ämtern.",
        "financing_type": "shortfall",
        "max_amount": 8_000_00,
    },
    {
        "baustein": "C",
        "title": "Ehrenamtliche informieren und gewinnen",
        "description": "Informationsveranstaltungen, Material in mehreren Sprachen.",
        "financing_type": "share",
        "share_percent": "80",
        "max_amount": 4_000_00,
    },
    {
        "baustein": "D",
        "title": "Qualifizierung von Ehrenamtlichen",
        "description": "Schulungen und Supervision für ehrenamtlich Engagierte.",
        "financing_type": "fixed",
        "flat_amount": 1_500_00,
    },
]

FORM = formdef.parse(
    "Text | Titel des Vorhabens | Pflicht\n"
    "Langtext | Beschreibung des Vorhabens | Pflicht | Was, für wen, wo?\n"
    "Text | Stadtteil | optional\n"
    "Zahl | Erwartete Teilnehmende | optional",
    "Satzung oder Selbstdarstellung | optional",
    "Miete und Nebenkosten\nSachkosten | Material, Ausstattung\nHonorare",
)


def _user(centre: Centre, perm: str, *, exclude: User | None = None) -> User | None:
    users = User.objects.filter(centre=centre, is_active=True, role__in=roles_holding(perm))
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return users.order_by("pk").first()


def _apply(
    call: object, name: str, email: str, *, costs: dict[str, int], own: int, units: int = 0
) -> object:
    app, _token = services.start_application(
        call=call,
        organisation_name=name,
        organisation_email=email,
        organisation_kind="club",
        contact_name="Demo Kontakt",
        contact_email=email,
        today=APPLIED,
    )
    total = sum(costs.values())
    services.save_application(
        application=app,
        answers={
            "titel_des_vorhabens": f"{name}: Angebot {YEAR}",
            "beschreibung_des_vorhabens": "Wöchentliches offenes Treffen für neu Zugewanderte.",
            "stadtteil": "Ehrenfeld",
        },
        cost_plan=costs,
        own_funds=own,
        third_party=0,
        requested=total - own,
        units=units,
        de_minimis=[],
        de_minimis_declared=True,
        submit=True,
        today=APPLIED,
    )
    return app


def load(centre: Centre) -> bool:
    """Create the demo funding year of ``centre`` unless it has one; True if created."""
    if FundingYear.objects.filter(centre=centre, year=YEAR).exists():
        return False
    admin = _user(centre, "foerderung.decide")
    reviewer = _user(centre, "foerderung.review", exclude=admin)
    if admin is None or reviewer is None:
        return False
    year = services.create_year(
        actor=admin,
        year=YEAR,
        period_start=dt.date(YEAR, 1, 1),
        period_end=dt.date(YEAR, 12, 31),
        grants={"A": 60_000_00, "B": 45_000_00, "C": 20_000_00, "D": 15_000_00},
        state_reference="51.02.03-KA-2026",
    )
    calls = {}
    for values in CALLS:
        call = services.create_call(
            actor=admin,
            year=year,
            values={
                **values,
                "opens_on": dt.date(YEAR, 1, 15),
                "deadline": dt.date(YEAR, 12, 31),
                "proof_due_days": 90,
            },
            form=FORM,
        )
        calls[values["baustein"]] = services.set_call_status(
            actor=admin, call=call, status=CallStatus.OPEN
        )
    a, b, c = calls["A"], calls["B"], calls["C"]
    # a draft, a submitted one, one waiting for changes, a reviewed one, two approved
    _apply(
        a,
        "Nachbarschaftstreff Kalk e. V.",
        "kalk@demo.example",
        costs={"miete_und_nebenkosten": 3_000_00},
        own=0,
        units=1,
    )
    services.start_application(
        call=b,
        organisation_name="Initiative Willkommen in Mülheim",
        organisation_email="muelheim@demo.example",
        organisation_kind="initiative",
        contact_name="Demo Kontakt",
        contact_email="muelheim@demo.example",
        today=APPLIED,
    )
    changes = _apply(
        b,
        "Deutsch-Syrischer Kulturverein Köln",
        "dsk@demo.example",
        costs={"honorare": 5_000_00, "sachkosten": 1_000_00},
        own=600_00,
    )
    services.review(
        actor=reviewer,
        application=changes,
        step="changes",
        note="Bitte die Honorarsätze je Stunde angeben.",
    )
    ready = _apply(
        c,
        "Ukrainischer Verein Rhein e. V.",
        "ukr@demo.example",
        costs={"sachkosten": 2_500_00},
        own=500_00,
    )
    for step in ("formal_ok", "passed"):
        services.review(actor=reviewer, application=ready, step=step)
    for name, email in (
        ("Kulturverein Ehrenfeld e. V.", "ehrenfeld@demo.example"),
        ("DITIB-Gemeinde Chorweiler", "chorweiler@demo.example"),
    ):
        app = _apply(
            a,
            name,
            email,
            costs={"miete_und_nebenkosten": 6_000_00, "sachkosten": 400_00},
            own=400_00,
            units=2,
        )
        for step in ("formal_ok", "passed"):
            services.review(actor=reviewer, application=app, step=step)
        services.decide(
            actor=admin, application=app, approve=True, conditions="Mietvertrag vorlegen."
        )
        services.request_payment(application=app, amount=3_000_00, purpose="Miete erstes Halbjahr")
    record(
        actor=admin,
        centre=centre,
        action="foerderung.demo.loaded",
        target=year,
        summary=str(YEAR),
    )
    return True

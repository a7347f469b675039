"""Demo data of engagement, written through the services.

``load(centre)`` adds 15 invented organisations in Köln (plausible names and streets, no
real association), 40 volunteers with languages, offers, weekly times and some
certificates of conduct (registered with consent and confirmed), and a dozen needs of the
coming two weeks, of which the first few are asked. Reproducible from ``seed``; idempotent
(nothing happens when the centre already has organisations).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.permissions import roles_holding
from teilhabe.engagement.models import Organisation
from teilhabe.engagement.services import needs as need_services
from teilhabe.engagement.services import organisations as org_services
from teilhabe.engagement.services import volunteers as vol_services

# (name, kind, languages, fields, postcode, street, districts)
ORGANISATIONS = [
    (
        "Afghanischer Eltern- und Kulturverein Kalk",
        "mso",
        ["fa", "ps"],
        ["parents", "culture"],
        "51103",
        "Kalker Hauptstr. 120",
        ["Kalk"],
    ),
    (
        "Ukrainische Gemeinschaft Köln-Porz",
        "mso",
        ["uk", "ru"],
        ["culture", "counselling"],
        "51143",
        "Hauptstr. 370",
        ["Porz"],
    ),
    (
        "Syrisch-Deutscher Familientreff Ehrenfeld",
        "mso",
        ["ar"],
        ["parents", "education"],
        "50823",
        "Venloer Str. 400",
        ["Ehrenfeld", "Neuehrenfeld"],
    ),
    (
        "Initiative Willkommen in Mülheim",
        "initiative",
        ["de", "ar", "tr"],
        ["language", "counselling"],
        "51063",
        "Frankfurter Str. 50",
        ["Mülheim"],
    ),
    (
        "Eritreischer Kulturverein Rheinland",
        "mso",
        ["ti"],
        ["culture", "youth"],
        "51065",
        "Berliner Str. 80",
        ["Buchforst", "Mülheim"],
    ),
    (
        "Türkischer Elternbund Chorweiler",
        "mso",
        ["tr"],
        ["parents", "education"],
        "50765",
        "Pariser Platz 5",
        ["Chorweiler"],
    ),
    (
        "Sportverein Vingst International",
        "club",
        ["de", "tr", "ar"],
        ["sport", "youth"],
        "51107",
        "Ostheimer Str. 200",
        ["Vingst", "Höhenberg"],
    ),
    (
        "Lernpaten Nippes",
        "initiative",
        ["de", "en"],
        ["education"],
        "50733",
        "Neusser Str. 300",
        ["Nippes"],
    ),
    (
        "Frauencafé Meschenich",
        "initiative",
        ["ar", "ku", "de"],
        ["women", "language"],
        "50997",
        "Brühler Landstr. 420",
        ["Meschenich"],
    ),
    (
        "Moscheegemeinde Kalk-Nord",
        "religious",
        ["ar", "tr"],
        ["religion", "youth"],
        "51103",
        "Vietorstr. 20",
        ["Kalk"],
    ),
    (
        "Evangelische Flüchtlingshilfe Deutz",
        "religious",
        ["de", "fa", "en"],
        ["counselling", "language"],
        "50679",
        "Deutzer Freiheit 60",
        ["Deutz"],
    ),
    (
        "Wohlfahrtsverband Köln-Süd – Migrationsdienst",
        "welfare",
        ["de", "ru", "uk", "ar"],
        ["counselling", "interpreting"],
        "50677",
        "Bonner Str. 150",
        ["Südstadt", "Bayenthal"],
    ),
    (
        "Bulgarisch-Rumänischer Nachbarschaftstreff Höhenberg",
        "mso",
        ["bg", "ro"],
        ["counselling", "parents"],
        "51103",
        "Frankfurter Str. 30",
        ["Höhenberg", "Kalk"],
    ),
    (
        "Somalischer Jugendverein Köln",
        "mso",
        ["so"],
        ["youth", "sport"],
        "50765",
        "Florenzer Str. 10",
        ["Chorweiler", "Seeberg"],
    ),
    (
        "Sprachmittler-Pool Innenstadt",
        "initiative",
        ["ar", "fa", "uk", "ru", "tr"],
        ["interpreting"],
        "50667",
        "Hohe Str. 100",
        ["Altstadt-Nord", "Altstadt-Süd"],
    ),
]

FIRST = [
    "Mariam",
    "Olena",
    "Ahmad",
    "Elif",
    "Dmytro",
    "Fatima",
    "Yusuf",
    "Natalia",
    "Samir",
    "Leyla",
    "Jonas",
    "Anna",
    "Hamid",
    "Iryna",
    "Kemal",
    "Rana",
    "Tobias",
    "Sara",
    "Omid",
    "Zeynep",
]
LAST = [
    "Haidari",
    "Petrenko",
    "Al-Khatib",
    "Yılmaz",
    "Kovalenko",
    "Rahimi",
    "Demir",
    "Schneider",
    "Nasser",
    "Hosseini",
    "Becker",
    "Shevchenko",
    "Aydın",
    "Müller",
    "Saleh",
    "Wagner",
    "Karimi",
    "Öztürk",
    "Fischer",
    "Bondarenko",
]
POSTCODES = [
    "50672",
    "50733",
    "50823",
    "51103",
    "51063",
    "50765",
    "50677",
    "51143",
    "50667",
    "51065",
    "50939",
    "51105",
]
LANGS = ["ar", "fa", "uk", "ru", "tr", "ps", "ku", "ti", "so", "ro", "bg", "en"]
KINDS = ["interpreting", "mentoring", "homework", "accompaniment", "events"]


def _actor(centre: Centre) -> User:
    actor = (
        User.objects.filter(
            centre=centre, role__in=roles_holding("engagement.manage"), is_active=True
        )
        .order_by("pk")
        .first()
    )
    if actor is None:
        raise ValueError("the demo needs an account with engagement.manage in the centre")
    return actor


def load(centre: Centre, *, seed: int = 2026) -> bool:
    """Load the demo; False when the centre already has organisations (nothing done)."""
    if Organisation.objects.for_centre(centre).exists():
        return False
    rng = random.Random(seed)
    actor = _actor(centre)
    for name, kind, languages, fields, postcode, street, districts in ORGANISATIONS:
        org_services.create_organisation(
            actor=actor,
            values={
                "name": name,
                "kind": kind,
                "email": "kontakt@"
                + "".join(c for c in name.lower() if c.isalnum())[:20]
                + ".example.org",
                "languages": languages,
                "fields_of_work": fields,
                "districts": districts,
                "street": street,
                "postcode": postcode,
                "city": "Köln",
                "description": "",
                "contact_persons": [
                    {
                        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)[0]}.",
                        "role": "Vorstand",
                        "consent": True,
                    }
                ],
            },
            is_public=rng.random() < 0.85,
            send_link=False,
        )
    today = timezone.localdate()
    for i in range(40):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)]
        languages = {"de": rng.choice([3, 4, 5])}
        for code in rng.sample(LANGS, rng.randint(1, 2)):
            languages[code] = rng.choice([3, 4, 5])
        windows = []
        for day in sorted(rng.sample(range(7), rng.randint(2, 4))):
            start = rng.choice([9, 10, 14, 15, 16, 17])
            windows.append(
                {
                    "weekday": day,
                    "start": f"{start:02d}:00",
                    "end": f"{min(start + rng.choice([3, 4, 5]), 21):02d}:00",
                }
            )
        volunteer = vol_services.register_volunteer(
            centre=centre,
            values={
                "first_name": first,
                "last_name": last,
                "email": f"{first.lower()}.{i}@ehrenamt.example.org",
                "postcode": rng.choice(POSTCODES),
                "city": "Köln",
                "languages": languages,
                "offers": rng.sample(KINDS, rng.randint(1, 3)) + ["interpreting"],
                "windows": windows,
                "certificate_seen_on": today - dt.timedelta(days=rng.randint(30, 1700))
                if rng.random() < 0.4
                else None,
            },
            consent=True,
            lang=rng.choice(["de", "de", "uk", "ar", "tr", "fa", "ru"]),
            confirm_duplicate=True,
        )
        if i < 34:
            vol_services.confirm_volunteer(actor=actor, volunteer=volunteer)
    tz = timezone.get_current_timezone()
    places = [
        ("KI Köln, Willy-Brandt-Platz 2", "50679"),
        ("Bürgeramt Kalk", "51103"),
        ("Jobcenter Mülheim", "51063"),
        ("GGS Zugweg", "50677"),
    ]
    for i in range(12):
        day = today + dt.timedelta(days=rng.randint(1, 13))
        start = dt.datetime.combine(day, dt.time(rng.choice([9, 10, 14, 15, 16])), tzinfo=tz)
        kind = rng.choice(KINDS)
        place, postcode = rng.choice(places)
        need = need_services.create_need(
            actor=actor,
            values={
                "kind": kind,
                "language": rng.choice(LANGS[:5])
                if kind in ("interpreting", "accompaniment")
                else "",
                "description": "",
                "starts_at": start,
                "ends_at": start + dt.timedelta(hours=rng.choice([1, 2])),
                "recurrence": "once",
                "place": place,
                "postcode": postcode,
                "contact_first_name": rng.choice(FIRST),
                "child_contact": kind in ("homework", "mentoring"),
            },
        )
        if i < 4:
            # nobody fits: the need stays open in the demo
            with contextlib.suppress(ValidationError):
                need_services.request_volunteer(actor=actor, need=need)
    with transaction.atomic():
        record(
            actor=actor,
            centre=centre,
            action="engagement.demo.loaded",
            target=centre,
            summary="Demodaten Engagement",
        )
    return True

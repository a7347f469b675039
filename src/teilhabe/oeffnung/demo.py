"""Demo data of the Interkulturelle Öffnung, written through the services.

``load(centre)`` adds Köln-like departments (a simplified, invented cut of the city's
organisation, not its real chart), one department contact account, a programme of about
twenty measures with indicators, a survey wave with about 400 synthetic answers, and a
draft council report. Everything is invented and reproducible from ``seed``; the function
is idempotent (it does nothing when the centre already has departments). The caller
(``teilhabe load_demo``) runs it in demo mode only.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.permissions import roles_holding
from teilhabe.centres.roles import Role
from teilhabe.centres.services import create_user
from teilhabe.oeffnung.models import Department, Measure
from teilhabe.oeffnung.services import departments as department_services
from teilhabe.oeffnung.services import measures as measure_services
from teilhabe.oeffnung.services import reports as report_services
from teilhabe.oeffnung.services import survey as survey_services
from teilhabe.oeffnung.services import training as training_services
from teilhabe.oeffnung.services.measures import MeasureInput
from teilhabe.oeffnung.services.survey import AnswerInput, PersonAnswer

DEMO_PASSWORD = "teilhabe-demo"
CONTACT_USERNAME = "dienststelle"

# (Dezernat, [(Amt number, Amt name, staff, [(Abteilung number, name, staff)])])
TREE: list[tuple[str, list[tuple[str, str, int, list[tuple[str, str, int]]]]]] = [
    (
        "Dezernat I – Allgemeine Verwaltung und Ordnung",
        [
            (
                "11",
                "Personal- und Verwaltungsmanagement",
                420,
                [
                    ("111", "Personalgewinnung und Ausbildung", 60),
                    ("112", "Personalentwicklung", 35),
                ],
            ),
            ("32", "Amt für öffentliche Ordnung", 610, []),
            ("33", "Bürgerdienste", 540, []),
        ],
    ),
    (
        "Dezernat IV – Bildung, Jugend und Sport",
        [
            ("40", "Amt für Schulentwicklung", 380, []),
            (
                "51",
                "Amt für Kinder, Jugend und Familie",
                1900,
                [
                    ("511", "Kindertagesbetreuung", 900),
                    ("512", "Allgemeiner Sozialer Dienst", 700),
                ],
            ),
        ],
    ),
    (
        "Dezernat V – Soziales, Gesundheit und Integration",
        [
            ("50", "Amt für Soziales, Arbeit und Senioren", 1200, []),
            ("53", "Gesundheitsamt", 650, []),
            ("16", "Amt für Integration und Vielfalt", 140, []),
        ],
    ),
]

# (title, Amt number, category, field, status, progress, planned, spent, funding, partners)
MEASURES: list[tuple[str, str, str, str, str, int, int, int, str, str]] = [
    (
        "Mehrsprachige Stellenanzeigen und anonymisierte Bewerbung",
        "11",
        "A",
        "staff",
        "in_progress",
        60,
        0,
        0,
        "none",
        "",
    ),
    (
        "Ausbildungskampagne „Köln braucht dich“ in Migrantenorganisationen",
        "111",
        "B",
        "staff",
        "in_progress",
        45,
        80000,
        52000,
        "council",
        "Migrantenorganisationen, IHK",
    ),
    (
        "Interkulturelle Kompetenz in der Führungskräfteentwicklung",
        "112",
        "B",
        "staff",
        "in_progress",
        30,
        45000,
        12000,
        "council",
        "",
    ),
    (
        "Mentoring für Nachwuchskräfte mit Einwanderungsgeschichte",
        "112",
        "C",
        "staff",
        "planned",
        0,
        25000,
        0,
        "council",
        "",
    ),
    (
        "Dolmetscherpool für Bürgerdienste",
        "33",
        "B",
        "services",
        "in_progress",
        70,
        120000,
        98000,
        "council",
        "Sprachmittlerpool e. V.",
    ),
    (
        "Mehrsprachige Terminvergabe online",
        "33",
        "A",
        "information",
        "done",
        100,
        0,
        0,
        "budget",
        "",
    ),
    (
        "Willkommensmappe für neu Zugewanderte",
        "32",
        "A",
        "information",
        "done",
        100,
        8000,
        8400,
        "budget",
        "",
    ),
    (
        "Kultursensible Beratung im Ausländerwesen",
        "32",
        "B",
        "services",
        "paused",
        20,
        30000,
        6000,
        "council",
        "",
    ),
    (
        "Elterncafés an Grundschulen",
        "40",
        "B",
        "participation",
        "in_progress",
        50,
        60000,
        31000,
        "state",
        "Schulen, Elternnetzwerk NRW",
    ),
    (
        "Mehrsprachige Schulanmeldung",
        "40",
        "A",
        "information",
        "in_progress",
        80,
        0,
        0,
        "budget",
        "",
    ),
    (
        "Interkulturelle Öffnung der Kindertagesbetreuung",
        "511",
        "B",
        "services",
        "in_progress",
        35,
        150000,
        70000,
        "council",
        "Freie Träger",
    ),
    ("Sprachkompetente Fachkräfte im ASD", "512", "A", "staff", "planned", 5, 0, 0, "none", ""),
    (
        "Seniorenberatung in Herkunftssprachen",
        "50",
        "B",
        "services",
        "in_progress",
        55,
        40000,
        22000,
        "council",
        "Wohlfahrtsverbände",
    ),
    (
        "Gesundheitslotsinnen und -lotsen",
        "53",
        "B",
        "services",
        "in_progress",
        65,
        90000,
        61000,
        "state",
        "MiMi Gesundheitsprojekt",
    ),
    (
        "Impfaufklärung in Gemeinden",
        "53",
        "A",
        "information",
        "dropped",
        10,
        5000,
        500,
        "budget",
        "",
    ),
    (
        "Monitoring Interkulturelle Öffnung",
        "16",
        "A",
        "monitoring",
        "in_progress",
        40,
        15000,
        9000,
        "budget",
        "",
    ),
    (
        "Beschäftigtenbefragung zur Einwanderungsgeschichte",
        "16",
        "A",
        "monitoring",
        "in_progress",
        60,
        12000,
        7000,
        "budget",
        "",
    ),
    (
        "Antidiskriminierungsberatung für Beschäftigte",
        "16",
        "B",
        "anti_discrimination",
        "in_progress",
        25,
        35000,
        9000,
        "council",
        "Antidiskriminierungsbüro",
    ),
    (
        "Leitbild Vielfalt der Stadtverwaltung",
        "16",
        "C",
        "participation",
        "planned",
        0,
        0,
        0,
        "none",
        "",
    ),
]
# sub-measures: (title, parent title, Amt, progress, weight)
SUB_MEASURES = [
    (
        "Schulungsmodul Diversity für Führungskräfte",
        "Interkulturelle Kompetenz in der Führungskräfteentwicklung",
        "112",
        60,
        2,
    ),
    (
        "Coaching-Angebot für Teams",
        "Interkulturelle Kompetenz in der Führungskräfteentwicklung",
        "112",
        10,
        1,
    ),
]

COUNTRIES = [
    ("TR", 30),
    ("PL", 12),
    ("IT", 8),
    ("RU", 7),
    ("KZ", 7),
    ("GR", 5),
    ("SY", 5),
    ("UA", 5),
    ("MA", 4),
    ("IR", 4),
    ("RO", 4),
    ("BA", 4),
    ("ES", 3),
    ("US", 2),
]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def synthetic_answer(rng: random.Random, department_id: int | None) -> AnswerInput:
    """One invented answer: about a quarter immigrated, a tenth are second generation."""
    german = PersonAnswer("DE", "yes", None)
    roll = rng.random()
    age = rng.choice(["u30", "30_44", "30_44", "45_59", "45_59", "60p"])
    if roll < 0.22:  # immigrated themselves
        country = _pick(rng, COUNTRIES)
        year = rng.randint(1970, 2022)
        late_repatriate = country in ("KZ", "RU") and rng.random() < 0.6
        parent = PersonAnswer(country, "no", year if rng.random() < 0.8 else None)
        return AnswerInput(
            german_now="yes" if late_repatriate or rng.random() < 0.7 else "no",
            person=PersonAnswer(country, "no", year),
            parent_1=parent,
            parent_2=parent if rng.random() < 0.9 else PersonAnswer(),
            department_id=department_id,
            age_band=age,
            career_group=rng.choice(["lg1", "lg2_1", "lg2_1", "lg2_2", "trainee"]),
            languages=rng.sample(["tr", "ru", "pl", "ar", "en"], rng.randint(0, 2)),
        )
    if roll < 0.34:  # born here, one or both parents immigrated
        country = _pick(rng, COUNTRIES)
        p1 = PersonAnswer(country, "no", rng.randint(1960, 1995))
        both = rng.random() < 0.6
        p2 = PersonAnswer(country, "no", rng.randint(1960, 1995)) if both else german
        return AnswerInput(
            german_now="yes",
            person=PersonAnswer("DE", rng.choice(["yes", "yes", "no"]), None),
            parent_1=p1,
            parent_2=p2 if rng.random() < 0.92 else PersonAnswer(),
            department_id=department_id,
            age_band=rng.choice(["u30", "u30", "30_44", "45_59"]),
            career_group=rng.choice(["lg1", "lg2_1", "trainee"]),
            languages=[{"TR": "tr", "PL": "pl", "RU": "ru"}.get(country, "en")]
            if rng.random() < 0.5
            else [],
        )
    return AnswerInput(
        german_now="yes",
        person=german,
        parent_1=german,
        parent_2=german if rng.random() < 0.97 else PersonAnswer(),
        department_id=department_id if rng.random() < 0.95 else None,
        age_band=age if rng.random() < 0.9 else "",
        career_group=rng.choice(["lg1", "lg2_1", "lg2_2", "other", ""]),
        languages=["en"] if rng.random() < 0.3 else [],
    )


def _actor(centre: Centre) -> User:
    actor = (
        User.objects.filter(
            centre=centre, role__in=roles_holding("oeffnung.manage_departments"), is_active=True
        )
        .order_by("pk")
        .first()
    )
    if actor is None:
        raise ValueError("the demo needs a centre admin account in the centre")
    return actor


def load(centre: Centre, *, seed: int = 2026, answers: int = 400) -> bool:
    """Load the demo; False when the centre already has departments (nothing done)."""
    if Department.objects.for_centre(centre).exists():
        return False
    rng = random.Random(seed)
    actor = _actor(centre)
    today = timezone.localdate()
    by_number: dict[str, Department] = {}
    for dezernat_name, amter in TREE:
        dezernat = department_services.create_department(
            actor=actor, name=dezernat_name, level="dezernat"
        )
        for number, name, staff_count, units in amter:
            amt = department_services.create_department(
                actor=actor,
                name=name,
                level="amt",
                number=number,
                parent=dezernat,
                staff_count=staff_count,
            )
            by_number[number] = amt
            for unit_number, unit_name, unit_staff in units:
                by_number[unit_number] = department_services.create_department(
                    actor=actor,
                    name=unit_name,
                    level="abteilung",
                    number=unit_number,
                    parent=amt,
                    staff_count=unit_staff,
                )

    contact = User.objects.filter(username=CONTACT_USERNAME).first() or create_user(
        actor=actor,
        centre=centre,
        username=CONTACT_USERNAME,
        password=DEMO_PASSWORD,
        role=Role.DEPARTMENT_CONTACT,
        first_name="Dana",
        last_name="Dienststelle",
        email="dienststelle@example.org",
        check_password=False,
    )
    department_services.link_contact(actor=actor, user=contact, department=by_number["11"])

    created: dict[str, Measure] = {}
    for (
        title,
        number,
        category,
        field,
        status,
        progress,
        planned,
        spent,
        funding,
        partners,
    ) in MEASURES:
        created[title] = measure_services.create_measure(
            actor=actor,
            data=MeasureInput(
                title=title,
                department=by_number[number],
                category=category,
                field_of_action=field,
                status=status,
                progress=progress,
                starts_on=dt.date(2024 + rng.randint(0, 1), rng.choice([1, 4, 7]), 1),
                ends_on=dt.date(2027, 12, 31),
                planned_cost=Decimal(planned),
                spent_cost=Decimal(spent),
                funding_source=funding,
                external_partners=partners,
                cost_note="Mehrkosten durch zusätzliche Übersetzungen" if spent > planned else "",
            ),
        )
    for title, parent, number, progress, weight in SUB_MEASURES:
        created[title] = measure_services.create_measure(
            actor=actor,
            data=MeasureInput(
                title=title,
                department=by_number[number],
                category="B",
                field_of_action="staff",
                status="in_progress",
                progress=progress,
                parent=created[parent],
                weight=weight,
                starts_on=dt.date(2025, 1, 1),
                ends_on=dt.date(2026, 12, 31),
            ),
        )
    _indicators(actor, created)
    # a few measures were last touched long ago: the reminder job has something to do
    Measure.objects.filter(pk__in=[created[t].pk for t in list(created)[:3]]).update(
        updated_on=today - dt.timedelta(days=250)
    )

    units = [d for d in by_number.values()]
    wave = survey_services.create_wave(
        actor=actor,
        title=f"Beschäftigtenbefragung {today.year}",
        starts_on=today - dt.timedelta(days=21),
        ends_on=today + dt.timedelta(days=14),
        departments=units,
    )
    codes: list[tuple[str, int]] = []
    for unit in units:
        staff = unit.staff_count or 50
        count = max(5, staff // 4)  # the demo prints a quarter of the letters
        codes += [
            (c, unit.pk)
            for c in survey_services.issue_codes(
                actor=actor, wave=wave, department=unit, count=count
            )
        ]
    rng.shuffle(codes)
    for code, department_id in codes[:answers]:
        survey_services.submit_answer(
            centre=centre, code=code, answers=synthetic_answer(rng, department_id)
        )

    report = report_services.create_report(
        actor=actor,
        title=f"Fortschrittsbericht Interkulturelles Maßnahmenprogramm {today.year}",
        year=today.year,
    )
    report_services.update_chapters(
        actor=actor,
        report=report,
        texts={
            "einleitung": (
                "Der Rat hat das Interkulturelle Maßnahmenprogramm beschlossen und um einen "
                "Bericht über Umsetzung, Kosten und Kennzahlen gebeten."
            ),
            "ausblick": "Die Beschäftigtenbefragung wird alle zwei Jahre wiederholt.",
        },
    )
    _courses(actor, centre, by_number, rng)
    with transaction.atomic():
        record(
            actor=actor,
            centre=centre,
            action="oeffnung.demo.loaded",
            target=centre,
            summary="Demodaten Interkulturelle Öffnung geladen",
            data={"answers": min(answers, len(codes))},
        )
    return True


def _indicators(actor: User, created: dict[str, Measure]) -> None:
    """Kennzahlen with the last years' actual values."""
    rows = [
        (
            "Ausbildungskampagne „Köln braucht dich“ in Migrantenorganisationen",
            "Anteil Auszubildende mit Einwanderungsgeschichte",
            "%",
            "18",
            "30",
            [(2024, "21"), (2025, "24.5")],
        ),
        (
            "Dolmetscherpool für Bürgerdienste",
            "Gedolmetschte Termine",
            "Termine",
            "0",
            "5000",
            [(2024, "1800"), (2025, "3900")],
        ),
        (
            "Gesundheitslotsinnen und -lotsen",
            "Ausgebildete Lotsinnen und Lotsen",
            "Personen",
            "0",
            "60",
            [(2024, "22"), (2025, "41")],
        ),
        (
            "Interkulturelle Kompetenz in der Führungskräfteentwicklung",
            "Geschulte Führungskräfte",
            "Personen",
            "0",
            "400",
            [(2025, "95")],
        ),
        (
            "Monitoring Interkulturelle Öffnung",
            "Dienststellen mit Kennzahlen",
            "Dienststellen",
            "2",
            "12",
            [(2025, "6")],
        ),
    ]
    for title, name, unit, baseline, target, values in rows:
        indicator = measure_services.add_indicator(
            actor=actor,
            measure=created[title],
            name=name,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
        )
        for year, value in values:
            measure_services.record_indicator_value(
                actor=actor, indicator=indicator, year=year, value=Decimal(value)
            )


def _courses(
    actor: User, centre: Centre, by_number: dict[str, Department], rng: random.Random
) -> None:
    """Two courses: one with free seats, one full with a waiting list."""
    training_services.set_allowed_domains(actor=actor, domains=["stadt-koeln.de"])
    now = timezone.localtime()
    start = now.replace(hour=9, minute=0, second=0, microsecond=0) + dt.timedelta(days=10)
    plans = [
        ("Interkulturelle Kompetenz im Bürgerkontakt", 16, 2, "Historisches Rathaus, Raum 1.12"),
        ("Diskriminierungssensible Personalauswahl", 4, 1, ""),
    ]
    for index, (title, capacity, sessions, place) in enumerate(plans):
        course = training_services.create_course(
            actor=actor,
            title=title,
            capacity=capacity,
            description="Grundlagen, Fallbeispiele aus der Verwaltung, Übungen.",
        )
        for n in range(sessions):
            begins = start + dt.timedelta(days=7 * n + 3 * index)
            training_services.add_session(
                actor=actor,
                course=course,
                starts_at=begins,
                ends_at=begins + dt.timedelta(hours=3, minutes=30),
                trainer="Trainerin des Integrationszentrums",
                place=place,
                online_url="" if place else "https://meet.example.org/fortbildung",
            )
        units = list(by_number.values())
        for n in range(capacity + 2 if index else capacity // 2):
            registration = training_services.register(
                centre=centre,
                course=course,
                first_name=f"Person{n + 1}",
                last_name=rng.choice(["Yılmaz", "Nowak", "Schmidt", "Rossi", "Ivanova", "Weber"]),
                email=f"person{index}-{n + 1}@stadt-koeln.de",
                department=rng.choice(units),
            )
            training_services.confirm(token=registration.token)

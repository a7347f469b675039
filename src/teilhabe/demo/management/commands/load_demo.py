"""``teilhabe load_demo``: one Köln centre, one user per role, ~300 synthetic children.

Everything about the children is invented (names from small per-origin lists, addresses
jittered around real Köln postcode centroids) and reproducible from ``--seed``. The schools
are real: the 299 Köln rows of the MSB directory, imported like ``teilhabe import_schools``
does, with invented seat offers in the proportions Köln reported for spring 2022, and every
proposed or placed child sits at a compatible offer near home. The command is idempotent: it
creates what is missing and leaves existing demo data alone, so ``make run`` may call it on
every start. Demo accounts share one weak password, hence the refusal outside demo mode.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import Role
from teilhabe.centres.services import create_centre, create_user
from teilhabe.geo import koeln
from teilhabe.schulen.importers import KEY_FILE
from teilhabe.schulen.models import Offer, OfferKind, School
from teilhabe.schulen.rules import school_id_of
from teilhabe.schulen.seats import annotate_seats
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.schulen.services.directory import import_directory
from teilhabe.schulen.services.offers import create_offer
from teilhabe.schulen.services.staff import link_school_staff
from teilhabe.seiteneinstieg.choices import PIPELINE, SchoolForm, SchoolLevel, Status
from teilhabe.seiteneinstieg.models import Assessment, Child, ChildLanguage, Family, Guardian
from teilhabe.seiteneinstieg.services.cases import STATUS_TIMESTAMP
from teilhabe.zuweisung.models import ACTIVE_PLACEMENT_STATUSES, Placement, PlacementStatus
from teilhabe.zuweisung.services.runs import proposed_start

CENTRE_SLUG = "ki-koeln"
DEMO_PASSWORD = "teilhabe-demo"
USERS: list[tuple[str, Role, str, str, str]] = [
    # username, role, first name, last name, languages
    ("verwaltung", Role.CENTRE_ADMIN, "Petra", "Verwaltung", "de,en"),
    ("beratung", Role.COUNSELLOR, "Leyla", "Beratung", "de,tr,ar"),
    ("schulamt", Role.SCHULAMT, "Jürgen", "Schulamt", "de"),
    ("schule", Role.SCHOOL_STAFF, "Anke", "Schule", "de"),
    ("statistik", Role.STATISTICS, "Tobias", "Statistik", "de"),
]


@dataclass(frozen=True)
class Origin:
    """Where a demo family comes from: its language, nationality and names."""

    language: str
    nationality: str
    weight: int
    girls: tuple[str, ...]
    boys: tuple[str, ...]
    adults_f: tuple[str, ...]
    adults_m: tuple[str, ...]
    surnames: tuple[str, ...]
    also_speaks: tuple[str, ...] = ()


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "uk",
        "UA",
        30,
        ("Sofiia", "Anastasiia", "Viktoriia", "Yelyzaveta", "Daryna", "Polina", "Zlata"),
        ("Maksym", "Artem", "Oleksandr", "Danylo", "Bohdan", "Mykyta", "Yehor"),
        ("Olena", "Iryna", "Tetiana", "Nataliia", "Oksana", "Yuliia"),
        ("Andrii", "Serhii", "Volodymyr", "Dmytro", "Ihor"),
        ("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko"),
        ("ru", "en"),
    ),
    Origin(
        "ar",
        "SY",
        18,
        ("Lana", "Sham", "Rahaf", "Judy", "Maya", "Nour", "Hala"),
        ("Omar", "Ahmad", "Karam", "Yamen", "Mohammad", "Tareq", "Jad"),
        ("Rasha", "Ghada", "Hiba", "Lama", "Reem"),
        ("Khaled", "Bassam", "Fadi", "Samer", "Walid"),
        ("Al-Hassan", "Haddad", "Khalil", "Al-Ahmad", "Darwish", "Najjar", "Sabbagh"),
        ("ku", "en"),
    ),
    Origin(
        "fa",
        "AF",
        14,
        ("Mursal", "Parisa", "Mahsa", "Zahra", "Shabnam", "Farishta", "Marwa"),
        ("Ahmad", "Mustafa", "Sohail", "Farhad", "Jawid", "Elias", "Haris"),
        ("Fatima", "Nargis", "Soraya", "Laila", "Gulalai"),
        ("Nasir", "Habib", "Rahim", "Wahid", "Zabihullah"),
        ("Ahmadi", "Rahimi", "Hosseini", "Sultani", "Karimi", "Nazari", "Mohammadi"),
        ("ps", "ur"),
    ),
    Origin(
        "tr",
        "TR",
        10,
        ("Elif", "Zeynep", "Defne", "Ecrin", "Azra", "Eylül", "Nehir"),
        ("Yusuf", "Eymen", "Mustafa", "Kerem", "Emir", "Ömer", "Aras"),
        ("Ayşe", "Fatma", "Emine", "Hatice", "Sibel"),
        ("Mehmet", "Ahmet", "Hüseyin", "Murat", "Serkan"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk"),
        ("ku", "en"),
    ),
    Origin(
        "ro",
        "RO",
        9,
        ("Maria", "Ioana", "Andreea", "Elena", "Bianca", "Alexia", "Sara"),
        ("Andrei", "David", "Ștefan", "Luca", "Matei", "Gabriel", "Ionuț"),
        ("Mihaela", "Florentina", "Daniela", "Gabriela", "Roxana"),
        ("Ion", "Florin", "Marian", "Costel", "Adrian"),
        ("Popescu", "Ionescu", "Stan", "Dumitru", "Radu", "Lungu", "Stoica"),
        ("other", "it"),
    ),
    Origin(
        "bg",
        "BG",
        8,
        ("Aleksandra", "Viktoria", "Nikol", "Raya", "Gergana", "Aysel", "Emine"),
        ("Georgi", "Ivan", "Dimitar", "Martin", "Aleksandar", "Mehmed", "Emre"),
        ("Desislava", "Mariya", "Silviya", "Ayshe", "Tsvetelina"),
        ("Nikolay", "Stoyan", "Hristo", "Ahmed", "Petar"),
        ("Ivanov", "Georgiev", "Dimitrov", "Petrov", "Hasanov", "Yusein", "Todorov"),
        ("tr",),
    ),
    Origin(
        "ti",
        "ER",
        6,
        ("Selam", "Helen", "Luwam", "Senait", "Yordanos", "Ruta", "Saron"),
        ("Yonas", "Robel", "Biniam", "Filmon", "Henok", "Aron", "Samuel"),
        ("Tsega", "Mebrat", "Azieb", "Letemariam", "Hiwet"),
        ("Tesfay", "Mehari", "Ghirmay", "Kidane", "Berhane"),
        ("Tesfamariam", "Ghebremedhin", "Haile", "Woldemichael", "Kahsay", "Abraha", "Yohannes"),
        ("ar", "en"),
    ),
    Origin(
        "so",
        "SO",
        3,
        ("Hodan", "Ayaan", "Sagal", "Najma", "Ifrah"),
        ("Abdirahman", "Mahad", "Liban", "Hamza", "Yasin"),
        ("Faadumo", "Hibaaq", "Sahra"),
        ("Abdullahi", "Farah", "Hassan"),
        ("Warsame", "Mohamud", "Jama", "Abdi", "Nur"),
        ("ar", "en"),
    ),
    Origin(
        "sq",
        "AL",
        2,
        ("Arta", "Blerta", "Elira", "Jeta", "Dea"),
        ("Arbër", "Dardan", "Leon", "Ardit", "Ilir"),
        ("Drita", "Vjosa", "Mimoza"),
        ("Agron", "Besnik", "Fatmir"),
        ("Krasniqi", "Gashi", "Berisha", "Hoxha", "Morina"),
        ("sr", "de"),
    ),
)

STREETS = (
    "Venloer Straße",
    "Aachener Straße",
    "Neusser Straße",
    "Berliner Straße",
    "Frankfurter Straße",
    "Kalker Hauptstraße",
    "Bergisch Gladbacher Straße",
    "Dürener Straße",
    "Luxemburger Straße",
    "Bonner Straße",
    "Severinstraße",
    "Subbelrather Straße",
    "Mülheimer Freiheit",
    "Hauptstraße",
    "Kirchstraße",
    "Am Bilderstöckchen",
    "Florastraße",
    "Merheimer Straße",
    "Olpener Straße",
    "Rösrather Straße",
    "Waldstraße",
    "Lindenstraße",
    "Schulstraße",
    "Gartenstraße",
)

# How often each status occurs among demo children: mostly still waiting, some done.
STATUS_WEIGHTS: dict[str, int] = {
    Status.REGISTERED: 22,
    Status.INVITED: 16,
    Status.COUNSELLED: 14,
    Status.ASSESSED: 12,
    Status.READY: 12,
    Status.PROPOSED: 5,
    Status.ACCEPTED: 3,
    Status.PLACED: 11,
    Status.WITHDRAWN: 3,
    Status.MOVED_AWAY: 3,
}
ASSESSED_OR_LATER = frozenset(PIPELINE[PIPELINE.index(Status.ASSESSED) :])

# The Köln rows of the MSB directory, packaged with the schulen app (see its data/README.md).
SCHOOLS_FILE = KEY_FILE.parent / "koeln_schulen_msb_2021-09.csv"


@dataclass(frozen=True)
class SeatPlan:
    """One line of the demo's seat picture: which offers at how many schools of which forms.

    Köln reported 1,180 Vorbereitungsklassen seats in spring 2022 (330 primary, 850
    secondary, groups of 18) plus Internationale Förderklassen at the Berufskollegs; the
    plan reproduces those proportions. ``weights`` favour the forms that carry most
    Vorbereitungsklassen in practice (Haupt-, Real-, Gesamtschulen).
    """

    kind: str
    level: str
    weights: dict[str, int]
    schools: int
    grades: tuple[int, int]
    seats: tuple[int, int]


SEAT_PLANS: tuple[SeatPlan, ...] = (
    SeatPlan(OfferKind.PREP_PRIMARY, SchoolLevel.PRIMARY, {"Grundschule": 1}, 18, (1, 4), (18, 18)),
    SeatPlan(
        OfferKind.PREP_SECONDARY,
        SchoolLevel.SECONDARY,
        {"Hauptschule": 4, "Realschule": 3, "Gesamtschule": 3, "Sekundarschule": 3, "Gymnasium": 2},
        47,
        (5, 10),
        (18, 18),
    ),
    SeatPlan(OfferKind.IFK, SchoolLevel.VOCATIONAL, {"Berufskolleg": 1}, 10, (11, 11), (16, 20)),
    # A few seats in regular classes with German support, at schools without a prep class.
    SeatPlan(OfferKind.REGULAR, SchoolLevel.PRIMARY, {"Grundschule": 1}, 3, (2, 4), (2, 4)),
    SeatPlan(
        OfferKind.REGULAR,
        SchoolLevel.SECONDARY,
        {"Gesamtschule": 1, "Realschule": 1, "Gymnasium": 1},
        3,
        (5, 7),
        (2, 4),
    ),
)
# Seat reports are spread over the last 60 days, most of them recent: about a quarter are
# older than the 30 days after which the platform flags an offer as stale.
REPORT_SPREAD_DAYS = 60


def _level_for(age: int) -> tuple[str, int]:
    """Recommended level and grade from age: the usual German progression."""
    if age <= 9:
        return SchoolLevel.PRIMARY, max(1, min(4, age - 5))
    if age <= 15:
        return SchoolLevel.SECONDARY, max(5, min(10, age - 5))
    return SchoolLevel.VOCATIONAL, 11


def _forms_for(level: str, rng: random.Random) -> list[str]:
    if level == SchoolLevel.PRIMARY:
        return [SchoolForm.GRUNDSCHULE]
    if level == SchoolLevel.VOCATIONAL:
        return [SchoolForm.BERUFSKOLLEG]
    # No Sekundarschule: Köln had none in the 2021 directory, so no demo offer could fit.
    secondary = [
        SchoolForm.GESAMTSCHULE,
        SchoolForm.REALSCHULE,
        SchoolForm.HAUPTSCHULE,
        SchoolForm.GYMNASIUM,
    ]
    return rng.sample(secondary, rng.randint(1, 3))


class DemoBuilder:
    """Generates the demo families; all randomness comes from one seeded generator."""

    def __init__(self, *, seed: int, now: dt.datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.today = timezone.localdate(now)
        self.postcodes = sorted(koeln._postcodes().items())

    def origin(self) -> Origin:
        return self.rng.choices(ORIGINS, weights=[o.weight for o in ORIGINS])[0]

    def location(self) -> tuple[str, koeln.Location]:
        """A point near a real Köln postcode centroid, kept inside Köln."""
        rng = self.rng
        while True:
            postcode, (lat, lon) = rng.choice(self.postcodes)
            lat += rng.uniform(-0.012, 0.012)
            lon += rng.uniform(-0.018, 0.018)
            stadtteil = koeln.stadtteil_at(lat, lon)
            if stadtteil is not None:
                return postcode, koeln.Location(round(lat, 6), round(lon, 6), stadtteil)

    def birth_date(self, *, older_than: int | None = None) -> dt.date:
        # Mostly school age; a few young adults (vocational, beyond the 4-week flag).
        age_days = self.rng.randint(6 * 365 + 10, 18 * 365 + 300)
        if self.rng.random() < 0.05:
            age_days = self.rng.randint(19 * 365, 20 * 365)
        return self.today - dt.timedelta(days=age_days)

    def status(self, registered_at: dt.datetime) -> str:
        """A status that fits the waiting time: the longer ago, the further along, mostly."""
        progress = (self.now - registered_at).days / 120 * (len(PIPELINE) - 1)
        weights = [
            w / (1 + abs(PIPELINE.index(s) - progress)) ** 2 if s in PIPELINE else w / 4
            for s, w in STATUS_WEIGHTS.items()
        ]
        return self.rng.choices(list(STATUS_WEIGHTS), weights=weights)[0]

    def timeline(self, status: str, registered_at: dt.datetime) -> dict[str, Any]:
        """Timestamps up to ``status``, in pipeline order, all between registration and now."""
        if status in (Status.WITHDRAWN, Status.MOVED_AWAY):
            reached = self.rng.choice(PIPELINE[:3])
            steps = [*PIPELINE[1 : PIPELINE.index(reached) + 1], status]
        else:
            steps = list(PIPELINE[1 : PIPELINE.index(status) + 1])
        span = max((self.now - registered_at).total_seconds(), 60.0 * len(steps) + 60)
        offsets = sorted(self.rng.uniform(30, span) for _ in steps)
        return {
            STATUS_TIMESTAMP[step]: min(registered_at + dt.timedelta(seconds=o), self.now)
            for step, o in zip(steps, offsets, strict=True)
        }


class Command(BaseCommand):
    help = (
        "Lädt Demo-Daten für Köln: ein Zentrum, ein Konto je Rolle, ~300 Kinder, "
        "die Kölner Schulen mit Platzangeboten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children", type=int, default=300, help="Zahl der Kinder")
        parser.add_argument("--seed", type=int, default=2026, help="Zufallsstartwert")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch ohne TEILHABE_DEMO laden (schwache Demo-Passwörter!)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO and not options["force"]:
            raise CommandError(
                "Demo-Daten nur im Demo-Modus (TEILHABE_DEMO=1): die Demo-Konten haben "
                "ein schwaches, öffentlich bekanntes Passwort. Mit --force trotzdem laden."
            )
        changed = False
        with transaction.atomic():
            centre = Centre.objects.filter(slug=CENTRE_SLUG).first()
            if centre is None:
                centre = create_centre(
                    actor=None,
                    name="Kommunales Integrationszentrum Köln (Demo)",
                    slug=CENTRE_SLUG,
                    area_keys=["05315"],
                    city="Köln",
                    street="Willy-Brandt-Platz 2",
                    postcode="50679",
                    phone="0221 221-0",
                    email="ki-demo@example.org",
                )
                changed = True
            users: dict[str, User] = {}
            for username, role, first, last, languages in USERS:
                user = User.objects.filter(username=username).first()
                if user is None:
                    user = create_user(
                        actor=None,
                        centre=centre,
                        username=username,
                        password=DEMO_PASSWORD,
                        role=role,
                        first_name=first,
                        last_name=last,
                        email=f"{username}@example.org",
                        languages=languages,
                        check_password=False,
                    )
                    changed = True
                users[username] = user
            has_cases = (
                Family.objects.filter(centre=centre).exists()
                or Child.objects.filter(centre=centre).exists()
            )
            if not has_cases:
                families, children = self._load_children(
                    centre=centre,
                    counsellor=users["beratung"],
                    count=options["children"],
                    seed=options["seed"],
                )
                self.stdout.write(f"{families} Familien mit {children} Kindern angelegt.")
                changed = True
            changed |= self._load_schools()
            offers = self._load_offers(
                centre=centre, actor=users["verwaltung"], seed=options["seed"]
            )
            if offers:
                seats = sum(o.seats_total for o in offers)
                schools = len({o.school_id for o in offers})
                self.stdout.write(
                    f"{len(offers)} Platzangebote ({seats} Plätze) an {schools} Schulen."
                )
                changed = True
            placed = self._place_children(centre=centre, actor=users["schulamt"])
            if placed:
                self.stdout.write(f"{placed} Kinder einem Platz zugeordnet.")
                changed = True
            if (
                school_id_of(users["schule"]) is None
                and Offer.objects.filter(centre=centre).exists()
            ):
                self._link_school_user(
                    centre=centre, actor=users["verwaltung"], user=users["schule"]
                )
                users["schule"].__dict__.pop("_teilhabe_school_id", None)
                changed = True
        if not changed:
            self.stdout.write("Demo-Daten sind bereits vorhanden; nichts geändert.")
        school_id = school_id_of(users["schule"])
        self._print_logins(School.objects.get(pk=school_id) if school_id else None)

    def _load_schools(self) -> bool:
        """Import the packaged Köln directory once, exactly as ``import_schools`` would.

        The import closes every school missing from its file, so it never runs over a
        fuller directory (say all of NRW, imported by an operator): that would close the
        other 5,200 schools just to show a demo.
        """
        data = SCHOOLS_FILE.read_bytes()
        rows = csv.DictReader(data.decode("utf-8").splitlines()[1:], delimiter=";")
        numbers = {row["Schulnummer"] for row in rows}
        open_schools = School.objects.filter(closed_at__isnull=True, schulnummer__in=numbers)
        if open_schools.count() == len(numbers):
            return False
        if School.objects.exclude(schulnummer__in=numbers).exists():
            self.stderr.write(
                "Das Schulverzeichnis enthält schon andere Schulen; die Kölner Demo-Schulen "
                "werden nicht importiert (der Import würde die übrigen schließen)."
            )
            return False
        try:
            run = import_directory(actor=None, data=data, file_name=SCHOOLS_FILE.name)
        except ValidationError as exc:
            raise CommandError(f"{SCHOOLS_FILE.name}: {'; '.join(exc.messages)}") from None
        self.stdout.write(
            f"{run.rows} Kölner Schulen aus dem MSB-Verzeichnis importiert "
            f"({run.added} neu, {run.changed} geändert)."
        )
        return True

    def _load_offers(self, *, centre: Centre, actor: User, seed: int) -> list[Offer]:
        """The seat picture of SEAT_PLANS, created through the offers service.

        ``create_offer`` counts creation as a report made today; the demo then backdates
        the reports over 60 days so that the Schulamt sees some offers flagged as stale.
        A separate generator keeps the children identical to earlier versions of a seed.
        """
        if Offer.objects.filter(centre=centre).exists():
            return []
        rng = random.Random(f"{seed}-schulen")
        now = timezone.now()
        candidates = list(
            area_schools(centre=centre)
            .filter(public=True, operating_key="1", lat__isnull=False)
            .order_by("schulnummer")
        )
        used: set[int] = set()
        offers: list[Offer] = []
        for plan in SEAT_PLANS:
            pool = [s for s in candidates if s.school_form in plan.weights and s.pk not in used]
            # Weighted sampling without replacement (Efraimidis–Spirakis keys).
            keys = {s.pk: rng.random() ** (1 / plan.weights[s.school_form]) for s in pool}
            chosen = sorted(pool, key=lambda s: keys[s.pk], reverse=True)[: plan.schools]
            for school in sorted(chosen, key=lambda s: s.schulnummer):
                used.add(school.pk)
                offer = create_offer(
                    actor=actor,
                    school=school,
                    kind=plan.kind,
                    level=plan.level,
                    grade_from=plan.grades[0],
                    grade_to=plan.grades[1],
                    seats_total=rng.randint(*plan.seats),
                )
                age = dt.timedelta(days=rng.triangular(0, REPORT_SPREAD_DAYS, 5))
                offer.last_reported_at = now - age
                offers.append(offer)
        Offer.objects.bulk_update(offers, ["last_reported_at"])
        return offers

    def _place_children(self, *, centre: Centre, actor: User) -> int:
        """Give every proposed or placed child without a seat the nearest fitting one.

        Fitting means what the placement engine demands: the level and grade of the
        child's latest Einstufung, a recommended school form, a free seat. The services
        (``import_proposals``, ``decide_placement``) would move the children to PROPOSED /
        PLACED *now*, but the demo timeline has them there already, so the placements are
        bulk inserted, dated to the proposal, with one audit entry per school.
        """
        children = list(
            Child.objects.filter(
                centre=centre, status__in=(Status.PROPOSED, Status.ACCEPTED, Status.PLACED)
            )
            .exclude(placements__status__in=ACTIVE_PLACEMENT_STATUSES)
            .select_related("family")
            .order_by("proposed_at", "pk")
        )
        if not children:
            return 0
        # Imported here: the engine pulls in numpy and OR-Tools, wasted on a run with nothing to do.
        from teilhabe.placement.geo import haversine_scalar

        latest: dict[int, Assessment] = {}
        for assessment in Assessment.objects.filter(child__in=children).order_by(
            "assessed_at", "pk"
        ):
            latest[assessment.child_id] = assessment
        offers = list(
            annotate_seats(
                Offer.objects.filter(
                    centre=centre, active=True, school__in=area_schools(centre=centre)
                ).select_related("school")
            ).order_by("pk")
        )
        free = {o.pk: o.seats_free for o in offers}
        placements: list[Placement] = []
        unplaced: list[Child] = []
        for child in children:
            assessment = latest.get(child.pk)
            pool = [] if assessment is None else [o for o in offers if fits(assessment, o)]
            pool = [o for o in pool if free[o.pk] > 0]
            if not pool or child.family.lat is None:
                unplaced.append(child)
                continue
            home = (child.family.lat, child.family.lon)
            distances = {o.pk: haversine_scalar(*home, o.school.lat, o.school.lon) for o in pool}
            offer = min(pool, key=lambda o: (distances[o.pk], o.pk))
            free[offer.pk] -= 1
            placed = child.status == Status.PLACED
            proposed_on = timezone.localtime(child.proposed_at or timezone.now()).date()
            first_day = (
                timezone.localtime(child.placed_at).date() if placed and child.placed_at else None
            )
            status = {
                Status.PLACED: PlacementStatus.ATTENDING,
                Status.ACCEPTED: PlacementStatus.ACCEPTED,
            }.get(child.status, PlacementStatus.PROPOSED)
            placement = Placement(
                centre=centre,
                child=child,
                offer=offer,
                status=status,
                distance_km=round(distances[offer.pk], 2),
                created_by=actor,
                released_at=child.proposed_at,
                start_date=first_day or proposed_start(proposed_on),
                attending_since=first_day,
            )
            placement.full_clean(validate_constraints=False)
            placements.append(placement)
        Placement.objects.bulk_create(placements)
        for placement in placements:  # auto_now_add wrote "now"; the proposal was earlier
            placement.created_at = placement.child.proposed_at or placement.created_at
        Placement.objects.bulk_update(placements, ["created_at"])
        by_school: dict[int, list[Placement]] = {}
        for placement in placements:
            by_school.setdefault(placement.offer.school_id, []).append(placement)
        for group in by_school.values():
            school = group[0].offer.school
            accepted = sum(p.status == PlacementStatus.ATTENDING for p in group)
            record(
                actor=None,
                centre=centre,
                action="zuweisung.demo.placements_loaded",
                target=school,
                summary=(
                    f"Demo: {len(group) - accepted} Kind(er) vorgeschlagen, {accepted} aufgenommen"
                ),
                data={"placements": [p.pk for p in group], "children": [p.child_id for p in group]},
            )
        if unplaced:
            self.stderr.write(
                f"{len(unplaced)} vorgeschlagene/aufgenommene Kinder fanden keinen passenden "
                "freien Platz (zu wenige Demo-Plätze für --children?)."
            )
        return len(placements)

    def _link_school_user(self, *, centre: Centre, actor: User, user: User) -> object:
        """Link the demo school account to the school whose page shows the most.

        That is a school with proposed *and* accepted children (so the account can decide
        on a proposal), the most children first; without placements, the first offer's.
        """
        schools: dict[int, list[str]] = {}
        for school_id, status in Placement.objects.filter(
            centre=centre, status__in=ACTIVE_PLACEMENT_STATUSES
        ).values_list("offer__school_id", "status"):
            schools.setdefault(school_id, []).append(status)
        if schools:
            school_id = min(
                schools,
                key=lambda pk: (
                    len(set(schools[pk])) < 2,  # both statuses first
                    -len(schools[pk]),
                    pk,
                ),
            )
        else:
            school_id = Offer.objects.filter(centre=centre).order_by("pk")[0].school_id
        school = School.objects.get(pk=school_id)
        return link_school_staff(actor=actor, user=user, schulnummer=school.schulnummer)

    def _load_children(
        self, *, centre: Centre, counsellor: User, count: int, seed: int
    ) -> tuple[int, int]:
        """Bulk inserts for speed, then one audit entry per family as a service would write."""
        builder = DemoBuilder(seed=seed, now=timezone.now())
        rng = builder.rng
        plans: list[tuple[Family, list[Guardian], list[tuple[Child, list[str]]]]] = []
        planned = 0
        while planned < count:
            origin = builder.origin()
            postcode, location = builder.location()
            surname = rng.choice(origin.surnames)
            n = min(rng.choices([1, 2, 3, 4], weights=[45, 30, 17, 8])[0], count - planned)
            family = Family(
                centre=centre,
                reference=f"DEMO-{len(plans) + 1:05d}",
                street=f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
                postcode=postcode,
                city="Köln",
                municipality_key=koeln.KOELN_MUNICIPALITY_KEY,
                municipality_name="Köln",
                lat=location.lat,
                lon=location.lon,
                stadtteil_number=location.stadtteil.number,
                stadtteil_name=location.stadtteil.name,
                stadtbezirk_number=location.stadtteil.bezirk_number,
                stadtbezirk_name=location.stadtteil.bezirk_name,
            )
            guardians = self._guardians(origin, surname, rng)
            registered_at = builder.now - dt.timedelta(
                days=rng.randint(0, 120), hours=rng.randint(0, 8), minutes=rng.randint(0, 59)
            )
            arrived = registered_at.date() - dt.timedelta(days=rng.randint(3, 300))
            in_city = arrived + dt.timedelta(
                days=rng.randint(0, (registered_at.date() - arrived).days)
            )
            kids: list[tuple[Child, list[str]]] = []
            used: set[str] = set()
            for _ in range(n):
                girl = rng.random() < 0.5
                first = rng.choice(origin.girls if girl else origin.boys)
                while first in used:
                    first = rng.choice(origin.girls + origin.boys)
                used.add(first)
                birth = builder.birth_date()
                status = builder.status(registered_at)
                school_years = max(
                    0, min(12, (arrived - birth).days // 365 - 6 - rng.randint(0, 2))
                )
                child = Child(
                    centre=centre,
                    first_name=first,
                    last_name=surname,
                    birth_date=birth,
                    nationality=origin.nationality,
                    first_language=origin.language,
                    arrived_in_germany_on=max(arrived, birth),
                    arrived_in_city_on=max(in_city, birth),
                    school_years=school_years,
                    last_grade=school_years or None,
                    status=status,
                    registered_at=registered_at,
                    **builder.timeline(status, registered_at),
                )
                extra = [lang for lang in origin.also_speaks if rng.random() < 0.35]
                kids.append((child, extra))
            plans.append((family, guardians, kids))
            planned += n

        Family.objects.bulk_create([f for f, _, _ in plans])
        for family, guardians, kids in plans:
            for guardian in guardians:
                guardian.family = family
            for child, _ in kids:
                child.family = family
        Guardian.objects.bulk_create([g for _, gs, _ in plans for g in gs])
        all_kids = [k for _, _, ks in plans for k in ks]
        Child.objects.bulk_create([c for c, _ in all_kids])

        languages: list[ChildLanguage] = []
        assessments: list[Assessment] = []
        levels = ("native", "fluent", "good", "basic")
        for child, extra in all_kids:
            languages += [
                ChildLanguage(child=child, language=lang, level=rng.choice(levels[1:]))
                for lang in extra
            ]
            if child.status in ASSESSED_OR_LATER:
                level, grade = _level_for((builder.today - child.birth_date).days // 365)
                child.recommended_level = level
                assessments.append(
                    Assessment(
                        child=child,
                        german_level=rng.choice(["none", "none", "A1", "A1", "A2", "B1+"]),
                        maths_level=rng.choice(["basic", "age_appropriate", "age_appropriate"]),
                        first_language_literacy=rng.choice(
                            ["none", "basic", "age_appropriate", "age_appropriate"]
                        ),
                        prior_school_type=(
                            "none"
                            if child.school_years == 0
                            else rng.choice(["primary", "lower_secondary", "interrupted"])
                        ),
                        recommended_level=level,
                        recommended_grade=grade,
                        recommended_school_forms=[str(f) for f in _forms_for(level, rng)],
                        assessed_by=counsellor,
                        assessed_at=child.assessed_at,
                    )
                )
        ChildLanguage.objects.bulk_create(languages)
        Assessment.objects.bulk_create(assessments)
        Child.objects.bulk_update(
            [c for c, _ in all_kids if c.recommended_level], ["recommended_level"]
        )
        for family, _, kids in plans:
            record(
                actor=None,
                centre=centre,
                action="seiteneinstieg.demo.loaded",
                target=family,
                summary=f"Demo-Familie {family.reference} mit {len(kids)} Kind(ern)",
                data={"children": [c.pk for c, _ in kids]},
            )
        return len(plans), len(all_kids)

    @staticmethod
    def _guardians(origin: Origin, surname: str, rng: random.Random) -> list[Guardian]:
        people = [(rng.choice(origin.adults_f), "Mutter")]
        if rng.random() < 0.6:
            people.append((rng.choice(origin.adults_m), "Vater"))
        rng.shuffle(people)
        speaks_german = rng.random() < 0.15
        result = []
        for first, relation in people:
            result.append(
                Guardian(
                    first_name=first,
                    last_name=surname,
                    relation=relation,
                    phone=f"0176 {rng.randint(1000000, 9999999)}",
                    email=(
                        f"{slugify(first)}.{slugify(surname)}@example.org"
                        if rng.random() < 0.5
                        else ""
                    ),
                    language="de" if speaks_german else origin.language,
                    interpreter_needed=not speaks_german and rng.random() < 0.85,
                )
            )
        return result

    def _print_logins(self, school: School | None) -> None:
        self.stdout.write("")
        self.stdout.write(f"Demo-Zugänge (Passwort für alle: {DEMO_PASSWORD})")
        where = f"{school.name} ({school.schulnummer})" if school is not None else ""
        width = max(len("Schule"), len(where))
        self.stdout.write(
            f"| {'Benutzername':<12} | {'Rolle':<24} | {'Passwort':<14} | {'Schule':<{width}} |"
        )
        self.stdout.write(f"|{'-' * 14}|{'-' * 26}|{'-' * 16}|{'-' * (width + 2)}|")
        for username, role, *_ in USERS:
            school_cell = where if role == Role.SCHOOL_STAFF else ""
            self.stdout.write(
                f"| {username:<12} | {str(role.label):<24} | {DEMO_PASSWORD:<14} "
                f"| {school_cell:<{width}} |"
            )


def fits(assessment: Assessment, offer: Offer) -> bool:
    """Whether an offer suits the Einstufung, by the placement engine's rules (seats aside)."""
    forms = assessment.recommended_school_forms
    return (
        offer.level == assessment.recommended_level
        and offer.grade_from <= assessment.recommended_grade <= offer.grade_to
        and (not forms or offer.school.school_form in forms)
    )

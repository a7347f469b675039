"""``teilhabe load_demo``: two centres (Köln and the Kreis Soest) that look like real life.

Everything about the children is invented (names from small per-origin lists in
``teilhabe.demo.people``, addresses jittered around real postcode points) and reproducible
from ``--seed``. The schools are real: the Köln and Kreis Soest rows of the MSB directory,
imported like ``teilhabe import_schools`` does, with invented seat offers (Köln in the
proportions it reported for spring 2022), and every proposed or placed child sits at a
compatible offer near home. Families move through the work as they do in a centre: invited
after a few days, counselled in a booked appointment some weeks later, assessed, waiting for
a seat — so most children have waited two to six weeks, a few only days, a few for months.

The command is idempotent: it creates what is missing and leaves existing demo data alone,
so ``make run`` may call it on every start. Demo accounts share one weak password, hence
the refusal outside demo mode.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from teilhabe import geo
from teilhabe.audit.models import AuditEntry
from teilhabe.audit.registry import is_registered
from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import Role
from teilhabe.centres.services import create_centre, create_user
from teilhabe.demo import privacy as privacy_demo
from teilhabe.demo.people import KOELN_STREETS, ORIGINS, SOEST_STREETS, SOEST_TOWNS, Origin
from teilhabe.engagement import demo as engagement_demo
from teilhabe.foerderung import demo as foerderung_demo
from teilhabe.geo import koeln
from teilhabe.integrationsrat import demo as council_demo
from teilhabe.portal import demo as portal_demo
from teilhabe.schulen.importers import KEY_FILE
from teilhabe.schulen.models import Offer, OfferKind, School
from teilhabe.schulen.rules import school_id_of
from teilhabe.schulen.seats import annotate_seats
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.schulen.services.directory import import_directory
from teilhabe.schulen.services.offers import create_offer
from teilhabe.schulen.services.staff import link_school_staff
from teilhabe.seiteneinstieg.choices import (
    PIPELINE,
    AppointmentStatus,
    SchoolForm,
    SchoolLevel,
    Status,
)
from teilhabe.seiteneinstieg.matching import phone_digits, search_fields
from teilhabe.seiteneinstieg.models import (
    Appointment,
    Assessment,
    Child,
    ChildLanguage,
    CounsellingSlot,
    Family,
    Guardian,
)
from teilhabe.seiteneinstieg.services.appointments import create_slots
from teilhabe.seiteneinstieg.services.cases import STATUS_TIMESTAMP
from teilhabe.zuweisung.models import ACTIVE_PLACEMENT_STATUSES, Placement, PlacementStatus
from teilhabe.zuweisung.services.runs import proposed_start

DEMO_PASSWORD = "teilhabe-demo"
ASSESSED_OR_LATER = frozenset(PIPELINE[PIPELINE.index(Status.ASSESSED) :])
DATA_DIR = KEY_FILE.parent
# The Köln and Kreis Soest rows of the MSB directory, packaged with the schulen app (see its
# data/README.md; offices such as the Bezirksregierung are left out).
SCHOOLS_FILE = DATA_DIR / "koeln_schulen_msb_2021-09.csv"
SOEST_SCHOOLS_FILE = DATA_DIR / "kreis_soest_schulen_msb_2021-09.csv"

BATCH = 2000  # rows per INSERT: well below PostgreSQL's 65,535 parameters
SLOT_MINUTES = 45
SLOT_DAY = (dt.time(9, 0), dt.time(15, 0))  # booked counselling: 8 slots a weekday
FREE_SLOTS = (dt.time(15, 0), dt.time(16, 30))  # offered, not yet booked: 2 a weekday


@dataclass(frozen=True)
class DemoUser:
    """One demo account. ``school_forms``: for school staff, the forms their school may have."""

    username: str
    role: Role
    first_name: str
    last_name: str
    languages: str = "de"
    school_forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeatPlan:
    """One line of a centre's seat picture: which offers at how many schools of which forms.

    Köln reported 1,180 Vorbereitungsklassen seats in spring 2022 (330 primary, 850
    secondary, groups of 18) plus Internationale Förderklassen at the Berufskollegs; its plan
    reproduces those proportions. ``weights`` favour the forms that carry most
    Vorbereitungsklassen in practice (Haupt-, Real-, Gesamt-, Sekundarschulen).
    """

    kind: str
    level: str
    weights: dict[str, int]
    schools: int
    grades: tuple[int, int]
    seats: tuple[int, int]


@dataclass(frozen=True)
class DemoCentre:
    """A demo centre: its record, accounts, schools file, seat picture and where families live.

    ``towns`` (postcode, place, weight) place families via ``teilhabe.geo.locate``; without
    towns they are placed in Köln's Stadtteile.
    """

    slug: str
    name: str
    label: str  # short, for the list of logins
    area_keys: tuple[str, ...]
    city: str
    street: str
    postcode: str
    phone: str
    users: tuple[DemoUser, ...]
    schools_file: Path
    seat_plans: tuple[SeatPlan, ...]
    secondary_forms: tuple[str, ...]
    streets: tuple[str, ...]
    towns: tuple[tuple[str, str, int], ...] = ()
    council: bool = False
    seed_suffix: str = ""

    def user(self, role: Role) -> DemoUser:
        return next(u for u in self.users if u.role == role)


SECONDARY_SCHOOL_FORMS = (SchoolForm.GESAMTSCHULE, SchoolForm.REALSCHULE)

KOELN = DemoCentre(
    slug="koeln",
    name="Kommunales Integrationszentrum Köln (Demo)",
    label="Köln",
    area_keys=("05315",),
    city="Köln",
    street="Willy-Brandt-Platz 2",
    postcode="50679",
    phone="0221 221-0",
    users=(
        DemoUser("verwaltung", Role.CENTRE_ADMIN, "Petra", "Verwaltung", "de,en"),
        DemoUser("beratung", Role.COUNSELLOR, "Leyla", "Beratung", "de,tr,ar"),
        DemoUser("schulamt", Role.SCHULAMT, "Jürgen", "Schulamt"),
        DemoUser(
            "schule", Role.SCHOOL_STAFF, "Anke", "Schule", school_forms=SECONDARY_SCHOOL_FORMS
        ),
        DemoUser(
            "grundschule",
            Role.SCHOOL_STAFF,
            "Birgit",
            "Grundschule",
            school_forms=(SchoolForm.GRUNDSCHULE,),
        ),
        DemoUser(
            "berufskolleg",
            Role.SCHOOL_STAFF,
            "Klaus",
            "Berufskolleg",
            school_forms=(SchoolForm.BERUFSKOLLEG,),
        ),
        DemoUser("statistik", Role.STATISTICS, "Tobias", "Statistik"),
        DemoUser("geschaeftsstelle", Role.COUNCIL_OFFICE, "Derya", "Geschäftsstelle", "de,tr"),
    ),
    schools_file=SCHOOLS_FILE,
    seat_plans=(
        SeatPlan(
            OfferKind.PREP_PRIMARY, SchoolLevel.PRIMARY, {"Grundschule": 1}, 18, (1, 4), (18, 18)
        ),
        SeatPlan(
            OfferKind.PREP_SECONDARY,
            SchoolLevel.SECONDARY,
            {"Hauptschule": 4, "Realschule": 3, "Gesamtschule": 3, "Gymnasium": 2},
            47,
            (5, 10),
            (18, 18),
        ),
        SeatPlan(
            OfferKind.IFK, SchoolLevel.VOCATIONAL, {"Berufskolleg": 1}, 10, (11, 11), (16, 20)
        ),
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
    ),
    # No Sekundarschule: Köln had none in the 2021 directory, so no demo offer could fit.
    secondary_forms=(
        SchoolForm.GESAMTSCHULE,
        SchoolForm.REALSCHULE,
        SchoolForm.HAUPTSCHULE,
        SchoolForm.GYMNASIUM,
    ),
    streets=KOELN_STREETS,
    council=True,
)

SOEST = DemoCentre(
    slug="kreis-soest",
    name="Kommunales Integrationszentrum Kreis Soest (Demo)",
    label="Kreis Soest",
    area_keys=("05974",),
    city="Soest",
    street="Hoher Weg 1-3",
    postcode="59494",
    phone="02921 30-0",
    users=(
        DemoUser("soest-verwaltung", Role.CENTRE_ADMIN, "Martina", "Verwaltung"),
        DemoUser("soest-beratung", Role.COUNSELLOR, "Olena", "Beratung", "de,uk,ru"),
        DemoUser("soest-schulamt", Role.SCHULAMT, "Frank", "Schulamt"),
        DemoUser("soest-schule", Role.SCHOOL_STAFF, "Sabine", "Schule", school_forms=()),
        DemoUser("soest-statistik", Role.STATISTICS, "Jan", "Statistik"),
        DemoUser("soest-geschaeftsstelle", Role.COUNCIL_OFFICE, "Ute", "Geschäftsstelle"),
    ),
    schools_file=SOEST_SCHOOLS_FILE,
    seat_plans=(
        SeatPlan(
            OfferKind.PREP_PRIMARY, SchoolLevel.PRIMARY, {"Grundschule": 1}, 4, (1, 4), (12, 16)
        ),
        SeatPlan(
            OfferKind.PREP_SECONDARY,
            SchoolLevel.SECONDARY,
            {"Realschule": 3, "Gesamtschule": 3, "Sekundarschule": 3},
            7,
            (5, 10),
            (12, 18),
        ),
        SeatPlan(OfferKind.IFK, SchoolLevel.VOCATIONAL, {"Berufskolleg": 1}, 2, (11, 11), (16, 20)),
        SeatPlan(OfferKind.REGULAR, SchoolLevel.PRIMARY, {"Grundschule": 1}, 2, (2, 4), (2, 4)),
    ),
    secondary_forms=(
        SchoolForm.GESAMTSCHULE,
        SchoolForm.REALSCHULE,
        SchoolForm.SEKUNDARSCHULE,
    ),  # the Kreis had a single Hauptschule in 2021: too few to recommend one
    streets=SOEST_STREETS,
    towns=SOEST_TOWNS,
    seed_suffix="-soest",
)

CENTRES: tuple[DemoCentre, ...] = (KOELN, SOEST)
STATEWIDE_USERS: tuple[DemoUser, ...] = (
    DemoUser("land", Role.STATE_OFFICE, "Nils", "Landesstelle"),
)
# Kept for callers of the first demo: Köln's slug and accounts.
CENTRE_SLUG = KOELN.slug
USERS = KOELN.users

# Seat reports are spread over the last 60 days, most of them recent: about a quarter are
# older than the 30 days after which the platform flags an offer as stale.
REPORT_SPREAD_DAYS = 60


@functools.cache
def _search_fields(first: str, last: str) -> dict[str, str]:
    """The services' search keys; cached, as the demo's names repeat across 50,000 rows."""
    return search_fields(first, last)


@contextlib.contextmanager
def keep_given(model: type[Any], name: str) -> Iterator[None]:
    """Let ``bulk_create`` keep a backdated ``auto_now_add`` value (demo history only)."""
    field = model._meta.get_field(name)
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _level_for(age: int) -> tuple[str, int]:
    """Recommended level and grade from age: the usual German progression."""
    if age <= 9:
        return SchoolLevel.PRIMARY, max(1, min(4, age - 5))
    if age <= 15:
        return SchoolLevel.SECONDARY, max(5, min(10, age - 5))
    return SchoolLevel.VOCATIONAL, 11


def _forms_for(level: str, rng: random.Random, secondary: tuple[str, ...]) -> list[str]:
    if level == SchoolLevel.PRIMARY:
        return [SchoolForm.GRUNDSCHULE]
    if level == SchoolLevel.VOCATIONAL:
        return [SchoolForm.BERUFSKOLLEG]
    return rng.sample(list(secondary), rng.randint(1, 3))


@dataclass
class Journey:
    """One family's way through the centre so far: status, timestamps, appointment."""

    status: str
    stamps: dict[str, dt.datetime]
    slot: tuple[dt.datetime, dt.datetime] | None = None
    lane: int = 0  # which counsellor (SlotBook lane) holds the appointment
    appointment: str = ""  # AppointmentStatus of the slot's booking


@dataclass
class SlotBook:
    """The counsellors' booked times, so that no counsellor has two appointments at once.

    Lane 0 is the demo counsellor. A centre with thousands of families has more counsellors:
    when the next free time is more than ``patience`` away, another lane (a further
    counsellor account) opens, so waiting times stay realistic at any ``--children``.
    """

    taken: set[tuple[int, dt.datetime]] = field(default_factory=set)
    lanes: int = 1
    patience: dt.timedelta = dt.timedelta(days=14)

    def _free_lane(self, start: dt.datetime) -> int | None:
        return next((n for n in range(self.lanes) if (n, start) not in self.taken), None)

    def take(self, not_before: dt.datetime) -> tuple[int, dt.datetime, dt.datetime]:
        """A free 45-minute slot of a weekday (9 to 15 h) at or after ``not_before``."""
        tz = timezone.get_current_timezone()
        day = timezone.localtime(not_before).date()
        step = dt.timedelta(minutes=SLOT_MINUTES)
        first: dt.datetime | None = None
        while True:
            if day.weekday() < 5:
                start = timezone.make_aware(dt.datetime.combine(day, SLOT_DAY[0]), tz)
                end_of_day = timezone.make_aware(dt.datetime.combine(day, SLOT_DAY[1]), tz)
                while start + step <= end_of_day:
                    if start >= not_before:
                        first = first or start
                        if start - not_before > self.patience:
                            self.lanes += 1  # everyone is busy for weeks: one more counsellor
                            start = first
                        lane = self._free_lane(start)
                        if lane is not None:
                            self.taken.add((lane, start))
                            return lane, start, start + step
                    start += step
            day += dt.timedelta(days=1)

    def give_back(self, lane: int, start: dt.datetime) -> None:
        self.taken.discard((lane, start))


class DemoBuilder:
    """Generates one centre's families; all randomness comes from one seeded generator."""

    def __init__(self, *, spec: DemoCentre, seed: int, now: dt.datetime, slots: SlotBook) -> None:
        self.spec = spec
        self.rng = random.Random(f"{seed}{spec.seed_suffix}" if spec.seed_suffix else seed)
        self.now = now
        self.today = timezone.localdate(now)
        self.slots = slots
        self.postcodes = sorted(koeln._postcodes().items()) if not spec.towns else []
        self.towns = [geo.locate(postcode, place) for postcode, place, _w in spec.towns]

    def origin(self) -> Origin:
        return self.rng.choices(ORIGINS, weights=[o.weight for o in ORIGINS])[0]

    def address(self) -> dict[str, Any]:
        """Family address fields: a point near a real postcode point, inside the area."""
        rng = self.rng
        if self.spec.towns:
            weights = [w for _p, _t, w in self.spec.towns]
            location = rng.choices(self.towns, weights=weights)[0]
            assert location is not None  # the packaged towns are all in the GeoNames table
            return {
                "postcode": location.postcode,
                "city": location.place,
                "municipality_key": location.municipality_key,
                "municipality_name": location.town,
                "lat": round(location.latitude + rng.uniform(-0.008, 0.008), 6),
                "lon": round(location.longitude + rng.uniform(-0.012, 0.012), 6),
            }
        while True:
            postcode, (lat, lon) = rng.choice(self.postcodes)
            lat += rng.uniform(-0.012, 0.012)
            lon += rng.uniform(-0.018, 0.018)
            stadtteil = koeln.stadtteil_at(lat, lon)
            if stadtteil is not None:
                return {
                    "postcode": postcode,
                    "city": "Köln",
                    "municipality_key": koeln.KOELN_MUNICIPALITY_KEY,
                    "municipality_name": "Köln",
                    "lat": round(lat, 6),
                    "lon": round(lon, 6),
                    "stadtteil_number": stadtteil.number,
                    "stadtteil_name": stadtteil.name,
                    "stadtbezirk_number": stadtteil.bezirk_number,
                    "stadtbezirk_name": stadtteil.bezirk_name,
                }

    def birth_date(self) -> dt.date:
        # Mostly school age; a few young adults (vocational, beyond the 4-week flag).
        age_days = self.rng.randint(6 * 365 + 10, 18 * 365 + 300)
        if self.rng.random() < 0.05:
            age_days = self.rng.randint(19 * 365, 20 * 365)
        return self.today - dt.timedelta(days=age_days)

    def registered_at(self) -> dt.datetime:
        """How long ago a family registered: mostly weeks, some days, a few months."""
        rng = self.rng
        share = rng.random()
        if share < 0.12:
            days = rng.uniform(0, 10)
        elif share < 0.70:
            days = rng.uniform(10, 50)
        elif share < 0.92:
            days = rng.uniform(50, 110)
        else:
            days = rng.uniform(110, 170)
        return self.now - dt.timedelta(days=days)

    def journey(self, registered_at: dt.datetime) -> Journey:
        """The family's steps, each some days after the last, up to now.

        An invitation goes out within two weeks; the counselling takes place in a booked
        appointment one to four weeks later; the Einstufung follows within days or weeks;
        then the family waits for a seat (the batch runs), the school's answer and the
        first school day. A few families withdraw or move away before they are counselled.
        """
        rng, now = self.rng, self.now
        day = dt.timedelta(days=1)
        invited = registered_at + rng.triangular(0.5, 14, 3) * day
        lane, *slot = self.slots.take(invited + rng.triangular(5, 30, 12) * day)
        counselled = slot[1]
        assessed = counselled + rng.triangular(0, 20, 4) * day
        ready = assessed + rng.triangular(0, 12, 3) * day
        proposed = ready + rng.triangular(5, 75, 14) * day
        accepted = proposed + rng.triangular(3, 24, 9) * day
        placed = accepted + rng.triangular(3, 20, 7) * day
        plan = [
            (Status.INVITED, invited),
            (Status.COUNSELLED, counselled),
            (Status.ASSESSED, assessed),
            (Status.READY, ready),
            (Status.PROPOSED, proposed),
            (Status.ACCEPTED, accepted),
            (Status.PLACED, placed),
        ]
        closing = None
        if rng.random() < 0.07:
            closing = registered_at + (now - registered_at) * rng.uniform(0.3, 1.0)
            plan = [(s, t) for s, t in plan[:2] if t < closing]
        stamps = {"registered_at": registered_at}
        status = Status.REGISTERED
        for step, when in plan:
            if when > now:
                break
            stamps[STATUS_TIMESTAMP[step]] = when
            status = step
        journey = Journey(status=status, stamps=stamps)
        if closing is not None:
            journey.status = rng.choice([Status.WITHDRAWN, Status.MOVED_AWAY])
            journey.stamps["closed_at"] = max(closing, *stamps.values())
        if status == Status.REGISTERED or (closing is not None and status != Status.COUNSELLED):
            self.slots.give_back(lane, slot[0])  # never booked, or given back on closing
        else:
            journey.slot = (slot[0], slot[1])
            journey.lane = lane
            journey.appointment = (
                AppointmentStatus.BOOKED if status == Status.INVITED else AppointmentStatus.ATTENDED
            )
        return journey


class Command(BaseCommand):
    help = (
        "Lädt Demo-Daten: die Zentren Köln und Kreis Soest mit einem Konto je Rolle, "
        "~300 bzw. ~100 Kindern und den echten Schulen mit Platzangeboten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children", type=int, default=300, help="Zahl der Kinder in Köln")
        parser.add_argument(
            "--children-soest", type=int, default=100, help="Zahl der Kinder im Kreis Soest"
        )
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
        counts = {KOELN.slug: options["children"], SOEST.slug: options["children_soest"]}
        changed = False
        with transaction.atomic():
            changed |= self._load_schools()
            for spec in CENTRES:
                changed |= self._load_centre(spec, children=counts[spec.slug], seed=options["seed"])
            for demo_user in STATEWIDE_USERS:
                changed |= self._user(demo_user, centre=None)[1]
        if not changed:
            self.stdout.write("Demo-Daten sind bereits vorhanden; nichts geändert.")
        self._print_logins()

    def _user(self, demo_user: DemoUser, *, centre: Centre | None) -> tuple[User, bool]:
        user = User.objects.filter(username=demo_user.username).first()
        if user is not None:
            return user, False
        user = create_user(
            actor=None,
            centre=centre,  # type: ignore[arg-type]  # None for the statewide office
            username=demo_user.username,
            password=DEMO_PASSWORD,
            role=demo_user.role,
            first_name=demo_user.first_name,
            last_name=demo_user.last_name,
            email=f"{demo_user.username}@example.org",
            languages=demo_user.languages,
            check_password=False,
        )
        return user, True

    def _load_centre(self, spec: DemoCentre, *, children: int, seed: int) -> bool:
        """One centre: record, accounts, families, offers, placements, school links, council."""
        changed = False
        centre = Centre.objects.filter(slug=spec.slug).first()
        if centre is None:
            centre = create_centre(
                actor=None,
                name=spec.name,
                slug=spec.slug,
                area_keys=list(spec.area_keys),
                city=spec.city,
                street=spec.street,
                postcode=spec.postcode,
                phone=spec.phone,
                email=f"{spec.slug}-demo@example.org",
            )
            changed = True
        users: dict[str, User] = {}
        for demo_user in spec.users:
            users[demo_user.username], created = self._user(demo_user, centre=centre)
            changed |= created
        admin = users[spec.user(Role.CENTRE_ADMIN).username]
        counsellor = users[spec.user(Role.COUNSELLOR).username]
        # Fill up to --children: a later run with a larger number adds the difference.
        missing = children - Child.objects.filter(centre=centre).count()
        if missing > 0:
            families, kids = self._load_children(
                spec=spec, centre=centre, counsellor=counsellor, count=missing, seed=seed
            )
            self.stdout.write(f"{centre.name}: {families} Familien mit {kids} Kindern angelegt.")
            changed = True
        offers = self._load_offers(spec=spec, centre=centre, actor=admin, seed=seed)
        if offers:
            seats = sum(o.seats_total for o in offers)
            schools = len({o.school_id for o in offers})
            self.stdout.write(
                f"{centre.name}: {len(offers)} Platzangebote ({seats} Plätze) an {schools} Schulen."
            )
            changed = True
        placed = self._place_children(centre=centre, actor=users[spec.user(Role.SCHULAMT).username])
        if placed:
            self.stdout.write(f"{centre.name}: {placed} Kinder einem Platz zugeordnet.")
            changed = True
        taken: set[int] = set()
        for demo_user in spec.users:
            if demo_user.role != Role.SCHOOL_STAFF:
                continue
            user = users[demo_user.username]
            school_id = school_id_of(user)
            if school_id is None and Offer.objects.filter(centre=centre).exists():
                membership = self._link_school_user(
                    centre=centre, actor=admin, user=user, forms=demo_user.school_forms, taken=taken
                )
                user.__dict__.pop("_teilhabe_school_id", None)
                school_id = membership.school_id
                changed = True
            if school_id is not None:
                taken.add(school_id)
        if spec.council:
            council_user = users[spec.user(Role.COUNCIL_OFFICE).username]
            if council_demo.load(centre, actor=council_user):
                self.stdout.write(f"{centre.name}: Integrationsrat (Demo) angelegt.")
                changed = True
        if privacy_demo.load(admin):
            self.stdout.write(f"{centre.name}: Datenschutzhinweise (Demo) veröffentlicht.")
            changed = True
        if "05315" in centre.area_keys and engagement_demo.load(centre):
            self.stdout.write(f"{centre.name}: Engagement (Demo) angelegt.")
            changed = True
        if foerderung_demo.load(centre):
            self.stdout.write(f"{centre.name}: Förderung KOMM-AN (Demo) angelegt.")
            changed = True
        if spec.slug == KOELN.slug and portal_demo.load(centre, actor=admin):
            self.stdout.write(f"{centre.name}: öffentliche Seiten (Demo) angelegt.")
            changed = True
        return changed

    def _load_schools(self) -> bool:
        """Import the packaged directory extracts once each, as ``import_schools`` would.

        An import closes the schools of the municipalities its file covers that are missing
        from it, so it never runs over a fuller directory (say all of NRW, imported by an
        operator): a 2021 extract would overwrite newer rows just to show a demo.
        """
        files = [(spec.schools_file, spec.schools_file.read_bytes()) for spec in CENTRES]
        wanted: dict[Path, set[str]] = {}
        municipalities: set[str] = set()
        for path, data in files:
            rows = list(csv.DictReader(data.decode("utf-8").splitlines()[1:], delimiter=";"))
            wanted[path] = {row["Schulnummer"] for row in rows}
            municipalities |= {row["Gemeindeschluessel"] for row in rows}
        if School.objects.exclude(municipality_key__in=municipalities).exists():
            self.stderr.write(
                "Das Schulverzeichnis enthält schon andere Schulen; die Demo-Schulen "
                "werden nicht importiert (der Import würde die übrigen schließen)."
            )
            return False
        changed = False
        for path, data in files:
            numbers = wanted[path]
            open_schools = School.objects.filter(closed_at__isnull=True, schulnummer__in=numbers)
            if open_schools.count() == len(numbers):
                continue
            try:
                run = import_directory(actor=None, data=data, file_name=path.name)
            except ValidationError as exc:
                raise CommandError(f"{path.name}: {'; '.join(exc.messages)}") from None
            self.stdout.write(
                f"{run.rows} Schulen aus {path.name} importiert "
                f"({run.added} neu, {run.changed} geändert, {run.closed} geschlossen)."
            )
            changed = True
        return changed

    def _load_offers(
        self, *, spec: DemoCentre, centre: Centre, actor: User, seed: int
    ) -> list[Offer]:
        """The centre's seat picture (``spec.seat_plans``), created through the offers service.

        ``create_offer`` counts creation as a report made today; the demo then backdates
        the reports over 60 days so that the Schulamt sees some offers flagged as stale.
        A separate generator keeps the children identical to earlier versions of a seed.
        """
        if Offer.objects.filter(centre=centre).exists():
            return []
        rng = random.Random(f"{seed}{spec.seed_suffix}-schulen")
        now = timezone.now()
        candidates = list(
            area_schools(centre=centre)
            .filter(public=True, operating_key="1", lat__isnull=False)
            .order_by("schulnummer")
        )
        used: set[int] = set()
        offers: list[Offer] = []
        for plan in spec.seat_plans:
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
        for placement in placements:  # dated to the proposal, not now
            placement.created_at = placement.child.proposed_at or timezone.now()
        with keep_given(Placement, "created_at"):
            Placement.objects.bulk_create(placements, batch_size=BATCH)
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
            # More children than seats (a large --children): they wait for a seat, as in life.
            ids = [child.pk for child in unplaced]
            for i in range(0, len(ids), BATCH):
                Child.objects.filter(pk__in=ids[i : i + BATCH]).update(
                    status=Status.READY, proposed_at=None, accepted_at=None, placed_at=None
                )
            self.stdout.write(
                f"{len(unplaced)} Kinder ohne passenden freien Platz warten weiter "
                "(Status „bereit zur Zuweisung“)."
            )
        return len(placements)

    def _link_school_user(
        self,
        *,
        centre: Centre,
        actor: User,
        user: User,
        forms: tuple[str, ...],
        taken: set[int],
    ) -> Any:
        """Link a demo school account to the school of its forms whose page shows the most.

        That is a school with a proposal to decide on, best with accepted or attending
        children too, the most children first; without placements, an offer's school.
        """
        schools: dict[int, list[str]] = {}
        placements = Placement.objects.filter(centre=centre, status__in=ACTIVE_PLACEMENT_STATUSES)
        if forms:
            placements = placements.filter(offer__school__school_form__in=forms)
        for school_id, status in placements.exclude(offer__school_id__in=taken).values_list(
            "offer__school_id", "status"
        ):
            schools.setdefault(school_id, []).append(status)
        if schools:
            school_id = min(
                schools,
                key=lambda pk: (
                    PlacementStatus.PROPOSED not in schools[pk],
                    len(set(schools[pk])) < 2,  # several statuses first
                    -len(schools[pk]),
                    pk,
                ),
            )
        else:
            offers = Offer.objects.filter(centre=centre).exclude(school_id__in=taken)
            if forms:
                offers = offers.filter(school__school_form__in=forms)
            school_id = (offers or Offer.objects.filter(centre=centre)).order_by("pk")[0].school_id
        school = School.objects.get(pk=school_id)
        return link_school_staff(actor=actor, user=user, schulnummer=school.schulnummer)

    def _load_children(
        self, *, spec: DemoCentre, centre: Centre, counsellor: User, count: int, seed: int
    ) -> tuple[int, int]:
        """Bulk inserts for speed, then one audit entry per family as a service would write.

        The rows carry what the services would write too: the name search keys, the
        counsellor who registered the child, a booked appointment for an invited family and
        an attended one for a counselled family, in the counsellor's slots.
        """
        now = timezone.now()
        first_load = not Family.objects.filter(centre=centre).exists()
        counsellors = self._counsellors(counsellor)
        slots = SlotBook(
            taken={
                (lane, start)
                for lane, user in enumerate(counsellors)
                for start in CounsellingSlot.objects.filter(counsellor=user).values_list(
                    "starts_at", flat=True
                )
            },
            lanes=len(counsellors),
        )
        existing = Family.objects.filter(centre=centre).count()
        if existing:  # a top-up: new references and new random draws
            seed = seed * 100_003 + existing
        builder = DemoBuilder(spec=spec, seed=seed, now=now, slots=slots)
        rng = builder.rng
        plans: list[tuple[Family, list[Guardian], list[tuple[Child, list[str]]], Journey]] = []
        planned = 0
        while planned < count:
            origin = builder.origin()
            address = builder.address()
            surname = rng.choice(origin.surnames)
            n = min(rng.choices([1, 2, 3, 4], weights=[45, 30, 17, 8])[0], count - planned)
            family = Family(
                centre=centre,
                reference=f"DEMO-{spec.seed_suffix[1:3].upper()}{existing + len(plans) + 1:05d}",
                street=f"{rng.choice(spec.streets)} {rng.randint(1, 180)}",
                **address,
            )
            guardians = self._guardians(origin, surname, rng)
            registered_at = builder.registered_at()
            journey = builder.journey(registered_at)
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
                    status=journey.status,
                    registered_by=counsellor,
                    **journey.stamps,
                    **_search_fields(first, surname),
                )
                extra = [lang for lang in origin.also_speaks if rng.random() < 0.35]
                kids.append((child, extra))
            plans.append((family, guardians, kids, journey))
            planned += n

        # A large demo has more counsellors (SlotBook lanes): each registered the families
        # they counsel, so a counsellor's start page shows a caseload, not the whole centre.
        counsellors += self._more_counsellors(counsellor, wanted=slots.lanes - len(counsellors))
        for n, (_family, _guardians, kids, journey) in enumerate(plans):
            lane = journey.lane if journey.slot else n % len(counsellors)
            for child, _extra in kids:
                child.registered_by = counsellors[lane]
        Family.objects.bulk_create([p[0] for p in plans], batch_size=BATCH)
        for family, guardians, kids, _journey in plans:
            for guardian in guardians:
                guardian.family = family
            for child, _ in kids:
                child.family = family
        Guardian.objects.bulk_create([g for p in plans for g in p[1]], batch_size=BATCH)
        all_kids = [k for p in plans for k in p[2]]
        for child, _extra in all_kids:
            if child.status in ASSESSED_OR_LATER:
                child.recommended_level = _level_for(
                    (builder.today - child.birth_date).days // 365
                )[0]
        Child.objects.bulk_create([c for c, _ in all_kids], batch_size=BATCH)
        appointments = self._appointments(
            centre=centre, counsellors=counsellors, plans=[(p[0], p[1], p[3]) for p in plans]
        )

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
                        recommended_school_forms=[
                            str(f) for f in _forms_for(level, rng, spec.secondary_forms)
                        ],
                        assessed_by=counsellor,
                        assessed_at=child.assessed_at,
                    )
                )
        ChildLanguage.objects.bulk_create(languages, batch_size=BATCH)
        Assessment.objects.bulk_create(assessments, batch_size=BATCH)
        # One audit entry per family, as the registration service writes; inserted in bulk
        # (record() would add a query per family: minutes at 50,000 children).
        action = "seiteneinstieg.demo.loaded"
        if not is_registered(action):
            raise ValueError(f"unregistered audit action {action!r}")
        entries = []
        for family, _guardians, kids, _journey in plans:
            appointment = appointments.get(family.pk)
            entries.append(
                AuditEntry(
                    centre=centre,
                    actor=None,
                    action=action,
                    target_type=Family._meta.label_lower,
                    target_id=str(family.pk),
                    summary=f"Demo-Familie {family.reference} mit {len(kids)} Kind(ern)",
                    data={
                        "children": [c.pk for c, _ in kids],
                        "appointment": appointment.pk if appointment else None,
                    },
                )
            )
        AuditEntry.objects.bulk_create(entries, batch_size=BATCH)
        if first_load:
            self._offer_free_slots(counsellor=counsellor, today=builder.today)
        return len(plans), len(all_kids)

    @staticmethod
    def _counsellors(counsellor: User) -> list[User]:
        """The demo counsellor and the further ones a large demo added (``beratung-2`` …)."""
        more = User.objects.filter(
            centre_id=counsellor.centre_id, username__startswith=f"{counsellor.username}-"
        )
        extra = sorted(more, key=lambda u: int(u.username.rsplit("-", 1)[1]))
        return [counsellor, *extra]

    @staticmethod
    def _more_counsellors(counsellor: User, *, wanted: int) -> list[User]:
        """Counsellor accounts for the SlotBook's extra lanes (only large demos need them).

        Inserted in bulk with the demo counsellor's password hash: hashing dozens of
        passwords with Argon2 would take longer than the 50,000 cases. One audit entry each,
        as ``create_user`` writes.
        """
        if wanted <= 0:
            return []
        start = len(Command._counsellors(counsellor)) + 1
        users = []
        for n in range(start, start + wanted):
            user = User(
                username=f"{counsellor.username}-{n}",
                centre_id=counsellor.centre_id,
                role=Role.COUNSELLOR,
                first_name=counsellor.first_name,
                last_name=f"{counsellor.last_name} {n}",
                email=f"{counsellor.username}-{n}@example.org",
                languages=counsellor.languages,
                password=counsellor.password,
            )
            user.full_clean()
            users.append(user)
        User.objects.bulk_create(users)
        AuditEntry.objects.bulk_create(
            AuditEntry(
                centre_id=counsellor.centre_id,
                actor=None,
                action="centres.user.created",
                target_type=User._meta.label_lower,
                target_id=str(user.pk),
                summary=user.username,
                data={"role": str(Role.COUNSELLOR)},
            )
            for user in users
        )
        return users

    @staticmethod
    def _appointments(
        *,
        centre: Centre,
        counsellors: list[User],
        plans: list[tuple[Family, list[Guardian], Journey]],
    ) -> dict[int, Appointment]:
        """The counselling appointments of the families' journeys, booked when invited."""
        booked: list[tuple[Family, list[Guardian], Journey, CounsellingSlot]] = []
        for family, guardians, journey in plans:
            if journey.slot is None:
                continue
            slot = CounsellingSlot(
                centre=centre,
                counsellor=counsellors[journey.lane],
                starts_at=journey.slot[0],
                ends_at=journey.slot[1],
                location="Beratungsraum 1",
            )
            booked.append((family, guardians, journey, slot))
        CounsellingSlot.objects.bulk_create([b[3] for b in booked], batch_size=BATCH)
        appointments: list[Appointment] = []
        for family, guardians, journey, slot in booked:
            interpreter = next(
                (g.language for g in guardians if g.interpreter_needed and g.language != "de"), ""
            )
            appointments.append(
                Appointment(
                    centre=centre,
                    slot=slot,
                    family=family,
                    interpreter_language=interpreter,
                    status=journey.appointment,
                    booked_by=counsellors[0],
                )
            )
        for appointment, (_f, _g, journey, _s) in zip(appointments, booked, strict=True):
            # the family was booked when it was invited, not now
            appointment.booked_at = journey.stamps[STATUS_TIMESTAMP[Status.INVITED]]
        with keep_given(Appointment, "booked_at"):
            Appointment.objects.bulk_create(appointments, batch_size=BATCH)
        return {a.family_id: a for a in appointments}

    @staticmethod
    def _offer_free_slots(*, counsellor: User, today: dt.date) -> None:
        """Free afternoon slots on the next five weekdays, offered through the service."""
        day, offered = today, 0
        while offered < 5:
            day += dt.timedelta(days=1)
            if day.weekday() >= 5:
                continue
            create_slots(
                actor=counsellor,
                date=day,
                start=FREE_SLOTS[0],
                end=FREE_SLOTS[1],
                duration=SLOT_MINUTES,
                location="Beratungsraum 2",
            )
            offered += 1

    @staticmethod
    def _guardians(origin: Origin, surname: str, rng: random.Random) -> list[Guardian]:
        people = [(rng.choice(origin.adults_f), "Mutter")]
        if rng.random() < 0.6:
            people.append((rng.choice(origin.adults_m), "Vater"))
        rng.shuffle(people)
        speaks_german = rng.random() < 0.15
        result = []
        for first, relation in people:
            phone = f"0176 {rng.randint(1000000, 9999999)}"
            result.append(
                Guardian(
                    first_name=first,
                    last_name=surname,
                    relation=relation,
                    phone=phone,
                    phone_digits=phone_digits(phone),
                    **_search_fields(first, surname),
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

    def _print_logins(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"Demo-Zugänge (Passwort für alle: {DEMO_PASSWORD})")
        rows = [("Benutzername", "Rolle", "Zentrum", "Schule")]
        for spec in CENTRES:
            for demo_user in spec.users:
                user = User.objects.filter(username=demo_user.username).first()
                school_id = school_id_of(user) if user is not None else None
                school = School.objects.filter(pk=school_id).first() if school_id else None
                where = f"{school.name} ({school.schulnummer})" if school is not None else ""
                rows.append((demo_user.username, str(demo_user.role.label), spec.label, where))
        for demo_user in STATEWIDE_USERS:
            rows.append((demo_user.username, str(demo_user.role.label), "landesweit", ""))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for n, row in enumerate(rows):
            self.stdout.write(
                "| " + " | ".join(f"{c:<{w}}" for c, w in zip(row, widths, strict=True)) + " |"
            )
            if n == 0:
                self.stdout.write("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def fits(assessment: Assessment, offer: Offer) -> bool:
    """Whether an offer suits the Einstufung, by the placement engine's rules (seats aside)."""
    forms = assessment.recommended_school_forms
    return (
        offer.level == assessment.recommended_level
        and offer.grade_from <= assessment.recommended_grade <= offer.grade_to
        and (not forms or offer.school.school_form in forms)
    )

"""``load_demo`` shows a working school side: real Köln schools, offers, placed children."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.centres.models import User
from teilhabe.demo.management.commands.load_demo import SCHOOLS_FILE, fits
from teilhabe.placement.geo import haversine_scalar
from teilhabe.schulen.models import DirectoryImport, Offer, OfferKind, School
from teilhabe.schulen.selectors.schools import (
    annotate_seats,
    is_stale,
    offers_for_user,
    schools_for_user,
)
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.models import (
    ACTIVE_PLACEMENT_STATUSES,
    TAKING_STATUSES,
    Placement,
    PlacementStatus,
)
from teilhabe.zuweisung.selectors.placements import placements_for_user
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def run() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with override_settings(DEMO=True):
        call_command("load_demo", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_packaged_file_is_the_koeln_part_of_the_msb_directory():
    text = SCHOOLS_FILE.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "sep=;"
    assert lines[1].startswith("Schulnummer;Schulform;Schulbezeichnung_1;")
    assert all(line.startswith('"') and line.endswith('"') for line in lines[2:])
    rows = list(csv.DictReader(lines[1:], delimiter=";"))
    assert len(rows) == 297  # 299 Köln rows minus 2 offices (form 0A, Bezirksregierung)
    assert {row["Gemeindeschluessel"] for row in rows} == {"05315000"}


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker) -> Iterator[str]:
    """One demo load shared by the read-only tests of the class, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        out, _err = run()
        yield out
        transaction.set_rollback(True)


class TestDemoSchools:
    """What ``make run`` shows: read-only checks on one demo load."""

    def test_demo_imports_the_real_koeln_schools(self, demo: str) -> None:
        koeln = School.objects.filter(municipality_key="05315000")
        assert koeln.count() == 297
        assert School.objects.exclude(municipality_key__startswith="05974").count() == 297
        run_ = DirectoryImport.objects.get(file_name=SCHOOLS_FILE.name)
        assert (run_.kind, run_.rows, run_.added, run_.file_name) == (
            "msb_schuldaten",
            297,
            297,
            SCHOOLS_FILE.name,
        )
        assert DirectoryImport.objects.count() == 2  # Köln and the Kreis Soest
        assert AuditEntry.objects.filter(action="schulen.directory.imported").count() == 2
        assert School.objects.get(schulnummer="100010").lat is not None  # UTM converted

    def test_offers_give_the_koeln_seat_picture(self, demo: str) -> None:
        offers = list(Offer.objects.filter(centre__slug="koeln").select_related("school"))
        seats: Counter[str] = Counter()
        schools: Counter[str] = Counter()
        for offer in offers:
            seats[offer.kind] += offer.seats_total
            schools[offer.kind] += 1
            assert offer.school.municipality_key == "05315000" and offer.school.public
        # Spring 2022: 330 primary and 850 secondary seats in groups of 18, IFK at Berufskollegs.
        assert 300 <= seats[OfferKind.PREP_PRIMARY] <= 360
        assert 820 <= seats[OfferKind.PREP_SECONDARY] <= 880
        assert 8 <= schools[OfferKind.IFK] <= 12
        assert 1 <= schools[OfferKind.REGULAR] <= 10
        forms = {o.kind: set() for o in offers}
        for offer in offers:
            forms[offer.kind].add(offer.school.school_form)
        assert forms[OfferKind.PREP_PRIMARY] == {"Grundschule"}
        assert forms[OfferKind.IFK] == {"Berufskolleg"}
        assert forms[OfferKind.PREP_SECONDARY] <= {
            "Hauptschule",
            "Realschule",
            "Gesamtschule",
            "Gymnasium",
        }
        # Made by the offers service, so each offer has its audit entry.
        assert AuditEntry.objects.filter(action="schulen.offer.created").count() == (
            Offer.objects.count()
        )
        now = timezone.now()
        stale = [o for o in offers if is_stale(o, now)]
        assert 0 < len(stale) < len(offers) / 2
        assert all(now - timezone.timedelta(days=61) <= o.last_reported_at <= now for o in offers)

    def test_every_proposed_or_placed_child_sits_at_one_fitting_offer(self, demo: str) -> None:
        waiting = Child.objects.filter(status__in=(Status.PROPOSED, Status.ACCEPTED, Status.PLACED))
        assert waiting.count() >= 30
        for child in waiting.select_related("family"):
            active = list(
                child.placements.filter(status__in=ACTIVE_PLACEMENT_STATUSES).select_related(
                    "offer__school"
                )
            )
            assert len(active) == 1, child
            placement = active[0]
            expected = {
                Status.PLACED: PlacementStatus.ATTENDING,
                Status.ACCEPTED: PlacementStatus.ACCEPTED,
            }.get(child.status, PlacementStatus.PROPOSED)
            assert placement.status == expected
            assessment = child.assessments.latest()
            assert child.recommended_level == assessment.recommended_level
            assert fits(assessment, placement.offer), (child, placement.offer)
            distance = haversine_scalar(
                child.family.lat,
                child.family.lon,
                placement.offer.school.lat,
                placement.offer.school.lon,
            )
            assert placement.distance_km == pytest.approx(distance, abs=0.01)
            assert placement.created_at == child.proposed_at
        others = Placement.objects.exclude(
            child__status__in=(Status.PROPOSED, Status.ACCEPTED, Status.PLACED)
        )
        assert not others.exists()

    def test_no_offer_is_over_capacity_and_seats_taken_are_counted(self, demo: str) -> None:
        offers = list(annotate_seats(Offer.objects.all()))
        assert all(o.seats_taken <= o.seats_total for o in offers)
        taken = Placement.objects.filter(status__in=TAKING_STATUSES).count()
        assert sum(o.seats_taken for o in offers) == taken > 0
        reserved = annotate_seats(Offer.objects.all())
        assert all(o.seats_reserved <= o.seats_total for o in reserved)

    def test_nearest_fitting_offer_is_chosen_while_it_has_seats(self, demo: str) -> None:
        """No fitting offer with seats to spare is nearer than the one a child got."""
        offers = list(annotate_seats(Offer.objects.select_related("school")))
        for placement in Placement.objects.select_related("child__family", "offer__school"):
            assessment = placement.child.assessments.latest()
            family = placement.child.family
            for offer in offers:
                if offer.seats_free and fits(assessment, offer):
                    nearer = haversine_scalar(
                        family.lat, family.lon, offer.school.lat, offer.school.lon
                    )
                    assert nearer >= placement.distance_km - 0.01, (placement, offer)

    def test_school_account_sees_its_school_and_children(self, demo: str) -> None:
        user = User.objects.get(username="schule")
        school = user.school_membership.school
        assert list(schools_for_user(user=user)) == [school]
        assert {o.school_id for o in offers_for_user(user=user)} == {school.pk}
        statuses = set(placements_for_user(user=user).values_list("status", flat=True))
        assert statuses <= {
            PlacementStatus.PROPOSED,
            PlacementStatus.ACCEPTED,
            PlacementStatus.ATTENDING,
        }
        assert PlacementStatus.PROPOSED in statuses
        assert school.name in demo and school.schulnummer in demo
        assert AuditEntry.objects.filter(action="schulen.staff.linked", target_id=user.pk).exists()


def test_second_run_changes_nothing():
    run()

    def snapshot() -> tuple[object, ...]:
        return (
            School.objects.count(),
            DirectoryImport.objects.count(),
            sorted(Offer.objects.values_list("pk", "seats_total", "last_reported_at")),
            sorted(Placement.objects.values_list("pk", "child_id", "offer_id", "status")),
            User.objects.get(username="schule").school_membership.school_id,
            AuditEntry.objects.count(),
        )

    before = snapshot()
    out, _err = run()
    assert snapshot() == before
    assert "nichts geändert" in out


def test_demo_never_imports_over_a_fuller_directory():
    """The import closes schools missing from its file: a state-wide directory stays whole."""
    other = SchoolFactory(schulnummer="100000", municipality_key="05911000", city="Bochum")
    _out, err = run()
    assert "nicht importiert" in err
    other.refresh_from_db()
    assert other.closed_at is None
    assert School.objects.count() == 1
    assert not DirectoryImport.objects.exists()

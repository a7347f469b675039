"""``load_demo`` looks like real life: search keys, waiting times, appointments, accounts, and a
second centre (Kreis Soest) where the waiting list, the map and the engine work too."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from teilhabe import geo
from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import Role
from teilhabe.demo.management.commands.load_demo import SCHOOLS_FILE, SOEST_SCHOOLS_FILE
from teilhabe.integrationsrat.models import Council
from teilhabe.schulen.models import Offer, School
from teilhabe.schulen.selectors.schools import schools_for_user
from teilhabe.seiteneinstieg.choices import (
    PIPELINE,
    WAITING_STATUSES,
    AppointmentStatus,
    Status,
)
from teilhabe.seiteneinstieg.matching import phone_digits, search_fields
from teilhabe.seiteneinstieg.models import Appointment, Child, CounsellingSlot, Family, Guardian
from teilhabe.seiteneinstieg.selectors.dashboard import my_children
from teilhabe.seiteneinstieg.selectors.search import search
from teilhabe.seiteneinstieg.selectors.waiting_list import waiting_list
from teilhabe.zuweisung.models import (
    ACTIVE_PLACEMENT_STATUSES,
    Placement,
    PlacementStatus,
    RunStatus,
)
from teilhabe.zuweisung.selectors.placements import placements_for_user
from teilhabe.zuweisung.services.runs import compute_run, start_run

pytestmark = pytest.mark.django_db
COUNSELLED_OR_LATER = frozenset(PIPELINE[PIPELINE.index(Status.COUNSELLED) :])


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker) -> Iterator[str]:
    """One demo load shared by the tests of the class, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        with override_settings(DEMO=True):
            call_command("load_demo", stdout=out, stderr=StringIO())
        yield out.getvalue()
        transaction.set_rollback(True)


def test_packaged_school_files_hold_only_schools():
    """Offices listed in the MSB directory (form 0A, e.g. the Bezirksregierung) are left out."""
    for path in (SCHOOLS_FILE, SOEST_SCHOOLS_FILE):
        lines = path.read_text(encoding="utf-8").splitlines()[2:]
        assert lines
        assert all(line.split(";")[1] != '"0A"' for line in lines)
        assert not any("Bezirksregierung" in line for line in lines)
    soest = SOEST_SCHOOLS_FILE.read_text(encoding="utf-8").splitlines()[2:]
    assert all('"05974' in line for line in soest) and len(soest) == 106


def soest_numbers() -> set[str]:
    return set(
        School.objects.filter(municipality_key__startswith="05974").values_list(
            "schulnummer", flat=True
        )
    )


class TestDemoLife:
    def test_search_keys_and_owner_are_filled(self, demo: str) -> None:
        beratung = User.objects.get(username="beratung")
        result = search(user=beratung, text="Alhassan")
        assert result.children
        assert all(c.last_name == "Al-Hassan" for c in result.children)
        for child in Child.objects.all()[:50]:
            keys = search_fields(child.first_name, child.last_name)
            assert (child.search_name, child.search_phonetic) == tuple(keys.values())
        for guardian in Guardian.objects.all()[:50]:
            assert guardian.phone_digits == phone_digits(guardian.phone) != ""
            assert (
                guardian.search_name
                == search_fields(guardian.first_name, guardian.last_name)["search_name"]
            )
        koeln = Child.objects.filter(centre__slug="koeln")
        assert set(koeln.values_list("registered_by__username", flat=True)) == {"beratung"}
        assert my_children(user=beratung).count() == koeln.count()
        soest = User.objects.get(username="soest-beratung")
        assert (
            search(user=soest, text="Al Hasan").children
            or search(user=soest, text="Kovalenko").children
        )

    @pytest.mark.parametrize("slug", ["koeln", "kreis-soest"])
    def test_waiting_times_look_real(self, demo: str, slug: str) -> None:
        """Most wait two to six weeks, some days, a few months — not all the same."""
        now = timezone.now()
        waiting = Child.objects.filter(centre__slug=slug, status__in=WAITING_STATUSES)
        days = sorted((now - c.registered_at).days for c in waiting)
        assert len(days) >= 50
        assert 14 <= statistics.median(days) <= 42
        assert sum(d > 90 for d in days) <= len(days) / 10
        assert any(d > 60 for d in days)
        assert sum(d < 7 for d in days) >= 3
        statuses = set(Child.objects.filter(centre__slug=slug).values_list("status", flat=True))
        assert statuses >= set(PIPELINE)

    def test_invited_families_have_a_booked_and_counselled_an_attended_appointment(
        self, demo: str
    ) -> None:
        now = timezone.now()
        for child in Child.objects.select_related("family", "centre"):
            appointments = list(
                Appointment.objects.filter(family=child.family).select_related("slot__counsellor")
            )
            if child.status == Status.INVITED:
                assert [a.status for a in appointments] == [AppointmentStatus.BOOKED], child
                slot = appointments[0].slot
                assert slot.ends_at > now and slot.starts_at >= child.invited_at
            elif child.status in COUNSELLED_OR_LATER or (
                child.counselled_at is not None and child.closed_at is not None
            ):
                assert [a.status for a in appointments] == [AppointmentStatus.ATTENDED], child
                slot = appointments[0].slot
                assert slot.ends_at == child.counselled_at <= now
            else:
                assert appointments == [], child
            for appointment in appointments:
                assert appointment.slot.counsellor.centre_id == child.centre_id
                assert appointment.slot.counsellor.has_perm("seiteneinstieg.manage_appointments")
        # and free slots the counsellor can still offer
        free = CounsellingSlot.objects.filter(appointments__isnull=True, starts_at__gt=now)
        assert free.count() >= 10

    def test_three_school_accounts_at_schools_with_proposals(self, demo: str) -> None:
        forms = {
            "grundschule": {"Grundschule"},
            "schule": {"Gesamtschule", "Realschule"},
            "berufskolleg": {"Berufskolleg"},
        }
        schools = set()
        for username, allowed in forms.items():
            user = User.objects.get(username=username)
            school = user.school_membership.school
            assert school.school_form in allowed, username
            assert Offer.objects.filter(school=school).exists()
            assert (
                placements_for_user(user=user).filter(status__in=ACTIVE_PLACEMENT_STATUSES).exists()
            ), username
            assert list(schools_for_user(user=user)) == [school]
            assert school.name in demo
            schools.add(school.pk)
        assert len(schools) == 3
        assert not School.objects.filter(school_form_code="0A").exists()
        assert not School.objects.filter(name__icontains="Bezirksregierung").exists()

    def test_accounts_per_centre_council_and_statewide(self, demo: str) -> None:
        koeln = Centre.objects.get(slug="koeln")
        soest = Centre.objects.get(slug="kreis-soest")
        assert soest.name == "Kommunales Integrationszentrum Kreis Soest (Demo)"
        assert soest.area_keys == ["05974"]
        office = User.objects.get(username="geschaeftsstelle")
        assert (office.role, office.centre_id) == (Role.COUNCIL_OFFICE, koeln.pk)
        assert Council.objects.filter(centre=koeln).exists()
        land = User.objects.get(username="land")
        assert (land.role, land.centre_id) == (Role.STATE_OFFICE, None)
        soest_roles = set(User.objects.filter(centre=soest).values_list("role", flat=True))
        assert soest_roles == {
            Role.CENTRE_ADMIN,
            Role.COUNSELLOR,
            Role.SCHULAMT,
            Role.SCHOOL_STAFF,
            Role.STATISTICS,
            Role.COUNCIL_OFFICE,
        }
        assert all(u.username.startswith("soest-") for u in User.objects.filter(centre=soest))
        for username in ("land", "soest-beratung", "geschaeftsstelle", "grundschule"):
            assert username in demo

    def test_soest_families_live_in_the_kreis(self, demo: str) -> None:
        area = geo.area(["05974"])
        families = Family.objects.filter(centre__slug="kreis-soest")
        assert 50 <= families.count() <= 100
        towns = set()
        for family in families:
            located = geo.locate(family.postcode, family.city)
            assert located is not None and area.contains(located), family
            assert family.municipality_key == located.municipality_key
            assert abs(family.lat - located.latitude) < 0.02
            towns.add(family.municipality_name)
        assert {"Soest", "Lippstadt", "Werl"} <= towns and len(towns) >= 6
        assert 95 <= Child.objects.filter(centre__slug="kreis-soest").count() <= 100
        schools = School.objects.filter(municipality_key__startswith="05974")
        assert schools.count() == 106
        offers = Offer.objects.filter(centre__slug="kreis-soest").select_related("school")
        assert offers.count() >= 10
        assert all(o.school.municipality_key.startswith("05974") for o in offers)
        for child in Child.objects.filter(
            centre__slug="kreis-soest", status__in=(Status.PROPOSED, Status.PLACED)
        ):
            assert child.placements.filter(status__in=ACTIVE_PLACEMENT_STATUSES).count() == 1

    def test_soest_waiting_list_and_map(self, demo: str, client: Client) -> None:
        schulamt = User.objects.get(username="soest-schulamt")
        listed = waiting_list(user=schulamt)
        assert listed.exists()
        assert not listed.exclude(centre__slug="kreis-soest").exists()
        client.force_login(schulamt)
        response = client.get(reverse("zuweisung:map_schools"))
        assert response.status_code == 200
        schools = response.json()["schools"]
        assert schools and len(schools) <= Offer.objects.filter(centre__slug="kreis-soest").count()
        assert all(s["id"] in soest_numbers() for s in schools)
        areas = client.get(reverse("zuweisung:map_stadtteile")).json()
        assert areas["features"] == []  # no Köln Stadtteile behind a Kreis

    def test_soest_batch_run_gives_a_draft_with_proposals(self, demo: str) -> None:
        schulamt = User.objects.get(username="soest-schulamt")
        ready = Child.objects.filter(centre__slug="kreis-soest", status=Status.READY).count()
        assert ready >= 5
        run = compute_run(run_id=start_run(actor=schulamt).pk)
        assert run.status == RunStatus.DRAFT
        drafts = Placement.objects.filter(run=run, status=PlacementStatus.DRAFT)
        assert drafts.exists()
        assert {p.centre.slug for p in drafts.select_related("centre")} == {"kreis-soest"}

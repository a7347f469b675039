"""The families' booking and double submission under real concurrency (PostgreSQL only)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.models import Appointment, Family, SelfRegistration
from teilhabe.seiteneinstieg.services import self_registration as services
from teilhabe.seiteneinstieg.services.cases import AddressData, ChildData, GuardianData
from tests.factories import FamilyFactory
from tests.seiteneinstieg.public.conftest import make_slot
from tests.seiteneinstieg.test_appointments_concurrency import _race

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def _registration(staff, notice, n: int) -> SelfRegistration:
    family = FamilyFactory(centre=staff.centre, reference=f"F-RACE-{n}")
    family.children.create(
        centre=staff.centre,
        first_name=f"Kind{n}",
        last_name="Race",
        birth_date=timezone.localdate().replace(year=2015),
        first_language="uk",
        arrived_in_germany_on=timezone.localdate().replace(year=2025),
        arrived_in_city_on=timezone.localdate().replace(year=2025),
        registered_at=timezone.now(),
    )
    return SelfRegistration.objects.create(
        centre=staff.centre,
        family=family,
        reference=f"A-RACE-{n}",
        language="uk",
        privacy_notice=notice,
        consented_at=timezone.now(),
        form_token=f"race-{n}",
    )


def test_two_families_take_the_same_slot(staff, notice):
    slot = make_slot(staff)
    registrations = [_registration(staff, notice, n) for n in range(3)]
    booked, refused = _race(
        [
            lambda r=r: services.book_slot(
                registration=r,
                slot_id=slot.pk,
                interpreter_language="",
                token="t",
                site_url="http://x",
            )
            for r in registrations
        ]
    )
    assert len(booked) == 1 and len(refused) == 2
    assert all(e.error_dict["slot"][0].code == "slot_taken" for e in refused)
    assert Appointment.objects.filter(slot=slot, status=AppointmentStatus.BOOKED).count() == 1


def test_a_double_click_registers_once(staff, notice):
    submission = services.Submission(
        address=AddressData(street="Venloer Str. 12", postcode="50672", city="Köln"),
        guardians=[GuardianData(first_name="Olena", last_name="K", email="o@example.org")],
        children=[
            ChildData(
                first_name="Mykola",
                last_name="K",
                birth_date=timezone.localdate().replace(year=2016),
                first_language="uk",
                arrived_in_germany_on=timezone.localdate().replace(year=2025),
                arrived_in_city_on=timezone.localdate().replace(year=2025),
            )
        ],
        email="o@example.org",
        consent=True,
    )
    results, refused = _race(
        [
            lambda: services.submit_registration(
                centre=staff.centre,
                language="uk",
                submission=submission,
                privacy_notice=notice,
                form_token="same-form",
                client_ip="203.0.113.9",
                site_url="http://x",
            )
            for _n in range(3)
        ]
    )
    assert not refused
    assert len({registration.pk for registration, _new in results}) == 1
    assert sorted(new for _r, new in results) == [False, False, True]
    assert Family.objects.count() == 1

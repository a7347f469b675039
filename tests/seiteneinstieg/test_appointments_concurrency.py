"""Double booking under real concurrency: only PostgreSQL runs the requests in parallel.

Each thread has its own database connection and transaction; a barrier releases them at
the same moment, so the partial unique constraints (not a Python check) must decide.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import AppointmentStatus, Status
from teilhabe.seiteneinstieg.models import Appointment, Child
from teilhabe.seiteneinstieg.services.appointments import book_appointment
from tests.factories import ChildFactory, FamilyFactory, SlotFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

THREADS = 4


def _race(calls: list) -> tuple[list[Appointment], list[ValidationError]]:
    """Run the calls at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(calls))
    booked: list[Appointment] = []
    refused: list[ValidationError] = []
    unexpected: list[BaseException] = []
    lock = threading.Lock()

    def run(call) -> None:
        try:
            barrier.wait(timeout=10)
            result = call()
            with lock:
                booked.append(result)
        except ValidationError as exc:
            with lock:
                refused.append(exc)
        except BaseException as exc:  # any other error fails the test below
            with lock:
                unexpected.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not unexpected, unexpected
    return booked, refused


def _slot(staff, hours: int):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(hours=hours)
    return SlotFactory(
        counsellor=staff.counsellor, starts_at=start, ends_at=start + dt.timedelta(minutes=45)
    )


def test_one_slot_booked_by_several_families_at_once(staff):
    slot = _slot(staff, 30)
    families = [FamilyFactory(centre=staff.centre) for _ in range(THREADS)]
    children = [ChildFactory(family=f) for f in families]
    booked, refused = _race(
        [
            lambda f=f: book_appointment(actor=staff.counsellor, slot=slot, family=f)
            for f in families
        ]
    )
    assert len(booked) == 1
    assert len(refused) == THREADS - 1
    assert all(e.messages == ["Dieser Termin ist bereits vergeben."] for e in refused)
    assert Appointment.objects.filter(slot=slot, status=AppointmentStatus.BOOKED).count() == 1
    # only the winning family's child was invited; the losers' rolled back completely
    invited = Child.objects.filter(pk__in=[c.pk for c in children], status=Status.INVITED)
    assert list(invited.values_list("family_id", flat=True)) == [booked[0].family_id]


def test_one_family_booked_into_several_slots_at_once(staff):
    family = FamilyFactory(centre=staff.centre)
    child = ChildFactory(family=family)
    slots = [_slot(staff, 30 + i) for i in range(THREADS)]
    booked, refused = _race(
        [lambda s=s: book_appointment(actor=staff.counsellor, slot=s, family=family) for s in slots]
    )
    assert len(booked) == 1
    assert len(refused) == THREADS - 1
    assert all(e.messages == ["Die Familie hat bereits einen Termin."] for e in refused)
    assert Appointment.objects.filter(family=family).count() == 1
    child.refresh_from_db()
    assert child.status == Status.INVITED


def test_booking_races_with_removal_of_the_same_slot(staff):
    """10 bookings and 10 removals of one slot at once: German answers, never an exception.

    Before the slot row was locked in book_appointment too, a removal could delete the slot
    under a booking whose (deferred) foreign key then failed at commit: an IntegrityError.
    """
    from teilhabe.seiteneinstieg.models import CounsellingSlot
    from teilhabe.seiteneinstieg.services.appointments import remove_slot

    for _round in range(3):
        slot = _slot(staff, 40 + _round)
        families = [FamilyFactory(centre=staff.centre) for _ in range(10)]
        for family in families:
            ChildFactory(family=family)
        calls = [
            lambda f=f, s=slot: book_appointment(actor=staff.counsellor, slot=s, family=f)
            for f in families
        ] + [lambda s=slot: remove_slot(actor=staff.counsellor, slot=s) or "removed"] * 10
        done, refused = _race(calls)
        assert len(done) == 1, done
        allowed = {
            "Dieser Termin ist bereits vergeben.",
            "Dieser Termin wurde inzwischen entfernt. Bitte einen anderen wählen.",
            "Dieser Termin wurde bereits entfernt.",
            "Dieser Termin ist gebucht. Bitte zuerst die Buchung absagen, dann entfernen.",
        }
        assert len(refused) == 19
        assert {m for e in refused for m in e.messages} <= allowed
        if done == ["removed"]:
            assert not CounsellingSlot.objects.filter(pk=slot.pk).exists()
            assert not Appointment.objects.filter(family__in=families).exists()
        else:
            assert Appointment.objects.filter(slot=slot).count() == 1

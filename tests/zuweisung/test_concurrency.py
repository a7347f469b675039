"""Twenty schools' secretaries click "Zusagen" at the same moment for the last three seats:
exactly three succeed, the others get a clear message, and seats taken equal the total.
Only PostgreSQL runs the transactions truly in parallel."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from teilhabe.schulen.seats import annotate_seats
from teilhabe.zuweisung.models import Placement
from teilhabe.zuweisung.services.decisions import accept_placement
from tests.factories import ChildFactory, FamilyFactory, OfferFactory, SchoolFactory, link_school

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def test_twenty_parallel_acceptances_for_three_seats(staff):
    school = SchoolFactory()
    link_school(staff.school_staff, school)
    offer = OfferFactory(centre=staff.centre, school=school, seats_total=5)
    family = FamilyFactory(centre=staff.centre)
    start = timezone.localdate() + dt.timedelta(days=7)
    for _ in range(2):  # two seats already taken
        Placement.objects.create(
            centre=staff.centre,
            child=ChildFactory(family=family, status="accepted"),
            offer=offer,
            status="accepted",
            start_date=start,
            created_by=staff.schulamt,
        )
    proposals = [
        Placement.objects.create(
            centre=staff.centre,
            child=ChildFactory(family=family, status="proposed"),
            offer=offer,
            status="proposed",
            start_date=start,
            created_by=staff.schulamt,
        )
        for _ in range(20)
    ]
    barrier = threading.Barrier(len(proposals))
    accepted, refused, unexpected = [], [], []
    lock = threading.Lock()

    def accept(placement: Placement) -> None:
        from teilhabe.centres.models import User

        actor = User.objects.get(pk=staff.school_staff.pk)
        try:
            barrier.wait(timeout=20)
            accept_placement(actor=actor, placement=placement, start_date=start)
            with lock:
                accepted.append(placement.pk)
        except ValidationError as exc:
            with lock:
                refused.append(exc.messages[0])
        except BaseException as exc:
            with lock:
                unexpected.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(p,)) for p in proposals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not unexpected, unexpected
    assert len(accepted) == 3 and len(refused) == 17
    assert all("kein Platz mehr frei" in message for message in refused)
    offer = annotate_seats(type(offer).objects.filter(pk=offer.pk)).get()
    assert offer.seats_taken == offer.seats_total == 5
    assert Placement.objects.filter(offer=offer, status="accepted").count() == 5

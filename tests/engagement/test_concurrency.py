"""Two coordinators ask the same volunteer for two overlapping needs at the same moment."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from teilhabe.engagement.models import Assignment
from teilhabe.engagement.services import needs as services
from tests.engagement.factories import make_need, make_volunteer


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_for_overlapping_needs_ask_once(staff):
    volunteer = make_volunteer(staff.centre)
    first = make_need(staff.centre)
    second = make_need(staff.centre, starts_at=first.starts_at + dt.timedelta(minutes=15))
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def ask(need, actor) -> None:
        try:
            barrier.wait()
            services.request_volunteer(actor=actor, need=need, volunteer=volunteer)
            outcomes.append("asked")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=ask, args=(first, staff.counsellor)),
        threading.Thread(target=ask, args=(second, staff.centre_admin)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["asked", "refused"]
    assert Assignment.objects.filter(volunteer=volunteer, status="requested").count() == 1

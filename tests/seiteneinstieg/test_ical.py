"""The counsellor's calendar feed: a signed token instead of a login, no names in events."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.selectors.appointments import ical_token
from tests.factories import AppointmentFactory, ChildFactory, FamilyFactory, SlotFactory

pytestmark = pytest.mark.django_db


def _feed(token: str):
    return Client().get(reverse("seiteneinstieg:ical_feed", args=[token]))


def _slot(counsellor, hours: int, **kwargs):
    start = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(hours=hours)
    return SlotFactory(
        counsellor=counsellor, starts_at=start, ends_at=start + dt.timedelta(minutes=45), **kwargs
    )


def test_feed_lists_own_slots_with_bookings(staff):
    free = _slot(staff.counsellor, 24, location="Raum 2")
    booked = _slot(staff.counsellor, 26)
    family = FamilyFactory(centre=staff.centre)
    ChildFactory(family=family, first_name="Geheimname")
    AppointmentFactory(slot=booked, family=family, interpreter_language="ar")
    cancelled = _slot(staff.counsellor, 28)
    AppointmentFactory(
        slot=cancelled,
        family=FamilyFactory(centre=staff.centre),
        status=AppointmentStatus.CANCELLED,
    )
    _slot(staff.counsellor, -24 * 40)  # older than 30 days: not in the feed
    _slot(staff.centre_admin, 24)  # someone else's slot

    response = _feed(ical_token(staff.counsellor))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"slot-{s.pk}@testserver" for s in (free, booked, cancelled)}

    booked_event = events[f"slot-{booked.pk}@testserver"]
    assert booked_event.decoded("dtstart") == booked.starts_at
    assert booked_event.decoded("dtend") == booked.ends_at
    assert str(booked_event["summary"]) == f"Beratung {family.reference} · Dolmetschung: Arabisch"
    assert str(events[f"slot-{free.pk}@testserver"]["summary"]) == "Beratung – frei"
    assert str(events[f"slot-{free.pk}@testserver"]["location"]) == "Raum 2"
    assert str(events[f"slot-{cancelled.pk}@testserver"]["summary"]) == "Beratung – frei"
    assert b"Geheimname" not in response.content


def test_tampered_or_unknown_tokens_answer_404(staff):
    token = ical_token(staff.counsellor)
    assert _feed(token[:-2] + ("AA" if not token.endswith("AA") else "BB")).status_code == 404
    assert _feed("kein-token").status_code == 404
    # a token signed for another purpose (other salt) is not accepted
    from django.core import signing

    assert _feed(signing.dumps({"u": staff.counsellor.pk})).status_code == 404


def test_token_stops_working_when_the_account_is_deactivated_or_loses_the_role(staff):
    token = ical_token(staff.counsellor)
    staff.counsellor.is_active = False
    staff.counsellor.save()
    assert _feed(token).status_code == 404
    schulamt_token = ical_token(staff.schulamt)
    assert _feed(schulamt_token).status_code == 404

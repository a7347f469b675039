"""The counsellor's calendar feed: a signed token instead of a login, no names in events."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.selectors.appointments import ICAL_SALT, ical_token
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
    assert _feed(signing.dumps({"u": staff.counsellor.pk})).status_code == 404


def test_token_stops_working_when_the_account_is_deactivated_or_loses_the_role(staff):
    token = ical_token(staff.counsellor)
    staff.counsellor.is_active = False
    staff.counsellor.save()
    assert _feed(token).status_code == 404
    schulamt_token = ical_token(staff.schulamt)
    assert _feed(schulamt_token).status_code == 404


def test_renewing_the_address_retires_the_old_link_and_is_audited(staff):
    from teilhabe.audit.models import AuditEntry

    old = ical_token(staff.counsellor)
    _slot(staff.counsellor, 24)
    client = Client()
    client.force_login(staff.counsellor)
    response = client.post(reverse("seiteneinstieg:ical_renew"))
    assert response.status_code == 302
    staff.counsellor.refresh_from_db()
    new = ical_token(staff.counsellor)
    assert new != old
    assert _feed(old).status_code == 404
    assert _feed(new).status_code == 200
    entry = AuditEntry.objects.get(action="seiteneinstieg.calendar_feed.renewed")
    assert entry.actor_id == staff.counsellor.pk
    # the page now shows an address of the new version (tokens carry a timestamp, so
    # compare what they say, not their text)
    page = client.get(reverse("seiteneinstieg:slot_list")).content.decode()
    shown = re.search(r"/kalender/([^\"/]+)\.ics", page).group(1)
    assert signing.loads(shown, salt=ICAL_SALT) == {"u": staff.counsellor.pk, "v": 2}


def test_links_from_before_versions_keep_working_until_renewed(staff):
    legacy = signing.dumps({"u": staff.counsellor.pk}, salt=ICAL_SALT)
    assert _feed(legacy).status_code == 200
    from teilhabe.seiteneinstieg.services.appointments import renew_calendar_feed

    renew_calendar_feed(actor=staff.counsellor)
    assert _feed(legacy).status_code == 404


def test_only_casework_roles_may_renew_an_address(staff):
    from django.core.exceptions import PermissionDenied

    from teilhabe.seiteneinstieg.services.appointments import renew_calendar_feed

    with pytest.raises(PermissionDenied):
        renew_calendar_feed(actor=staff.schulamt)
    staff.schulamt.refresh_from_db()
    assert staff.schulamt.calendar_feed_version == 1

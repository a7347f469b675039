"""Apps above register listeners of bookings; they run inside the booking's transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.seiteneinstieg import hooks
from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.models import Appointment
from teilhabe.seiteneinstieg.services import appointments as services
from tests.factories import ChildFactory, FamilyFactory, SlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(monkeypatch):
    seen: list[tuple[int, str, object]] = []
    monkeypatch.setattr(hooks, "_APPOINTMENT_LISTENERS", [])
    hooks.register_appointment_listener(
        lambda appointment, *, event, actor: seen.append((appointment.pk, event, actor))
    )
    return seen


def _slot(staff, hours):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(hours=hours)
    return SlotFactory(
        counsellor=staff.counsellor, starts_at=start, ends_at=start + dt.timedelta(minutes=45)
    )


def test_book_move_cancel_tell_the_listeners(staff, events):
    family = FamilyFactory(centre=staff.centre)
    ChildFactory(family=family, centre=staff.centre)
    first, second = _slot(staff, 30), _slot(staff, 50)
    booked = services.book_appointment(actor=staff.counsellor, slot=first, family=family)
    moved = services.move_appointment(actor=staff.counsellor, appointment=booked, slot=second)
    services.cancel_appointment(actor=staff.counsellor, appointment=moved)
    assert events == [
        (booked.pk, "booked", staff.counsellor),
        (moved.pk, "moved", staff.counsellor),
        (moved.pk, "cancelled", staff.counsellor),
    ]
    booked.refresh_from_db()
    assert booked.status == AppointmentStatus.CANCELLED
    assert moved.slot == second


def test_a_failing_listener_rolls_the_booking_back(staff, monkeypatch):
    monkeypatch.setattr(hooks, "_APPOINTMENT_LISTENERS", [])

    def refuse(appointment, *, event, actor):
        raise ValidationError("nein")

    hooks.register_appointment_listener(refuse)
    family = FamilyFactory(centre=staff.centre)
    with pytest.raises(ValidationError):
        services.book_appointment(actor=staff.counsellor, slot=_slot(staff, 30), family=family)
    assert not Appointment.objects.exists()


def test_move_to_a_taken_slot_keeps_the_old_booking(staff, events):
    family, other = FamilyFactory(centre=staff.centre), FamilyFactory(centre=staff.centre)
    first, second = _slot(staff, 30), _slot(staff, 50)
    booked = services.book_appointment(actor=staff.counsellor, slot=first, family=family)
    services.book_appointment(actor=staff.counsellor, slot=second, family=other)
    with pytest.raises(ValidationError):
        services.move_appointment(actor=staff.counsellor, appointment=booked, slot=second)
    booked.refresh_from_db()
    assert booked.status == AppointmentStatus.BOOKED


def test_sections_shown_on_the_family_page(staff, login, monkeypatch):
    monkeypatch.setattr(hooks, "_APPOINTMENT_SECTIONS", [])
    hooks.register_appointment_section(
        "seiteneinstieg/_test_section.html", lambda *, user, appointment: None
    )
    family = FamilyFactory(centre=staff.centre)
    services.book_appointment(actor=staff.counsellor, slot=_slot(staff, 30), family=family)
    response = login(staff.counsellor).get(f"/seiteneinstieg/familien/{family.pk}/")
    assert response.status_code == 200
    assert "Gebucht:" in response.content.decode()

"""A family comes in without an appointment and is counselled at once (record_walk_in)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import AppointmentStatus, Status
from teilhabe.seiteneinstieg.models import Appointment, CounsellingSlot
from teilhabe.seiteneinstieg.selectors.appointments import free_slots, slots_for_user
from teilhabe.seiteneinstieg.services.appointments import book_appointment, record_walk_in
from tests.factories import ChildFactory, FamilyFactory, SlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(staff):
    family = FamilyFactory(centre=staff.centre)
    ChildFactory(family=family, first_name="Ali", last_name="Yilmaz", status=Status.REGISTERED)
    ChildFactory(family=family, first_name="Ayla", last_name="Yilmaz", status=Status.INVITED)
    ChildFactory(family=family, first_name="Deniz", last_name="Yilmaz", status=Status.ASSESSED)
    return family


def test_walk_in_counsels_the_waiting_children_in_one_audit_entry(staff, family):
    before = AuditEntry.objects.count()
    appointment = record_walk_in(
        actor=staff.counsellor, family=family, interpreter_language="tr", notes="  Zeugnis fehlt "
    )
    statuses = {c.first_name: c.status for c in family.children.all()}
    assert statuses == {
        "Ali": Status.COUNSELLED,
        "Ayla": Status.COUNSELLED,
        "Deniz": Status.ASSESSED,
    }
    ali = family.children.get(first_name="Ali")
    assert ali.invited_at and ali.counselled_at
    assert appointment.status == AppointmentStatus.ATTENDED and appointment.notes == "Zeugnis fehlt"
    slot = appointment.slot
    assert slot.is_walk_in and slot.counsellor == staff.counsellor
    assert abs((slot.starts_at - timezone.now()).total_seconds()) < 60
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.latest("id")
    assert entry.action == "seiteneinstieg.appointment.walk_in"
    assert entry.target_id == str(family.pk)
    assert "Ali Yilmaz" in entry.summary and "Zeugnis" not in str(entry.data)
    assert len(entry.data["counselled"]) == 2


def test_two_walk_ins_in_the_same_second_keep_one_start_per_counsellor(staff, family):
    first = record_walk_in(actor=staff.counsellor, family=family)
    second = record_walk_in(actor=staff.counsellor, family=FamilyFactory(centre=staff.centre))
    assert first.slot.starts_at != second.slot.starts_at


def test_walk_in_replaces_an_open_booking(staff, family):
    slot = SlotFactory(counsellor=staff.counsellor)
    booked = book_appointment(actor=staff.counsellor, slot=slot, family=family)
    record_walk_in(actor=staff.counsellor, family=family)
    booked.refresh_from_db()
    assert booked.status == AppointmentStatus.CANCELLED
    assert AuditEntry.objects.latest("id").data["cancelled_booking"] == booked.pk
    assert slot in free_slots(user=staff.counsellor)  # offered again


def test_walk_in_slot_is_held_never_free(staff, family):
    appointment = record_walk_in(actor=staff.counsellor, family=family)
    assert appointment.slot not in free_slots(user=staff.counsellor)
    listed = slots_for_user(user=staff.counsellor, counsellor=staff.counsellor).get(
        pk=appointment.slot_id
    )
    assert listed.held == [appointment] and listed.current == []


def test_bad_interpreter_language_is_refused_and_nothing_written(staff, family):
    with pytest.raises(ValidationError):
        record_walk_in(actor=staff.counsellor, family=family, interpreter_language="xx")
    assert not CounsellingSlot.objects.exists() and not Appointment.objects.exists()
    assert family.children.get(first_name="Ali").status == Status.REGISTERED


@pytest.mark.parametrize("role", ["schulamt", "school_staff", "statistics"])
def test_only_casework_records_walk_ins(staff, family, role):
    with pytest.raises(PermissionDenied):
        record_walk_in(actor=staff.by_role(role), family=family)


def test_another_centres_family_is_refused(other_staff, family):
    with pytest.raises(PermissionDenied):
        record_walk_in(actor=other_staff.counsellor, family=family)


def test_walk_in_page_records_and_the_slot_list_shows_it_held(staff, family, login):
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:walk_in", args=[family.pk])
    assert "Beratung ohne Termin" in client.get(url).content.decode()
    response = client.post(url, {"interpreter_language": "tr", "notes": ""})
    assert response.status_code == 302
    assert family.children.get(first_name="Ali").status == Status.COUNSELLED
    body = client.get(reverse("seiteneinstieg:slot_list")).content.decode()
    assert "Wahrgenommen" in body and "ohne Termin" in body
    page = client.get(reverse("seiteneinstieg:family_detail", args=[family.pk])).content.decode()
    assert url in page


def test_walk_in_page_shows_form_errors(staff, family, login):
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:walk_in", args=[family.pk])
    response = client.post(url, {"interpreter_language": "xx"})
    assert response.status_code == 400
    assert family.children.get(first_name="Ali").status == Status.REGISTERED


def test_a_double_click_records_one_walk_in(staff):
    """Found by the outside check: two quick submits recorded the same visit twice."""
    from django.core.exceptions import ValidationError

    from teilhabe.seiteneinstieg.models import Appointment
    from teilhabe.seiteneinstieg.services.appointments import record_walk_in
    from tests.factories import ChildFactory, FamilyFactory

    family = FamilyFactory(centre=staff.centre)
    ChildFactory(family=family)
    record_walk_in(actor=staff.counsellor, family=family)
    with pytest.raises(ValidationError, match="gerade eben"):
        record_walk_in(actor=staff.counsellor, family=family)
    assert Appointment.objects.filter(family=family).count() == 1

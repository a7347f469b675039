"""Taking back a slot offered by mistake: only free, future, never-booked ones."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.models import CounsellingSlot
from teilhabe.seiteneinstieg.services.appointments import remove_slot
from tests.factories import AppointmentFactory, FamilyFactory, SlotFactory

pytestmark = pytest.mark.django_db


def _slot(counsellor, hours: int = 24) -> CounsellingSlot:
    start = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(hours=hours)
    return SlotFactory(
        counsellor=counsellor, starts_at=start, ends_at=start + dt.timedelta(minutes=45)
    )


def test_counsellor_removes_own_free_slot_and_it_is_audited(staff):
    slot = _slot(staff.counsellor)
    remove_slot(actor=staff.counsellor, slot=slot)
    assert not CounsellingSlot.objects.filter(pk=slot.pk).exists()
    entry = AuditEntry.objects.get(action="seiteneinstieg.slot.removed")
    assert entry.actor_id == staff.counsellor.pk
    assert entry.target_id == str(slot.pk)
    assert entry.data["starts_at"] == slot.starts_at.isoformat()


def test_centre_admin_may_remove_a_counsellors_slot_but_a_colleague_may_not(staff):
    from tests.factories import UserFactory

    colleague = UserFactory(centre=staff.centre, role=staff.counsellor.role)
    slot = _slot(staff.counsellor)
    with pytest.raises(PermissionDenied):
        remove_slot(actor=colleague, slot=slot)
    with pytest.raises(PermissionDenied):
        remove_slot(actor=staff.schulamt, slot=slot)
    assert CounsellingSlot.objects.filter(pk=slot.pk).exists()
    remove_slot(actor=staff.centre_admin, slot=slot)
    assert not CounsellingSlot.objects.filter(pk=slot.pk).exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (AppointmentStatus.BOOKED, "zuerst die Buchung absagen"),
        (AppointmentStatus.CANCELLED, "bleibt als Nachweis erhalten"),
    ],
)
def test_booked_or_once_booked_slots_stay(staff, status, message):
    slot = _slot(staff.counsellor)
    AppointmentFactory(slot=slot, family=FamilyFactory(centre=staff.centre), status=status)
    with pytest.raises(ValidationError, match=message):
        remove_slot(actor=staff.counsellor, slot=slot)
    assert CounsellingSlot.objects.filter(pk=slot.pk).exists()
    assert not AuditEntry.objects.filter(action="seiteneinstieg.slot.removed").exists()


def test_past_slots_stay(staff):
    slot = _slot(staff.counsellor, hours=-2)
    with pytest.raises(ValidationError, match="Vergangene Termine"):
        remove_slot(actor=staff.counsellor, slot=slot)
    assert CounsellingSlot.objects.filter(pk=slot.pk).exists()


def test_page_offers_removal_only_where_it_is_possible(staff, login):
    free = _slot(staff.counsellor, 24)
    booked = _slot(staff.counsellor, 26)
    AppointmentFactory(slot=booked, family=FamilyFactory(centre=staff.centre))
    client = login(staff.counsellor)
    page = client.get(reverse("seiteneinstieg:slot_list")).content.decode()
    assert reverse("seiteneinstieg:slot_remove", args=[free.pk]) in page
    assert reverse("seiteneinstieg:slot_remove", args=[booked.pk]) not in page

    response = client.post(reverse("seiteneinstieg:slot_remove", args=[booked.pk]), follow=True)
    assert "zuerst die Buchung absagen" in response.content.decode()
    response = client.post(reverse("seiteneinstieg:slot_remove", args=[free.pk]), follow=True)
    assert "entfernt" in response.content.decode()
    assert not CounsellingSlot.objects.filter(pk=free.pk).exists()


def test_another_centres_slot_answers_404(staff, other_staff, login):
    slot = _slot(other_staff.counsellor)
    client = login(staff.centre_admin)
    response = client.post(reverse("seiteneinstieg:slot_remove", args=[slot.pk]))
    assert response.status_code == 404
    assert CounsellingSlot.objects.filter(pk=slot.pk).exists()

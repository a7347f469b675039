"""Booking, moving and cancelling through the family's secret link; reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import AppointmentStatus, Status
from teilhabe.seiteneinstieg.models import Appointment, SelfRegistration
from teilhabe.seiteneinstieg.services import appointments as appointment_services
from teilhabe.seiteneinstieg.services import self_registration as services
from tests.factories import FamilyFactory
from tests.seiteneinstieg.public.conftest import form_data, make_slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(client, notice):
    response = client.post("/koeln/uk/anmeldung/", form_data(children=2))
    assert response.status_code == 302
    return response["Location"], SelfRegistration.objects.get()


def test_book_then_move_then_cancel(client, staff, registered, django_capture_on_commit_callbacks):
    url, registration = registered
    first, second = make_slot(staff, hours=30), make_slot(staff, hours=60)
    page = client.get(url).content.decode()
    assert f'value="{first.pk}"' in page and f'value="{second.pk}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"slot": first.pk, "interpreter_language": "uk"})
    assert response.status_code == 302
    booked = Appointment.objects.get(status=AppointmentStatus.BOOKED)
    assert booked.slot == first and booked.interpreter_language == "uk" and booked.booked_by is None
    assert {c.status for c in registration.family.children.all()} == {Status.INVITED}
    sent = mail.outbox[-1]
    assert [a[0] for a in sent.attachments][0] == "termin.ics"
    assert "BEGIN:VEVENT" in str(sent.attachments[0][1])
    assert url in sent.body
    ics = client.get(url + "kalender.ics")
    assert ics.status_code == 200 and ics["Content-Type"] == "text/calendar"

    response = client.post(url, {"slot": second.pk})
    assert response.status_code == 302
    current = Appointment.objects.get(status=AppointmentStatus.BOOKED)
    assert current.slot == second and current.interpreter_language == "uk"
    booked.refresh_from_db()
    assert booked.status == AppointmentStatus.CANCELLED

    assert client.get(url + "absagen/").status_code == 200
    response = client.post(url + "absagen/")
    assert response.status_code == 302
    assert not Appointment.objects.filter(status=AppointmentStatus.BOOKED).exists()
    assert {c.status for c in registration.family.children.all()} == {Status.REGISTERED}


def test_a_slot_taken_meanwhile_says_so_and_offers_the_others(client, staff, registered):
    url, _registration = registered
    taken, free = make_slot(staff), make_slot(staff, hours=50)
    appointment_services.book_appointment(
        actor=staff.counsellor,
        slot=taken,
        family=FamilyFactory(centre=staff.centre, reference="F-OTHER"),
    )
    response = client.post(url, {"slot": taken.pk, "interpreter_language": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in body and f'value="{free.pk}"' in body
    assert f'value="{taken.pk}"' not in body
    assert not Appointment.objects.filter(slot=free).exists()


def test_the_service_refuses_a_slot_taken_in_the_same_moment(staff, registered):
    _url, registration = registered
    slot = make_slot(staff)
    appointment_services.book_appointment(
        actor=staff.counsellor,
        slot=slot,
        family=FamilyFactory(centre=staff.centre, reference="F-OTHER"),
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.book_slot(
            registration=registration,
            slot_id=slot.pk,
            interpreter_language="",
            token="t",
            site_url="http://x",
        )
    assert exc.value.error_dict["slot"][0].code == "slot_taken"
    assert {c.status for c in registration.family.children.all()} == {Status.REGISTERED}


def test_wrong_or_expired_link(client, staff, registered):
    url, registration = registered
    assert client.get("/koeln/uk/anmeldung/termin/1-falsch/").status_code == 404
    assert client.get(url.replace("/koeln/", "/dortmund/")).status_code == 404
    slot = make_slot(staff)
    client.post(url, {"slot": slot.pk})
    # the appointment has begun: the link ends
    slot.starts_at = timezone.now() - dt.timedelta(minutes=5)
    slot.ends_at = timezone.now() + dt.timedelta(minutes=40)
    slot.save()
    assert client.get(url).status_code == 404
    assert client.post(url + "absagen/").status_code == 404


def test_reminder_in_the_familys_language(staff, registered, django_capture_on_commit_callbacks):
    _url, registration = registered
    registration.family.guardians.update(language="de")  # the registration language decides
    slot = make_slot(staff, hours=30)
    services.book_slot(
        registration=registration,
        slot_id=slot.pk,
        interpreter_language="",
        token="t",
        site_url="http://x",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert appointment_services.send_due_reminders(actor=None) == 1
    assert "Українська" in mail.outbox[-1].body or "— " in mail.outbox[-1].body
    from teilhabe.seiteneinstieg.letters import LETTERS

    assert LETTERS["uk"].reminder in mail.outbox[-1].body

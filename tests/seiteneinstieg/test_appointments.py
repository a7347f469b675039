"""Counselling slots and bookings: services, selectors, the management command and the pages."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import AppointmentStatus, Status
from teilhabe.seiteneinstieg.models import Appointment, CounsellingSlot
from teilhabe.seiteneinstieg.selectors import appointments as selectors
from teilhabe.seiteneinstieg.services import appointments as services
from tests.factories import (
    AppointmentFactory,
    ChildFactory,
    FamilyFactory,
    GuardianFactory,
    SlotFactory,
)

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


def _family(staff, *, language: str = "uk", email: str = "olena@example.org"):
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, language=language, email=email)
    return family


_minutes = itertools.count()


def _slot(staff, *, hours: float = 30, counsellor=None):
    """A slot about ``hours`` from now (a few minutes apart so starts never collide)."""
    start = timezone.now().replace(microsecond=0) + dt.timedelta(
        hours=hours, minutes=next(_minutes) % 50
    )
    return SlotFactory(
        counsellor=counsellor or staff.counsellor,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=45),
    )


def _book(staff, slot, family, **kwargs):
    return services.book_appointment(actor=staff.counsellor, slot=slot, family=family, **kwargs)


# --- create_slots ------------------------------------------------------------------------


def test_series_of_slots_between_start_and_end(staff):
    slots = services.create_slots(
        actor=staff.counsellor,
        date=TOMORROW,
        start=dt.time(9, 0),
        end=dt.time(11, 30),
        duration=45,
        location="Raum 3.12",
    )
    starts = [timezone.localtime(s.starts_at).time() for s in slots]
    assert starts == [dt.time(9, 0), dt.time(9, 45), dt.time(10, 30)]  # 11:15 would end 12:00
    assert all(s.counsellor == staff.counsellor and s.location == "Raum 3.12" for s in slots)
    entry = AuditEntry.objects.get(action="seiteneinstieg.slot.created")
    assert entry.data["slots"] == [s.pk for s in slots]


def test_single_slot_without_duration(staff):
    (slot,) = services.create_slots(
        actor=staff.counsellor, date=TOMORROW, start=dt.time(14, 0), end=dt.time(15, 30)
    )
    assert slot.ends_at - slot.starts_at == dt.timedelta(minutes=90)


def test_overlapping_slots_of_the_same_counsellor_are_refused(staff):
    services.create_slots(
        actor=staff.counsellor, date=TOMORROW, start=dt.time(9, 0), end=dt.time(10, 0)
    )
    with pytest.raises(ValidationError, match="Überschneidung mit einem vorhandenen Termin"):
        services.create_slots(
            actor=staff.counsellor, date=TOMORROW, start=dt.time(9, 30), end=dt.time(11, 0)
        )
    # adjacent is fine, and another counsellor may use the same time
    services.create_slots(
        actor=staff.counsellor, date=TOMORROW, start=dt.time(10, 0), end=dt.time(10, 45)
    )
    services.create_slots(
        actor=staff.centre_admin, date=TOMORROW, start=dt.time(9, 0), end=dt.time(10, 0)
    )
    assert CounsellingSlot.objects.count() == 3


def test_slot_in_the_past_or_ending_before_start_is_refused(staff):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="Vergangenheit"):
        services.create_slots(
            actor=staff.counsellor, date=yesterday, start=dt.time(9), end=dt.time(10)
        )
    with pytest.raises(ValidationError, match="Ende muss nach dem Beginn"):
        services.create_slots(
            actor=staff.counsellor, date=TOMORROW, start=dt.time(10), end=dt.time(9)
        )
    with pytest.raises(ValidationError, match="passt kein Termin"):
        services.create_slots(
            actor=staff.counsellor,
            date=TOMORROW,
            start=dt.time(10),
            end=dt.time(10, 30),
            duration=45,
        )


def test_slot_at_the_end_of_the_calendar_is_a_german_error_not_a_500(staff, login):
    """9999-12-31 passed the date field; stepping through the series overflowed (500)."""
    response = login(staff.counsellor).post(
        reverse("seiteneinstieg:slot_list"),
        {"date": "9999-12-31", "start": "23:00", "end": "23:55", "duration": "10"},
    )
    assert response.status_code == 400
    assert "höchstens zwei Jahre im Voraus" in response.content.decode()
    assert not CounsellingSlot.objects.filter(counsellor=staff.counsellor).exists()


def test_only_a_centre_admin_creates_slots_for_someone_else(staff, other_staff):
    with pytest.raises(PermissionDenied):
        services.create_slots(
            actor=staff.counsellor,
            date=TOMORROW,
            start=dt.time(9),
            end=dt.time(10),
            counsellor=staff.centre_admin,
        )
    (slot,) = services.create_slots(
        actor=staff.centre_admin,
        date=TOMORROW,
        start=dt.time(9),
        end=dt.time(10),
        counsellor=staff.counsellor,
    )
    assert slot.counsellor == staff.counsellor
    with pytest.raises(ValidationError, match="keine Beratungstermine anbieten"):
        services.create_slots(
            actor=staff.centre_admin,
            date=TOMORROW,
            start=dt.time(9),
            end=dt.time(10),
            counsellor=other_staff.counsellor,
        )
    with pytest.raises(PermissionDenied):
        services.create_slots(
            actor=staff.schulamt, date=TOMORROW, start=dt.time(9), end=dt.time(10)
        )


# --- book_appointment --------------------------------------------------------------------


def test_booking_invites_registered_children_and_mails_after_commit(
    staff, django_capture_on_commit_callbacks
):
    family = _family(staff)
    registered = ChildFactory(family=family)
    counselled = ChildFactory(family=family, status=Status.COUNSELLED)
    slot = _slot(staff)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        appointment = _book(staff, slot, family, interpreter_language="uk")
    assert len(mail.outbox) == 0  # nothing before the commit
    for callback in callbacks:
        callback()

    registered.refresh_from_db()
    counselled.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert registered.status == Status.INVITED and registered.invited_at is not None
    assert counselled.status == Status.COUNSELLED
    booked = AuditEntry.objects.filter(action="seiteneinstieg.appointment.booked")
    assert booked.count() == 1 and booked.get().data["invited"] == [registered.pk]

    (message,) = mail.outbox
    assert message.to == ["olena@example.org"]
    assert family.reference in message.subject
    assert "Wir laden Sie zu einem Beratungsgespräch ein" in message.body
    assert "Запрошуємо вас на консультацію" in message.body


def test_no_mail_for_guardians_without_address(staff, django_capture_on_commit_callbacks):
    family = _family(staff, email="")
    with django_capture_on_commit_callbacks(execute=True):
        _book(staff, _slot(staff), family)
    assert mail.outbox == []


def test_a_taken_slot_gives_a_german_error_and_the_transaction_survives(staff):
    slot = _slot(staff)
    _book(staff, slot, _family(staff))
    second = _family(staff)
    child = ChildFactory(family=second)
    with transaction.atomic():
        with pytest.raises(ValidationError) as excinfo:
            _book(staff, slot, second)
        # the outer transaction is still usable after the failed insert
        assert Appointment.objects.filter(slot=slot).count() == 1
    assert excinfo.value.message_dict == {"slot": ["Dieser Termin ist bereits vergeben."]}
    child.refresh_from_db()
    assert child.status == Status.REGISTERED


def test_a_family_cannot_hold_two_bookings(staff):
    family = _family(staff)
    _book(staff, _slot(staff, hours=30), family)
    with pytest.raises(ValidationError) as excinfo:
        _book(staff, _slot(staff, hours=32), family)
    assert excinfo.value.messages == ["Die Familie hat bereits einen Termin."]
    assert Appointment.objects.filter(family=family).count() == 1


def test_booking_a_past_slot_or_across_centres_is_refused(staff, other_staff):
    with pytest.raises(ValidationError, match="Vergangenheit"):
        _book(staff, _slot(staff, hours=-2), _family(staff))
    with pytest.raises(PermissionDenied):
        _book(staff, _slot(staff), _family(other_staff))
    with pytest.raises(PermissionDenied):
        _book(staff, _slot(other_staff), _family(staff))
    with pytest.raises(PermissionDenied):
        services.book_appointment(actor=staff.schulamt, slot=_slot(staff), family=_family(staff))


# --- closing a booking -------------------------------------------------------------------


def test_cancel_frees_the_slot_and_returns_children_to_registered(staff):
    family = _family(staff)
    child = ChildFactory(family=family)
    slot = _slot(staff)
    appointment = _book(staff, slot, family)
    services.cancel_appointment(actor=staff.counsellor, appointment=appointment)
    child.refresh_from_db()
    assert child.status == Status.REGISTERED
    assert slot in selectors.free_slots(user=staff.counsellor)
    # the slot and the family can be booked again
    again = _book(staff, slot, family)
    assert again.pk != appointment.pk
    with pytest.raises(ValidationError, match="bereits abgeschlossen"):
        services.cancel_appointment(actor=staff.counsellor, appointment=appointment)


def test_attended_moves_invited_children_to_counselled(staff):
    family = _family(staff)
    invited = ChildFactory(family=family, status=Status.INVITED)
    registered_later = ChildFactory(family=family)
    appointment = AppointmentFactory(slot=_slot(staff, hours=-1), family=family)
    services.mark_attended(actor=staff.counsellor, appointment=appointment)
    invited.refresh_from_db()
    registered_later.refresh_from_db()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.ATTENDED
    assert invited.status == Status.COUNSELLED and invited.counselled_at is not None
    assert registered_later.status == Status.REGISTERED
    assert AuditEntry.objects.filter(action="seiteneinstieg.appointment.attended").count() == 1


def test_attendance_cannot_be_recorded_before_the_appointment(staff):
    appointment = AppointmentFactory(slot=_slot(staff, hours=5), family=_family(staff))
    for service in (services.mark_attended, services.mark_no_show):
        with pytest.raises(ValidationError, match="noch nicht begonnen"):
            service(actor=staff.counsellor, appointment=appointment)


def test_no_show_frees_the_slot_and_the_family(staff):
    family = _family(staff)
    child = ChildFactory(family=family, status=Status.INVITED)
    slot = _slot(staff, hours=-1)
    appointment = AppointmentFactory(slot=slot, family=family)
    services.mark_no_show(actor=staff.counsellor, appointment=appointment)
    child.refresh_from_db()
    assert child.status == Status.REGISTERED
    assert not Appointment.objects.filter(slot=slot, status=AppointmentStatus.BOOKED).exists()
    _book(staff, _slot(staff), family)  # a new booking for the family works
    child.refresh_from_db()
    assert child.status == Status.INVITED


# --- reminders ---------------------------------------------------------------------------


def test_reminders_go_out_once_for_appointments_in_24_to_48_hours(
    staff, django_capture_on_commit_callbacks
):
    due = AppointmentFactory(slot=_slot(staff, hours=30), family=_family(staff, language="ar"))
    too_soon = AppointmentFactory(slot=_slot(staff, hours=20), family=_family(staff))
    too_late = AppointmentFactory(slot=_slot(staff, hours=50), family=_family(staff))
    cancelled = AppointmentFactory(
        slot=_slot(staff, hours=31), family=_family(staff), status=AppointmentStatus.CANCELLED
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(actor=None) == 1
    (message,) = mail.outbox
    assert "Wir erinnern Sie an Ihren Beratungstermin" in message.body
    assert "نذكّركم بموعد الاستشارة" in message.body
    due.refresh_from_db()
    assert due.reminder_sent_at is not None
    for other in (too_soon, too_late, cancelled):
        other.refresh_from_db()
        assert other.reminder_sent_at is None
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(actor=None) == 0
    assert len(mail.outbox) == 1


def test_management_command_sends_reminders(staff, capsys):
    AppointmentFactory(slot=_slot(staff, hours=40), family=_family(staff))
    call_command("send_appointment_reminders")
    assert "1 Erinnerung(en) versandt." in capsys.readouterr().out
    assert AuditEntry.objects.filter(action="seiteneinstieg.appointment.reminded").count() == 1


# --- selectors ---------------------------------------------------------------------------


def test_free_slots_are_future_unbooked_and_own_centre(staff, other_staff):
    free = _slot(staff, hours=30)
    booked = _slot(staff, hours=31)
    AppointmentFactory(slot=booked, family=_family(staff))
    _slot(staff, hours=-3)
    _slot(other_staff, hours=30)
    assert list(selectors.free_slots(user=staff.counsellor)) == [free]
    assert list(selectors.free_slots(user=staff.schulamt)) == []


def test_family_and_counsellor_appointments(staff, other_staff):
    family = _family(staff)
    old = AppointmentFactory(
        slot=_slot(staff, hours=-48), family=family, status=AppointmentStatus.NO_SHOW
    )
    new = AppointmentFactory(slot=_slot(staff, hours=30), family=family)
    AppointmentFactory(slot=_slot(other_staff), family=_family(other_staff))
    assert list(selectors.family_appointments(user=staff.counsellor, family=family)) == [new, old]
    assert set(
        selectors.counsellor_appointments(user=staff.centre_admin, counsellor=staff.counsellor)
    ) == {new, old}
    assert new not in selectors.appointments_for_user(user=other_staff.counsellor)


# --- pages -------------------------------------------------------------------------------


def test_slot_page_creates_a_series_and_lists_bookings(staff, login):
    client = login(staff.counsellor)
    booked = AppointmentFactory(slot=_slot(staff), family=_family(staff), interpreter_language="fa")
    # the series lies three days ahead: the booked slot (about 30 h ahead) never overlaps it,
    # whatever the time of day the test runs
    response = client.post(
        reverse("seiteneinstieg:slot_list"),
        {
            "date": (TOMORROW + dt.timedelta(days=2)).isoformat(),
            "start": "13:00",
            "end": "15:00",
            "duration": "60",
            "location": "Raum 1",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "2 Beratungstermin(e) angelegt." in response.content.decode()
    assert CounsellingSlot.objects.filter(location="Raum 1").count() == 2
    page = response.content.decode()
    assert booked.family.reference in page and "Farsi/Dari" in page
    assert "/kalender/" in page  # the feed address is shown


def test_slot_page_shows_overlap_error_on_the_form(staff, login):
    services.create_slots(actor=staff.counsellor, date=TOMORROW, start=dt.time(9), end=dt.time(10))
    response = login(staff.counsellor).post(
        reverse("seiteneinstieg:slot_list"),
        {"date": TOMORROW.isoformat(), "start": "09:30", "end": "10:30"},
    )
    assert response.status_code == 400
    assert "Überschneidung mit einem vorhandenen Termin" in response.content.decode()


def test_booking_page_books_and_shows_taken_slot_error(staff, login):
    family = _family(staff)
    GuardianFactory(family=family, language="tr", interpreter_needed=True)
    slot = _slot(staff)
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:appointment_book", args=[family.pk])
    page = client.get(url)
    assert page.context["form"].fields["interpreter_language"].initial == "uk"
    response = client.post(url, {"slot": slot.pk, "interpreter_language": "tr"})
    assert response.status_code == 302
    appointment = Appointment.objects.get(family=family)
    assert appointment.interpreter_language == "tr" and appointment.booked_by == staff.counsellor

    # another family tries the now taken slot: the form says it is no longer free
    other = _family(staff)
    response = client.post(
        reverse("seiteneinstieg:appointment_book", args=[other.pk]), {"slot": slot.pk}
    )
    assert response.status_code == 400
    assert "Dieser Termin ist nicht mehr frei." in response.content.decode()


def test_action_buttons(staff, login):
    family = _family(staff)
    child = ChildFactory(family=family, status=Status.INVITED)
    future = AppointmentFactory(slot=_slot(staff, hours=5), family=family)
    client = login(staff.counsellor)
    response = client.post(
        reverse("seiteneinstieg:appointment_action", args=[future.pk, "attended"]), follow=True
    )
    assert "Der Termin hat noch nicht begonnen." in response.content.decode()
    response = client.post(
        reverse("seiteneinstieg:appointment_action", args=[future.pk, "cancel"]),
        {"next": reverse("seiteneinstieg:child_detail", args=[child.pk])},
    )
    assert response.url == reverse("seiteneinstieg:child_detail", args=[child.pk])
    future.refresh_from_db()
    assert future.status == AppointmentStatus.CANCELLED
    response = client.post(
        reverse("seiteneinstieg:appointment_action", args=[future.pk, "explode"])
    )
    assert response.status_code == 404
    # an off-site next is ignored
    past = AppointmentFactory(slot=_slot(staff, hours=-1), family=family)
    response = client.post(
        reverse("seiteneinstieg:appointment_action", args=[past.pk, "no_show"]),
        {"next": "https://evil.example/"},
    )
    assert response.url == reverse("seiteneinstieg:slot_list")


def test_child_page_lists_family_appointments(staff, login):
    family = _family(staff)
    child = ChildFactory(family=family)
    appointment = AppointmentFactory(slot=_slot(staff), family=family)
    page = login(staff.counsellor).get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
    html = page.content.decode()
    assert reverse("seiteneinstieg:invitation_letter", args=[appointment.pk]) in html
    assert reverse("seiteneinstieg:appointment_book", args=[family.pk]) in html
    # the Schulamt sees the case but not the appointment tools
    html = (
        login(staff.schulamt)
        .get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
        .content.decode()
    )
    assert reverse("seiteneinstieg:appointment_book", args=[family.pk]) not in html


def _slot_minutes(slot: CounsellingSlot) -> float:
    # aware datetimes in one zone subtract as wall clock times: compare in UTC
    return (slot.ends_at.astimezone(dt.UTC) - slot.starts_at.astimezone(dt.UTC)).seconds / 60


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def _next_clock_change(month: int) -> dt.date:
    today = timezone.localdate()
    day = _last_sunday(today.year, month)
    return day if day > today else _last_sunday(today.year + 1, month)


def test_series_across_the_spring_clock_change_is_a_german_error(staff, login):
    """02:00–03:30 on the spring change day: 02:00 does not exist; the DB constraint spoke."""
    day = _next_clock_change(3)
    response = login(staff.counsellor).post(
        reverse("seiteneinstieg:slot_list"),
        {"date": day.isoformat(), "start": "02:00", "end": "03:30", "duration": "30"},
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert f"Am {day:%d.%m.%Y} gibt es 02:00 Uhr nicht" in text
    assert "slot_ends_after_start" not in text
    assert not CounsellingSlot.objects.filter(counsellor=staff.counsellor).exists()
    # around the gap: real times only, each slot 30 minutes long
    slots = services.create_slots(
        actor=staff.counsellor, date=day, start=dt.time(1), end=dt.time(4), duration=30
    )
    assert all(
        _slot_minutes(s) == 30 for s in CounsellingSlot.objects.filter(counsellor=staff.counsellor)
    )
    assert len(slots) == 4  # 01:00, 01:30, 03:00, 03:30 – the hour 02:00–03:00 is skipped
    assert [timezone.localtime(s.starts_at).strftime("%H:%M") for s in slots] == [
        "01:00",
        "01:30",
        "03:00",
        "03:30",
    ]


def test_series_across_the_autumn_clock_change_has_no_broken_slots(staff):
    day = _next_clock_change(10)
    slots = services.create_slots(
        actor=staff.counsellor, date=day, start=dt.time(1, 30), end=dt.time(3, 30), duration=30
    )
    assert all(
        _slot_minutes(s) == 30 for s in CounsellingSlot.objects.filter(counsellor=staff.counsellor)
    )
    assert len(slots) == 6  # the hour 02:00–03:00 happens twice

"""Needs: creation, the interpreter need of a booking, asking, answering, time-outs, the week."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.engagement.models import Assignment, Need
from teilhabe.engagement.selectors.volunteers import candidates
from teilhabe.engagement.services import needs as services
from teilhabe.engagement.services.jobs import run_all
from teilhabe.notify.models import OutboxMail
from tests.engagement.factories import make_need, make_volunteer, next_day_at
from tests.factories import AppointmentFactory, GuardianFactory, SlotFactory

pytestmark = pytest.mark.django_db


def need_values(**kw):
    start = next_day_at(10)
    base = {
        "kind": "interpreting",
        "language": "fa",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=1),
        "recurrence": "once",
        "place": "Jugendamt Kalk",
        "postcode": "51103",
        "contact_first_name": "Zahra",
        "child_contact": False,
    }
    base.update(kw)
    return base


def test_need_in_the_past_or_ending_before_start_is_refused(staff):
    past = timezone.now() - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.create_need(
            actor=staff.counsellor,
            values=need_values(starts_at=past, ends_at=past + dt.timedelta(hours=1)),
        )
    assert "starts_at" in exc.value.message_dict
    start = next_day_at(10)
    with pytest.raises(ValidationError) as exc:
        services.create_need(
            actor=staff.counsellor,
            values=need_values(starts_at=start, ends_at=start - dt.timedelta(hours=1)),
        )
    assert "ends_at" in exc.value.message_dict
    assert not Need.objects.exists()


def test_child_contact_need_never_goes_to_someone_without_a_valid_certificate(staff):
    make_volunteer(staff.centre)  # no certificate
    old = make_volunteer(staff.centre, certificate_seen_on=dt.date(2019, 1, 1))
    ok = make_volunteer(
        staff.centre, certificate_seen_on=timezone.localdate() - dt.timedelta(days=30)
    )
    need = make_need(staff.centre, child_contact=True, kind="homework", language="")
    assert [v for v, _c in candidates(need)] == [ok]
    assert old not in [v for v, _c in candidates(need)]


def booked(staff, language="fa"):
    slot = SlotFactory(counsellor=staff.counsellor, starts_at=next_day_at(10))
    appointment = AppointmentFactory(slot=slot, interpreter_language=language)
    GuardianFactory(family=appointment.family, first_name="Zahra")
    return appointment


def test_booking_with_a_language_no_counsellor_speaks_creates_a_need_and_asks(staff):
    v = make_volunteer(staff.centre)
    appointment = booked(staff)
    note = services.on_appointment(appointment, event="booked", actor=staff.counsellor)
    assert note
    need = Need.objects.get(appointment=appointment)
    assert need.contact_first_name == "Zahra" and need.language == "fa"
    assignment = need.assignments.get()
    assert assignment.volunteer == v and assignment.status == "requested"
    mail = OutboxMail.objects.get(to=[v.email])
    assert "Zahra" in mail.body and "Kovalenko" not in mail.body  # only the first name
    # the counsellor's section: nobody yet, then the interpreter after acceptance
    assert (
        services.interpreter_section(user=staff.counsellor, appointment=appointment)["interpreter"]
        is None
    )
    services.answer_assignment(assignment=assignment, volunteer=v, accept=True)
    section = services.interpreter_section(user=staff.counsellor, appointment=appointment)
    assert section["interpreter"] == v
    # cancelling the appointment cancels the need and tells the volunteer
    services.on_appointment(appointment, event="cancelled", actor=staff.counsellor)
    need.refresh_from_db()
    assert need.status == "cancelled"
    assert OutboxMail.objects.filter(to=[v.email], subject__contains="abgesagt").exists()


def test_no_need_when_a_counsellor_speaks_the_language(staff):
    staff.counsellor.languages = "de,fa"
    staff.counsellor.save()
    appointment = booked(staff)
    assert services.on_appointment(appointment, event="booked", actor=staff.counsellor) is None
    assert not Need.objects.exists()


def test_decline_and_time_out_move_to_the_next_candidate(staff):
    first = make_volunteer(staff.centre)
    second = make_volunteer(staff.centre)
    third = make_volunteer(staff.centre)
    need = make_need(staff.centre, starts_at=next_day_at(10, days=5))
    a1 = services.request_volunteer(actor=staff.counsellor, need=need)
    asked = [a1.volunteer]
    services.answer_assignment(assignment=a1, volunteer=a1.volunteer, accept=False)
    a2 = Assignment.objects.get(need=need, status="requested")
    assert a2.volunteer not in asked
    asked.append(a2.volunteer)
    # no answer: the job after the deadline asks the third
    report = run_all(a2.answer_due + dt.timedelta(minutes=1))
    assert report.expired == 1
    a2.refresh_from_db()
    assert a2.status == "expired"
    a3 = Assignment.objects.get(need=need, status="requested")
    assert a3.volunteer not in asked
    assert {first, second, third} == {*asked, a3.volunteer}
    with pytest.raises(ValidationError):
        services.answer_assignment(assignment=a2, volunteer=a2.volunteer, accept=True)


def test_accepting_a_second_overlapping_need_is_refused(staff):
    v = make_volunteer(staff.centre)
    n1 = make_need(staff.centre)
    n2 = make_need(staff.centre, starts_at=n1.starts_at + dt.timedelta(minutes=30))
    a1 = services.request_volunteer(actor=staff.counsellor, need=n1, volunteer=v)
    services.answer_assignment(assignment=a1, volunteer=v, accept=True)
    with pytest.raises(ValidationError):
        services.request_volunteer(actor=staff.counsellor, need=n2, volunteer=v)


def test_week_match_asks_without_overlaps(staff):
    for _ in range(3):
        make_volunteer(staff.centre)
    start = next_day_at(10, days=7)
    monday = timezone.localtime(start).date() - dt.timedelta(days=start.weekday())
    for i in range(4):
        make_need(staff.centre, starts_at=start + dt.timedelta(minutes=10 * i))
    result = services.match_week(actor=staff.counsellor, week_start=monday)
    assert result.needs_met == 3
    assert Assignment.objects.filter(status="requested").count() == 3
    assert len(set(Assignment.objects.values_list("volunteer", flat=True))) == 3


def test_no_show_only_after_the_start(staff):
    v = make_volunteer(staff.centre)
    need = make_need(staff.centre)
    a = services.request_volunteer(actor=staff.counsellor, need=need, volunteer=v)
    services.answer_assignment(assignment=a, volunteer=v, accept=True)
    with pytest.raises(ValidationError):
        services.record_no_show(actor=staff.counsellor, assignment=a)
    Need.objects.filter(pk=need.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=2),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )
    assert services.record_no_show(actor=staff.counsellor, assignment=a).status == "no_show"


def test_real_booking_and_move_through_seiteneinstieg(staff):
    from teilhabe.seiteneinstieg.services.appointments import book_appointment, move_appointment
    from tests.factories import FamilyFactory

    v = make_volunteer(staff.centre)
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, first_name="Zahra")
    slot = SlotFactory(counsellor=staff.counsellor, starts_at=next_day_at(10))
    appointment = book_appointment(
        actor=staff.counsellor, slot=slot, family=family, interpreter_language="fa"
    )
    need = Need.objects.get(appointment=appointment)
    assert need.assignments.get().volunteer == v
    later = SlotFactory(counsellor=staff.counsellor, starts_at=next_day_at(14))
    new = move_appointment(actor=staff.counsellor, appointment=appointment, slot=later)
    need.refresh_from_db()
    assert need.status == "cancelled"
    moved = Need.objects.get(appointment=new)
    assert moved.starts_at == later.starts_at and moved.status == "requested"


def test_engagement_jobs_command_runs(staff):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("engagement_jobs", stdout=out)
    assert "Anfrage(n) ohne Antwort" in out.getvalue()

"""Volunteers: registration and its bad input, confirmation, login link, hours, deletion."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.engagement.models import Assignment, HoursEntry, Volunteer
from teilhabe.engagement.selectors.volunteers import hours_summary
from teilhabe.engagement.services.jobs import run_all
from teilhabe.engagement.services.volunteers import (
    PossibleDuplicate,
    confirm_volunteer,
    delete_profile,
    log_hours,
    login_link,
    record_certificate,
    register_volunteer,
    volunteer_by_login,
)
from teilhabe.notify.models import OutboxMail
from tests.engagement.factories import make_need, make_volunteer

pytestmark = pytest.mark.django_db


def values(**kw):
    base = {
        "first_name": "Mariam",
        "last_name": "Haidari",
        "email": "mariam.haidari@example.org",
        "postcode": "50823",
        "city": "Köln",
        "languages": {"fa": "5", "de": "4"},
        "offers": ["interpreting", "homework"],
        "windows": [{"weekday": "1", "start": "16:00", "end": "19:00"}],
    }
    base.update(kw)
    return base


def test_registration_stores_consent_and_waits_for_confirmation(staff):
    v = register_volunteer(centre=staff.centre, values=values(), consent=True, lang="fa")
    assert v.status == "pending"
    assert v.district == "Neuehrenfeld"
    assert v.languages == {"fa": 5, "de": 4}
    assert v.consent_at is not None
    assert OutboxMail.objects.filter(to=["mariam.haidari@example.org"]).count() == 1


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"windows": [{"weekday": "1", "start": "18:00", "end": "09:00"}]}, "windows"),
        ({"windows": [{"weekday": "1", "start": "25:00", "end": "26:00"}]}, "windows"),
        ({"certificate_seen_on": dt.date.today() + dt.timedelta(days=3)}, "certificate_seen_on"),
        ({"email": "mariam@"}, "email"),
        ({"postcode": "99999"}, "postcode"),
        ({"offers": []}, "offers"),
        ({"languages": {"fa": "9"}}, "languages"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(staff, bad, field):
    with pytest.raises(ValidationError) as exc:
        register_volunteer(centre=staff.centre, values=values(**bad), consent=True)
    assert field in exc.value.message_dict
    assert not Volunteer.objects.exists()
    assert not OutboxMail.objects.exists()


def test_overnight_message_names_the_times(staff):
    with pytest.raises(ValidationError) as exc:
        register_volunteer(
            centre=staff.centre,
            values=values(windows=[{"weekday": "4", "start": "18:00", "end": "09:00"}]),
            consent=True,
        )
    assert "18:00" in exc.value.message_dict["windows"][0]


def test_without_consent_nothing_is_saved(staff):
    with pytest.raises(ValidationError) as exc:
        register_volunteer(centre=staff.centre, values=values(), consent=False)
    assert "consent" in exc.value.message_dict
    assert not Volunteer.objects.exists()


def test_same_person_twice_warns_then_links(staff):
    first = register_volunteer(centre=staff.centre, values=values(), consent=True)
    again = values(email="MARIAM.HAIDARI@example.org", first_name="mariam")
    with pytest.raises(PossibleDuplicate):
        register_volunteer(centre=staff.centre, values=again, consent=True)
    assert Volunteer.objects.count() == 1
    second = register_volunteer(
        centre=staff.centre, values=again, consent=True, confirm_duplicate=True
    )
    assert second.possible_duplicate_of == first


def test_confirmation_mails_a_login_link_that_expires(staff):
    v = register_volunteer(centre=staff.centre, values=values(), consent=True)
    confirm_volunteer(actor=staff.counsellor, volunteer=v)
    mail = OutboxMail.objects.filter(subject__contains="Anmeldelink").get()
    token = login_link(v).rstrip("/").rsplit("/", 1)[-1]
    assert "/anmelden/" in mail.body
    assert volunteer_by_login(token) == v
    from django.core import signing

    with pytest.raises(Volunteer.DoesNotExist):
        volunteer_by_login(token + "x")
    # a day later the link is dead
    real = signing.time.time
    try:
        signing.time.time = lambda: real() + 60 * 60 * 25
        with pytest.raises(Volunteer.DoesNotExist):
            volunteer_by_login(token)
    finally:
        signing.time.time = real


def test_certificate_in_future_refused_and_reminder_before_expiry(staff):
    v = make_volunteer(staff.centre)
    with pytest.raises(ValidationError):
        record_certificate(
            actor=staff.counsellor, volunteer=v, seen_on=timezone.localdate() + dt.timedelta(1)
        )
    seen = timezone.localdate().replace(year=timezone.localdate().year - 5) + dt.timedelta(20)
    record_certificate(actor=staff.counsellor, volunteer=v, seen_on=seen)
    assert run_all().certificate_reminders == 1
    assert run_all().certificate_reminders == 0  # once
    mails = OutboxMail.objects.filter(subject__contains="Führungszeugnis")
    assert sorted(m.to[0] for m in mails) == sorted([v.email, staff.centre.email])
    team = mails.get(to=[staff.centre.email])
    assert "anmelden" not in team.body  # the volunteer's login link stays with the volunteer


def test_hours_and_anonymous_after_deletion(staff):
    v = make_volunteer(staff.centre)
    need = make_need(staff.centre, starts_at=timezone.now() - dt.timedelta(hours=3))
    a = Assignment.objects.create(
        need=need,
        volunteer=v,
        status="accepted",
        requested_at=timezone.now(),
        answer_due=timezone.now(),
    )
    with pytest.raises(ValidationError):
        log_hours(
            volunteer=v, assignment=a, date=timezone.localdate() + dt.timedelta(1), minutes=60
        )
    log_hours(volunteer=v, assignment=a, date=timezone.localdate(), minutes=120)
    assert hours_summary(v).this_month == 2
    delete_profile(volunteer=v)
    assert not Volunteer.objects.exists()
    entry = HoursEntry.objects.get()
    assert entry.volunteer is None and entry.minutes == 120


def test_card_indicator_at_200_hours_a_year(staff):
    v = make_volunteer(staff.centre)
    today = timezone.localdate()
    for i in range(25):
        HoursEntry.objects.create(
            centre=staff.centre,
            volunteer=v,
            kind="mentoring",
            date=today - dt.timedelta(i * 7),
            minutes=8 * 60,
        )
    assert hours_summary(v).last_year == 200
    assert hours_summary(v).qualifies_for_card
    HoursEntry.objects.filter(volunteer=v).first().delete()
    assert not hours_summary(v).qualifies_for_card


def test_retention_deletes_volunteers_two_years_after_their_last_assignment(staff):
    from teilhabe.audit.retention import apply_retention

    idle = make_volunteer(staff.centre)
    busy = make_volunteer(staff.centre)
    need = make_need(staff.centre)
    Assignment.objects.create(
        need=need,
        volunteer=busy,
        status="accepted",
        requested_at=timezone.now(),
        answer_due=timezone.now(),
    )
    later = timezone.now() + dt.timedelta(days=2 * 365 + 1)
    apply_retention(now=later)
    assert not Volunteer.objects.filter(pk=idle.pk).exists()
    assert Volunteer.objects.filter(pk=busy.pk).exists()  # last assignment < 2 years ago

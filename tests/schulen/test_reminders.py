"""Stale seat reports: flagged after 30 days, schools reminded by mail, at most weekly."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.schulen.services.reminders import remind_stale_seat_reports
from tests.factories import OfferFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def days_ago(n: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=n)


@pytest.fixture
def offers(staff):
    stale = SchoolFactory(name="Alte Meldung", email="100036@schule.nrw.de")
    fresh = SchoolFactory(name="Neue Meldung", email="100041@schule.nrw.de")
    silent = SchoolFactory(name="Ohne E-Mail", email="")
    return {
        "stale": OfferFactory(centre=staff.centre, school=stale, last_reported_at=days_ago(31)),
        "fresh": OfferFactory(centre=staff.centre, school=fresh, last_reported_at=days_ago(29)),
        "silent": OfferFactory(centre=staff.centre, school=silent, last_reported_at=days_ago(90)),
    }


def test_only_stale_schools_with_an_address_are_reminded_once_a_week(
    staff, offers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = remind_stale_seat_reports()
    assert [r.school.name for r in sent] == ["Alte Meldung"]
    assert [m.to for m in mail.outbox] == [["100036@schule.nrw.de"]]
    assert "freien Plätze" in mail.outbox[0].subject
    assert AuditEntry.objects.filter(action="schulen.school.reminded").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_stale_seat_reports() == []
    with django_capture_on_commit_callbacks(execute=True):
        again = remind_stale_seat_reports(now=timezone.now() + dt.timedelta(days=8))
    assert {r.school.name for r in again} == {"Alte Meldung", "Neue Meldung"}


def test_the_reminder_is_an_outbox_row_about_the_school(staff, offers):
    from teilhabe.notify.models import OutboxMail
    from teilhabe.notify.selectors import topic_of

    remind_stale_seat_reports()
    row = OutboxMail.objects.get()
    school = offers["stale"].school
    assert row.topic == topic_of(school) and row.centre == staff.centre
    assert row.to == ["100036@schule.nrw.de"] and row.reply_to == staff.centre.email


def test_command_for_the_scheduler(staff, offers, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_stale_seat_reports")
    assert "1 reminders sent" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_overview_flags_stale_reports(staff, offers, login):
    page = login(staff.schulamt).get(reverse("schulen:school_list"))
    assert "2 Schulen mit veralteter Meldung" in page.text
    detail = login(staff.schulamt).get(
        reverse("schulen:school_detail", kwargs={"pk": offers["stale"].school_id})
    )
    assert "älter als 30 Tage" in detail.text

"""Time travel: each reminder fires exactly once, and moves with its due date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from teilhabe.foerderung import services
from teilhabe.foerderung.models import ReminderSent
from teilhabe.notify.models import OutboxMail
from tests.foerderung.factories import funding_year, reviewed, room_call

pytestmark = pytest.mark.django_db


def _mails(app):
    return list(
        OutboxMail.objects.filter(
            topic=f"foerderung.application:{app.pk}", subject__regex="^(Erinnerung|Mahnung)"
        )
        .order_by("pk")
        .values_list("subject", flat=True)
    )


@pytest.fixture
def grant(staff):
    call = room_call(staff.centre_admin, funding_year(staff.centre_admin))
    app = reviewed(staff, call)
    services.decide(
        actor=staff.centre_admin, application=app, approve=True, proof_due=dt.date(2027, 3, 31)
    )
    return app


def test_each_reminder_fires_exactly_once(grant):
    days = [dt.date(2027, 3, 1) + dt.timedelta(days=n) for n in range(60)]
    for day in days:
        services.send_proof_reminders(today=day)
        services.send_proof_reminders(today=day)  # the job may run twice a day
    subjects = _mails(grant)
    assert len(subjects) == 2
    assert subjects[0].startswith("Erinnerung") and "31.03.2027" in subjects[0]
    assert subjects[1].startswith("Mahnung")
    first = ReminderSent.objects.get(application=grant, kind="before")
    assert first.due_date == dt.date(2027, 3, 31)


def test_nothing_before_the_window(grant):
    assert services.send_proof_reminders(today=dt.date(2027, 3, 16)) == 0
    assert services.send_proof_reminders(today=dt.date(2027, 3, 17)) == 1


def test_a_moved_date_is_reminded_again_and_the_old_one_never(grant, staff):
    services.send_proof_reminders(today=dt.date(2027, 3, 20))
    services.change_proof_due(actor=staff.centre_admin, application=grant, due=dt.date(2027, 5, 31))
    for n in range(0, 120):
        call_command(
            "foerderung_jobs", "--heute", (dt.date(2027, 3, 20) + dt.timedelta(days=n)).isoformat()
        )
    subjects = _mails(grant)
    assert [s.split(":")[0] for s in subjects] == ["Erinnerung", "Erinnerung", "Mahnung"]
    assert "31.05.2027" in subjects[1] and "31.05.2027" in subjects[2]


def test_no_reminder_once_the_proof_is_in(grant):
    services.add_receipt(
        application=grant, date=dt.date(2026, 5, 5), payee="Ikea", purpose="Stühle", amount=100_00
    )
    services.submit_proof(application=grant, report="Bericht")
    assert services.send_proof_reminders(today=dt.date(2027, 4, 30)) == 0

"""Casework mail goes through the outbox, written with the write, listed on the family page."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from teilhabe.notify.models import OutboxMail, OutboxStatus
from teilhabe.notify.selectors import mails_about, topic_of
from teilhabe.seiteneinstieg.services import appointments as services
from tests.factories import ChildFactory, FamilyFactory, GuardianFactory, SlotFactory

pytestmark = pytest.mark.django_db


def _family(staff, *, email: str = "olena@example.org", language: str = "uk"):
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, language=language, email=email)
    ChildFactory(family=family)
    return family


def _slot(staff, hours: float = 30):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(hours=hours)
    return SlotFactory(
        counsellor=staff.counsellor, starts_at=start, ends_at=start + dt.timedelta(minutes=45)
    )


def test_the_invitation_is_an_outbox_row_about_the_family_with_the_letter(
    staff, django_capture_on_commit_callbacks
):
    family = _family(staff)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.book_appointment(actor=staff.counsellor, slot=_slot(staff), family=family)
    row = OutboxMail.objects.get()
    assert row.status == OutboxStatus.PENDING and mail.outbox == []
    assert row.topic == topic_of(family) == f"seiteneinstieg.family:{family.pk}"
    assert row.centre == staff.centre and row.to == ["olena@example.org"]
    assert row.language == "uk" and row.reply_to == staff.centre.email
    (attachment,) = row.attachments
    assert attachment["filename"] == f"einladung-{family.reference}.pdf"
    assert base64.b64decode(attachment["content_b64"]).startswith(b"%PDF")

    for callback in callbacks:
        callback()
    row.refresh_from_db()
    assert row.status == OutboxStatus.SENT
    (message,) = mail.outbox
    assert message.attachments[0][0] == f"einladung-{family.reference}.pdf"
    assert message.reply_to == [staff.centre.email]


def test_a_failed_booking_leaves_no_mail(staff):
    family = _family(staff)
    slot = _slot(staff)
    services.book_appointment(actor=staff.counsellor, slot=slot, family=family)
    OutboxMail.objects.all().delete()
    with pytest.raises(Exception):  # noqa: B017 — the slot is taken: a German ValidationError
        services.book_appointment(actor=staff.counsellor, slot=slot, family=_family(staff))
    assert not OutboxMail.objects.exists()


def test_reminders_are_outbox_rows_without_attachment(staff, django_capture_on_commit_callbacks):
    family = _family(staff, language="ar")
    services.book_appointment(actor=staff.counsellor, slot=_slot(staff), family=family)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(actor=None) == 1
    reminder = mails_about(topic=topic_of(family), centre_id=staff.centre.pk).first()
    assert reminder.subject.startswith("Wir erinnern Sie an Ihren Beratungstermin")
    assert reminder.attachments == [] and reminder.language == "ar"
    assert reminder.status == OutboxStatus.SENT


def test_family_page_lists_its_mail_and_no_other(staff, other_staff, login):
    family = _family(staff)
    other = _family(staff)
    services.book_appointment(actor=staff.counsellor, slot=_slot(staff), family=family)
    page = (
        login(staff.counsellor)
        .get(reverse("seiteneinstieg:family_detail", args=[family.pk]))
        .content.decode()
    )
    assert "Nachrichten" in page
    assert f"Einladung zum Beratungsgespräch – {family.reference}" in page
    assert "olena@example.org" in page and "1 Anhang" in page
    other_page = (
        login(staff.counsellor)
        .get(reverse("seiteneinstieg:family_detail", args=[other.pk]))
        .content.decode()
    )
    assert "Noch keine Nachrichten an die Familie." in other_page
    assert family.reference not in other_page

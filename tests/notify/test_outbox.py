"""Mail is a row written with the write and sent after commit; failures are retried."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from teilhabe.notify.models import OutboxMail, OutboxStatus
from teilhabe.notify.services import Attachment, queue_mail

pytestmark = pytest.mark.django_db


def test_mail_goes_out_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_mail(
            to=["familie@example.org", " familie@example.org "],
            subject="Termin",
            body="Ihr Termin",
            attachments=[Attachment("brief.pdf", "application/pdf", b"%PDF-1.4")],
            topic="seiteneinstieg.family:1",
        )
        assert mail.outbox == []  # nothing before commit
    assert [m.to for m in mail.outbox] == [["familie@example.org"]]
    assert mail.outbox[0].attachments[0][0] == "brief.pdf"
    row = OutboxMail.objects.get()
    assert row.status == OutboxStatus.SENT and row.sent_at is not None


def test_a_rolled_back_write_sends_nothing(django_capture_on_commit_callbacks):
    class Boom(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Boom),
        transaction.atomic(),
    ):
        queue_mail(to=["a@example.org"], subject="x", body="y")
        raise Boom
    assert mail.outbox == [] and not OutboxMail.objects.exists()


def test_no_recipient_no_row():
    with transaction.atomic():
        assert queue_mail(to=["", "  "], subject="x", body="y") is None
    assert not OutboxMail.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        queue_mail(to=["a@example.org"], subject="x", body="y")


def test_a_failed_delivery_stays_pending_and_the_command_retries(
    django_capture_on_commit_callbacks,
):
    with (
        mock.patch("teilhabe.notify.services._deliver", side_effect=OSError("down")),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        queue_mail(to=["a@example.org"], subject="x", body="y")
    row = OutboxMail.objects.get()
    assert row.status == OutboxStatus.PENDING and row.attempts == 1 and "down" in row.last_error
    call_command("send_outbox")
    row.refresh_from_db()
    assert row.status == OutboxStatus.SENT and len(mail.outbox) == 1

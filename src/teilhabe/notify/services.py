"""Queue mail inside a service's transaction; send it after commit.

Services call ``queue_mail`` (never ``send_mail``): the row commits or rolls back with the
write, and delivery starts only once the transaction has committed.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from teilhabe.notify.models import OutboxMail, OutboxStatus

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    content: bytes


def queue_mail(
    *,
    to: Iterable[str],
    subject: str,
    body: str,
    centre: object | None = None,
    html_body: str = "",
    reply_to: str = "",
    attachments: Iterable[Attachment] = (),
    language: str = "",
    topic: str = "",
) -> OutboxMail | None:
    """Write one outbox row in the caller's transaction; it is sent after commit.

    Returns None (and writes nothing) when there is no recipient.
    """
    recipients = sorted({address.strip() for address in to if address and address.strip()})
    if not recipients:
        return None
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("queue_mail() belongs inside the service's transaction")
    mail = OutboxMail.objects.create(
        centre=centre,
        to=recipients,
        subject=subject[:300],
        body=body,
        html_body=html_body,
        reply_to=reply_to,
        attachments=[
            {
                "filename": a.filename,
                "content_type": a.content_type,
                "content_b64": base64.b64encode(a.content).decode("ascii"),
            }
            for a in attachments
        ],
        language=language,
        topic=topic[:120],
    )
    transaction.on_commit(lambda: send_pending(ids=[mail.pk]))
    return mail


def send_pending(*, ids: list[int] | None = None, limit: int = 200) -> int:
    """Send pending mail (all, or the given rows); returns how many went out.

    Each row is claimed under a row lock, so two senders never send the same mail twice.
    """
    sent = 0
    queryset = OutboxMail.objects.filter(status=OutboxStatus.PENDING)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    for pk in list(queryset.order_by("created_at").values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            mail = (
                OutboxMail.objects.select_for_update()
                .filter(pk=pk, status=OutboxStatus.PENDING)
                .first()
            )
            if mail is None:
                continue
            mail.attempts += 1
            try:
                _deliver(mail)
            except Exception as exc:  # the mail server's problem; keep the row for a retry
                log.warning("mail %s failed: %s", mail.pk, exc)
                mail.last_error = str(exc)[:300]
                if mail.attempts >= MAX_ATTEMPTS:
                    mail.status = OutboxStatus.FAILED
                mail.save(update_fields=["attempts", "last_error", "status"])
                continue
            mail.status = OutboxStatus.SENT
            mail.sent_at = timezone.now()
            mail.save(update_fields=["attempts", "status", "sent_at", "last_error"])
            sent += 1
    return sent


def _deliver(mail: OutboxMail) -> None:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(mail.to),
        reply_to=[mail.reply_to] if mail.reply_to else None,
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for item in mail.attachments:
        message.attach(
            item["filename"], base64.b64decode(item["content_b64"]), item["content_type"]
        )
    message.send()

"""Reading the outbox: which messages went out about an object (for its page)."""

from __future__ import annotations

from django.db.models import QuerySet

from teilhabe.notify.models import OutboxMail


def mails_about(*, topic: str, centre_id: int | None) -> QuerySet[OutboxMail]:
    """Messages about one object of one centre; the caller has checked the object's access."""
    return OutboxMail.objects.filter(topic=topic, centre_id=centre_id).order_by("-created_at")


def topic_of(obj: object) -> str:
    meta = obj._meta  # type: ignore[attr-defined]
    return f"{meta.label_lower}:{obj.pk}"  # type: ignore[attr-defined]

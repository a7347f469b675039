"""The accessibility feedback form's one write: stored, audited, mailed to the centre.

Spam protection lives in two places: the form's honeypot field (a filled one is thanked and
dropped by the view) and the rate limit here, counted under a lock on the centre row so
that parallel posts cannot slip past it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.notify.selectors import topic_of
from teilhabe.notify.services import queue_mail
from teilhabe.portal import public_texts as texts
from teilhabe.portal.models import Feedback

#: at most this many messages per sender and per centre within ``WINDOW``
PER_SENDER = 5
PER_CENTRE = 100
WINDOW = dt.timedelta(hours=1)


def client_key(address: str | None) -> str:
    """A keyed hash of the sender's address: enough to count, useless to identify."""
    if not address:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"portal.feedback:{address}".encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def submit_feedback(
    *,
    actor: User | None,
    centre: Centre,
    language: str,
    message: str,
    name: str = "",
    email: str = "",
    page: str = "",
    sender: str = "",
) -> Feedback:
    """Store a visitor's message and queue a mail (German) to the centre's address."""
    if language not in PUBLIC_LANGUAGES:
        language = "de"
    message = message.strip()
    if not message:
        raise ValidationError({"message": texts.FEEDBACK_EMPTY})
    if len(message) > 5000:
        raise ValidationError({"message": texts.FEEDBACK_TOO_LONG})
    Centre.objects.select_for_update().filter(pk=centre.pk).first()
    since = timezone.now() - WINDOW
    recent = Feedback.objects.for_centre(centre).filter(created_at__gte=since)
    if recent.count() >= PER_CENTRE or (
        sender and recent.filter(client_key=sender).count() >= PER_SENDER
    ):
        raise ValidationError(texts.FEEDBACK_TOO_OFTEN)
    feedback = Feedback(
        centre=centre,
        language=language,
        name=name.strip(),
        email=email.strip(),
        message=message,
        page=page.strip()[:300],
        client_key=sender,
    )
    feedback.full_clean()
    feedback.save()
    record(
        actor=actor,
        centre=centre,
        action="portal.feedback.received",
        target=feedback,
        summary=PUBLIC_LANGUAGES[language],
    )
    with translation.override("de"):
        body = render_to_string("portal/mail/feedback.txt", {"feedback": feedback})
        subject = f"Rückmeldung zur Barrierefreiheit ({PUBLIC_LANGUAGES[language]})"
    queue_mail(
        to=[centre.email],
        subject=subject,
        body=body,
        centre=centre,
        reply_to=feedback.email,
        language="de",
        topic=topic_of(feedback),
    )
    return feedback

"""Reminding schools whose seat report is older than 30 days (called by a scheduler)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.services import record
from teilhabe.centres.models import Centre
from teilhabe.notify.selectors import topic_of
from teilhabe.notify.services import queue_mail
from teilhabe.schulen.models import Offer, School
from teilhabe.schulen.selectors.schools import area_schools, stale_before

REMIND_AGAIN_AFTER_DAYS = 7
ACTION = "schulen.school.reminded"


@dataclass(frozen=True)
class Reminder:
    centre: Centre
    school: School
    offers: int


@transaction.atomic
def remind_stale_seat_reports(*, now: dt.datetime | None = None) -> list[Reminder]:
    """Mail every school with a stale active offer once, then at most weekly.

    Runs without a user (the scheduler); the audit entry has no actor.
    """
    now = now or timezone.now()
    cutoff = stale_before(now)
    again = now - dt.timedelta(days=REMIND_AGAIN_AFTER_DAYS)
    sent: list[Reminder] = []
    for centre in Centre.objects.order_by("pk"):
        stale = Offer.objects.filter(
            Q(last_reported_at__lt=cutoff) | Q(last_reported_at__isnull=True),
            centre=centre,
            active=True,
            school__in=area_schools(centre=centre),
        ).select_related("school")
        by_school: dict[int, list[Offer]] = {}
        for offer in stale:
            by_school.setdefault(offer.school_id, []).append(offer)
        for offers in by_school.values():
            school = offers[0].school
            if not school.email:
                continue
            recently = AuditEntry.objects.filter(
                centre=centre,
                action=ACTION,
                target_type=school._meta.label_lower,
                target_id=str(school.pk),
                created_at__gte=again,
            ).exists()
            if recently:
                continue
            subject = _("Bitte melden Sie Ihre freien Plätze für neu zugewanderte Kinder")
            body = _(
                "Guten Tag,\n\nfür %(school)s liegt seit mehr als 30 Tagen keine Meldung der "
                "freien Plätze vor (%(n)s Angebote). Bitte melden Sie in Teilhabe unter "
                "„Schulen“ → „Freie Plätze melden“, wie viele Plätze heute frei sind.\n\n"
                "Vielen Dank\n%(centre)s"
            ) % {"school": school.name, "n": len(offers), "centre": centre.name}
            recipient = school.email
            queue_mail(
                to=[recipient],
                subject=subject,
                body=body,
                centre=centre,
                reply_to=centre.email,
                language="de",
                topic=topic_of(school),
            )
            record(
                actor=None,
                centre=centre,
                action=ACTION,
                target=school,
                summary=_("Erinnerung an die Platzmeldung an %(email)s gesendet")
                % {"email": recipient},
                data={"offers": [o.pk for o in offers], "email": recipient},
            )
            sent.append(Reminder(centre=centre, school=school, offers=len(offers)))
    return sent

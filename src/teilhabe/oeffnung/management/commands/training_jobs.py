"""Hourly job (cron / systemd timer): lapse seat offers past their deadline (the seat goes to
the next person on the waiting list) and remind participants of tomorrow's sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from teilhabe.oeffnung.models import CourseSession, Registration
from teilhabe.oeffnung.services.training import expire_offer, remind_session


class Command(BaseCommand):
    help = "Fortbildungen: verfallene Platzangebote weitergeben, an Termine erinnern."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        lapsed = 0
        for registration in Registration.objects.filter(
            status=Registration.Status.OFFERED, offer_expires_at__lt=now
        ):
            expire_offer(registration=registration, now=now)
            lapsed += 1
        reminded = 0
        for session in CourseSession.objects.filter(
            reminded=False, starts_at__gt=now, starts_at__lte=now + dt.timedelta(hours=30)
        ):
            reminded += remind_session(session=session)
        self.stdout.write(f"{lapsed} Angebot(e) verfallen, {reminded} Erinnerung(en).")

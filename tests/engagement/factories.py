"""Engagement test data, built directly (the services are tested on their own)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from teilhabe.engagement.models import Need, Organisation, Volunteer

ALL_WEEK = [{"weekday": d, "start": "08:00", "end": "22:00"} for d in range(7)]


def make_volunteer(centre: Any, **kw: Any) -> Volunteer:
    n = Volunteer.objects.count() + 1
    values = {
        "centre": centre,
        "first_name": "Mariam",
        "last_name": f"Haidari{n}",
        "email": f"ehrenamt{n}@example.org",
        "postcode": "50672",
        "city": "Köln",
        "lat": 50.9413,
        "lon": 6.9391,
        "languages": {"de": 5, "fa": 5},
        "offers": ["interpreting", "accompaniment", "homework", "mentoring", "events"],
        "windows": ALL_WEEK,
        "status": "active",
        "consent_at": timezone.now(),
    }
    values.update(kw)
    return Volunteer.objects.create(**values)


def next_day_at(hour: int, days: int = 2) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def make_need(centre: Any, **kw: Any) -> Need:
    start = kw.pop("starts_at", next_day_at(10))
    values = {
        "centre": centre,
        "kind": "interpreting",
        "language": "fa",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=1),
        "place": "KI Köln",
        "postcode": "50679",
        "lat": 50.9375,
        "lon": 6.9603,
    }
    values.update(kw)
    return Need.objects.create(**values)


def make_organisation(centre: Any, **kw: Any) -> Organisation:
    values = {
        "centre": centre,
        "name": f"Verein {Organisation.objects.count() + 1}",
        "kind": "mso",
        "email": "info@verein.example.org",
        "postcode": "50667",
        "city": "Köln",
        "lat": 50.94,
        "lon": 6.95,
        "is_public": True,
        "confirmed_at": timezone.now(),
    }
    values.update(kw)
    return Organisation.objects.create(**values)

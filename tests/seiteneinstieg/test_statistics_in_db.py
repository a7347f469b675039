"""The statistics counted in the database agree with the per-row rules of the waiting list."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.utils import timezone

from teilhabe.seiteneinstieg.selectors.waiting_list import (
    OVERDUE_DAYS,
    _percentile,
    entries,
    waiting_list,
    waiting_statistics,
)
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "today", [dt.date(2028, 2, 29), dt.date(2026, 3, 1), dt.date(2026, 11, 26)]
)
def test_overdue_median_and_p90_match_the_rows(staff, today):
    """Birthdays on the school-age edges, registrations on the 28-day edge, ties in days."""
    rng = random.Random(7)
    tz = timezone.get_current_timezone()
    family = FamilyFactory(centre=staff.centre)
    births = [
        today.replace(year=today.year - 6, day=28)
        if today.day == 29
        else today.replace(year=today.year - 6),
        dt.date(today.year - 19, today.month, 28) + dt.timedelta(days=1),
        dt.date(today.year - 19, today.month, 1),
        dt.date(today.year - 5, 1, 1),
        dt.date(today.year - 12, 6, 15),
    ]
    for n in range(40):
        days = rng.choice([0, 1, 27, 28, 29, 30, 60, 120])
        moment = dt.datetime.combine(
            today - dt.timedelta(days=days), dt.time(rng.choice([0, 12, 23]), 30)
        )
        ChildFactory(
            family=family,
            birth_date=births[n % len(births)],
            registered_at=timezone.make_aware(moment, tz),
            arrived_in_germany_on=births[n % len(births)],
        )
    rows = list(entries(waiting_list(user=staff.counsellor), today=today))
    figures = waiting_statistics(user=staff.statistics, today=today)
    days = [r.days_since_registration for r in rows]
    assert figures["total"].count == len(rows) == 40
    assert figures["overdue"].count == sum(r.overdue for r in rows)
    assert 0 < figures["overdue"].count < 40
    assert figures["median_days"] == _percentile(days, 0.5)
    assert figures["p90_days"] == _percentile(days, 0.9)
    assert OVERDUE_DAYS == 28

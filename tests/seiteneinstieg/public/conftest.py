"""Fixtures of the public registration: a centre with a privacy text, a filled form."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from teilhabe.centres.services import publish_privacy_notice
from teilhabe.seiteneinstieg.public import forms as public_forms
from tests.factories import SlotFactory

_minutes = itertools.count()


@pytest.fixture(autouse=True)
def no_minimum_fill_time(monkeypatch):
    """Tests send the form at once; the fill-time guard has its own test."""
    monkeypatch.setattr(public_forms, "MIN_FILL_SECONDS", 0)


@pytest.fixture
def notice(staff):
    return publish_privacy_notice(
        actor=staff.centre_admin,
        purpose="self_registration",
        texts={
            "de": "Wir verarbeiten Ihre Angaben zur Beratung.",
            "uk": "Ми обробляємо ваші дані.",
        },
    )


def years_ago(years: int, days: int = 0) -> str:
    today = timezone.localdate()
    return (today.replace(year=today.year - years) - dt.timedelta(days=days)).isoformat()


def form_data(*, children: int = 1, **overrides: str) -> dict[str, str]:
    data = {
        "stamp": public_forms.new_form_stamp(),
        "street": "Venloer Str. 12",
        "postcode": "50672",
        "city": "Köln",
        "email": "olena@example.org",
        "phone": "0176 1234567",
        "consent": "on",
        "website": "",
        "guardians-TOTAL_FORMS": "1",
        "guardians-INITIAL_FORMS": "0",
        "guardians-0-first_name": "Olena",
        "guardians-0-last_name": "Kovalenko",
        "guardians-0-relation": "Mutter",
        "children-TOTAL_FORMS": str(children),
        "children-INITIAL_FORMS": "0",
        "send": "1",
    }
    names = ["Mykola", "Daryna", "Iryna"]
    for i in range(children):
        data |= {
            f"children-{i}-first_name": names[i],
            f"children-{i}-last_name": "Kovalenko",
            f"children-{i}-birth_date": years_ago(9 + 2 * i),
            f"children-{i}-first_language": "uk",
            f"children-{i}-arrived_in_germany_on": years_ago(0, 90),
            f"children-{i}-arrived_in_city_on": years_ago(0, 60),
            f"children-{i}-school_years": "3",
        }
    data.update(overrides)
    return data


def make_slot(staff, *, hours: float = 30):
    start = timezone.now().replace(microsecond=0, second=0) + dt.timedelta(
        hours=hours, minutes=next(_minutes) % 50
    )
    return SlotFactory(
        counsellor=staff.counsellor, starts_at=start, ends_at=start + dt.timedelta(minutes=45)
    )

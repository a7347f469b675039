"""Start-page tiles of the casework, and the age on the child page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.selectors import dashboard
from teilhabe.seiteneinstieg.selectors.cases import age
from teilhabe.seiteneinstieg.services.appointments import record_walk_in
from teilhabe.seiteneinstieg.services.cases import change_status
from tests.factories import (
    AppointmentFactory,
    ChildFactory,
    DocumentFactory,
    FamilyFactory,
    SlotFactory,
)

pytestmark = pytest.mark.django_db


def tiles_of(client) -> set[str]:
    return {tile["key"] for tile in client.get("/").context["tiles"]}


@pytest.fixture
def caseload(staff):
    """Children of the counsellor: one registered by them long ago, one counselled by them."""
    long_ago = timezone.now() - dt.timedelta(days=40)
    old = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Ali",
        last_name="Yilmaz",
        registered_by=staff.counsellor,
        registered_at=long_ago,
    )
    walked_in = FamilyFactory(centre=staff.centre)
    counselled = ChildFactory(family=walked_in, first_name="Lina", last_name="Haddad")
    record_walk_in(actor=staff.counsellor, family=walked_in)
    someone_elses = ChildFactory(
        family=FamilyFactory(centre=staff.centre), registered_at=long_ago, first_name="Fremd"
    )
    return {"old": old, "counselled": counselled, "other": someone_elses}


def test_tiles_follow_permissions(staff, caseload, login):
    counsellor = tiles_of(login(staff.counsellor))
    assert {
        "seiteneinstieg.my_appointments",
        "seiteneinstieg.my_overdue",
        "seiteneinstieg.my_next_steps",
        "seiteneinstieg.my_missing_documents",
    } <= counsellor
    assert "seiteneinstieg.ready_by_level" not in counsellor and "audit.today" not in counsellor
    schulamt = tiles_of(login(staff.schulamt))
    assert "seiteneinstieg.ready_by_level" in schulamt
    assert not {"seiteneinstieg.my_overdue", "audit.today"} & schulamt
    admin = tiles_of(login(staff.centre_admin))
    assert {"audit.today", "seiteneinstieg.ready_by_level"} <= admin
    # the administrator counsels nobody: no personal casework tiles
    assert not {"seiteneinstieg.my_appointments", "seiteneinstieg.my_overdue"} & admin
    assert not {t for t in tiles_of(login(staff.school_staff)) if t.startswith("seiteneinstieg.my")}


def test_my_children_are_those_i_registered_or_counselled(staff, caseload):
    mine = set(dashboard.my_children(user=staff.counsellor))
    assert mine == {caseload["old"], caseload["counselled"]}
    assert not dashboard.my_children(user=staff.schulamt).exists()


def test_overdue_lists_my_children_waiting_over_four_weeks(staff, caseload):
    tile = dashboard.overdue_tile(staff.counsellor)
    assert tile["count"] == 1
    assert tile["children"] == [caseload["old"]] and tile["children"][0].days_waiting == 40
    change_status(actor=staff.counsellor, child=caseload["old"], to="withdrawn")
    assert dashboard.overdue_tile(staff.counsellor)["count"] == 0


def test_missing_documents_names_what_is_missing(staff, caseload):
    tile = dashboard.missing_documents_tile(staff.counsellor)
    assert tile["count"] == 2
    family = caseload["old"].family
    DocumentFactory(family=family, kind="registration")
    DocumentFactory(family=family, kind="id", child=ChildFactory(family=family))  # a sibling's ID
    rows = {c.pk: c.missing for c in dashboard.missing_documents_tile(staff.counsellor)["children"]}
    assert rows[caseload["old"].pk] == ["Ausweis / Pass"]
    DocumentFactory(family=family, kind="id", child=caseload["old"])
    rows = {c.pk for c in dashboard.missing_documents_tile(staff.counsellor)["children"]}
    assert caseload["old"].pk not in rows


def test_next_steps_are_assessment_and_release(staff, caseload):
    tile = dashboard.next_steps_tile(staff.counsellor)
    assert [s["count"] for s in tile["steps"]] == [1]
    assert tile["steps"][0]["children"] == [caseload["counselled"]]


def test_appointments_today_and_tomorrow(staff, caseload):
    now = timezone.now()
    tomorrow = timezone.localtime(now).replace(hour=10, minute=0) + dt.timedelta(days=1)
    booked = AppointmentFactory(
        slot=SlotFactory(counsellor=staff.counsellor, starts_at=tomorrow),
        family=FamilyFactory(centre=staff.centre),
    )
    AppointmentFactory(
        slot=SlotFactory(counsellor=staff.counsellor, starts_at=tomorrow + dt.timedelta(days=2)),
        family=FamilyFactory(centre=staff.centre),
    )
    tile = dashboard.appointments_tile(staff.counsellor)
    today, next_day = tile["days"]
    assert [a.status for a in today["appointments"]] == ["attended"]  # the walk-in
    assert next_day["appointments"] == [booked]


def test_ready_children_by_level(staff, login):
    family = FamilyFactory(centre=staff.centre)
    for level in ("primary", "secondary", "secondary"):
        ChildFactory(family=family, status=Status.READY, recommended_level=level)
    ChildFactory(family=family, status=Status.ASSESSED, recommended_level="primary")
    tile = dashboard.ready_by_level_tile(staff.schulamt)
    shown = {row["value"]: row["figure"].shown for row in tile["levels"]}
    assert shown["primary"] == "1" and shown["secondary"] == "2"
    body = login(staff.schulamt).get("/").content.decode()
    assert "?status=ready&amp;level=secondary" in body


def test_audit_tile_counts_todays_entries(staff, caseload, login):
    body = login(staff.centre_admin).get("/").content.decode()
    assert "Protokoll heute" in body and "Beratung ohne Termin erfasst: 1" in body


@pytest.mark.parametrize(
    ("born", "today", "expected"),
    [
        (dt.date(2015, 5, 3), dt.date(2026, 11, 26), (11, 6)),
        (dt.date(2015, 5, 3), dt.date(2026, 5, 2), (10, 11)),
        (dt.date(2015, 5, 3), dt.date(2026, 5, 3), (11, 0)),
        (dt.date(2016, 1, 31), dt.date(2026, 2, 28), (10, 1)),
        (dt.date(2016, 1, 31), dt.date(2026, 2, 27), (10, 0)),
    ],
)
def test_age_in_years_and_months(born, today, expected):
    assert age(born, today) == expected


def test_child_page_shows_the_age(staff, login):
    child = ChildFactory(family=FamilyFactory(centre=staff.centre))
    years, months = age(child.birth_date)
    body = login(staff.counsellor).get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
    assert f"{years} Jahre, {months} Monat" in body.content.decode()

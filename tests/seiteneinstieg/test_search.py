"""Finding cases: the search selector and page, and duplicates found by sound.

The selector runs the same SQL on SQLite and PostgreSQL; run this file with
DATABASE_URL=postgres://... too (the CI does both).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.selectors.search import parse, search, search_children
from teilhabe.seiteneinstieg.services.cases import (
    add_child,
    register_family,
    save_guardian,
    update_child,
)
from tests.factories import ChildFactory, FamilyFactory, GuardianFactory
from tests.seiteneinstieg.test_cases import ADDRESS, GUARDIAN, child

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(staff, other_staff):
    """A few families as counsellors meet them, and a namesake in another centre."""
    hassan = FamilyFactory(centre=staff.centre, reference="F-2025-00012")
    GuardianFactory(
        family=hassan, first_name="Rana", last_name="Al Hassan", phone="+49 157 7654321"
    )
    made = {
        "mohammed": ChildFactory(
            family=hassan,
            first_name="Mohammed",
            last_name="Al-Hassan",
            birth_date=dt.date(2015, 5, 3),
        ),
        "lina": ChildFactory(
            family=hassan, first_name="Lina", last_name="Al Hassan", birth_date=dt.date(2017, 9, 12)
        ),
    }
    kovalenko = FamilyFactory(centre=staff.centre, reference="F-2025-00013")
    GuardianFactory(
        family=kovalenko, first_name="Olena", last_name="Kovalenko", phone="0176 1112223"
    )
    made["oleksandr"] = ChildFactory(
        family=kovalenko, first_name="Oleksandr", last_name="Kovalenko", status=Status.PLACED
    )
    made["withdrawn"] = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Yusuf",
        last_name="Yılmaz",
        status=Status.WITHDRAWN,
    )
    made["elsewhere"] = ChildFactory(
        family=FamilyFactory(centre=other_staff.centre),
        first_name="Mohammed",
        last_name="Alhassan",
        birth_date=dt.date(2015, 5, 3),
    )
    return made


def found(user, text):
    return {c.first_name + " " + c.last_name for c in search_children(user=user, text=text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alhassan", {"Mohammed Al-Hassan", "Lina Al Hassan"}),
        ("al hassan", {"Mohammed Al-Hassan", "Lina Al Hassan"}),
        ("Hassan", {"Mohammed Al-Hassan", "Lina Al Hassan"}),
        ("Muhammad Alhasan", {"Mohammed Al-Hassan"}),
        ("mohamed", {"Mohammed Al-Hassan"}),
        ("Alexander", {"Oleksandr Kovalenko"}),
        ("Kowalenko", {"Oleksandr Kovalenko"}),
        ("Jusuf Yilmaz", {"Yusuf Yılmaz"}),
        ("03.05.2015", {"Mohammed Al-Hassan"}),
        ("3.5.2015", {"Mohammed Al-Hassan"}),
        ("2015-05-03", {"Mohammed Al-Hassan"}),
        ("Mohammed 2017-09-12", set()),
        ("F-2025-00012", {"Mohammed Al-Hassan", "Lina Al Hassan"}),
        ("2025-00013", {"Oleksandr Kovalenko"}),
        ("0157 7654321", {"Mohammed Al-Hassan", "Lina Al Hassan"}),
        ("+49 176 1112223", {"Oleksandr Kovalenko"}),
        ("Olena", {"Oleksandr Kovalenko"}),  # the guardian's name
        ("Rana Lina", set()),  # every word in one person's name, not spread over two
        ("Schmidt", set()),
    ],
)
def test_search_finds_spellings_numbers_dates_and_guardians(staff, cases, text, expected):
    assert found(staff.counsellor, text) == expected


def test_closed_cases_are_found_and_other_centres_never(staff, other_staff, cases):
    assert found(staff.counsellor, "Yusuf") == {"Yusuf Yılmaz"}
    assert found(staff.schulamt, "Oleksandr") == {"Oleksandr Kovalenko"}
    assert found(other_staff.counsellor, "Alhassan") == {"Mohammed Alhassan"}


@pytest.mark.parametrize("role", ["school_staff", "statistics", "state_office"])
def test_roles_without_case_access_find_nothing(staff, cases, role):
    assert found(staff.by_role(role), "Alhassan") == set()


def test_exact_spelling_comes_first(staff, cases):
    ChildFactory(
        family=FamilyFactory(centre=staff.centre), first_name="Muhammad", last_name="Aaron"
    )
    names = [c.first_name for c in search_children(user=staff.counsellor, text="Muhammad")]
    assert names == ["Muhammad", "Mohammed"]


def test_an_impossible_date_is_a_german_error(staff):
    with pytest.raises(ValidationError, match="31.02.2015 gibt es nicht"):
        parse("Ali 31.02.2015")


def test_many_results_say_so(staff):
    family = FamilyFactory(centre=staff.centre)
    for n in range(4):
        ChildFactory(family=family, first_name=f"Kind{n}", last_name="Haddad")
    result = search(user=staff.counsellor, text="Haddad", limit=3)
    assert len(result.children) == 3 and result.more


def test_names_written_by_the_services_are_searchable(staff):
    family = register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN],
        children=[child("Mykola", last_name="Kovalenko")],
    )
    mykola = family.children.get()
    assert found(staff.counsellor, "Nikolai") == {"Mykola Kovalenko"}
    update_child(
        actor=staff.counsellor,
        child=mykola,
        data=replace(
            child("Mykola"), first_name="Taras", languages=[("ru", "fluent"), ("en", "basic")]
        ),
    )
    assert found(staff.counsellor, "Taras") == {"Taras Kovalenko"}
    assert found(staff.counsellor, "Nikolai") == set()
    add_child(
        actor=staff.counsellor, family=family, child=child("Sofiia", birth_date=dt.date(2017, 6, 2))
    )
    assert found(staff.counsellor, "Sofia") == {"Sofiia Kovalenko"}
    guardian = family.guardians.get()
    save_guardian(
        actor=staff.counsellor,
        family=family,
        guardian=guardian,
        data=replace(GUARDIAN, first_name="Halyna", phone="0221 998877"),
    )
    assert found(staff.counsellor, "Halina") == {"Taras Kovalenko", "Sofiia Kovalenko"}
    assert found(staff.counsellor, "0221998877") == {"Taras Kovalenko", "Sofiia Kovalenko"}


# --- duplicates by sound -----------------------------------------------------------------


def test_a_transliterated_duplicate_warns_then_links(staff):
    first = register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN],
        children=[child("Mohammed", last_name="Al-Hassan", birth_date=dt.date(2015, 5, 3))],
    )
    earlier = first.children.get()
    again = child("Mohamad", last_name="Al Hasan", birth_date=dt.date(2015, 5, 3))
    with pytest.raises(ValidationError) as caught:
        register_family(
            actor=staff.counsellor, address=ADDRESS, guardians=[GUARDIAN], children=[again]
        )
    assert caught.value.code == "duplicate"
    assert caught.value.params["duplicates"] == [earlier.pk]
    second = register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN],
        children=[again],
        confirm_duplicates=True,
    )
    assert second.children.get().duplicate_of == earlier


def test_a_common_name_without_the_same_birth_date_is_no_duplicate(staff):
    register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN],
        children=[child("Mohammed", last_name="Ahmadi", birth_date=dt.date(2015, 5, 3))],
    )
    other = register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN],
        children=[child("Mohammed", last_name="Ahmadi", birth_date=dt.date(2015, 5, 4))],
    )
    assert other.children.get().duplicate_of is None


def test_twins_that_sound_alike_are_no_duplicate_in_their_own_family(staff):
    family = register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN],
        children=[child("Omar", last_name="Haddad", birth_date=dt.date(2015, 5, 3))],
    )
    twin = add_child(
        actor=staff.counsellor,
        family=family,
        child=child("Umar", last_name="Haddad", birth_date=dt.date(2015, 5, 3)),
    )
    assert twin.duplicate_of is None


# --- the page ----------------------------------------------------------------------------


def test_search_page_lists_results_and_marks_closed_cases(staff, cases, login):
    client = login(staff.counsellor)
    response = client.get(reverse("seiteneinstieg:search"), {"q": "Yusuf"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Yusuf Yılmaz" in body and "Fall abgeschlossen" in body
    assert reverse("seiteneinstieg:child_detail", args=[cases["withdrawn"].pk]) in body


def test_search_page_shows_a_bad_date_next_to_the_field(staff, login):
    client = login(staff.counsellor)
    response = client.get(reverse("seiteneinstieg:search"), {"q": "30.02.2016"})
    assert "Das Datum 30.02.2016 gibt es nicht." in response.content.decode()


def test_header_search_box_only_for_roles_that_see_cases(staff, login):
    assert 'role="search"' in login(staff.schulamt).get("/").content.decode()
    assert 'role="search"' not in login(staff.statistics).get("/").content.decode()


def test_migration_fills_the_keys_of_existing_rows(staff):
    """Rows written before the search keys existed get them from the data migration."""
    from importlib import import_module

    from django.apps import apps

    from teilhabe.seiteneinstieg.models import Child, Guardian

    migration = import_module("teilhabe.seiteneinstieg.migrations.0004_search_keys_walk_ins")
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, first_name="Rana", last_name="Haddad", phone="+49 157 123456")
    ChildFactory(family=family, first_name="Omar", last_name="Al Haddad")
    Child.objects.update(search_name="", search_phonetic="")
    Guardian.objects.update(search_name="", search_phonetic="", phone_digits="")
    migration.fill_search_keys(apps, None)
    assert found(staff.counsellor, "Alhaddad") == {"Omar Al Haddad"}
    assert found(staff.counsellor, "0157 123456") == {"Omar Al Haddad"}


def test_refresh_command_fills_keys_of_bulk_written_rows(staff):
    from io import StringIO

    from django.core.management import call_command

    from teilhabe.seiteneinstieg.models import Child

    family = FamilyFactory(centre=staff.centre)
    ChildFactory(family=family, first_name="Yusuf", last_name="Şahin")
    Child.objects.update(search_name="", search_phonetic="")
    assert found(staff.counsellor, "Schahin") == set()
    call_command("refresh_search_keys", stdout=StringIO())
    assert found(staff.counsellor, "Schahin") == {"Yusuf Şahin"}


def test_the_results_page_does_not_grow_with_the_results(staff, login):
    """Found by the outside check: 50 families with one phone number took 50 extra queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ChildFactory, FamilyFactory, GuardianFactory

    def make(n: int) -> None:
        for _ in range(n):
            family = FamilyFactory(centre=staff.centre)
            GuardianFactory(family=family, phone="0176 1234567")
            ChildFactory(family=family)

    client = login(staff.counsellor)
    url = "/seiteneinstieg/suche/?q=0176+1234567"
    make(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make(30)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]

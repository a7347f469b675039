"""Registering families and moving children through the pipeline (services.cases)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child, ChildLanguage, Family, Guardian
from teilhabe.seiteneinstieg.services.cases import (
    AddressData,
    ChildData,
    GuardianData,
    change_status,
    change_status_manually,
    manual_transitions,
    register_family,
)
from teilhabe.seiteneinstieg.services.errors import TransitionError
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db

ADDRESS = AddressData(street="Venloer Str. 12", postcode="50672")
GUARDIAN = GuardianData(
    first_name="Olena",
    last_name="Kovalenko",
    phone="0176 1234567",
    language="uk",
    interpreter_needed=True,
)


def child(first_name: str = "Mykola", **changes: object) -> ChildData:
    data = ChildData(
        first_name=first_name,
        last_name="Kovalenko",
        birth_date=dt.date(2014, 3, 1),
        first_language="uk",
        arrived_in_germany_on=dt.date(2026, 8, 1),
        arrived_in_city_on=dt.date(2026, 8, 15),
        nationality="UA",
        school_years=5,
        last_grade=5,
        languages=[("ru", "fluent"), ("en", "basic")],
    )
    return replace(data, **changes)


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Family, Guardian, Child, ChildLanguage, AuditEntry)
    )


def test_family_with_two_siblings_is_one_family_with_two_children(staff):
    before = counts()
    family = register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN, replace(GUARDIAN, first_name="Taras", interpreter_needed=False)],
        children=[child("Mykola"), child("Sofiia", birth_date=dt.date(2017, 6, 2))],
    )
    assert counts() == (before[0] + 1, before[1] + 2, before[2] + 2, before[3] + 4, before[4] + 1)
    assert family.reference == f"F-{timezone.localdate():%Y}-{family.pk:05d}"
    assert family.stadtteil_name == "Neustadt/Nord"
    assert family.stadtbezirk_name == "Innenstadt"
    assert {c.first_name for c in family.children.all()} == {"Mykola", "Sofiia"}
    assert all(
        c.status == Status.REGISTERED and c.centre == staff.centre for c in family.children.all()
    )
    entry = AuditEntry.objects.get(action="seiteneinstieg.family.registered")
    assert entry.target_id == str(family.pk)
    assert entry.actor == staff.counsellor


BAD_INPUTS = [
    pytest.param(
        {"children": [child(birth_date=timezone.localdate() + dt.timedelta(days=3))]},
        "children-0-birth_date",
        "Das Geburtsdatum liegt in der Zukunft.",
        id="birth-in-future",
    ),
    pytest.param(
        {
            "children": [
                child(),
                child(
                    "Sofiia",
                    arrived_in_germany_on=dt.date(2013, 1, 1),
                    arrived_in_city_on=dt.date(2013, 2, 1),
                ),
            ]
        },
        "children-1-arrived_in_germany_on",
        "Die Ankunft in Deutschland liegt vor der Geburt.",
        id="second-child-arrived-before-birth",
    ),
    pytest.param(
        {"address": AddressData(street="Markt 1", postcode="53111")},
        "postcode",
        "Die Adresse liegt nicht im Gebiet des Zentrums (Stadt Köln).",
        id="bonn-postcode",
    ),
    pytest.param(
        {"address": AddressData(street="Markt 1", postcode="50672", lat=50.73, lon=7.10)},
        "postcode",
        "Die Adresse liegt außerhalb des Stadtgebiets von Köln.",
        id="coordinates-outside-koeln",
    ),
    pytest.param(
        {"address": AddressData(street="Markt 1", postcode="5067")},
        "postcode",
        "Bitte eine fünfstellige Postleitzahl angeben.",
        id="short-postcode",
    ),
    pytest.param(
        {"guardians": [replace(GUARDIAN, email="keine-adresse")]},
        "guardians-0-email",
        "Bitte gültige E-Mail-Adresse eingeben.",
        id="guardian-email",
    ),
    pytest.param(
        {"children": [child(languages=[("uk", "fluent")])]},
        "children-0-languages",
        "Jede Sprache bitte nur einmal angeben (auch nicht die Erstsprache).",
        id="first-language-twice",
    ),
]


@pytest.mark.parametrize(("changes", "key", "message"), BAD_INPUTS)
def test_bad_input_is_refused_in_german_and_nothing_is_saved(staff, changes, key, message):
    ChildFactory(family=FamilyFactory(centre=staff.centre))
    before = counts()
    arguments = {"address": ADDRESS, "guardians": [GUARDIAN], "children": [child()]} | changes
    with pytest.raises(ValidationError) as caught:
        register_family(actor=staff.counsellor, **arguments)
    assert message in caught.value.message_dict[key]
    assert counts() == before


def test_all_mistakes_are_reported_at_once(staff):
    with pytest.raises(ValidationError) as caught:
        register_family(
            actor=staff.counsellor,
            address=AddressData(street="", postcode="99999"),
            guardians=[GUARDIAN],
            children=[child(birth_date=timezone.localdate() + dt.timedelta(days=1))],
        )
    assert {"postcode", "street", "children-0-birth_date"} <= set(caught.value.message_dict)


def test_registration_without_children_or_guardians_is_refused(staff):
    with pytest.raises(ValidationError, match="mindestens ein Kind"):
        register_family(actor=staff.counsellor, address=ADDRESS, guardians=[GUARDIAN], children=[])
    with pytest.raises(ValidationError, match="mindestens eine sorgeberechtigte"):
        register_family(actor=staff.counsellor, address=ADDRESS, guardians=[], children=[child()])
    assert Family.objects.count() == 0


def test_second_registration_of_the_same_child_warns_then_links(staff):
    first = register_family(
        actor=staff.counsellor, address=ADDRESS, guardians=[GUARDIAN], children=[child()]
    )
    earlier = first.children.get()
    before = counts()
    with pytest.raises(ValidationError) as caught:
        register_family(
            actor=staff.counsellor,
            address=ADDRESS,
            guardians=[GUARDIAN],
            children=[child(first_name=" mykola ")],
        )
    assert caught.value.code == "duplicate"
    assert caught.value.params["duplicates"] == [earlier.pk]
    assert first.reference in caught.value.messages[0]
    assert counts() == before

    second = register_family(
        actor=staff.counsellor,
        address=ADDRESS,
        guardians=[GUARDIAN],
        children=[child(), child("Sofiia", birth_date=dt.date(2017, 6, 2))],
        confirm_duplicates=True,
    )
    linked = second.children.get(first_name="Mykola")
    assert linked.duplicate_of == earlier
    assert second.children.get(first_name="Sofiia").duplicate_of is None


def test_same_child_in_another_centre_is_no_duplicate(staff, other_staff):
    register_family(
        actor=other_staff.counsellor, address=ADDRESS, guardians=[GUARDIAN], children=[child()]
    )
    family = register_family(
        actor=staff.counsellor, address=ADDRESS, guardians=[GUARDIAN], children=[child()]
    )
    assert family.children.get().duplicate_of is None


@pytest.mark.parametrize("role", ["schulamt", "school_staff", "statistics"])
def test_only_casework_roles_register(staff, role):
    with pytest.raises(PermissionDenied):
        register_family(
            actor=staff.by_role(role), address=ADDRESS, guardians=[GUARDIAN], children=[child()]
        )


def test_status_moves_only_in_pipeline_order_and_stamps_the_time(staff):
    case = ChildFactory(family=FamilyFactory(centre=staff.centre))
    with pytest.raises(TransitionError, match="nicht möglich"):
        change_status(actor=staff.counsellor, child=case, to=Status.COUNSELLED)
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and case.counselled_at is None

    case = change_status(actor=staff.counsellor, child=case, to=Status.INVITED)
    assert case.status == Status.INVITED and case.invited_at is not None
    assert AuditEntry.objects.filter(action="seiteneinstieg.child.invited").count() == 1


def test_manual_transitions_close_or_go_back(staff):
    case = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        status=Status.READY,
        assessed_at=timezone.now() - dt.timedelta(days=30),
    )
    assert manual_transitions(case) == [Status.ASSESSED, Status.WITHDRAWN, Status.MOVED_AWAY]
    first_assessed = case.assessed_at

    case = change_status_manually(
        actor=staff.counsellor, child=case, to=Status.ASSESSED, reason="Neue Einstufung nötig"
    )
    assert case.status == Status.ASSESSED
    assert case.assessed_at == first_assessed  # going back keeps the first date

    with pytest.raises(TransitionError):  # forward moves belong to the assessment service
        change_status_manually(actor=staff.counsellor, child=case, to=Status.READY, reason="x")
    with pytest.raises(ValidationError) as caught:
        change_status_manually(actor=staff.counsellor, child=case, to=Status.WITHDRAWN, reason=" ")
    assert caught.value.message_dict == {"reason": ["Bitte einen Grund angeben."]}

    case = change_status_manually(
        actor=staff.counsellor, child=case, to=Status.MOVED_AWAY, reason="Nach Bonn verzogen"
    )
    assert case.status == Status.MOVED_AWAY and case.closed_at is not None
    assert manual_transitions(case) == []
    entry = AuditEntry.objects.filter(action="seiteneinstieg.child.moved_away").get()
    assert entry.data["reason"] == "Nach Bonn verzogen"


def test_schulamt_cannot_change_a_status(staff):
    case = ChildFactory(family=FamilyFactory(centre=staff.centre))
    with pytest.raises(PermissionDenied):
        change_status_manually(actor=staff.schulamt, child=case, to=Status.WITHDRAWN, reason="x")
    case.refresh_from_db()
    assert case.status == Status.REGISTERED

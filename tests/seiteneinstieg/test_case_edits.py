"""Correcting a case after registration: a sibling, the address, guardians, a child's data.

Services first (services.cases: add_child, update_family, save_guardian, remove_guardian,
update_child), then the pages through the Django test client.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child, ChildLanguage, Family, Guardian
from teilhabe.seiteneinstieg.services.cases import (
    AddressData,
    ChildData,
    GuardianData,
    add_child,
    remove_guardian,
    save_guardian,
    update_child,
    update_family,
)
from tests.factories import (
    ChildFactory,
    ChildLanguageFactory,
    FamilyFactory,
    GuardianFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def sibling(**changes: Any) -> ChildData:
    data = ChildData(
        first_name="Sofiia",
        last_name="Kovalenko",
        birth_date=dt.date(2017, 6, 2),
        first_language="uk",
        arrived_in_germany_on=dt.date(2026, 8, 1),
        arrived_in_city_on=dt.date(2026, 8, 15),
        nationality="UA",
        school_years=2,
        last_grade=2,
        languages=[("ru", "good")],
    )
    return replace(data, **changes)


def as_data(child: Child, **changes: Any) -> ChildData:
    """The child's saved data as the edit form would send it back, with ``changes``."""
    data = ChildData(
        first_name=child.first_name,
        last_name=child.last_name,
        birth_date=child.birth_date,
        first_language=child.first_language,
        arrived_in_germany_on=child.arrived_in_germany_on,
        arrived_in_city_on=child.arrived_in_city_on,
        nationality=child.nationality.code or "",
        school_years=child.school_years,
        last_grade=child.last_grade,
        special_needs=child.special_needs,
        notes=child.notes,
        languages=[(x.language, x.level) for x in child.languages.all()],
    )
    return replace(data, **changes)


def snapshot() -> tuple[Any, ...]:
    """Every row the edits may touch, to prove a refused edit changed nothing."""
    return (
        sorted(tuple(sorted(model_to_dict(f).items())) for f in Family.objects.all()),
        sorted(tuple(sorted(model_to_dict(g).items())) for g in Guardian.objects.all()),
        sorted(
            tuple(sorted((k, str(v)) for k, v in model_to_dict(c).items()))
            for c in Child.objects.all()
        ),
        sorted(ChildLanguage.objects.values_list("child_id", "language", "level")),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def family(staff) -> Family:
    family = FamilyFactory(centre=staff.centre, notes="Vater kommt im Oktober nach")
    GuardianFactory(family=family, first_name="Olena", last_name="Kovalenko", email="")
    mykola = ChildFactory(family=family, first_name="Mykola", birth_date=dt.date(2014, 3, 1))
    ChildLanguageFactory(child=mykola, language="ru", level="fluent")
    return family


# ---------------------------------------------------------------------------------------------
# add_child


def test_sibling_joins_the_family_with_one_audit_entry(staff, family):
    before = AuditEntry.objects.count()
    child = add_child(actor=staff.counsellor, family=family, child=sibling())
    assert child.family == family and child.centre == staff.centre
    assert child.status == Status.REGISTERED and child.registered_at is not None
    assert child.duplicate_of is None
    assert list(child.languages.values_list("language", "level")) == [("ru", "good")]
    assert family.children.count() == 2
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.get(action="seiteneinstieg.child.added")
    assert entry.target_id == str(child.pk) and entry.actor == staff.counsellor
    assert entry.data == {"family": family.pk, "duplicate_of": None, "languages": ["ru"]}
    assert family.reference in entry.summary and "Sofiia Kovalenko" in entry.summary


ADD_BAD_INPUTS = [
    pytest.param(
        {"birth_date": TODAY + dt.timedelta(days=3)},
        "birth_date",
        "Das Geburtsdatum liegt in der Zukunft.",
        id="birth-in-future",
    ),
    pytest.param(
        {"birth_date": TODAY - dt.timedelta(days=3 * 365)},
        "birth_date",
        "Das Kind ist jünger als fünf Jahre und noch nicht schulpflichtig.",
        id="too-young",
    ),
    pytest.param(
        {"arrived_in_germany_on": dt.date(2016, 1, 1)},
        "arrived_in_germany_on",
        "Die Ankunft in Deutschland liegt vor der Geburt.",
        id="arrived-before-birth",
    ),
    pytest.param(
        {"arrived_in_city_on": dt.date(2026, 7, 1)},
        "arrived_in_city_on",
        "Der Zuzug nach Köln liegt vor der Ankunft in Deutschland.",
        id="city-before-germany",
    ),
    pytest.param(
        {"languages": [("uk", "good")]},
        "languages",
        "Jede Sprache bitte nur einmal angeben (auch nicht die Erstsprache).",
        id="first-language-twice",
    ),
    pytest.param(
        {"first_name": "  "},
        "first_name",
        "Dieses Feld darf nicht leer sein.",
        id="blank-name",
    ),
]


@pytest.mark.parametrize(("changes", "key", "message"), ADD_BAD_INPUTS)
def test_bad_sibling_is_refused_in_german_and_nothing_is_saved(
    staff, family, changes, key, message
):
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        add_child(actor=staff.counsellor, family=family, child=sibling(**changes))
    assert message in caught.value.message_dict[key]
    assert snapshot() == before


def test_sibling_already_registered_warns_then_links(staff, family):
    earlier = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Sofiia",
        last_name="Kovalenko",
        birth_date=dt.date(2017, 6, 2),
    )
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        add_child(actor=staff.counsellor, family=family, child=sibling(first_name=" sofiia "))
    assert caught.value.code == "duplicate"
    assert caught.value.params["duplicates"] == [earlier.pk]
    assert earlier.family.reference in caught.value.messages[0]
    assert snapshot() == before

    child = add_child(
        actor=staff.counsellor, family=family, child=sibling(), confirm_duplicates=True
    )
    assert child.duplicate_of == earlier
    entry = AuditEntry.objects.get(action="seiteneinstieg.child.added")
    assert entry.data["duplicate_of"] == earlier.pk


def test_the_same_child_added_twice_to_its_own_family_is_a_duplicate(staff, family):
    mykola = family.children.get()
    with pytest.raises(ValidationError) as caught:
        add_child(
            actor=staff.counsellor,
            family=family,
            child=sibling(first_name="Mykola", birth_date=dt.date(2014, 3, 1)),
        )
    assert caught.value.params["duplicates"] == [mykola.pk]


@pytest.mark.parametrize("role", ["schulamt", "school_staff", "statistics"])
def test_only_casework_roles_add_a_sibling(staff, family, role):
    with pytest.raises(PermissionDenied):
        add_child(actor=staff.by_role(role), family=family, child=sibling())
    assert family.children.count() == 1


def test_another_centre_cannot_touch_the_family(staff, other_staff, family):
    guardian = family.guardians.get()
    child = family.children.get()
    before = snapshot()
    counsellor = other_staff.counsellor
    with pytest.raises(PermissionDenied):
        add_child(actor=counsellor, family=family, child=sibling())
    with pytest.raises(PermissionDenied):
        update_family(actor=counsellor, family=family, address=AddressData("Markt 1", "50667"))
    with pytest.raises(PermissionDenied):
        save_guardian(actor=counsellor, family=family, data=GuardianData("Taras", "Kovalenko"))
    with pytest.raises(PermissionDenied):
        remove_guardian(actor=counsellor, family=family, guardian=guardian)
    with pytest.raises(PermissionDenied):
        update_child(actor=counsellor, child=child, data=as_data(child, first_name="X"))
    assert snapshot() == before


# ---------------------------------------------------------------------------------------------
# update_family


def test_new_address_is_located_again_and_logged(staff, family):
    family = update_family(
        actor=staff.counsellor,
        family=family,
        address=AddressData(street="Keupstraße 5", postcode="51063"),
        notes="Vater ist angekommen",
    )
    family.refresh_from_db()
    assert (family.street, family.postcode) == ("Keupstraße 5", "51063")
    assert family.stadtteil_name == "Mülheim" and family.stadtbezirk_name == "Mülheim"
    assert family.notes == "Vater ist angekommen"
    entry = AuditEntry.objects.get(action="seiteneinstieg.family.updated")
    assert entry.target_id == str(family.pk)
    assert {"street", "postcode", "stadtteil_name", "lat", "notes"} <= set(entry.data["changed"])
    assert entry.data["old"]["postcode"] == "50672" and entry.data["new"]["postcode"] == "51063"
    assert entry.data["old"]["stadtteil_name"] == "Neustadt/Nord"
    assert "notes" not in entry.data["old"] and "notes" not in entry.data["new"]
    assert "Vater" not in str(entry.data) and "Vater" not in entry.summary


def test_notes_only_keep_the_coordinates(staff, family):
    Family.objects.filter(pk=family.pk).update(lat=50.9501, lon=6.9402)  # set from a map
    update_family(
        actor=staff.counsellor,
        family=family,
        address=AddressData(street=family.street, postcode=family.postcode),
        notes="Neue Telefonnummer folgt",
    )
    family.refresh_from_db()
    assert (family.lat, family.lon) == (50.9501, 6.9402)
    assert AuditEntry.objects.get(action="seiteneinstieg.family.updated").data["changed"] == [
        "notes"
    ]


def test_saving_the_family_unchanged_writes_no_audit_entry(staff, family):
    update_family(
        actor=staff.counsellor,
        family=family,
        address=AddressData(street=family.street, postcode=family.postcode),
        notes=family.notes,
    )
    assert not AuditEntry.objects.filter(action="seiteneinstieg.family.updated").exists()


@pytest.mark.parametrize(
    ("address", "key", "message"),
    [
        (
            AddressData(street="Markt 1", postcode="53111"),
            "postcode",
            "Die Adresse liegt nicht im Gebiet des Zentrums (Stadt Köln).",
        ),
        (
            AddressData(street="Markt 1", postcode="5067"),
            "postcode",
            "Bitte eine fünfstellige Postleitzahl angeben.",
        ),
        (
            AddressData(street="Markt 1", postcode="50672", lat=50.73, lon=7.10),
            "postcode",
            "Die Adresse liegt außerhalb des Stadtgebiets von Köln.",
        ),
        (AddressData(street=" ", postcode="51063"), "street", "Dieses Feld darf nicht leer sein."),
    ],
    ids=["bonn", "short", "outside", "no-street"],
)
def test_bad_address_is_refused_and_nothing_is_half_saved(staff, family, address, key, message):
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        update_family(actor=staff.counsellor, family=family, address=address, notes="geändert")
    assert caught.value.message_dict[key] == [message]
    assert snapshot() == before


# ---------------------------------------------------------------------------------------------
# Guardians


def test_guardian_is_added_and_corrected_with_old_and_new_values(staff, family):
    taras = save_guardian(
        actor=staff.counsellor,
        family=family,
        data=GuardianData(first_name=" Taras ", last_name="Kovalenko", relation="Vater"),
    )
    assert taras.family == family and taras.first_name == "Taras"
    added = AuditEntry.objects.get(action="seiteneinstieg.guardian.added")
    assert added.target_id == str(family.pk) and added.data["guardian"] == taras.pk
    assert added.data["new"]["relation"] == "Vater"

    save_guardian(
        actor=staff.counsellor,
        family=family,
        guardian=taras,
        data=GuardianData(
            first_name="Taras", last_name="Kovalenko", relation="Vater", phone="0151 222333"
        ),
    )
    taras.refresh_from_db()
    assert taras.phone == "0151 222333"
    updated = AuditEntry.objects.get(action="seiteneinstieg.guardian.updated")
    assert updated.data == {
        "guardian": taras.pk,
        "changed": ["phone"],
        "old": {"phone": ""},
        "new": {"phone": "0151 222333"},
    }
    assert family.guardians.count() == 2


def test_bad_guardian_email_is_refused_and_nothing_is_saved(staff, family):
    olena = family.guardians.get()
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        save_guardian(
            actor=staff.counsellor,
            family=family,
            guardian=olena,
            data=GuardianData(first_name="Olena", last_name="Kovalenko", email="keine-adresse"),
        )
    assert caught.value.message_dict["email"] == ["Bitte gültige E-Mail-Adresse eingeben."]
    with pytest.raises(ValidationError) as caught:
        save_guardian(
            actor=staff.counsellor, family=family, data=GuardianData(first_name="", last_name="K")
        )
    assert caught.value.message_dict["first_name"] == ["Dieses Feld darf nicht leer sein."]
    assert snapshot() == before


def test_guardian_of_another_family_cannot_be_changed_through_this_one(staff, family):
    stranger = GuardianFactory(family=FamilyFactory(centre=staff.centre))
    with pytest.raises(PermissionDenied):
        save_guardian(
            actor=staff.counsellor,
            family=family,
            guardian=stranger,
            data=GuardianData(first_name="X", last_name="Y"),
        )
    with pytest.raises(PermissionDenied):
        remove_guardian(actor=staff.counsellor, family=family, guardian=stranger)
    assert Guardian.objects.filter(pk=stranger.pk, first_name="Olena").exists()


def test_a_guardian_is_removed_but_the_last_one_stays(staff, family):
    olena = family.guardians.get()
    taras = GuardianFactory(family=family, first_name="Taras")
    remove_guardian(actor=staff.counsellor, family=family, guardian=taras)
    assert list(family.guardians.all()) == [olena]
    entry = AuditEntry.objects.get(action="seiteneinstieg.guardian.removed")
    assert entry.data == {"guardian": taras.pk} and "Taras" in entry.summary

    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        remove_guardian(actor=staff.counsellor, family=family, guardian=olena)
    assert caught.value.messages == [
        "Eine Familie braucht mindestens eine sorgeberechtigte Person."
    ]
    assert snapshot() == before


# ---------------------------------------------------------------------------------------------
# update_child


def test_child_correction_logs_old_and_new_values_but_not_sensitive_text(staff, family):
    child = family.children.get()
    update_child(
        actor=staff.counsellor,
        child=child,
        data=as_data(
            child,
            first_name="Mikola",
            birth_date=dt.date(2014, 4, 1),
            nationality="UA",
            languages=[("ru", "fluent"), ("en", "basic")],
            special_needs="Hörgerät links",
            notes="Traumatisierende Flucht",
        ),
    )
    child.refresh_from_db()
    assert child.first_name == "Mikola" and child.birth_date == dt.date(2014, 4, 1)
    assert child.special_needs == "Hörgerät links" and child.notes == "Traumatisierende Flucht"
    assert sorted(child.languages.values_list("language", "level")) == [
        ("en", "basic"),
        ("ru", "fluent"),
    ]
    entry = AuditEntry.objects.get(action="seiteneinstieg.child.updated")
    assert entry.target_id == str(child.pk)
    assert entry.data == {
        "changed": ["first_name", "birth_date", "special_needs", "notes", "languages"],
        "old": {
            "first_name": "Mykola",
            "birth_date": "2014-03-01",
            "languages": ["ru:fluent"],
        },
        "new": {
            "first_name": "Mikola",
            "birth_date": "2014-04-01",
            "languages": ["en:basic", "ru:fluent"],
        },
    }
    assert "Hörgerät" not in entry.summary and "Notizen" in entry.summary


def test_saving_a_child_unchanged_writes_nothing(staff, family):
    child = family.children.get()
    before = snapshot()
    update_child(actor=staff.counsellor, child=child, data=as_data(child))
    assert snapshot() == before


def test_correcting_a_child_into_a_known_record_warns_then_links(staff, family):
    child = family.children.get()
    twin = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Mikola",
        last_name=child.last_name,
        birth_date=dt.date(2014, 4, 1),
    )
    data = as_data(child, first_name="mikola", birth_date=dt.date(2014, 4, 1))
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        update_child(actor=staff.counsellor, child=child, data=data)
    assert caught.value.code == "duplicate"
    assert caught.value.params["duplicates"] == [twin.pk]
    assert snapshot() == before

    update_child(actor=staff.counsellor, child=child, data=data, confirm_duplicates=True)
    child.refresh_from_db()
    assert child.first_name == "mikola" and child.duplicate_of == twin
    entry = AuditEntry.objects.get(action="seiteneinstieg.child.updated")
    assert entry.data["new"]["duplicate_of"] == twin.pk


def test_editing_other_fields_of_a_known_twin_does_not_warn_again(staff, family):
    child = family.children.get()
    ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name=child.first_name,
        last_name=child.last_name,
        birth_date=child.birth_date,
    )
    update_child(actor=staff.counsellor, child=child, data=as_data(child, last_grade=6))
    child.refresh_from_db()
    assert child.last_grade == 6 and child.duplicate_of is None


def test_another_centres_child_of_the_same_name_is_no_duplicate(staff, other_staff, family):
    child = family.children.get()
    ChildFactory(
        family=FamilyFactory(centre=other_staff.centre),
        first_name="Mikola",
        last_name=child.last_name,
        birth_date=child.birth_date,
    )
    update_child(actor=staff.counsellor, child=child, data=as_data(child, first_name="Mikola"))
    child.refresh_from_db()
    assert child.first_name == "Mikola" and child.duplicate_of is None


EDIT_BAD_INPUTS = [
    pytest.param(
        {"birth_date": TODAY + dt.timedelta(days=1)},
        "birth_date",
        "Das Geburtsdatum liegt in der Zukunft.",
        id="birth-in-future",
    ),
    pytest.param(
        {"birth_date": dt.date(1990, 1, 1), "arrived_in_germany_on": dt.date(2026, 8, 1)},
        "birth_date",
        "Das Geburtsdatum ergibt ein Alter über 27 Jahren; bitte prüfen.",
        id="too-old",
    ),
    pytest.param(
        {"arrived_in_germany_on": dt.date(2013, 1, 1)},
        "arrived_in_germany_on",
        "Die Ankunft in Deutschland liegt vor der Geburt.",
        id="arrived-before-birth",
    ),
    pytest.param(
        {"arrived_in_city_on": TODAY + dt.timedelta(days=5)},
        "arrived_in_city_on",
        "Der Zuzug nach Köln liegt in der Zukunft.",
        id="city-in-future",
    ),
    pytest.param(
        {"languages": [("ru", "fluent"), ("ru", "basic")]},
        "languages",
        "Jede Sprache bitte nur einmal angeben (auch nicht die Erstsprache).",
        id="language-twice",
    ),
    pytest.param(
        {"school_years": 15},
        "school_years",
        "Dieser Wert muss kleiner oder gleich 14 sein.",
        id="school-years",
    ),
]


@pytest.mark.parametrize(("changes", "key", "message"), EDIT_BAD_INPUTS)
def test_bad_child_correction_is_refused_and_nothing_is_saved(staff, family, changes, key, message):
    child = family.children.get()
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        update_child(
            actor=staff.counsellor, child=child, data=as_data(child, first_name="Mikola", **changes)
        )
    assert message in caught.value.message_dict[key]
    assert snapshot() == before


def test_closed_case_can_be_corrected(staff, family):
    child = family.children.get()
    Child.objects.filter(pk=child.pk).update(status=Status.WITHDRAWN, closed_at=timezone.now())
    update_child(actor=staff.counsellor, child=child, data=as_data(child, last_name="Kovalenka"))
    child.refresh_from_db()
    assert child.last_name == "Kovalenka" and child.status == Status.WITHDRAWN


def test_old_case_whose_child_grew_past_27_can_still_be_corrected(staff, family):
    """The age range is checked when the birth date changes, not on every later correction."""
    old = ChildFactory(
        family=family,
        birth_date=TODAY.replace(year=TODAY.year - 28),
        arrived_in_germany_on=TODAY.replace(year=TODAY.year - 2),
        arrived_in_city_on=TODAY.replace(year=TODAY.year - 2),
    )
    update_child(actor=staff.counsellor, child=old, data=as_data(old, notes="Akte archiviert"))
    old.refresh_from_db()
    assert old.notes == "Akte archiviert"


@pytest.mark.parametrize("role", ["schulamt", "school_staff", "statistics"])
def test_only_casework_roles_correct_a_child(staff, family, role):
    child = family.children.get()
    with pytest.raises(PermissionDenied):
        update_child(actor=staff.by_role(role), child=child, data=as_data(child, first_name="X"))
    child.refresh_from_db()
    assert child.first_name == "Mykola"


# ---------------------------------------------------------------------------------------------
# Pages


def child_post(**overrides: str) -> dict[str, str]:
    data = {
        "first_name": "Sofiia",
        "last_name": "Kovalenko",
        "birth_date": "2017-06-02",
        "nationality": "UA",
        "first_language": "uk",
        "arrived_in_germany_on": "2026-08-01",
        "arrived_in_city_on": "2026-08-15",
        "school_years": "2",
        "last_grade": "2",
        "language_1": "ru",
        "level_1": "good",
    }
    return data | overrides


def test_family_page_links_the_corrections_for_casework_only(staff, login, family):
    url = reverse("seiteneinstieg:family_detail", args=[family.pk])
    guardian = family.guardians.get()
    html = login(staff.counsellor).get(url).content.decode()
    assert reverse("seiteneinstieg:child_add", args=[family.pk]) in html
    assert "Geschwisterkind hinzufügen" in html
    assert reverse("seiteneinstieg:family_edit", args=[family.pk]) in html
    assert reverse("seiteneinstieg:guardian_edit", args=[family.pk, guardian.pk]) in html
    assert reverse("seiteneinstieg:guardian_add", args=[family.pk]) in html
    html = login(staff.schulamt).get(url).content.decode()
    assert "Geschwisterkind hinzufügen" not in html
    assert "Adresse und Notizen bearbeiten" not in html and "Bearbeiten" not in html
    child = family.children.get()
    html = (
        login(staff.counsellor)
        .get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
        .content.decode()
    )
    assert reverse("seiteneinstieg:child_edit", args=[child.pk]) in html


def test_child_add_page_prefills_the_surname_and_adds_the_sibling(staff, login, family):
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:child_add", args=[family.pk])
    html = client.get(url).content.decode()
    assert 'name="last_name" value="Kovalenko"' in html and "Kind 2" in html
    response = client.post(url, child_post())
    assert response.status_code == 302
    assert response["Location"] == reverse("seiteneinstieg:family_detail", args=[family.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Sofiia Kovalenko wurde zur Familie" in page
    assert family.children.filter(first_name="Sofiia").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"birth_date": (TODAY + dt.timedelta(days=2)).isoformat()},
            "Das Geburtsdatum liegt in der Zukunft.",
        ),
        (
            {"arrived_in_germany_on": "2010-01-01"},
            "Die Ankunft in Deutschland liegt vor der Geburt.",
        ),
        ({"language_1": "uk"}, "Jede Sprache bitte nur einmal angeben"),
        ({"level_1": ""}, "Bitte das Niveau der Sprache angeben."),
        ({"birth_date": "31.02.2017"}, "Bitte ein gültiges Datum angeben."),
    ],
)
def test_child_add_bad_input_shows_german_message(staff, login, family, overrides, message):
    before = snapshot()
    response = login(staff.counsellor).post(
        reverse("seiteneinstieg:child_add", args=[family.pk]), child_post(**overrides)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html and "Nicht gespeichert. Bitte korrigieren:" in html
    assert snapshot() == before


def test_child_add_duplicate_warns_with_checkbox_then_links(staff, login, family):
    earlier = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Sofiia",
        last_name="Kovalenko",
        birth_date=dt.date(2017, 6, 2),
    )
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:child_add", args=[family.pk])
    html = client.post(url, child_post()).content.decode()
    assert "Bereits registriert: Sofiia Kovalenko (02.06.2017" in html
    assert "Trotzdem hinzufügen und verknüpfen" in html
    assert reverse("seiteneinstieg:child_detail", args=[earlier.pk]) in html
    assert family.children.count() == 1
    response = client.post(url, child_post(confirm_duplicates="on"))
    assert response.status_code == 302
    assert family.children.get(first_name="Sofiia").duplicate_of == earlier


def test_family_edit_page_shows_the_postcode_error_and_saves(staff, login, family):
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:family_edit", args=[family.pk])
    assert 'value="Venloer Str. 1"' in client.get(url).content.decode()
    before = snapshot()
    data = {"street": "Markt 1", "postcode": "53111", "city": "Köln", "notes": ""}
    html = client.post(url, data).content.decode()
    assert "Die Adresse liegt nicht im Gebiet des Zentrums (Stadt Köln)." in html
    assert 'id="id_postcode_error"' in html
    assert snapshot() == before
    response = client.post(url, data | {"street": "Keupstraße 5", "postcode": "51063"})
    assert response.status_code == 302
    family.refresh_from_db()
    assert family.stadtteil_name == "Mülheim" and family.notes == ""


def test_guardian_pages_add_edit_and_remove(staff, login, family):
    client = login(staff.counsellor)
    olena = family.guardians.get()
    data = {"first_name": "Taras", "last_name": "Kovalenko", "language": "uk", "email": "x"}
    add_url = reverse("seiteneinstieg:guardian_add", args=[family.pk])
    html = client.post(add_url, data).content.decode()
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert family.guardians.count() == 1
    assert client.post(add_url, data | {"email": ""}).status_code == 302
    taras = family.guardians.get(first_name="Taras")

    edit_url = reverse("seiteneinstieg:guardian_edit", args=[family.pk, taras.pk])
    html = client.get(edit_url).content.decode()
    assert 'value="Taras"' in html and "Taras Kovalenko entfernen" in html
    assert client.post(edit_url, data | {"email": "", "phone": "0151 1"}).status_code == 302
    taras.refresh_from_db()
    assert taras.phone == "0151 1"

    remove = reverse("seiteneinstieg:guardian_remove", args=[family.pk, taras.pk])
    assert client.post(remove).status_code == 302
    assert list(family.guardians.all()) == [olena]

    html = client.get(reverse("seiteneinstieg:guardian_edit", args=[family.pk, olena.pk]))
    assert "mindestens eine sorgeberechtigte Person" in html.content.decode()
    response = client.post(reverse("seiteneinstieg:guardian_remove", args=[family.pk, olena.pk]))
    assert response.status_code == 200
    assert "Eine Familie braucht mindestens eine sorgeberechtigte Person." in (
        response.content.decode()
    )
    assert family.guardians.count() == 1


def test_guardian_of_another_family_answers_404(staff, login, family):
    stranger = GuardianFactory(family=FamilyFactory(centre=staff.centre))
    client = login(staff.counsellor)
    edit = reverse("seiteneinstieg:guardian_edit", args=[family.pk, stranger.pk])
    assert client.get(edit).status_code == 404
    remove = reverse("seiteneinstieg:guardian_remove", args=[family.pk, stranger.pk])
    assert client.post(remove).status_code == 404
    assert Guardian.objects.filter(pk=stranger.pk).exists()


def test_child_edit_page_shows_saved_data_and_corrects_it(staff, login, family):
    child = family.children.get()
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:child_edit", args=[child.pk])
    html = client.get(url).content.decode()
    assert 'name="first_name" value="Mykola"' in html
    assert 'value="2014-03-01"' in html
    assert '<option value="ru" selected>' in html and '<option value="fluent" selected>' in html

    post = child_post(first_name="Mykola", birth_date="2014-03-01", level_1="fluent")
    before = snapshot()
    html = client.post(url, post | {"arrived_in_city_on": "2026-07-01"}).content.decode()
    assert "Der Zuzug nach Köln liegt vor der Ankunft in Deutschland." in html
    assert snapshot() == before

    response = client.post(url, post | {"last_grade": "6"})
    assert response.status_code == 302
    assert response["Location"] == reverse("seiteneinstieg:child_detail", args=[child.pk])
    child.refresh_from_db()
    assert child.last_grade == 6 and child.school_years == 2
    page = client.get(response["Location"]).content.decode()
    assert "Die Daten wurden gespeichert." in page and "Daten von Mykola Kovalenko" in page


def test_child_edit_page_warns_of_a_duplicate_and_saves_after_confirmation(staff, login, family):
    child = family.children.get()
    twin = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Mikola",
        last_name=child.last_name,
        birth_date=child.birth_date,
    )
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:child_edit", args=[child.pk])
    post = child_post(first_name="Mikola", birth_date="2014-03-01", level_1="fluent")
    html = client.post(url, post).content.decode()
    assert "Mögliche Doppelerfassung" in html
    assert reverse("seiteneinstieg:child_detail", args=[twin.pk]) in html
    assert "Trotzdem speichern und verknüpfen" in html
    child.refresh_from_db()
    assert child.first_name == "Mykola"

    response = client.post(url, post | {"confirm_duplicates": "on"})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.first_name == "Mikola" and child.duplicate_of == twin


def test_other_centre_posts_answer_404_and_change_nothing(staff, other_staff, login, family):
    child = family.children.get()
    client = login(other_staff.counsellor)
    before = snapshot()
    for url, data in [
        (reverse("seiteneinstieg:child_add", args=[family.pk]), child_post()),
        (reverse("seiteneinstieg:child_edit", args=[child.pk]), child_post()),
        (
            reverse("seiteneinstieg:family_edit", args=[family.pk]),
            {"street": "Markt 1", "postcode": "50667", "city": "Köln"},
        ),
        (
            reverse("seiteneinstieg:guardian_add", args=[family.pk]),
            {"first_name": "A", "last_name": "B", "language": "de"},
        ),
    ]:
        assert client.post(url, data).status_code == 404, url
    assert snapshot() == before

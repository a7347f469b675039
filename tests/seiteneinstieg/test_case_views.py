"""The registration form and the case pages through the Django test client."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child, Family, Guardian
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db

URL = reverse("seiteneinstieg:family_create")


def post_data(children: int = 2, **overrides: str) -> dict[str, Any]:
    data = {
        "street": "Venloer Str. 12",
        "postcode": "50672",
        "city": "Köln",
        "notes": "",
        "guardians-TOTAL_FORMS": "1",
        "guardians-INITIAL_FORMS": "0",
        "guardians-MIN_NUM_FORMS": "1",
        "guardians-MAX_NUM_FORMS": "4",
        "guardians-0-first_name": "Olena",
        "guardians-0-last_name": "Kovalenko",
        "guardians-0-phone": "0176 1234567",
        "guardians-0-language": "uk",
        "guardians-0-interpreter_needed": "on",
        "children-TOTAL_FORMS": str(children),
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "1",
        "children-MAX_NUM_FORMS": "10",
    }
    names = ["Mykola", "Sofiia", "Ivan"]
    for i in range(children):
        data |= {
            f"children-{i}-first_name": names[i],
            f"children-{i}-last_name": "Kovalenko",
            f"children-{i}-birth_date": f"201{4 + i}-03-01",
            f"children-{i}-nationality": "UA",
            f"children-{i}-first_language": "uk",
            f"children-{i}-arrived_in_germany_on": "2026-08-01",
            f"children-{i}-arrived_in_city_on": "2026-08-15",
            f"children-{i}-school_years": "3",
            f"children-{i}-last_grade": "3",
            f"children-{i}-language_1": "ru",
            f"children-{i}-level_1": "fluent",
        }
    return data | overrides


def test_form_page_offers_one_guardian_and_one_child(staff, login):
    html = login(staff.counsellor).get(URL).content.decode()
    assert 'name="children-0-birth_date"' in html and 'type="date"' in html
    assert 'name="children-1-first_name"' not in html
    assert "Weiteres Kind hinzufügen" in html
    assert '<option value="SY">Syrien</option>' in html  # django-countries, in German


def test_two_siblings_in_one_submit_redirect_to_the_family_page(staff, login):
    client = login(staff.counsellor)
    response = client.post(URL, post_data(children=2))
    family = Family.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("seiteneinstieg:family_detail", args=[family.pk])
    assert family.children.count() == 2
    assert Guardian.objects.get().interpreter_needed is True
    mykola = family.children.get(first_name="Mykola")
    assert [(lang.language, lang.level) for lang in mykola.languages.all()] == [("ru", "fluent")]
    page = client.get(response["Location"]).content.decode()
    assert family.reference in page and "Sofiia" in page and "Neustadt/Nord" in page
    assert "wurde registriert" in page


def test_add_child_button_renders_one_more_empty_form_without_errors(staff, login):
    data = post_data(children=1) | {"add_child": "1", "children-0-first_name": ""}
    response = login(staff.counsellor).post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="children-1-first_name"' in html
    assert 'value="Kovalenko"' in html  # what was typed stays
    assert "Dieses Feld ist zwingend erforderlich" not in html
    assert Family.objects.count() == 0


def test_untouched_extra_child_form_is_ignored(staff, login):
    data = post_data(children=1) | {"children-TOTAL_FORMS": "2", "children-1-school_years": "0"}
    response = login(staff.counsellor).post(URL, data)
    assert response.status_code == 302
    assert Child.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"children-1-birth_date": (timezone.localdate() + dt.timedelta(days=2)).isoformat()},
            "Das Geburtsdatum liegt in der Zukunft.",
        ),
        (
            {"children-0-arrived_in_germany_on": "2010-01-01"},
            "Die Ankunft in Deutschland liegt vor der Geburt.",
        ),
        (
            {"postcode": "10115"},
            "Die Postleitzahl 10115 liegt nicht in Nordrhein-Westfalen oder ist unbekannt.",
        ),
        ({"children-0-level_1": ""}, "Bitte das Niveau der Sprache angeben."),
        ({"children-0-first_name": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"children-0-birth_date": "31.02.2014"}, "Bitte ein gültiges Datum angeben."),
    ],
)
def test_bad_input_shows_german_message_and_saves_nothing(staff, login, overrides, message):
    response = login(staff.counsellor).post(URL, post_data(children=2, **overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Die Registrierung wurde nicht gespeichert" in html
    assert Family.objects.count() == Child.objects.count() == 0


def test_service_error_lands_on_the_right_child(staff, login):
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    response = login(staff.counsellor).post(
        URL, post_data(children=2, **{"children-1-birth_date": future})
    )
    html = response.content.decode()
    assert 'id="id_children-1-birth_date_error"' in html
    assert 'id="id_children-0-birth_date_error"' not in html
    assert "Kind 2 – Geburtsdatum: Das Geburtsdatum liegt in der Zukunft." in html


def test_duplicate_warns_with_checkbox_and_links_after_confirming(staff, login):
    earlier = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Mykola",
        last_name="Kovalenko",
        birth_date=dt.date(2014, 3, 1),
    )
    client = login(staff.counsellor)
    response = client.post(URL, post_data(children=1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bereits registriert: Mykola Kovalenko (01.03.2014" in html
    assert "Trotzdem registrieren und verknüpfen" in html
    assert reverse("seiteneinstieg:child_detail", args=[earlier.pk]) in html
    assert Family.objects.count() == 1

    response = client.post(URL, post_data(children=1, confirm_duplicates="on"))
    assert response.status_code == 302
    new = Child.objects.exclude(pk=earlier.pk).get()
    assert new.duplicate_of == earlier


def test_child_page_shows_status_actions_and_history(staff, login):
    client = login(staff.counsellor)
    client.post(URL, post_data(children=1))
    child = Child.objects.get()
    html = client.get(reverse("seiteneinstieg:child_detail", args=[child.pk])).content.decode()
    assert "Familie F-" in html and "registriert" in html  # history entry
    assert '<option value="withdrawn">Zurückgezogen</option>' in html
    assert '<option value="moved_away">Verzogen</option>' in html
    assert 'aria-current="step"' in html


def test_status_post_changes_status_and_requires_a_reason(staff, login):
    child = ChildFactory(family=FamilyFactory(centre=staff.centre), status=Status.INVITED)
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:child_status", args=[child.pk])
    response = client.post(url, {"to": "registered", "reason": ""})
    assert response.status_code == 200
    assert "Bitte einen Grund angeben." in response.content.decode()
    child.refresh_from_db()
    assert child.status == Status.INVITED

    response = client.post(url, {"to": "counselled", "reason": "vorgreifen"})
    assert "counselled ist keine gültige Auswahl" in response.content.decode()

    response = client.post(url, {"to": "registered", "reason": "Termin abgesagt"})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.status == Status.REGISTERED
    assert AuditEntry.objects.filter(action="seiteneinstieg.child.registered").count() == 1


def test_schulamt_sees_the_case_without_actions_or_documents(staff, login):
    child = ChildFactory(family=FamilyFactory(centre=staff.centre))
    html = (
        login(staff.schulamt)
        .get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
        .content.decode()
    )
    assert "Status von Hand ändern" not in html
    assert "Dokumente der Familie" not in html
    family_html = (
        login(staff.schulamt)
        .get(reverse("seiteneinstieg:family_detail", args=[child.family_id]))
        .content.decode()
    )
    assert "Dokument hochladen" not in family_html


@pytest.mark.parametrize("button", [{}, {"add_child": "1"}])
def test_forged_form_count_renders_at_most_the_maximum(staff, login, button):
    """A forged TOTAL_FORMS made Django build ~1000 extra forms (a minute of CPU per POST)."""
    data = post_data(children=1) | button
    data["guardians-TOTAL_FORMS"] = data["children-TOTAL_FORMS"] = "9" * 20
    response = login(staff.counsellor).post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="children-10-first_name"' not in html
    assert 'name="guardians-4-first_name"' not in html
    assert not Family.objects.exists()

"""The Protokoll: actions and objects in words, links, filters, and history on case pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.services.cases import change_status
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db

URL = reverse("audit:list")


@pytest.fixture
def ali(staff):
    family = FamilyFactory(centre=staff.centre, reference="F-2026-00042")
    child = ChildFactory(family=family, first_name="Ali", last_name="Yilmaz")
    change_status(actor=staff.counsellor, child=child, to="invited")
    return child


def test_status_change_reads_in_words_with_a_link(staff, ali, login):
    body = login(staff.centre_admin).get(URL).content.decode()
    assert "Status von Ali Yilmaz: Registriert → Eingeladen" in body
    assert "Status: eingeladen" in body  # the action's label, not its code
    assert "<td>seiteneinstieg.child.invited</td>" not in body
    assert (
        f'<a href="{reverse("seiteneinstieg:child_detail", args=[ali.pk])}">Ali Yilmaz</a>' in body
    )


def test_objects_are_described_in_one_query_per_kind(staff, login):
    family = FamilyFactory(centre=staff.centre)
    for n in range(12):
        change_status(
            actor=staff.counsellor,
            child=ChildFactory(family=family, first_name=f"K{n}"),
            to="invited",
        )
    client = login(staff.centre_admin)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(12, 24):
        change_status(
            actor=staff.counsellor,
            child=ChildFactory(family=family, first_name=f"K{n}"),
            to="invited",
        )
    with CaptureQueriesContext(connection) as more:
        response = client.get(URL)
    assert len(more) == len(few)
    assert "K23 Kovalenko" in response.content.decode()


def test_a_vanished_object_is_named_by_kind_and_id(staff, login):
    child = ChildFactory(family=FamilyFactory(centre=staff.centre))
    change_status(actor=staff.counsellor, child=child, to="invited")
    AuditEntry.objects.filter(target_id=str(child.pk)).update(target_id="999999")
    assert "Kind #999999" in login(staff.centre_admin).get(URL).content.decode()


def test_filters_by_person_object_action_and_dates(staff, ali, login):
    client = login(staff.centre_admin)
    entry = AuditEntry.objects.get(action="seiteneinstieg.child.invited")
    today = dt.date.today()

    def listed(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content.decode()
        return response.context["page"].object_list

    assert listed(person=staff.counsellor.pk) == [entry]
    assert listed(person=staff.centre_admin.pk) == []
    assert listed(objekt="seiteneinstieg.child") == [entry]
    assert listed(objekt="seiteneinstieg.family") == []
    assert listed(aktion="seiteneinstieg.child.invited") == [entry]
    assert listed(aktion="seiteneinstieg.family.registered") == []
    assert listed(von=today.strftime("%d.%m.%Y"), bis=today.isoformat()) == [entry]
    assert listed(von=(today + dt.timedelta(days=1)).isoformat()) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"von": "2026-05-03", "bis": "2026-05-01"}, "Das Enddatum liegt vor dem Anfangsdatum."),
        ({"von": "31.02.2026"}, "Bitte ein gültiges Datum eingeben"),
        ({"aktion": "nichts.da.gewesen"}, "Auswahl"),
        ({"person": "999999"}, "Auswahl"),
    ],
)
def test_bad_filters_are_german_errors_never_dropped(staff, ali, login, params, message):
    response = login(staff.centre_admin).get(URL, params)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "Ali Yilmaz" not in body  # nothing listed as if unfiltered


def test_another_centres_people_are_no_filter_choice(staff, other_staff, ali, login):
    response = login(staff.centre_admin).get(URL, {"person": other_staff.counsellor.pk})
    assert response.status_code == 400


def test_history_on_the_child_page_reads_in_words(staff, ali, login):
    body = (
        login(staff.counsellor)
        .get(reverse("seiteneinstieg:child_detail", args=[ali.pk]))
        .content.decode()
    )
    assert "Status von Ali Yilmaz: Registriert → Eingeladen" in body
    assert "<strong>Status: eingeladen</strong>" in body

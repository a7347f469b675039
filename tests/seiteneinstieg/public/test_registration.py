"""The families' self-registration: the form, bad input, double submission, spam guards."""

from __future__ import annotations

import pytest
from django.core import mail

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child, Family, SelfRegistration
from teilhabe.seiteneinstieg.public import forms as public_forms
from teilhabe.seiteneinstieg.services import self_registration as services
from tests.factories import ChildFactory, FamilyFactory
from tests.seiteneinstieg.public.conftest import form_data, years_ago

pytestmark = pytest.mark.django_db

URL = "/koeln/uk/anmeldung/"


def test_the_form_is_in_the_chosen_language(client, notice):
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "uk"
    assert 'lang="uk"' in body
    assert "Ми обробляємо ваші дані." in body  # the privacy text in Ukrainian


def test_arabic_is_right_to_left(client, notice):
    body = client.get("/koeln/ar/anmeldung/").content.decode()
    assert 'dir="rtl"' in body
    # no Arabic privacy text yet: the German one, marked as German
    assert 'lang="de" dir="ltr"' in body


def test_without_a_privacy_text_there_is_no_form(client, staff):
    response = client.post(URL, form_data())
    assert response.status_code == 200
    assert '<form method="post" novalidate class="public-form">' not in response.content.decode()
    assert not Family.objects.exists()


def test_two_children_register_as_one_family(
    client, staff, notice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(children=2))
    assert response.status_code == 302
    registration = SelfRegistration.objects.get()
    family = registration.family
    assert (
        response["Location"] == f"/koeln/uk/anmeldung/termin/{services.manage_token(registration)}/"
    )
    assert family.centre == staff.centre and family.registered_language == "uk"
    assert registration.privacy_notice == notice and registration.language == "uk"
    children = list(family.children.order_by("first_name"))
    assert [c.first_name for c in children] == ["Daryna", "Mykola"]
    assert {c.status for c in children} == {Status.REGISTERED}
    assert family.guardians.get().email == "olena@example.org"
    entry = AuditEntry.objects.get(action="seiteneinstieg.family.self_registered")
    assert entry.actor is None and entry.centre == staff.centre
    # the confirmation mail: in Ukrainian, with the reference and the link
    sent = mail.outbox[-1]
    assert registration.reference in sent.subject
    assert "Дякуємо" in sent.body or registration.reference in sent.body
    assert services.manage_token(registration) in sent.body
    page = client.get(response["Location"])
    assert registration.reference in page.content.decode()


def test_a_double_click_gives_the_first_registration(client, notice):
    data = form_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Family.objects.count() == 1 and Child.objects.count() == 1


BAD_INPUT = [
    ("impossible-date", {"children-0-birth_date": "2015-02-30"}, "children-0-birth_date"),
    ("older-than-27", {"children-0-birth_date": years_ago(28)}, "children-0-birth_date"),
    ("empty-name", {"children-0-first_name": ""}, "children-0-first_name"),
    ("empty-street", {"street": ""}, "street"),
    ("no-consent", {"consent": ""}, "consent"),
    ("bad-email", {"email": "nicht-da"}, "email"),
    ("outside-area", {"postcode": "53111", "city": "Bonn"}, "postcode"),
    (
        "arrival-before-birth",
        {"children-0-arrived_in_germany_on": "2001-01-01"},
        "children-0-arrived_in_germany_on",
    ),
]


@pytest.mark.parametrize(("case", "change", "field"), BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_keeps_what_was_typed_and_saves_nothing(client, notice, case, change, field):
    response = client.post(URL, form_data(**change))
    body = response.content.decode()
    assert response.status_code == 400, case
    assert f'id="id_{field}_error"' in body  # the message sits at its field
    assert 'aria-invalid="true"' in body
    assert 'value="Kovalenko"' in body  # what was typed is still there
    assert not Family.objects.exists() and not SelfRegistration.objects.exists()


def test_messages_come_in_the_familys_language(client, notice):
    body = client.post(URL, form_data(**{"children-0-first_name": ""})).content.decode()
    assert "Bitte ausfüllen." not in body  # translated (catalogues compiled by apply.py)


def test_honeypot_and_fill_time(client, notice, monkeypatch):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 400
    monkeypatch.setattr(public_forms, "MIN_FILL_SECONDS", 30)
    response = client.post(URL, form_data())
    assert response.status_code == 400
    response = client.post(URL, form_data(stamp="forged"))
    assert response.status_code == 400
    assert not Family.objects.exists()


def test_rate_limit_per_address_and_per_email(client, notice, monkeypatch):
    monkeypatch.setattr(services, "LIMIT_PER_EMAIL", 2)
    for _n in range(2):
        assert client.post(URL, form_data()).status_code == 302
    response = client.post(URL, form_data())
    assert response.status_code == 400 and 'id="id_email_error"' in response.content.decode()
    assert Family.objects.count() == 2
    monkeypatch.setattr(services, "LIMIT_PER_IP", 2)
    response = client.post(URL, form_data(email="andere@example.org"))
    assert response.status_code == 400
    assert Family.objects.count() == 2


def test_likely_duplicates_are_created_and_flagged(client, staff, notice):
    earlier = ChildFactory(
        centre=staff.centre,
        family=FamilyFactory(centre=staff.centre, reference="F-OLD"),
        first_name="Mykola",
        last_name="Kowalenko",
        birth_date=form_data()["children-0-birth_date"],
    )
    assert client.post(URL, form_data()).status_code == 302
    registration = SelfRegistration.objects.get()
    assert registration.possible_duplicate
    assert registration.family.children.get().duplicate_of == earlier


def test_add_child_button_keeps_the_form(client, notice):
    data = form_data()
    data.pop("send")
    data["add_child"] = "1"
    response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="children-1-first_name"' in body and 'value="Mykola"' in body
    assert 'class="error"' not in body
    assert not Family.objects.exists()


def test_another_centre_or_language_is_404(client, notice):
    assert client.get("/nirgendwo/uk/anmeldung/").status_code == 404
    assert client.get("/koeln/xx/anmeldung/").status_code == 404


def test_staff_see_the_language_and_the_flag(client, staff, notice, login):
    assert client.post(URL, form_data()).status_code == 302
    family = Family.objects.get()
    staff_client = login(staff.counsellor)
    waiting = staff_client.get("/seiteneinstieg/warteliste/").content.decode()
    assert "online angemeldet · Ukrainisch" in waiting
    page = staff_client.get(f"/seiteneinstieg/familien/{family.pk}/").content.decode()
    assert "Sprache der Anmeldung" in page and family.self_registration.reference in page
    assert 'lang="de"' in page  # staff pages stay German

"""The pages: public registration keeps input on errors, login by link, answer and hours."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from teilhabe.engagement.models import Assignment, HoursEntry, Volunteer
from teilhabe.engagement.services import needs as need_services
from teilhabe.engagement.services.volunteers import login_link
from teilhabe.notify.models import OutboxMail
from tests.engagement.factories import make_need, make_organisation, make_volunteer

pytestmark = pytest.mark.django_db


def url(name, centre, lang="de", **kw):
    return reverse(f"engagement_public:{name}", kwargs={"centre": centre.slug, "lang": lang, **kw})


FORM = {
    "first_name": "Olena",
    "last_name": "Petrenko",
    "email": "olena.petrenko@example.org",
    "postcode": "50733",
    "city": "Köln",
    "max_km": "10",
    "offers": ["interpreting"],
    "language_1": "uk",
    "level_1": "5",
    "weekday_1": "2",
    "start_1": "18:00",
    "end_1": "09:00",
    "consent": "on",
}


def test_register_page_keeps_input_and_explains_the_overnight_time(staff):
    client = Client()
    response = client.post(url("volunteer_register", staff.centre, "uk"), FORM)
    assert response.status_code == 200
    assert not Volunteer.objects.exists()
    body = response.content.decode()
    assert 'value="Petrenko"' in body
    assert "18:00" in body
    response = client.post(
        url("volunteer_register", staff.centre, "uk"), {**FORM, "end_1": "20:00"}
    )
    assert response.status_code == 200
    v = Volunteer.objects.get()
    assert v.language == "uk" and v.windows == [{"weekday": 2, "start": "18:00", "end": "20:00"}]


def test_duplicate_registration_asks_to_confirm(staff):
    make_volunteer(staff.centre, email="olena.petrenko@example.org")
    client = Client()
    response = client.post(url("volunteer_register", staff.centre), {**FORM, "end_1": "20:00"})
    assert 'name="confirm_duplicate"' in response.content.decode()
    assert Volunteer.objects.count() == 1
    client.post(
        url("volunteer_register", staff.centre),
        {**FORM, "end_1": "20:00", "confirm_duplicate": "on"},
    )
    assert Volunteer.objects.count() == 2


def test_volunteer_session_sees_only_own_assignments_and_logs_hours(staff):
    v = make_volunteer(staff.centre)
    other = make_volunteer(staff.centre)
    need = make_need(staff.centre)
    mine = need_services.request_volunteer(actor=staff.counsellor, need=need, volunteer=v)
    other_need = make_need(staff.centre, starts_at=need.starts_at + dt.timedelta(days=1))
    need_services.request_volunteer(actor=staff.counsellor, need=other_need, volunteer=other)
    client = Client()
    token = login_link(v).rstrip("/").rsplit("/", 1)[-1]
    response = client.get(url("volunteer_login", staff.centre, token=token))
    assert response.status_code == 302
    home = client.get(url("volunteer_home", staff.centre)).content.decode()
    assert home.count('class="assignment"') == 1
    # the staff pages stay closed to a volunteer session
    assert client.get(reverse("engagement:need_list")).status_code == 302
    answer = re.search(r'action="([^"]*/anfrage/[^"]+)"', home).group(1)
    client.post(answer, {"answer": "accept"})
    mine.refresh_from_db()
    assert mine.status == "accepted"
    Assignment.objects.filter(pk=mine.pk).update(status="completed")
    response = client.post(
        url("hours_log", staff.centre, pk=mine.pk),
        {"date": timezone.localdate().isoformat(), "hours": "2"},
    )
    assert HoursEntry.objects.get().minutes == 120
    pdf = client.get(url("certificate_pdf", staff.centre))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_organisation_edits_its_entry_and_appears_on_the_map(staff):
    org = make_organisation(staff.centre, is_public=True, name="Ukrainischer Verein Porz")
    from teilhabe.engagement.services.organisations import organisation_link

    client = Client()
    edit = organisation_link(org)
    data = {
        "name": "Ukrainischer Verein Porz e. V.",
        "kind": "club",
        "email": "kontakt@verein-porz.example.org",
        "postcode": "51143",
        "city": "Köln",
        "languages": "uk, ru",
        "fields_of_work": ["culture"],
        "contact_name": "Iryna",
        "contact_consent": "on",
    }
    assert client.post(edit, {**data, "email": "kontakt@"}).status_code == 200
    assert client.post(edit, data).status_code == 302
    page = client.get(url("organisation_map", staff.centre, "ar")).content.decode()
    assert "Ukrainischer Verein Porz e. V." in page and 'dir="rtl"' in page
    assert "Iryna" in page


def test_login_request_says_the_same_for_unknown_addresses(staff):
    make_volunteer(staff.centre, email="known@example.org")
    client = Client()
    a = client.post(url("volunteer_login_request", staff.centre), {"email": "known@example.org"})
    b = client.post(url("volunteer_login_request", staff.centre), {"email": "nobody@example.org"})
    assert a.status_code == b.status_code == 302
    assert OutboxMail.objects.filter(to=["known@example.org"]).count() == 1
    assert not OutboxMail.objects.filter(to=["nobody@example.org"]).exists()


def test_demo_loads_through_the_services_once(staff):
    from teilhabe.engagement import demo
    from teilhabe.engagement.models import Need, Organisation

    assert demo.load(staff.centre)
    assert Organisation.objects.count() == 15
    assert Volunteer.objects.filter(status="active").count() == 34
    assert Need.objects.count() == 12
    assert not demo.load(staff.centre)


def test_registration_shows_the_notice_and_records_its_version(staff):
    from teilhabe.centres.models import PrivacyNotice

    PrivacyNotice.objects.create(
        centre=staff.centre,
        purpose="volunteers",
        version=3,
        texts={"de": "Wir verarbeiten Ihre Angaben zur Vermittlung.", "tr": "Verileriniz işlenir."},
        published_at=timezone.now(),
    )
    client = Client()
    page = client.get(url("volunteer_register", staff.centre, "tr")).content.decode()
    assert "Verileriniz işlenir." in page
    client.post(url("volunteer_register", staff.centre, "tr"), {**FORM, "end_1": "20:00"})
    assert Volunteer.objects.get().consent_version == 3


def test_volunteer_changes_own_details_but_not_the_certificate(staff):
    v = make_volunteer(staff.centre, certificate_seen_on=dt.date(2024, 1, 10))
    client = Client()
    client.get(
        url("volunteer_login", staff.centre, token=login_link(v).rstrip("/").rsplit("/", 1)[-1])
    )
    page = client.get(url("profile_edit", staff.centre)).content.decode()
    assert f'value="{v.last_name}"' in page
    data = {**FORM, "first_name": v.first_name, "last_name": v.last_name, "email": v.email}
    data.update({"end_1": "21:00", "certificate_seen_on": "2026-01-01"})
    response = client.post(url("profile_edit", staff.centre), data)
    assert response.status_code == 302
    v.refresh_from_db()
    assert v.windows == [{"weekday": 2, "start": "18:00", "end": "21:00"}]
    assert v.certificate_seen_on == dt.date(2024, 1, 10)

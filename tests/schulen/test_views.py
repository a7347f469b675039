"""The schools pages: who sees which school, the report form, area, upload, map data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from teilhabe.schulen.models import AreaChange
from teilhabe.zuweisung.models import Placement
from tests.factories import ChildFactory, FamilyFactory, OfferFactory, SchoolFactory, link_school

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def schools(staff):
    own, neighbour = SchoolFactory(name="Eigene Schule"), SchoolFactory(name="Nachbarschule")
    link_school(staff.school_staff, own)
    return own, neighbour


def test_school_staff_sees_only_their_school_and_its_children(staff, schools, login):
    own, neighbour = schools
    own_offer = OfferFactory(centre=staff.centre, school=own)
    other_offer = OfferFactory(centre=staff.centre, school=neighbour)
    child_here = ChildFactory(
        family=FamilyFactory(centre=staff.centre), first_name="Mariam", status="proposed"
    )
    child_there = ChildFactory(
        family=FamilyFactory(centre=staff.centre), first_name="Bogdan", status="proposed"
    )
    Placement.objects.create(
        centre=staff.centre, child=child_here, offer=own_offer, created_by=staff.schulamt
    )
    Placement.objects.create(
        centre=staff.centre, child=child_there, offer=other_offer, created_by=staff.schulamt
    )
    client = login(staff.school_staff)
    page = client.get(reverse("schulen:school_detail", kwargs={"pk": own.pk}))
    assert page.status_code == 200
    assert "Mariam" in page.text and "Bogdan" not in page.text
    for name, pk in (
        ("schulen:school_detail", neighbour.pk),
        ("schulen:seat_report", neighbour.pk),
        ("schulen:offer_create", neighbour.pk),
        ("schulen:offer_edit", other_offer.pk),
    ):
        assert client.get(reverse(name, kwargs={"pk": pk})).status_code == 404, name
    listing = client.get(reverse("schulen:school_list"))
    assert listing.status_code == 302 and listing.url.endswith(f"/schulen/{own.pk}/")


def test_schulamt_overview_lists_every_school_of_the_area(staff, schools, login):
    own, neighbour = schools
    SchoolFactory(name="Schule in Dortmund", municipality_key="05913000")
    OfferFactory(centre=staff.centre, school=own, seats_total=6)
    page = login(staff.schulamt).get(reverse("schulen:school_list"))
    assert "Eigene Schule" in page.text and "Nachbarschule" in page.text
    assert "Schule in Dortmund" not in page.text
    assert "<strong>6 freie Plätze</strong>" in page.text


def test_report_form_changes_seats_and_shows_history(staff, schools, login):
    own, _ = schools
    offer = OfferFactory(centre=staff.centre, school=own, seats_total=2)
    client = login(staff.school_staff)
    url = reverse("schulen:seat_report", kwargs={"pk": own.pk})
    bad = client.post(url, {f"free_{offer.pk}": "-1"})
    assert bad.status_code == 200 and "has-error" in bad.text
    response = client.post(url, {f"free_{offer.pk}": "6"}, follow=True)
    offer.refresh_from_db()
    assert offer.seats_total == 6
    assert "Freie Plätze gemeldet" in response.text  # history on the school page


def test_area_admin_adds_and_removes_schools(staff, schools, login):
    own, _ = schools
    far = SchoolFactory(municipality_key="05314000", name="Bonner Schule")
    client = login(staff.centre_admin)
    url = reverse("schulen:area")
    client.post(url, {"schulnummer": far.schulnummer, "included": "1"})
    client.post(url, {"schulnummer": own.schulnummer, "included": "0"})
    listing = login(staff.schulamt).get(reverse("schulen:school_list")).text
    assert "Bonner Schule</a>" in listing and "Eigene Schule</a>" not in listing
    client = login(staff.centre_admin)
    client.post(url, {"schulnummer": own.schulnummer, "included": "1"})
    assert not AreaChange.objects.filter(school=own).exists()  # back to the default
    unknown = client.post(url, {"schulnummer": "999999", "included": "1"})
    assert "Keine Schule mit der Schulnummer 999999" in unknown.text


def test_map_data_counts_waiting_children_per_stadtteil(staff, schools, login):
    own, _ = schools
    OfferFactory(centre=staff.centre, school=own, seats_total=6)
    family = FamilyFactory(centre=staff.centre, stadtteil_number="401")
    ChildFactory(family=family, status="ready")
    ChildFactory(family=family, status="placed")  # placed: no longer waiting
    client = login(staff.schulamt)
    geo = json.loads(client.get(reverse("zuweisung:map_stadtteile")).content)
    assert len(geo["features"]) == 86
    counts = {f["properties"]["STT_NR"]: f["properties"]["waiting"] for f in geo["features"]}
    assert counts["401"] == 1 and sum(counts.values()) == 1
    data = json.loads(client.get(reverse("zuweisung:map_schools")).content)
    assert data["schools"][0]["free"] == {"primary": 0, "secondary": 6, "vocational": 0}
    page = client.get(reverse("zuweisung:map"))
    assert "vendor/leaflet/leaflet.js" in page.text and 'data-tiles-url=""' in page.text


def test_admin_links_a_school_account_to_a_school_of_the_area(staff, login):
    school = SchoolFactory(name="Helios")
    outside = SchoolFactory(municipality_key="05913000")
    client = login(staff.centre_admin)
    url = reverse("schulen:staff_links")
    assert "keine Schule – Konto ohne Zugriff" in client.get(url).text
    refused = client.post(url, {"user": staff.school_staff.pk, "schulnummer": outside.schulnummer})
    assert "Keine offene Schule" in refused.text
    not_school = client.post(url, {"user": staff.counsellor.pk, "schulnummer": school.schulnummer})
    assert "Auswahl" in not_school.text or "Nur Konten" in not_school.text
    client.post(url, {"user": staff.school_staff.pk, "schulnummer": school.schulnummer})
    assert staff.school_staff.school_membership.school == school
    assert login(staff.school_staff).get(reverse("schulen:school_list")).status_code == 302

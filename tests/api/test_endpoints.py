"""Scopes, roles, centres, pagination and filters of the endpoints, and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from teilhabe.audit.models import AuditEntry
from tests.api.conftest import ALL_SCOPES

pytestmark = pytest.mark.django_db


# --- scopes and roles --------------------------------------------------------------------


def test_a_missing_scope_is_403(koeln, api):
    client = api(koeln.staff.counsellor, "appointments:read")
    response = client.get("/api/v1/cases/")
    assert response.status_code == 403
    assert "cases:read" in response.json()["detail"]


def test_the_role_is_asked_at_every_request(koeln, api):
    """A token keeps its scopes, but a role that lost the permission gets 403."""
    user = koeln.staff.counsellor
    client = api(user, "cases:read")
    assert client.get("/api/v1/cases/").status_code == 200
    type(user).objects.filter(pk=user.pk).update(role="statistics")
    response = client.get("/api/v1/cases/")
    assert response.status_code == 403
    assert "Rolle" in response.json()["detail"]


@pytest.mark.parametrize(
    ("role", "path", "expected"),
    [
        ("centre_admin", "/api/v1/cases/", 200),
        ("schulamt", "/api/v1/cases/", 200),
        ("schulamt", "/api/v1/appointments/", 403),
        ("school_staff", "/api/v1/schools/", 200),
        ("school_staff", "/api/v1/placements/", 200),
        ("counsellor", "/api/v1/placements/", 200),
    ],
)
def test_roles_reach_what_their_pages_show(koeln, api, role, path, expected):
    client = api(koeln.staff.by_role(role), *ALL_SCOPES)
    response = client.get(path)
    assert response.status_code == expected


def test_school_staff_see_only_their_school(koeln, api):
    from tests.factories import OfferFactory, SchoolFactory

    OfferFactory(centre=koeln.staff.centre, school=SchoolFactory())  # another school of the area
    client = api(koeln.staff.school_staff, "schools:read", "seat_reports:read")
    schools = client.get("/api/v1/schools/").json()["results"]
    assert [s["id"] for s in schools] == [koeln.school.pk]
    offers = client.get("/api/v1/seat-reports/").json()["results"]
    assert [o["id"] for o in offers] == [koeln.offer.pk]


def test_a_schools_placement_shows_only_the_school_fields(koeln, api):
    client = api(koeln.staff.school_staff, "placements:read")
    row = client.get(f"/api/v1/placements/{koeln.placement.pk}/").json()
    assert row["name"] == f"Amira {koeln.proposed_child.last_name}"
    assert "birth_date" not in row and "street" not in row and "notes" not in row


# --- centres -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v1/cases/{}/", "child"),
        ("/api/v1/appointments/{}/", "appointment"),
        ("/api/v1/schools/{}/", "school"),
        ("/api/v1/seat-reports/{}/", "offer"),
        ("/api/v1/placements/{}/", "placement"),
    ],
)
def test_another_centres_object_is_404(koeln, dortmund, api, path, name):
    client = api(koeln.staff.centre_admin, *ALL_SCOPES)
    assert client.get(path.format(getattr(koeln, name).pk)).status_code == 200
    assert client.get(path.format(getattr(dortmund, name).pk)).status_code == 404


def test_lists_hold_only_the_own_centre(koeln, dortmund, api):
    client = api(koeln.staff.centre_admin, "cases:read", "appointments:read")
    ids = {row["id"] for row in client.get("/api/v1/cases/").json()["results"]}
    assert ids == {koeln.child.pk, koeln.proposed_child.pk}
    ids = {row["id"] for row in client.get("/api/v1/appointments/").json()["results"]}
    assert ids == {koeln.appointment.pk}


def test_writes_on_another_centres_objects_are_404(koeln, dortmund, api):
    client = api(
        koeln.staff.centre_admin, "appointments:write", "seat_reports:write", "placements:write"
    )
    booking = {"slot": dortmund.free_slot.pk, "family": koeln.family.pk}
    assert client.post("/api/v1/appointments/", booking, format="json").status_code == 404
    report = {"school": dortmund.school.pk, "free": {str(dortmund.offer.pk): 3}}
    assert client.post("/api/v1/seat-reports/", report, format="json").status_code == 404
    accept = {"start_date": timezone.localdate().isoformat()}
    url = f"/api/v1/placements/{dortmund.placement.pk}/accept/"
    assert client.post(url, accept, format="json").status_code == 404
    assert (
        not AuditEntry.objects.filter(centre=dortmund.staff.centre)
        .exclude(action__startswith="api.")
        .exists()
    )


# --- pagination and filters --------------------------------------------------------------


def test_pages_are_bounded(koeln, api):
    client = api(koeln.staff.counsellor, "cases:read")
    first = client.get("/api/v1/cases/", {"page_size": 1}).json()
    assert first["count"] == 2 and len(first["results"]) == 1 and first["next"]
    assert client.get(first["next"]).json()["results"][0]["id"] != first["results"][0]["id"]
    assert client.get("/api/v1/cases/", {"page": 9}).status_code == 404


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"page_size": 1000}, "page_size", "ganze Zahl von 1 bis 100"),
        ({"page": "eins"}, "page", "ganze Zahl"),
        ({"status": "verloren"}, "status", "Unbekannter Wert"),
        ({"updated_since": "gestern"}, "updated_since", "RFC 3339"),
        ({"family": "-3"}, "family", "Kennnummer"),
        ({"farbe": "blau"}, "farbe", "Unbekannter Filter"),
        ({"status": ["registered", "ready"]}, "status", "nur einmal"),
    ],
)
def test_bad_filters_are_400_in_german_never_ignored(koeln, api, params, field, message):
    client = api(koeln.staff.counsellor, "cases:read")
    response = client.get("/api/v1/cases/", params)
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])


def test_filters_narrow_the_list(koeln, api):
    client = api(koeln.staff.counsellor, "cases:read")
    rows = client.get("/api/v1/cases/", {"status": "proposed"}).json()["results"]
    assert [r["id"] for r in rows] == [koeln.proposed_child.pk]
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    assert client.get("/api/v1/cases/", {"updated_since": future}).json()["count"] == 0
    past = (timezone.now() - dt.timedelta(days=400)).isoformat()
    assert client.get("/api/v1/cases/", {"updated_since": past}).json()["count"] == 2


# --- audit -------------------------------------------------------------------------------


def test_a_list_read_is_one_audit_entry_naming_the_ids(koeln, api):
    client = api(koeln.staff.counsellor, "cases:read")
    before = AuditEntry.objects.filter(action="audit.api.read").count()
    client.get("/api/v1/cases/")
    entries = AuditEntry.objects.filter(action="audit.api.read")
    assert entries.count() == before + 1
    entry = entries.latest("pk")
    assert entry.actor == koeln.staff.counsellor
    assert entry.centre_id == koeln.staff.centre.pk
    assert str(koeln.child.pk) in entry.summary


def test_a_detail_read_is_recorded_on_the_child(koeln, api):
    client = api(koeln.staff.counsellor, "cases:read")
    client.get(f"/api/v1/cases/{koeln.child.pk}/")
    entry = AuditEntry.objects.filter(action="audit.api.read").latest("pk")
    assert (entry.target_type, entry.target_id) == ("seiteneinstieg.child", str(koeln.child.pk))


def test_school_data_is_no_personal_read(koeln, api):
    client = api(koeln.staff.schulamt, "schools:read")
    client.get("/api/v1/schools/")
    assert not AuditEntry.objects.filter(action="audit.api.read").exists()


def test_booking_goes_through_the_service_and_is_audited(
    koeln, api, django_capture_on_commit_callbacks
):
    from tests.factories import FamilyFactory

    family = FamilyFactory(centre=koeln.staff.centre)
    client = api(koeln.staff.counsellor, "appointments:write", "appointments:read")
    body = {"slot": koeln.free_slot.pk, "family": family.pk, "interpreter_language": "uk"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/appointments/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["family"] == family.pk
    assert AuditEntry.objects.filter(action="seiteneinstieg.appointment.booked").count() == 1
    # the same slot again: the service refuses, 409 with its German message
    response = client.post("/api/v1/appointments/", body, format="json")
    assert response.status_code == 404  # no longer among the free slots


def test_a_bad_body_is_400_and_writes_nothing(koeln, api):
    client = api(koeln.staff.counsellor, "appointments:write")
    response = client.post("/api/v1/appointments/", {"slot": "x"}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"slot", "family"}
    assert not AuditEntry.objects.filter(action__startswith="seiteneinstieg.").exists()


def test_registering_a_family(koeln, api):
    client = api(koeln.staff.counsellor, "cases:write")
    body = {
        "address": {"street": "Venloer Str. 12", "postcode": "50672"},
        "guardians": [{"first_name": "Olena", "last_name": "Kovalenko", "language": "uk"}],
        "children": [
            {
                "first_name": "Mykola",
                "last_name": "Kovalenko",
                "birth_date": "2014-03-01",
                "first_language": "uk",
                "arrived_in_germany_on": "2026-08-01",
                "arrived_in_city_on": "2026-08-15",
            }
        ],
    }
    response = client.post("/api/v1/cases/", body, format="json")
    assert response.status_code == 201, response.json()
    assert [c["first_name"] for c in response.json()["cases"]] == ["Mykola"]
    assert AuditEntry.objects.filter(action="seiteneinstieg.family.registered").count() == 1
    body["address"]["postcode"] = "10115"  # Berlin: outside the centre's area
    response = client.post("/api/v1/cases/", body, format="json")
    assert response.status_code == 409
    assert "postcode" in response.json()["errors"]


def test_seat_report_goes_through_the_service(koeln, api):
    client = api(koeln.staff.school_staff, "seat_reports:write")
    body = {"school": koeln.school.pk, "free": {str(koeln.offer.pk): 4}}
    response = client.post("/api/v1/seat-reports/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()[0]["seats_free"] == 4
    assert AuditEntry.objects.filter(action="schulen.seats.reported").count() == 1


def test_school_accepts_and_declines(koeln, api, django_capture_on_commit_callbacks):
    client = api(koeln.staff.school_staff, "placements:write")
    url = f"/api/v1/placements/{koeln.placement.pk}/"
    bad = client.post(url + "accept/", {"start_date": "2001-01-01"}, format="json")
    assert bad.status_code == 409 and "start_date" in bad.json()["errors"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url + "accept/", {"start_date": timezone.localdate().isoformat()}, format="json"
        )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "accepted"
    assert AuditEntry.objects.filter(action="zuweisung.placement.accepted").count() == 1
    again = client.post(url + "decline/", {"reason": "no_seat"}, format="json")
    assert again.status_code == 409
    assert "schon entschieden" in again.json()["detail"]


def test_an_unsupported_method_is_405_with_allow(koeln, api):
    client = api(koeln.staff.school_staff, "placements:write")
    response = client.get(f"/api/v1/placements/{koeln.placement.pk}/accept/")
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert APIClient().delete("/api/v1/cases/").status_code == 401


def test_unknown_api_paths_answer_json_404(koeln, api):
    client = api(koeln.staff.counsellor, "cases:read")
    response = client.post("/api/v1/gibt-es-nicht/", {}, format="json")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"

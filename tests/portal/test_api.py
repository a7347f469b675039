"""The offers endpoint: scope, role, centre, filters and the texts of every language."""

from __future__ import annotations

import pytest

from tests.portal.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_client():
    from django.db import transaction
    from rest_framework.test import APIClient

    from teilhabe.api.services import create_token

    def _client(user, *scopes):
        with transaction.atomic():
            _token, secret = create_token(actor=user, user=user, name="Test", scopes=list(scopes))
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
        return client

    return _client


def test_offers_list_with_texts_and_only_the_own_centre(api_client, staff, other_staff):
    offer = make_offer(staff.centre, texts={"de": "Kurs", "ar": "دورة"}, district="Kalk")
    make_offer(staff.centre, texts={"de": "Beratung"}, category="advice", languages=["tr"])
    make_offer(other_staff.centre, texts={"de": "Fremd"})
    client = api_client(staff.counsellor, "offers:read")
    rows = client.get("/api/v1/offers/").json()["results"]
    assert [r["texts"]["de"]["title"] for r in rows] == ["Kurs", "Beratung"]
    assert rows[0]["texts"]["ar"]["title"] == "دورة"
    assert (
        client.get("/api/v1/offers/", {"category": "advice"}).json()["results"][0]["category"]
        == "advice"
    )
    assert len(client.get("/api/v1/offers/", {"language": "tr"}).json()["results"]) == 1
    assert len(client.get("/api/v1/offers/", {"district": "Kalk"}).json()["results"]) == 1
    assert client.get("/api/v1/offers/", {"category": "x"}).status_code == 400
    assert client.get(f"/api/v1/offers/{offer.pk}/").json()["id"] == offer.pk


def test_another_centres_offer_is_404_and_the_scope_is_needed(api_client, staff, other_staff):
    theirs = make_offer(other_staff.centre)
    client = api_client(staff.centre_admin, "offers:read")
    assert client.get(f"/api/v1/offers/{theirs.pk}/").status_code == 404
    without = api_client(staff.centre_admin, "cases:read")
    assert without.get("/api/v1/offers/").status_code == 403

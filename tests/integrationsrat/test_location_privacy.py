"""A place is public only once a published meeting takes place there (found by the
outside check: the office's address for an unannounced meeting was readable in OParl)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from teilhabe.integrationsrat import services
from teilhabe.integrationsrat.selectors import public_locations

pytestmark = pytest.mark.django_db


def test_the_place_of_an_unpublished_meeting_is_not_public(staff, client):
    actor = staff.centre_admin
    services._council(staff.centre)  # the centre's council exists (its Body in OParl)
    place = services.create_location(
        actor=actor, description="Privatwohnung Vorsitz", street_address="Geheimweg 1"
    )
    start = timezone.now() + dt.timedelta(days=7)
    meeting = services.create_meeting(
        actor=actor, name="Sitzung", start=start, end=start + dt.timedelta(hours=2), location=place
    )
    assert place not in public_locations(staff.centre)
    listing = client.get(f"/oparl/v1/body/{staff.centre.slug}/location/")
    assert listing.status_code == 200 and "Geheimweg" not in listing.text
    assert client.get(f"/oparl/v1/location/{place.pk}/").status_code == 404
    services.add_agenda_item(actor=actor, meeting=meeting, name="Begrüßung")
    services.publish_invitation(actor=actor, meeting=meeting)
    assert place in public_locations(staff.centre)
    assert "Geheimweg" in client.get(f"/oparl/v1/location/{place.pk}/").text

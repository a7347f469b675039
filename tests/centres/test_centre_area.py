"""Creating a centre: its area keys must exist in NRW (checked with teilhabe.geo)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from teilhabe.centres.models import Centre
from teilhabe.centres.services import create_centre

pytestmark = pytest.mark.django_db


def test_centre_of_a_kreis_is_created() -> None:
    centre = create_centre(
        actor=None, name="KI Kreis Soest", slug="soest", area_keys=["05974"], city="Soest"
    )
    assert centre.area_keys == ["05974"]


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (["09162"], "Der Gebietsschlüssel 09162 ist in Nordrhein-Westfalen nicht bekannt."),
        (
            ["05974", "05974999"],
            "Der Gebietsschlüssel 05974999 ist in Nordrhein-Westfalen nicht bekannt.",
        ),
        (["5974"], "„5974“ ist kein Kreis- (5 Ziffern) oder Gemeindeschlüssel (8 Ziffern)."),
    ],
)
def test_unknown_or_malformed_keys_are_refused(keys: list[str], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        create_centre(actor=None, name="KI", slug="ki", area_keys=keys, city="Soest")
    assert caught.value.message_dict["area_keys"] == [message]
    assert not Centre.objects.filter(slug="ki").exists()

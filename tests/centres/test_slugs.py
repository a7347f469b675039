"""A centre's short name is the first part of its public address: it must not be taken."""

import pytest
from django.core.exceptions import ValidationError

from teilhabe.centres.models import Centre, reserved_slugs


@pytest.mark.parametrize("slug", ["api", "portal", "land", "engagement", "static"])
def test_a_slug_of_the_installations_own_pages_is_refused(slug):
    centre = Centre(name="KI", slug=slug, city="Köln", area_keys=["05315"])
    with pytest.raises(ValidationError) as error:
        centre.full_clean(validate_unique=False)
    assert "als Kurzname vergeben" in str(error.value.message_dict["slug"])


def test_an_ordinary_slug_is_accepted():
    assert "koeln" not in reserved_slugs()
    Centre(name="KI", slug="koeln", city="Köln", area_keys=["05315"]).full_clean(
        validate_unique=False
    )

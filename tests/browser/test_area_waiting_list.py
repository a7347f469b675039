"""A Kreis centre (Kreis Soest) registers a family in Werl and filters its waiting list by town."""

from __future__ import annotations

import pytest

from tests.browser.helpers import log_in
from tests.conftest import make_staff
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db(transaction=True)


def town_family(centre, key: str, town: str):
    return FamilyFactory(
        centre=centre,
        city=town,
        municipality_key=key,
        municipality_name=town,
        stadtteil_number="",
        stadtteil_name="",
        stadtbezirk_number="",
        stadtbezirk_name="",
    )


def test_kreis_waiting_list_by_town(page, screenshot):
    staff = make_staff("soest")
    staff.centre.area_keys = ["05974"]
    staff.centre.save(update_fields=["area_keys"])
    ChildFactory(family=town_family(staff.centre, "05974052", "Werl"), first_name="Amir")
    ChildFactory(family=town_family(staff.centre, "05974028", "Lippstadt"), first_name="Lina")
    ChildFactory(family=town_family(staff.centre, "05974028", "Lippstadt"), first_name="Omar")

    log_in(page, staff.counsellor)
    page.goto(page.base_url + "/seiteneinstieg/warteliste/")
    assert page.get_by_label("Stadtbezirk").count() == 0
    assert page.get_by_role("columnheader", name="Ort", exact=True).count() == 1
    rows = page.locator("table.waiting-list tbody tr")
    assert rows.count() == 3
    assert "Lippstadt" in rows.nth(0).inner_text() + rows.nth(1).inner_text()
    page.get_by_label("Ort", exact=True).select_option(label="Werl")
    page.get_by_role("button", name="Anwenden").click()
    page.wait_for_url("**town=05974052*")
    assert rows.count() == 1
    assert "Amir" in rows.nth(0).inner_text() and "Werl" in rows.nth(0).inner_text()
    page.set_viewport_size({"width": 1366, "height": 900})
    screenshot("waiting-list-kreis-1366")
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot("waiting-list-kreis-360")

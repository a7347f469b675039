"""The strict Content-Security-Policy breaks none of our pages' scripts or styles."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.helpers import log_in
from tests.factories import ChildFactory, FamilyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_with_scripts_run_under_the_policy(page, live_server, staff):
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    ChildFactory(family=FamilyFactory(centre=staff.centre))
    log_in(page, staff.centre_admin)
    # the family form: formset.js adds a child's fieldset
    page.goto(live_server.url + reverse("seiteneinstieg:family_create"))
    children = page.locator("fieldset").count()
    page.get_by_role("button", name="Weiteres Kind").click()
    assert page.locator("fieldset").count() > children
    # the map: Leaflet and map.js draw the Stadtteile (SVG paths)
    page.goto(live_server.url + reverse("zuweisung:map"))
    page.locator("#school-map .leaflet-map-pane").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    # the legend's colours come from the stylesheet, not from style attributes
    swatch = page.locator(".swatch-many")
    assert swatch.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(194, 65, 12)"
    assert violations == []

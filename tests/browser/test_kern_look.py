"""The KERN UX look: staff and public pages meet WCAG 2.1 AA (axe-core), load KERN and its
self-hosted font under the strict CSP, and lay out right to left for Arabic.

One demo load and one browser page walk through the pages, so the test stays quick.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from teilhabe.demo.management.commands.load_demo import DEMO_PASSWORD
from teilhabe.seiteneinstieg.models import Child

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(page.base_url + "/")


def _watch_csp(page) -> list[str]:
    """Collect CSP violations reported on the console (inline style, foreign font …)."""
    seen: list[str] = []
    page.on(
        "console",
        lambda msg: seen.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return seen


def test_staff_pages_on_kern_have_no_axe_violations(page, axe_violations):
    call_command(
        "load_demo", "--force", "--children", "40", "--children-soest", "5", stdout=StringIO()
    )
    child = Child.objects.filter(centre__slug="koeln").order_by("pk").first()
    csp = _watch_csp(page)
    found: dict[str, list[dict]] = {}

    _log_in(page, "beratung")
    assert page.evaluate("document.fonts.check('16px \"Fira Sans\"')")
    # KERN's stylesheet is in force: its token resolves on the page
    assert page.evaluate(
        "getComputedStyle(document.documentElement)"
        ".getPropertyValue('--kern-color-action-default').trim() !== ''"
    )
    pages = {
        "start": "/",
        "waiting list": "/seiteneinstieg/warteliste/",
        "child": f"/seiteneinstieg/kinder/{child.pk}/",
        "family": f"/seiteneinstieg/familien/{child.family_id}/",
        "appointments": "/seiteneinstieg/termine/",
        "search": "/seiteneinstieg/suche/?q=a",
    }
    for name, url in pages.items():
        page.goto(page.base_url + url)
        found[name] = axe_violations()

    # a form with errors: KERN's error field (bar, message) next to every wrong field
    page.goto(page.base_url + "/seiteneinstieg/familien/neu/")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".kern-form-input--error").count() > 0
    found["form with errors"] = axe_violations()

    _log_in(page, "schulamt")
    page.goto(page.base_url + "/zuweisung/karte/")
    page.wait_for_selector(".leaflet-container")
    found["map"] = axe_violations()

    assert {name: v for name, v in found.items() if v} == {}
    assert csp == []


@pytest.mark.urls("tests.browser.kern_pages")
def test_public_frame_on_kern_right_to_left(page, axe_violations, staff):
    csp = _watch_csp(page)
    slug = staff.counsellor.centre.slug
    page.goto(page.base_url + f"/{slug}/de/muster/")
    assert axe_violations() == []
    ltr_bar = page.evaluate(
        "getComputedStyle(document.querySelector('.kern-form-input--error')).borderLeftWidth"
    )

    page.goto(page.base_url + f"/{slug}/ar/muster/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert axe_violations() == []
    field = page.locator(".kern-form-input--error").first
    style = field.evaluate(
        "el => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]"
    )
    # the error bar stands at the start of the line: left in German, right in Arabic
    assert ltr_bar == "4px" and style == ["4px", "0px"]
    # the language switch opens and lists all seven languages
    page.locator(".language-switch summary").click()
    assert page.locator(".language-switch li").count() == 7
    assert csp == []

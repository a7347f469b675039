"""The centre's public site in Chromium: axe-core (WCAG 2.1 A/AA) on every public page in
all seven languages, at 360 px width without sideways scrolling, usable by keyboard."""

from __future__ import annotations

import pytest

from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.portal import demo
from teilhabe.portal.models import Offer

PAGES = [
    "",
    "angebote/",
    "angebote/{offer}/",
    "veranstaltungen/",
    "dokumente/",
    "kontakt/",
    "barrierefreiheit/",
]


@pytest.fixture
def site(staff):
    demo.load(staff.centre, actor=staff.centre_admin)
    # one offer without any translation but German: the fallback must pass axe too
    offer = Offer.objects.filter(centre=staff.centre, translations__language="en").first()
    fallback = Offer.objects.filter(centre=staff.centre).exclude(translations__language="fa")
    return staff.centre, offer, fallback.first()


@pytest.mark.django_db(transaction=True)
def test_every_public_page_in_every_language_has_no_axe_violations(
    page, site, axe_violations, screenshot
):
    centre, offer, fallback = site
    page.set_viewport_size({"width": 360, "height": 780})
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    found: dict[str, list] = {}
    widths: dict[str, int] = {}

    def check(url: str) -> None:
        page.goto(page.base_url + url)
        violations = axe_violations()
        if violations:
            found[url] = violations
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            widths[url] = width

    check(f"/{centre.slug}/")
    for lang in PUBLIC_LANGUAGES:
        for path in PAGES:
            check(f"/{centre.slug}/{lang}/" + path.format(offer=offer.pk))
        check(f"/{centre.slug}/{lang}/angebote/{fallback.pk}/")
        if lang in ("ar", "uk"):
            page.goto(page.base_url + f"/{centre.slug}/{lang}/angebote/")
            path = screenshot(f"portal-{lang}-offers-360")
            page.screenshot(path=str(path.with_name(f"portal-{lang}-offers-360-top.png")))
            page.goto(page.base_url + f"/{centre.slug}/{lang}/")
            screenshot(f"portal-{lang}-home-360")
            page.goto(page.base_url + f"/{centre.slug}/{lang}/angebote/{fallback.pk}/")
            screenshot(f"portal-{lang}-offer-fallback-360")
    # the map ran under the CSP: markers drawn, nothing refused
    page.goto(page.base_url + f"/{centre.slug}/de/angebote/")
    assert page.locator("#offer-map path.leaflet-interactive").count() >= 20
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console
    assert not found, found
    assert not widths, f"pages wider than 360 px: {widths}"


@pytest.mark.django_db(transaction=True)
def test_keyboard_alone_reaches_the_offers_and_sends_feedback(page, site):
    centre, _offer, _fallback = site
    page.goto(page.base_url + f"/{centre.slug}/ar/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    for _ in range(12):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.endswith("/ar/angebote/"):
            break
    else:
        pytest.fail("the offers link is not reachable by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{centre.slug}/ar/angebote/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto(page.base_url + f"/{centre.slug}/uk/barrierefreiheit/")
    page.locator("#id_message").focus()
    page.keyboard.type("Карта погано працює з клавіатурою.")
    for _ in range(4):  # page, name, e-mail: the honeypot is skipped (tabindex=-1)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "BUTTON":
            break
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{centre.slug}/uk/barrierefreiheit/")
    assert "Дякуємо" in page.locator(".messages").inner_text()

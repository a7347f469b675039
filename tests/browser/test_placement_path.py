"""From proposal to classroom in Chromium: a run → the Schulamt reads a child's explanation,
overrides one proposal and releases → the school accepts one child with a start date and
declines another with a reason → the declined child waits again, that school excluded,
and the school no longer sees it → the family's letter names the school in German and
Arabic → the school confirms the first day → the metrics change."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.models import Exclusion, Placement
from tests.browser.conftest import SCREENSHOTS
from tests.browser.helpers import log_in
from tests.zuweisung.conftest import (
    area,  # noqa: F401  (the fixture)
    offer_at,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _shots(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_from_run_to_first_school_day(page, browser, staff, area, axe_violations):  # noqa: F811
    Child.objects.filter(centre=staff.centre).update(
        registered_at=timezone.now() - dt.timedelta(days=30)
    )
    log_in(page, staff.schulamt)
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Zuweisung"
    ).click()
    page.get_by_role("button", name="Zuweisung berechnen").click()
    page.get_by_role("link", name="Weiter zum Ergebnis").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Entwurf prüfen")

    # the explanation of the child without a seat, in plain German
    remote = area["remote"]
    item = page.locator(f"#kind-{remote.pk}")
    item.get_by_text("Warum?").click()
    assert "Kein Platz in Reichweite (bis 8 km)" in item.inner_text()
    assert axe_violations() == []
    _shots(page, "zuweisung-entwurf")

    # a seat opens meanwhile, two km nearer the single child's home: the Schulamt moves it
    extra = offer_at(staff, 2, seats=1, name="Gesamtschule West")
    single = area["single"]
    page.locator(f"#kind-{single.pk}").get_by_role("link", name="Anderes Angebot wählen").click()
    option = page.get_by_label("Gesamtschule West", exact=False)
    assert "−2,0 km" in option.locator("xpath=..").inner_text() or "-2,0 km" in (
        option.locator("xpath=..").inner_text()
    )
    option.check()
    page.get_by_role("button", name="Dieses Angebot vorschlagen").click()
    assert "Der Vorschlag ist geändert." in page.inner_text("main")
    assert Placement.objects.get(child=single, status="draft").offer == extra
    page.get_by_role("button", name="3 Vorschläge freigeben und Schulen benachrichtigen").click()
    assert "Die Vorschläge sind an die Schulen gegangen." in page.inner_text("main")

    # the school answers: one accepted with a first school day, one declined with a reason
    school_ctx = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    school = school_ctx.new_page()
    school.set_default_timeout(15_000)
    school.base_url = page.base_url
    log_in(school, staff.school_staff)
    assert "2 Vorschläge warten auf Ihre Antwort." in school.inner_text("main")
    school.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Platzvorschläge"
    ).click()
    _shots(school, "schule-vorschlaege")
    first, second = area["siblings"]
    school.get_by_role("link", name=f"Zusagen {first.first_name} {first.last_name}").click()
    start = timezone.localdate() - dt.timedelta(days=1)
    school.get_by_label("Erster Schultag").fill(start.isoformat())
    school.get_by_role("button", name="Aufnahme bestätigen").click()
    assert "Bitte bestätigen Sie die Aufnahme." in school.inner_text("main")
    _shots(school, "schule-zusage-fehler")
    school.get_by_label("Ich bestätige: die Schule nimmt das Kind zu diesem Tag auf.").check()
    school.get_by_role("button", name="Aufnahme bestätigen").click()
    assert "Die Aufnahme ist gespeichert" in school.inner_text("main")

    school.get_by_role("link", name=f"Absagen {second.first_name} {second.last_name}").click()
    school.get_by_label("Grund").select_option(label="Kein Platz mehr frei")
    school.get_by_label("Erläuterung").fill("Klasse 7 ist voll")
    school.get_by_label(
        "Ich bestätige die Ablehnung. Das Kind wird einer anderen Schule vorgeschlagen."
    ).check()
    school.get_by_role("button", name="Absage senden").click()
    assert "Die Ablehnung ist gespeichert." in school.inner_text("main")
    body = school.inner_text("main")
    assert f"{second.first_name} {second.last_name}" not in body
    second.refresh_from_db()
    assert second.status == "ready"
    assert Exclusion.objects.filter(child=second, school=area["far"].school).exists()

    # the family's letter names the school in German and in Arabic
    placement = Placement.objects.get(child=first, status="accepted")
    page.context.clear_cookies()
    log_in(page, staff.counsellor)
    page.goto(page.base_url + f"/seiteneinstieg/kinder/{first.pk}/")
    href = page.get_by_role("link", name="Brief an die Familie (PDF)").get_attribute("href")
    pdf = page.request.get(page.base_url + href)
    assert pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert text.count("Gesamtschule Nord") >= 2  # the German part and the Arabic part
    assert "Ihr Kind hat einen Schulplatz" in text
    (SCREENSHOTS / "schulplatz-brief.pdf").write_bytes(pdf.body())

    # metrics before and after the first school day
    page.goto(page.base_url + "/zuweisung/kennzahlen/")
    before = page.locator("dl.facts dd").first.inner_text()
    school.get_by_role(
        "link", name=f"Ersten Schultag bestätigen {first.first_name} {first.last_name}"
    ).first.click()
    school.get_by_label("Erster Schultag (tatsächlich)").fill(start.isoformat())
    school.get_by_role("button", name="Ersten Schultag bestätigen").click()
    assert "Der erste Schultag ist bestätigt." in school.inner_text("main")
    placement.refresh_from_db()
    assert placement.status == "attending"
    page.reload()
    after = page.locator("dl.facts dd").first.inner_text()
    assert (before, after) == ("0", "1")
    _shots(page, "zuweisung-kennzahlen")
    assert axe_violations() == []
    school_ctx.close()

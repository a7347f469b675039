"""The statewide office creates a centre for Kreis Soest, previews a directory import and
looks at every centre's figures (screenshots at 1366 and 360 px)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from teilhabe.centres.models import Centre, User
from teilhabe.centres.roles import Role
from teilhabe.notify.models import OutboxMail
from teilhabe.schulen.models import School
from tests.browser.helpers import log_in
from tests.factories import ChildFactory, FamilyFactory, OfferFactory, SchoolFactory

pytestmark = pytest.mark.django_db(transaction=True)

DATA = Path(__file__).resolve().parents[1] / "schulen" / "data"
WIDTHS = (1366, 360)


def _shots(page, screenshot, name: str, axe=None) -> None:
    """Screenshots at both widths; with ``axe``, the page must have no axe-core violations."""
    if axe is not None:
        assert axe() == [], name
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(f"statewide-{name}-{width}")
    page.set_viewport_size({"width": 1366, "height": 900})


def test_statewide_office_creates_kreis_soest_with_its_administrator(
    page, staff, screenshot, axe_violations
):
    log_in(page, staff.state_office)
    assert page.get_by_role("heading", name="Zentren in NRW").is_visible()
    _shots(page, screenshot, "home", axe_violations)
    page.get_by_role("link", name="Zentren", exact=True).first.click()
    page.get_by_role("link", name="Zentrum anlegen").click()
    _shots(page, screenshot, "centre-form", axe_violations)

    page.locator("#id_name").fill("KI Kreis Soest")
    page.locator("#id_slug").fill("kreis-soest")
    page.locator("#id_area_keys").fill("0597")
    page.locator("#id_city").fill("Soest")
    page.locator("#id_admin_first_name").fill("Eva")
    page.locator("#id_admin_last_name").fill("Berg")
    page.locator("#id_admin_email").fill("eva.berg@kreis-soest.example")
    page.get_by_role("button", name="Zentrum anlegen und einladen").click()
    assert page.get_by_text("„0597“ ist kein gültiger Gebietsschlüssel").is_visible()
    _shots(page, screenshot, "centre-form-error")
    assert not Centre.objects.filter(slug="kreis-soest").exists()

    page.locator("#id_area_keys").fill("05974")
    page.get_by_role("button", name="Zentrum anlegen und einladen").click()
    page.wait_for_url("**/land/zentren/")
    assert page.get_by_text("KI Kreis Soest ist angelegt").is_visible()
    row = page.get_by_role("row", name="KI Kreis Soest")
    assert "05974" in row.inner_text()
    _shots(page, screenshot, "centres", axe_violations)

    centre = Centre.objects.get(slug="kreis-soest")
    admin = User.objects.get(centre=centre)
    assert admin.role == Role.CENTRE_ADMIN and not admin.has_usable_password()
    assert OutboxMail.objects.filter(to=["eva.berg@kreis-soest.example"]).exists()


def test_statewide_office_previews_a_one_row_koeln_file(
    page, staff, screenshot, tmp_path, axe_violations
):
    for i in range(9):
        SchoolFactory(name=f"Städtische Schule {i + 1}")
    loaded = SchoolFactory(name="Gesamtschule mit Vorbereitungsklasse")
    OfferFactory(centre=staff.centre, school=loaded)
    itnrw = (DATA / "itnrw_sample.csv").read_bytes()
    path = tmp_path / "koeln-auszug.csv"
    path.write_bytes(b"\n".join(itnrw.split(b"\n")[:2]) + b"\n")

    log_in(page, staff.state_office)
    page.goto(page.base_url + "/land/verzeichnis/")
    page.get_by_label("Datei").set_input_files(str(path))
    page.get_by_role("button", name="Hochladen und Vorschau zeigen").click()
    page.wait_for_url("**/land/verzeichnis/*/")
    alert = page.get_by_role("alert").filter(has_text="sehr viele Schließungen")
    assert "10 von 10 Schulen würden geschlossen" in alert.inner_text()
    _shots(page, screenshot, "directory-preview", axe_violations)
    page.get_by_role("button", name="Import bestätigen").click()
    assert page.get_by_text("bestätigen Sie die Schließungen ausdrücklich").first.is_visible()
    assert School.objects.filter(closed_at__isnull=False).count() == 0
    page.get_by_label("Ich habe die Schließungen geprüft").check()
    page.get_by_role("button", name="Import bestätigen").click()
    page.wait_for_url("**/land/verzeichnis/")
    assert page.get_by_text("1 neu, 0 geändert, 10 geschlossen").first.is_visible()
    assert School.objects.filter(closed_at__isnull=False).count() == 10


def test_statewide_figures_page(page, staff, other_staff, screenshot, axe_violations):
    now = timezone.now()
    for centre, n, status in (
        (staff.centre, 7, "registered"),
        (staff.centre, 4, "ready"),
        (staff.centre, 1, "counselled"),
        (other_staff.centre, 3, "assessed"),
        (other_staff.centre, 5, "registered"),
    ):
        family = FamilyFactory(centre=centre)
        for _ in range(n):
            ChildFactory(family=family, status=status, registered_at=now - dt.timedelta(days=35))
    family = FamilyFactory(centre=staff.centre)
    for days in (12, 20, 31, 44):
        ChildFactory(
            family=family,
            status="placed",
            registered_at=now - dt.timedelta(days=days + 5),
            placed_at=now - dt.timedelta(days=5),
        )
    log_in(page, staff.state_office)
    page.get_by_role("link", name="Landesweite Zahlen").first.click()
    table = page.get_by_role("table")
    assert "< 3" in table.inner_text()
    assert "Kovalenko" not in page.content()
    _shots(page, screenshot, "figures", axe_violations)

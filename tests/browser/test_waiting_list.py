"""A counsellor filters the demo waiting list by Stadtbezirk in Chromium."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from teilhabe.demo.management.commands.load_demo import DEMO_PASSWORD
from teilhabe.seiteneinstieg.choices import WAITING_STATUSES
from teilhabe.seiteneinstieg.models import Child, Family

pytestmark = pytest.mark.django_db(transaction=True)


def test_filter_waiting_list_by_stadtbezirk(page, screenshot):
    call_command(
        "load_demo", "--force", "--children", "120", "--children-soest", "20", stdout=StringIO()
    )
    bezirk = (
        Family.objects.filter(centre__slug="koeln")
        .values("stadtbezirk_number", "stadtbezirk_name")
        .annotate(n=Count("children"))
        .order_by("-n")
        .first()
    )
    expected = Child.objects.filter(
        centre__slug="koeln",
        status__in=WAITING_STATUSES,
        family__stadtbezirk_number=bezirk["stadtbezirk_number"],
    ).count()

    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill("beratung")
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name="Warteliste").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Warteliste"
    screenshot("waiting-list")

    page.get_by_label("Stadtbezirk").select_option(bezirk["stadtbezirk_number"])
    page.get_by_role("button", name="Anwenden").click()
    page.wait_for_url("**stadtbezirk=*")
    rows = page.locator("table.waiting-list tbody tr")
    assert rows.count() == min(expected, 50)
    for text in rows.all_inner_texts():
        assert bezirk["stadtbezirk_name"] in text
    assert f"{expected} Kind" in page.inner_text("main")
    screenshot("waiting-list-filtered")


def test_statistics_page_for_the_statistics_reader(page, screenshot):
    call_command(
        "load_demo", "--force", "--children", "120", "--children-soest", "20", stdout=StringIO()
    )
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill("statistik")
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name="Statistik").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Statistik Seiteneinstieg"
    assert page.get_by_role("link", name="Warteliste").count() == 0
    table = page.get_by_role("table", name="Wartende Kinder nach Stadtbezirk")
    assert table.locator("tbody tr").count() == 9
    screenshot("statistics")

"""Funding end to end in the browser: the centre defines a Baustein A call with a flat
amount per room; an organisation applies for three rooms and is told the cap is two, applies
for two; a reviewer asks for a change, the organisation changes it, the reviewer passes it
but cannot decide; a second person approves; the decision PDF opens; the organisation
requests money; a receipt dated outside the funding period is refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from teilhabe.foerderung import services
from teilhabe.foerderung.models import Application
from teilhabe.notify.models import OutboxMail
from tests.browser.helpers import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _fill(page, name: str, value: str) -> None:
    page.locator(f"[name='{name}']").fill(value)


def test_funding_from_call_to_proof_of_use(page, browser, live_server, staff):
    today = timezone.localdate()
    admin = staff.centre_admin
    reviewer = UserFactory(centre=staff.centre, role="centre_admin", username="pruefer")
    services.create_year(
        actor=admin,
        year=today.year,
        period_start=dt.date(today.year, 1, 1),
        period_end=dt.date(today.year, 12, 31),
        grants={"A": 20_000_00},
    )

    # the centre defines the call
    log_in(page, admin)
    page.goto(page.base_url + "/foerderung/aufrufe/neu/")
    page.locator("[name='year']").select_option(label=str(today.year))
    page.locator("[name='baustein']").select_option("A")
    _fill(page, "title", "Ankommenstreffpunkte Räume")
    _fill(page, "description", "Räume für Ankommenstreffpunkte")
    page.locator("[name='financing_type']").select_option("fixed")
    _fill(page, "flat_amount", "3.000,00")
    _fill(page, "unit_label", "Raum")
    _fill(page, "max_units", "2")
    _fill(page, "opens_on", today.isoformat())
    _fill(page, "deadline", (today + dt.timedelta(days=30)).isoformat())
    _fill(
        page,
        "def-fields_text",
        "Text | Titel des Vorhabens | Pflicht\nLangtext | Beschreibung | Pflicht",
    )
    _fill(page, "def-attachments_text", "")
    _fill(page, "def-cost_lines_text", "Miete\nAusstattung")
    page.get_by_role("button", name="Aufruf anlegen").click()
    page.get_by_role("button", name="Status: Veröffentlicht").click()
    page.get_by_text("Status des Aufrufs geändert.").wait_for()
    call_url = page.get_by_role("link", name="öffentliche Seite", exact=True).get_attribute("href")

    # the organisation starts without an account and gets its link by mail
    public = browser.new_context(locale="de-DE").new_page()
    public.goto(live_server.url + call_url)
    _fill(public, "organisation_name", "Kulturverein Ehrenfeld e. V.")
    public.locator("[name='organisation_kind']").select_option("club")
    _fill(public, "organisation_email", "info@kulturverein.example")
    _fill(public, "contact_name", "Ayşe Yılmaz")
    _fill(public, "contact_email", "ayse@kulturverein.example")
    public.get_by_role("button", name="Link zusenden").click()
    public.get_by_text("Bitte schauen Sie in Ihr E-Mail-Postfach").wait_for()
    mail = OutboxMail.objects.get(subject__startswith="Ihr Förderantrag")
    link = re.search(r"http\S*/foerderung/antrag/\S+/", mail.body).group(0)
    link = live_server.url + link[link.index("/", 8) :]

    def apply(rooms: int, title: str) -> None:
        public.goto(link)
        _fill(public, "f_titel_des_vorhabens", title)
        _fill(public, "f_beschreibung", "Offener Treff mittwochs")
        _fill(public, "cost_miete", f"{rooms * 3000},00")
        _fill(public, "units", str(rooms))
        _fill(public, "requested", f"{rooms * 3000},00")
        public.locator("[name='de_minimis_declared']").check()
        public.get_by_role("button", name="Einreichen").click()

    apply(3, "Treffpunkt Ehrenfeld")
    public.get_by_text("Höchstens 2 × Raum förderfähig (beantragt: 3).").wait_for()
    assert public.locator("[name='units']").input_value() == "3"  # what was typed stays
    assert Application.objects.get().status == "draft"
    apply(2, "Treffpunkt Ehrenfeld")
    public.get_by_text("Ihr Antrag ist eingereicht.").wait_for()
    application = Application.objects.get()

    # the reviewer asks for a change
    reviewer_page = browser.new_context(locale="de-DE").new_page()
    reviewer_page.base_url = live_server.url
    log_in(reviewer_page, reviewer)
    detail = f"{live_server.url}/foerderung/antraege/{application.pk}/"

    def review(step: str, note: str = "") -> None:
        reviewer_page.goto(detail)
        reviewer_page.locator("[name='step']").select_option(step)
        _fill(reviewer_page, "note", note)
        reviewer_page.get_by_role("button", name="Prüfung speichern").click()
        reviewer_page.get_by_text("Prüfung gespeichert.").wait_for()

    review("changes", "Bitte den Stadtteil im Titel nennen.")
    public.goto(link)
    public.get_by_text("Bitte den Stadtteil im Titel nennen.").wait_for()
    apply(2, "Treffpunkt Köln-Ehrenfeld")
    public.get_by_text("Ihr Antrag ist eingereicht.").wait_for()
    review("formal_ok")
    review("passed")

    # the reviewer cannot decide
    reviewer_page.goto(detail)
    reviewer_page.locator("#four-eyes").wait_for()
    reviewer_page.get_by_role("button", name="Entscheiden und Bescheid senden").click()
    reviewer_page.get_by_text("Vier-Augen-Prinzip: Wer den Antrag geprüft hat").wait_for()
    assert Application.objects.get().status == "reviewed"

    # a second person approves; the decision PDF opens
    page.goto(detail)
    page.get_by_label("Bewilligen").check()
    _fill(page, "conditions", "Mietvertrag vorlegen")
    page.get_by_role("button", name="Entscheiden und Bescheid senden").click()
    page.get_by_text("Entscheidung gespeichert").wait_for()
    pdf = page.request.get(page.base_url + f"/foerderung/antraege/{application.pk}/bescheid.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    public.goto(link)
    public_pdf = public.request.get(
        live_server.url + public.locator("#letter-link").get_attribute("href")
    )
    assert public_pdf.body().startswith(b"%PDF")

    # the organisation requests money
    public.locator("#payment-form [name='amount']").fill("3.000,00")
    public.locator("#payment-form [name='purpose']").fill("Miete erstes Halbjahr")
    public.get_by_role("button", name="Geld abrufen").click()
    public.get_by_text("Ihr Mittelabruf ist eingegangen.").wait_for()
    public.locator("#payment-form [name='amount']").fill("3.000,01")
    public.get_by_role("button", name="Geld abrufen").click()
    public.get_by_text("Abrufbar sind noch 3.000,00 €").wait_for()

    # a receipt outside the funding period is refused
    receipt = public.locator("#receipt-form")
    receipt.locator("[name='date']").fill(dt.date(today.year - 1, 12, 31).isoformat())
    receipt.locator("[name='payee']").fill("GAG Immobilien AG")
    receipt.locator("[name='purpose']").fill("Miete Dezember")
    public.locator("#receipt-form [name='amount']").fill("500,00")
    public.get_by_role("button", name="Beleg speichern").click()
    public.get_by_text("liegt außerhalb des Förderzeitraums").wait_for()
    assert not application.proof.receipts.exists()

"""Interkulturelle Öffnung in the browser: a department contact updates a measure, the
coordinator produces the council report, an employee answers the survey with a code."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from teilhabe.oeffnung.models import Measure, SurveyAnswer
from teilhabe.oeffnung.services import survey as survey_services
from tests.browser.conftest import SCREENSHOTS
from tests.browser.helpers import log_in
from tests.factories import DepartmentFactory, MeasureFactory, WaveFactory, link_department

pytestmark = pytest.mark.django_db(transaction=True)


def test_contact_updates_own_measure_and_reads_a_colleagues(page, staff, screenshot):
    own = DepartmentFactory(centre=staff.centre, number="11", name="Personalamt")
    other = DepartmentFactory(centre=staff.centre, number="53", name="Gesundheitsamt")
    link_department(staff.department_contact, own)
    mine = MeasureFactory(department=own, title="Mehrsprachige Stellenanzeigen", progress=20)
    theirs = MeasureFactory(department=other, title="Gesundheitslotsen", progress=50)

    log_in(page, staff.department_contact)
    page.get_by_role("link", name="Maßnahmenprogramm", exact=True).click()
    screenshot("oeffnung-measure-list")
    page.get_by_role("link", name=re.compile(r"bearbeiten\W+Mehrsprachige")).click()
    assert _axe(page) == []
    page.get_by_label("Fortschritt (%)").fill("140")
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_role("alert").filter(has_text="zwischen 0 und 100 %").is_visible()
    page.get_by_label("Fortschritt (%)").fill("65")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Maßnahme gespeichert.").wait_for()
    mine.refresh_from_db()
    assert mine.progress == 65

    page.goto(page.base_url + f"/oeffnung/massnahmen/{theirs.pk}/")
    assert page.get_by_role("note").filter(has_text="Nur lesen").is_visible()
    assert page.get_by_role("link", name="Maßnahme bearbeiten").count() == 0
    screenshot("oeffnung-measure-readonly")
    assert Measure.objects.get(pk=theirs.pk).progress == 50


def test_coordinator_produces_the_council_report(page, staff, screenshot):
    department = DepartmentFactory(centre=staff.centre, number="16", name="Amt für Integration")
    for i, status in enumerate(["in_progress", "done", "planned", "paused"]):
        MeasureFactory(
            department=department,
            title=f"Maßnahme {i + 1}",
            status=status,
            progress=100 if status == "done" else 30,
            category="AB"[i % 2],
            planned_cost=10000 * (i + 1),
            spent_cost=4000 * (i + 1),
        )
    log_in(page, staff.centre_admin)
    page.goto(page.base_url + "/oeffnung/bericht/")
    page.get_by_label("Titel").fill("Fortschrittsbericht 2026")
    page.get_by_label("Berichtsjahr").fill("2026")
    page.get_by_role("button", name="Bericht anlegen").click()
    page.get_by_label("Einleitung").fill("Der Rat hat um einen Bericht gebeten.")
    page.get_by_role("button", name="Texte speichern").click()
    page.get_by_text("Texte gespeichert.").wait_for()
    page.get_by_role("button", name="Bericht abschließen").click()
    page.get_by_text("unveränderlich gespeichert").wait_for()
    assert _axe(page) == []
    screenshot("oeffnung-report")
    href = page.get_by_role("link", name="Bericht als PDF").get_attribute("href")
    response = page.request.get(page.base_url + href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Der Rat hat um einen Bericht gebeten." in text and "Maßnahme 3" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf_path = SCREENSHOTS / "oeffnung-report.pdf"
    pdf_path.write_bytes(response.body())
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                str(pdf_path),
                str(SCREENSHOTS / "oeffnung-report-pdf"),
            ],
            check=True,
        )


def _axe(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results.response["violations"]
    ]


def test_employee_answers_with_a_code_and_a_second_use_is_refused(browser, live_server, staff):
    department = DepartmentFactory(centre=staff.centre, name="Bürgerdienste")
    wave = WaveFactory(centre=staff.centre, departments=[department])
    code = survey_services.issue_codes(
        actor=staff.centre_admin, wave=wave, department=department, count=1
    )[0]
    context = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 780})
    page = context.new_page()
    start = f"{live_server.url}/{staff.centre.slug}/befragung/"
    page.goto(start)
    page.get_by_label("Zugangscode").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Fragebogen öffnen").click()
    page.get_by_role("heading", name=re.compile("Beschäftigtenbefragung")).wait_for()
    assert _axe(page) == []
    # submit without the one required answer: the summary links to the question
    page.get_by_role("button", name="Antwort absenden").click()
    page.get_by_role("link", name=re.compile("Sind Sie heute Deutsche")).click()
    you = page.get_by_role("group", name="Angaben zu Ihnen")
    you.get_by_role("group", name=re.compile("Sind Sie heute")).get_by_label("ja").check()
    you.get_by_label("Geburtsland (heutige Grenzen)").select_option("TR")
    you.get_by_role("group", name=re.compile("seit der Geburt")).get_by_label("nein").check()
    you.get_by_label("Jahr des Zuzugs nach Deutschland").fill("1994")
    page.screenshot(path=str(SCREENSHOTS / "oeffnung-survey-360.png"), full_page=True)
    page.get_by_role("button", name="Antwort absenden").click()
    page.get_by_role("heading", name="Vielen Dank!").wait_for()
    assert SurveyAnswer.objects.get().immigration_year == 1994

    page.goto(start + "?lang=en")
    page.get_by_label("Access code").fill(code)
    page.get_by_role("button", name="Open the questionnaire").click()
    assert page.get_by_role("alert").filter(has_text="already been used").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "oeffnung-survey-refused-360.png"), full_page=True)
    assert SurveyAnswer.objects.count() == 1
    context.close()


def test_results_page_shows_protected_shares(page, staff, screenshot):
    from teilhabe.oeffnung import demo
    from teilhabe.oeffnung.models import SurveyWave

    demo.load(staff.centre, answers=200)
    wave = SurveyWave.objects.get()
    log_in(page, staff.statistics)
    page.goto(page.base_url + f"/oeffnung/befragung/{wave.pk}/")
    page.get_by_role("table", name=re.compile("Migrationshintergrund")).wait_for()
    assert _axe(page) == []
    screenshot("oeffnung-survey-results")
    assert page.get_by_text("Vergleichswert Bevölkerung: 34,5 %").count() == 1


def test_employee_registers_for_a_course_and_confirms_by_mail_link(browser, live_server, staff):
    from teilhabe.notify.models import OutboxMail
    from teilhabe.oeffnung.models import AllowedMailDomain, Registration
    from tests.factories import CourseFactory, SessionFactory

    AllowedMailDomain.objects.create(centre=staff.centre, domain="stadt-koeln.de")
    course = CourseFactory(centre=staff.centre, title="Interkulturelle Kompetenz", capacity=1)
    SessionFactory(course=course)
    context = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(f"{live_server.url}/{staff.centre.slug}/fortbildung/")
    page.get_by_role("link", name=re.compile("Anmelden")).click()
    page.get_by_label("Vorname").fill("Mira")
    page.get_by_label("Nachname").fill("Beispiel")
    page.get_by_label("Dienstliche E-Mail-Adresse").fill("mira@gmail.com")
    page.get_by_role("button", name="Anmelden").click()
    assert page.get_by_role("alert").filter(has_text="dienstliche E-Mail-Adresse").is_visible()
    page.get_by_label("Dienstliche E-Mail-Adresse").fill("mira.beispiel@stadt-koeln.de")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_text("Fast geschafft").wait_for()
    body = OutboxMail.objects.get(to=["mira.beispiel@stadt-koeln.de"]).body
    link = re.search(r"(/\S+/fortbildung/bestaetigen/\S+/)", body).group(1)
    page.goto(live_server.url + link)
    page.get_by_role("button", name="Anmeldung bestätigen").click()
    page.get_by_text("Sie sind angemeldet").wait_for()
    page.screenshot(path=str(SCREENSHOTS / "oeffnung-training-confirmed-360.png"), full_page=True)
    assert Registration.objects.get().status == "confirmed"
    context.close()

"""The council's office runs a meeting end to end in the browser; the public page and OParl
show the public part only, and the members' packet PDF opens."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.utils import timezone

from teilhabe.integrationsrat import services
from teilhabe.integrationsrat.models import Meeting
from tests.browser.helpers import log_in
from tests.integrationsrat.conftest import pdf_upload

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "Personalangelegenheit Geschäftsstelle"


def _members(office):
    today = timezone.localdate()
    term = services.create_term(
        actor=office,
        name="Wahlperiode 2025–2030",
        start_date=today - dt.timedelta(days=30),
        end_date=today + dt.timedelta(days=1500),
    )
    for i, (given, family) in enumerate(
        [
            ("Aylin", "Demirtaş"),
            ("Kostas", "Papadakis"),
            ("Olena", "Hrytsenko"),
            ("Samir", "Haddad"),
        ]
    ):
        services.add_member(
            actor=office,
            term=term,
            role="chair" if i == 0 else "member",
            kind="elected",
            group="Liste Gemeinsam",
            start_date=term.start_date,
            given_name=given,
            family_name=family,
            consent_name=True,
            consent_group=True,
        )
    for given, family in [("Claudia", "Brenner"), ("Markus", "Hoffmann")]:
        services.add_member(
            actor=office,
            term=term,
            role="member",
            kind="council",
            group="Ratsfraktion",
            start_date=term.start_date,
            given_name=given,
            family_name=family,
            consent_name=True,
        )
    return services.create_location(
        actor=office,
        description="Historisches Rathaus",
        room="Ratssaal",
        street_address="Rathausplatz 2",
        postal_code="50667",
        locality="Köln",
    )


def _shots(page, screenshot, name):
    for width in (1366, 360):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(f"integrationsrat-{name}-{width}")
    page.set_viewport_size({"width": 1366, "height": 900})


def test_office_runs_a_meeting_and_the_public_sees_the_public_part(
    page, staff, screenshot, tmp_path
):
    from pypdf import PdfReader

    office = staff.council_office
    _members(office)
    base = page.base_url
    log_in(page, office)

    # a paper with an attached PDF
    page.goto(base + "/integrationsrat/vorlagen/neu/")
    page.fill("input[name=reference]", "IR/0150/2026")
    page.fill("input[name=name]", "Mehrsprachige Informationen zur Einbürgerung")
    page.select_option("select[name=paper_type]", "motion")
    page.fill("input[name=date]", timezone.localdate().isoformat())
    page.fill("textarea[name=text]", "Der Integrationsrat bittet die Verwaltung um Übersetzungen.")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(re.compile(r"/integrationsrat/vorlagen/\d+/$"))
    upload = tmp_path / "begruendung.pdf"
    upload.write_bytes(pdf_upload().read())
    page.set_input_files("input[name=upload]", str(upload))
    page.fill("form.upload input[name=name]", "Begründung")
    page.get_by_role("button", name="Hochladen").click()
    page.get_by_text("Datei hochgeladen.").wait_for()

    # the meeting
    start = timezone.localtime() + dt.timedelta(days=10)
    page.goto(base + "/integrationsrat/sitzungen/neu/")
    page.fill("input[name=name]", "5. Sitzung des Integrationsrats")
    page.fill("input[name=start]", start.strftime("%Y-%m-%dT17:00"))
    page.fill("input[name=end]", start.strftime("%Y-%m-%dT16:00"))
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Das Ende der Sitzung muss nach dem Beginn liegen.").wait_for()
    page.fill("input[name=end]", start.strftime("%Y-%m-%dT19:30"))
    page.select_option("select[name=location]", label="Historisches Rathaus, Ratssaal")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(re.compile(r"/integrationsrat/sitzungen/\d+/$"))
    meeting = Meeting.objects.get(name="5. Sitzung des Integrationsrats")

    # three agenda items, one non-public, one with the paper
    for name, public, paper in (
        ("Begrüßung und Genehmigung der Tagesordnung", True, None),
        ("Mehrsprachige Informationen zur Einbürgerung", True, "IR/0150/2026"),
        (SECRET, False, None),
    ):
        form = page.locator("form[action$='/top/']")
        form.locator("input[name=name]").fill(name)
        if paper:
            form.locator("select[name=paper]").select_option(label=f"{paper} {name}")
        if not public:
            form.locator("input[name=public]").uncheck()
        form.get_by_role("button", name="Hinzufügen").click()
        page.get_by_text("Tagesordnungspunkt angelegt.").wait_for()
    page.get_by_role("button", name="Einladung veröffentlichen").click()
    page.get_by_text("Einladung veröffentlicht.").wait_for()

    # attendance: four of six present
    for name in ("Aylin Demirtaş", "Kostas Papadakis", "Olena Hrytsenko", "Claudia Brenner"):
        page.get_by_label(re.compile(name)).check()
    page.get_by_role("button", name="Anwesenheit speichern").click()
    page.get_by_text("Anwesenheit gespeichert.").wait_for()

    # votes on TOP 2: too many first (German error), then right
    row = page.locator("table.agenda tbody tr").nth(1)
    row.get_by_text("Ergebnis erfassen").click()
    row.locator("select[name$=outcome]").select_option("adopted")
    row.locator("input[name$=-yes]").fill("4")
    row.locator("input[name$=-no]").fill("1")
    row.get_by_role("button", name=re.compile("Ergebnis TOP 2")).click()
    page.get_by_text(re.compile("5 abgegebene Stimmen .* nur 4 Mitglieder anwesend")).wait_for()
    row = page.locator("table.agenda tbody tr").nth(1)
    row.get_by_text("Ergebnis erfassen").click()
    row.locator("select[name$=outcome]").select_option("adopted")
    row.locator("input[name$=-yes]").fill("3")
    row.locator("input[name$=-no]").fill("0")
    row.locator("input[name$=-abstain]").fill("1")
    row.get_by_role("button", name=re.compile("Ergebnis TOP 2")).click()
    page.get_by_text("Ergebnis zu TOP 2 gespeichert.").wait_for()
    _shots(page, screenshot, "office-meeting")

    # minutes: two versions, approved at the next meeting
    page.get_by_role("link", name="Niederschrift").first.click()
    for text in ("Entwurf der Niederschrift", "Niederschrift, zweite Fassung"):
        page.fill("textarea[name=text]", text)
        page.fill("textarea[name=public_text]", "Der Antrag wurde angenommen.")
        page.get_by_role("button", name="Als neue Fassung speichern").click()
        page.get_by_text("Neue Fassung der Niederschrift gespeichert.").wait_for()
    assert page.get_by_text("Fassung 2 vom").is_visible()
    nxt = services.create_meeting(
        actor=office,
        name="6. Sitzung des Integrationsrats",
        start=meeting.start + dt.timedelta(days=28),
        end=meeting.end + dt.timedelta(days=28),
    )
    page.goto(base + f"/integrationsrat/sitzungen/{meeting.pk}/")
    page.select_option("select[name=approved_in]", str(nxt.pk))
    page.get_by_role("button", name="Niederschrift genehmigen").click()
    page.get_by_text("Niederschrift genehmigt.").wait_for()
    page.goto(base + f"/integrationsrat/sitzungen/{meeting.pk}/niederschrift/")
    assert page.get_by_text("kann nicht mehr geändert werden").is_visible()
    assert page.locator("textarea[name=text]").count() == 0

    # the packet PDF opens and holds all three items
    response = page.request.get(base + f"/integrationsrat/sitzungen/{meeting.pk}/mappe.pdf")
    assert response.status == 200
    reader = PdfReader(io.BytesIO(response.body()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert SECRET in text and "IR/0150/2026" in text

    for name, path in (
        ("office-overview", "/integrationsrat/"),
        ("office-members", "/integrationsrat/mitglieder/"),
        ("office-minutes", f"/integrationsrat/sitzungen/{meeting.pk}/niederschrift/"),
    ):
        page.goto(base + path)
        _shots(page, screenshot, name)
    page.goto(base + "/integrationsrat/vorlagen/")
    page.get_by_role("link", name="IR/0150/2026").click()
    page.get_by_text("Begründung").first.wait_for()
    _shots(page, screenshot, "office-paper")

    # the public page (no login) and OParl show the public part only
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/anmelden/**")
    page.goto(base + f"/{staff.centre.slug}/integrationsrat/sitzung/{meeting.pk}/")
    body = page.locator("main").inner_text()
    assert "Mehrsprachige Informationen zur Einbürgerung" in body
    assert "Ja 3, Nein 0, Enthaltung 1" in body
    assert "Der Antrag wurde angenommen." in body
    assert SECRET not in body
    _shots(page, screenshot, "public-meeting")
    page.goto(base + f"/{staff.centre.slug}/integrationsrat/")
    _shots(page, screenshot, "public-calendar")
    page.goto(base + f"/{staff.centre.slug}/integrationsrat/mitglieder/")
    _shots(page, screenshot, "public-members")
    page.goto(base + f"/{staff.centre.slug}/integrationsrat/vorlagen/?q=Einb%C3%BCrgerung")
    page.get_by_role("link", name="IR/0150/2026").click()
    assert "Begründung" in page.locator("main").inner_text()
    _shots(page, screenshot, "public-paper")
    oparl = page.request.get(base + f"/oparl/v1/meeting/{meeting.pk}/")
    data = oparl.json()
    assert [i["name"] for i in data["agendaItem"]] == [
        "Begrüßung und Genehmigung der Tagesordnung",
        "Mehrsprachige Informationen zur Einbürgerung",
    ]
    assert SECRET not in oparl.text()


def test_council_pages_have_no_axe_violations(page, staff, axe_violations, client):
    from tests.integrationsrat.conftest import build_council

    c = build_council(staff.council_office)
    slug = staff.centre.slug
    public = [
        f"/{slug}/integrationsrat/",
        f"/{slug}/integrationsrat/sitzung/{c.meeting.pk}/",
        f"/{slug}/integrationsrat/mitglieder/",
        f"/{slug}/integrationsrat/vorlagen/",
        f"/{slug}/integrationsrat/vorlagen/{c.public_paper.pk}/",
    ]
    client.force_login(staff.council_office)
    session = client.cookies["sessionid"].value
    for path in public:
        page.goto(page.base_url + path)
        assert axe_violations() == [], path
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": page.base_url}])
    for path in (
        "/integrationsrat/",
        f"/integrationsrat/sitzungen/{c.meeting.pk}/",
        "/integrationsrat/mitglieder/",
        f"/integrationsrat/vorlagen/{c.public_paper.pk}/",
        "/integrationsrat/sitzungen/neu/",
    ):
        page.goto(page.base_url + path)
        assert axe_violations() == [], path

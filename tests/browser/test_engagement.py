"""Engagement in the browser: a volunteer registers, is confirmed, is asked to interpret at
an appointment booked with a language no counsellor speaks, accepts by link and logs two
hours; the counsellor sees who will come; an organisation updates its entry through its
link and appears on the public map."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from teilhabe.engagement.models import HoursEntry, Volunteer
from teilhabe.engagement.services.organisations import organisation_link
from teilhabe.notify.models import OutboxMail
from tests.browser.helpers import log_in
from tests.engagement.factories import make_organisation
from tests.factories import FamilyFactory, GuardianFactory, SlotFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _link(pattern: str, **filters) -> str:
    mail = OutboxMail.objects.filter(**filters).order_by("-pk").first()
    assert mail is not None, filters
    return re.search(pattern, mail.body).group(0)


def test_volunteer_interprets_at_a_booked_appointment(
    browser, page, live_server, staff, screenshot
):
    staff.counsellor.languages = "de,en,tr"
    staff.counsellor.save()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    starts = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time(10)))
    SlotFactory(counsellor=staff.counsellor, starts_at=starts, location="KI Köln, Raum 2")
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, first_name="Zahra", language="fa")
    organisation = make_organisation(
        staff.centre,
        name="Afghanischer Kulturverein Kalk",
        confirmed_at=timezone.now() - dt.timedelta(days=800),
    )
    base = live_server.url

    # 1. the volunteer registers on the public page
    page.goto(base + f"/{staff.centre.slug}/de/engagement/mitmachen/")
    page.fill("#id_first_name", "Mariam")
    page.fill("#id_last_name", "Haidari")
    page.fill("#id_email", "mariam.haidari@example.org")
    page.fill("#id_postcode", "50667")
    page.fill("#id_city", "Köln")
    page.get_by_label("Dolmetschen").check()
    page.select_option("#id_language_1", "fa")
    page.select_option("#id_level_1", "5")
    page.select_option("#id_weekday_1", str(tomorrow.weekday()))
    page.fill("#id_start_1", "18:00")
    page.fill("#id_end_1", "09:00")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Registrieren").click()
    assert page.get_by_text("endet vor ihrem Beginn").is_visible()
    assert page.input_value("#id_last_name") == "Haidari"
    page.fill("#id_start_1", "08:00")
    page.fill("#id_end_1", "20:00")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Registrieren").click()
    page.get_by_text("Ihre Registrierung ist eingegangen").wait_for()
    volunteer = Volunteer.objects.get()

    # 2. the coordinator confirms
    coordinator = browser.new_context(locale="de-DE").new_page()
    log_in(_with_base(coordinator, base), staff.centre_admin)
    coordinator.goto(base + "/engagement/ehrenamtliche/")
    coordinator.get_by_role("link", name="Mariam Haidari").click()
    coordinator.get_by_role("button", name="Profil bestätigen").click()
    coordinator.get_by_text("Bestätigt").first.wait_for()

    # 3. the counsellor books with an interpreter in Farsi, which no counsellor speaks
    counsellor = browser.new_context(locale="de-DE").new_page()
    log_in(_with_base(counsellor, base), staff.counsellor)
    counsellor.goto(base + f"/seiteneinstieg/familien/{family.pk}/termin/")
    counsellor.select_option("#id_slot", index=1)
    counsellor.select_option("#id_interpreter_language", "fa")
    counsellor.get_by_role("button", name="Termin buchen").click()
    counsellor.get_by_text("gebucht").first.wait_for()

    # 4. the volunteer got the request and accepts through the link
    answer = _link(r"/[^\s]+/anfrage/[^\s/]+/", to=[volunteer.email], subject__startswith="Anfrage")
    page.goto(base + answer)
    assert page.get_by_text("Zahra").is_visible()
    assert page.get_by_text("Kovalenko").count() == 0  # only the first name
    page.get_by_role("button", name="Zusagen").click()
    page.get_by_text("Danke für Ihre Zusage!").wait_for()
    screenshot("engagement-accepted")

    # 5. logs in with the link from the confirmation mail and logs two hours
    login = _link(
        r"/[^\s]+/anmelden/[^\s/]+/", to=[volunteer.email], subject__contains="Anmeldelink"
    )
    page.goto(base + login)
    page.get_by_role("heading", name="Meine Einsätze").wait_for()
    page.fill("#id_date", timezone.localdate().isoformat())
    page.fill("#id_hours", "2")
    page.get_by_role("button", name="Stunden eintragen").click()
    page.get_by_text("Stunden eingetragen.").wait_for()
    assert HoursEntry.objects.get().minutes == 120
    assert page.locator("#hours-total").inner_text() == "2,00"

    # 6. the counsellor sees who will come
    counsellor.goto(base + f"/seiteneinstieg/familien/{family.pk}/")
    assert counsellor.get_by_text("Mariam Haidari").first.is_visible()
    assert counsellor.locator(".interpreter").filter(has_text="kommt").count() == 1
    screenshot("engagement-volunteer-home")

    # 7. an organisation updates its entry through its link and appears on the public map
    map_url = base + f"/{staff.centre.slug}/de/engagement/organisationen/"
    page.goto(map_url)
    assert page.get_by_text("Afghanischer Kulturverein Kalk").count() == 0
    page.goto(base + organisation_link(organisation))
    page.fill("#id_description", "Elterncafé jeden Samstag, Hausaufgabenhilfe auf Dari.")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Ihr Eintrag ist gespeichert").wait_for()
    page.goto(map_url)
    assert page.get_by_role("heading", name="Afghanischer Kulturverein Kalk").is_visible()
    assert page.locator("#organisation-map").get_attribute("data-points") == "1"
    screenshot("engagement-organisation-map")


def _with_base(page, base: str):
    page.base_url = base
    page.set_default_timeout(15_000)
    return page

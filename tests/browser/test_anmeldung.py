"""Issue 11 in Chromium: families register and book in their language; axe on every step."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from teilhabe.centres.services import publish_privacy_notice
from teilhabe.seiteneinstieg.models import SelfRegistration
from teilhabe.seiteneinstieg.public import forms as public_forms
from tests.browser.helpers import log_in
from tests.factories import SlotFactory

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["de", "en", "uk", "ar", "tr", "fa", "ru"]


@pytest.fixture
def centre_ready(staff, monkeypatch):
    monkeypatch.setattr(public_forms, "MIN_FILL_SECONDS", 0)
    publish_privacy_notice(
        actor=staff.centre_admin,
        purpose="self_registration",
        texts={
            "de": "Wir verarbeiten Ihre Angaben, um Ihr Kind zu beraten.",
            "uk": "Ми обробляємо ваші дані, щоб проконсультувати вашу дитину.",
            "ar": "نعالج بياناتك لتقديم الاستشارة لطفلك.",
        },
    )
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    slots = []
    for day in (2, 3):
        for hour in (0, 1):
            begin = start + dt.timedelta(days=day, hours=hour)
            slots.append(
                SlotFactory(
                    counsellor=staff.counsellor,
                    starts_at=begin,
                    ends_at=begin + dt.timedelta(minutes=45),
                )
            )
    return slots


def _years_ago(years: int) -> str:
    today = timezone.localdate()
    return today.replace(year=today.year - years).isoformat()


def _fill_child(page, index: int, first: str, last: str, years: int, language: str) -> None:
    page.locator(f"#id_children-{index}-first_name").fill(first)
    page.locator(f"#id_children-{index}-last_name").fill(last)
    page.locator(f"#id_children-{index}-birth_date").fill(_years_ago(years))
    page.locator(f"#id_children-{index}-first_language").select_option(language)
    page.locator(f"#id_children-{index}-arrived_in_germany_on").fill(_years_ago(0)[:8] + "01")
    page.locator(f"#id_children-{index}-arrived_in_city_on").fill(_years_ago(0)[:8] + "01")


def _fill_family(page, *, first: str, last: str, email: str) -> None:
    page.locator("#id_guardians-0-first_name").fill(first)
    page.locator("#id_guardians-0-last_name").fill(last)
    page.locator("#id_street").fill("Venloer Str. 12")
    page.locator("#id_postcode").fill("50672")
    page.locator("#id_city").fill("Köln")
    page.locator("#id_email").fill(email)
    page.locator("#id_consent").check()


def test_every_step_has_no_axe_violations_in_all_languages(
    page, centre_ready, axe_violations, monkeypatch
):
    """Form, errors, confirmation with the slot choice, booked, cancel and cancelled: axe on
    each, in each of the seven languages (one family per language)."""
    from teilhabe.seiteneinstieg.services import self_registration

    monkeypatch.setattr(self_registration, "LIMIT_PER_IP", 100)  # seven families, one address
    slot = centre_ready[0]
    for number, lang in enumerate(LANGUAGES):
        page.goto(f"{page.base_url}/koeln/{lang}/anmeldung/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if lang in ("ar", "fa") else "ltr"
        )
        assert axe_violations() == [], f"form {lang}"
        # an empty form sent: every message on the page, in the language
        page.locator("button[name=send]").click()
        page.wait_for_selector(".error-summary")
        assert axe_violations() == [], f"errors {lang}"
        assert "Bitte ausfüllen." not in page.content() or lang == "de"
        # a complete registration: the confirmation page offers the free slots
        _fill_child(page, 0, "Kind", f"Familie{number}", 9, "ar")
        _fill_family(
            page, first="Elternteil", last=f"Familie{number}", email=f"f{number}@example.org"
        )
        page.locator("button[name=send]").click()
        page.wait_for_selector("#slots")
        assert page.locator("html").get_attribute("lang") == lang
        assert axe_violations() == [], f"confirmation {lang}"
        page.locator(f"label[for=slot-{slot.pk}]").click()
        page.locator("form.public-form button[type=submit]").last.click()
        page.wait_for_selector(".booking")
        assert axe_violations() == [], f"booked {lang}"
        page.locator(".booking a[href*='absagen'], .booking a[href*='cancel']").first.click()
        page.wait_for_selector("form button[type=submit]")
        assert axe_violations() == [], f"cancel {lang}"
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert axe_violations() == [], f"cancelled {lang}"
        # the slot is free again for the next family
        assert not slot.appointments.filter(status="booked").exists(), lang


def test_ukrainian_and_arabic_families_register_and_book(
    page, staff, centre_ready, axe_violations, screenshot
):
    first, second, third, _fourth = centre_ready
    # --- a Ukrainian family with two children, on a phone ---------------------------
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{page.base_url}/koeln/uk/anmeldung/")
    page.get_by_role("button", name="Додати ще одну дитину").click()
    _fill_child(page, 0, "Mykola", "Kovalenko", 10, "uk")
    _fill_child(page, 1, "Daryna", "Kovalenko", 13, "uk")
    _fill_family(page, first="Olena", last="Kovalenko", email="olena@example.org")
    screenshot("anmeldung-uk-360")
    page.get_by_role("button", name="Надіслати реєстрацію").click()
    page.wait_for_selector("text=Дякуємо! Вашу реєстрацію отримано.")
    assert axe_violations() == []
    uk_link = page.url
    page.locator(f"label[for=slot-{first.pk}]").click()
    page.locator("#id_interpreter_language").select_option("uk")
    page.get_by_role("button", name="Записатися").click()
    page.wait_for_selector("text=Ваш запис підтверджено.")
    assert axe_violations() == []
    page.get_by_role("link", name="Скасувати запис").click()
    page.wait_for_selector("h1:has-text('Скасувати запис')")
    assert axe_violations() == []
    page.get_by_role("link", name="Ні, назад").click()
    page.wait_for_url(uk_link)

    # --- an Arabic family with one child: the page is right to left ----------------
    page.goto(f"{page.base_url}/koeln/ar/anmeldung/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    _fill_child(page, 0, "Omar", "Haddad", 8, "ar")
    _fill_family(page, first="Rana", last="Haddad", email="rana@example.org")
    screenshot("anmeldung-ar-360")
    page.get_by_role("button", name="إرسال التسجيل").click()
    page.wait_for_selector("text=شكرًا لك! وصل تسجيلك.")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations() == []
    page.locator(f"label[for=slot-{second.pk}]").click()
    page.get_by_role("button", name="حجز الموعد").click()
    page.wait_for_selector("text=تم حجز موعدك.")
    assert axe_violations() == []

    # --- the Ukrainian family moves its slot through the link -----------------------
    page.goto(uk_link)
    page.locator(f"label[for=slot-{third.pk}]").click()
    page.get_by_role("button", name="Перенести запис").click()
    page.wait_for_selector("text=Ваш запис перенесено.")
    assert axe_violations() == []
    uk = SelfRegistration.objects.get(language="uk")
    assert uk.family.appointments.get(status="booked").slot_id == third.pk

    # --- the counsellor sees both families with their language ----------------------
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, staff.counsellor)
    page.goto(f"{page.base_url}/seiteneinstieg/warteliste/")
    body = page.content()
    for name in ("Mykola", "Daryna", "Omar"):
        assert name in body
    assert "online angemeldet · Ukrainisch" in body
    assert "online angemeldet · Arabisch" in body

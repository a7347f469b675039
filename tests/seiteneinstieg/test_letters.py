"""The invitation letter: German first, then a real translation in the family's language."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from teilhabe.seiteneinstieg.invitations import letter_parts, mail_body, render_invitation_pdf
from teilhabe.seiteneinstieg.letters import AUTONYMS, LETTERS, RTL_LANGUAGES, letter_languages
from tests.factories import AppointmentFactory, ChildFactory, FamilyFactory, GuardianFactory

ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _appointment(staff, *, language: str, interpreter: str = ""):
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, language=language)
    ChildFactory(family=family, first_name="Mykola")
    return AppointmentFactory(
        slot__counsellor=staff.counsellor, family=family, interpreter_language=interpreter
    )


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_translation_is_complete_and_not_german():
    german = LETTERS["de"]
    assert set(LETTERS) == {"de", "en", "uk", "ar", "tr", "fa", "ru"}
    for code, text in LETTERS.items():
        for field in dataclasses.fields(text):
            value = getattr(text, field.name)
            values = value if isinstance(value, tuple) else (value,)
            assert all(v.strip() for v in values), (code, field.name)
            if code != "de":
                assert value != getattr(german, field.name), (code, field.name)
        assert "{language}" in text.interpreter
        assert "{phone}" in text.cancel and "{email}" in text.cancel
        assert len(text.bring) == 3 and len(text.weekdays) == 7
    for code in RTL_LANGUAGES:
        assert ARABIC.search(LETTERS[code].intro)


def test_letter_languages_prefer_the_guardians_language():
    assert letter_languages(guardian_languages=["de"], interpreter_language="") == ["de"]
    assert letter_languages(guardian_languages=["ar"], interpreter_language="fa") == ["de", "ar"]
    # no translation for Tigrinya: the interpreter language is the next best
    assert letter_languages(guardian_languages=["ti"], interpreter_language="ru") == ["de", "ru"]
    assert letter_languages(guardian_languages=["ti"], interpreter_language="ti") == ["de"]
    assert set(AUTONYMS) >= {"de", "en", "uk", "ru", "ar", "fa", "tr"}


@pytest.mark.django_db
def test_pdf_in_german_and_ukrainian(staff):
    appointment = _appointment(staff, language="uk", interpreter="uk")
    pdf = render_invitation_pdf(appointment)
    assert pdf.startswith(b"%PDF")
    german, ukrainian = _pages(pdf)
    assert "Einladung zum Beratungsgespräch" in german
    assert "Meldebescheinigung" in german and appointment.family.reference in german
    assert "Ukrainisch" in german  # interpreter language named in German
    assert "Запрошення на консультацію" in ukrainian
    assert "Будь ласка, візьміть із собою" in ukrainian
    assert "Mykola" in ukrainian


@pytest.mark.django_db
def test_pdf_arabic_part_is_right_to_left(staff):
    appointment = _appointment(staff, language="ar")
    parts = letter_parts(appointment)
    assert [(p["code"], p["dir"]) for p in parts] == [("de", "ltr"), ("ar", "rtl")]
    # phone and e-mail keep their order inside the Arabic sentence
    assert "\u2066ki@example.org\u2069" in parts[1]["cancel"]
    pages = _pages(render_invitation_pdf(appointment))
    assert len(pages) == 2
    assert ARABIC.search(pages[1]) and not ARABIC.search(pages[0])


@pytest.mark.django_db
def test_pdf_german_only_without_translation(staff):
    appointment = _appointment(staff, language="ti", interpreter="ti")
    pages = _pages(render_invitation_pdf(appointment))
    assert len(pages) == 1
    assert "Tigrinya" in pages[0]
    assert not CYRILLIC.search(pages[0]) and not ARABIC.search(pages[0])


@pytest.mark.django_db
def test_mail_body_has_both_languages(staff):
    body = mail_body(_appointment(staff, language="tr", interpreter="tr"), kind="reminder")
    assert body.index("Wir erinnern Sie") < body.index("Danışmanlık randevunuzu hatırlatmak")
    assert "Türkçe" in body


@pytest.mark.django_db
def test_letter_view_serves_the_pdf(staff, login):
    appointment = _appointment(staff, language="fa", interpreter="fa")
    response = login(staff.counsellor).get(
        reverse("seiteneinstieg:invitation_letter", args=[appointment.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert appointment.family.reference in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_missing_translations_names_the_familys_languages_without_a_letter():
    from teilhabe.seiteneinstieg.letters import missing_translations

    assert missing_translations(["de", "uk", "ar"]) == []
    assert missing_translations(["kmr", "ti", "kmr", "", "ar"]) == ["kmr", "ti"]


@pytest.mark.django_db
def test_booking_page_warns_when_the_letter_has_no_translation(staff, login):
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, language="ti")
    client = login(staff.counsellor)
    page = client.get(reverse("seiteneinstieg:appointment_book", args=[family.pk])).content
    assert "Den Einladungsbrief gibt es nicht auf Tigrinya" in page.decode()
    translated = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=translated, language="uk")
    page = client.get(reverse("seiteneinstieg:appointment_book", args=[translated.pk])).content
    assert "Den Einladungsbrief gibt es nicht" not in page.decode()

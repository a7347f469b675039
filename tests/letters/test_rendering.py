"""Rendering a letter: one section per language under its own translation, one A4 PDF."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from teilhabe.letters.rendering import Letterhead, render_html, render_pdf, render_sections

ARABIC = re.compile(r"[\u0600-\u06FF]")
FRIDAY = dt.date(2026, 11, 27)
CONTEXT = {"when": FRIDAY, "phone": "0221 221-0"}


def test_each_section_is_rendered_under_its_own_language(letter_templates):
    with translation.override("de"):
        sections = render_sections(
            letter_templates,
            CONTEXT,
            languages=["de", "uk", "ar"],
            section_context=lambda code: {"extra": f"extra-{code}"},
        )
        assert translation.get_language() == "de"  # the caller's language is back
    assert [(s.code, s.dir, s.first) for s in sections] == [
        ("de", "ltr", True),
        ("uk", "ltr", False),
        ("ar", "rtl", False),
    ]
    german, ukrainian, arabic = (s.html for s in sections)
    assert '<p class="active">de</p>' in german and "Freitag" in german
    assert '<p class="active">uk</p>' in ukrainian and "Freitag" not in ukrainian
    assert '<p class="active">ar</p>' in arabic and ARABIC.search(arabic)
    assert "ar rtl False العربية" in arabic
    assert '<bdi dir="ltr">0221 221-0</bdi>' in arabic
    assert "extra-uk" in ukrainian and "extra-de" not in ukrainian


def test_languages_are_cleaned_and_required(letter_templates):
    sections = render_sections(letter_templates, CONTEXT, languages=["de", " DE", "uk", ""])
    assert [s.code for s in sections] == ["de", "uk"]
    with pytest.raises(ValueError):
        render_sections(letter_templates, CONTEXT, languages=["", " "])


def test_document_has_the_window_and_one_part_per_language(letter_templates):
    html = render_html(
        letter_templates,
        CONTEXT,
        languages=["de", "fa"],
        letterhead=Letterhead(
            sender="KI Köln",
            return_address="KI Köln · Ottmar-Pohl-Platz 1 · 51103 Köln",
            recipient=["Amal <script>alert(1)</script>", "Venloer Str. 1", "50672 Köln"],
            info=[("Aktenzeichen", "F-2026-00001")],
        ),
        title="Brief",
        footer="F-2026-00001",
    )
    assert '<html lang="de" dir="ltr">' in html
    assert '<section class="letter-part" lang="de" dir="ltr">' in html
    assert '<section class="letter-part" lang="fa" dir="rtl">' in html
    assert "<script>" not in html and "Amal &lt;script&gt;" in html
    assert 'class="window"' in html and "F-2026-00001" in html


@pytest.mark.django_db
def test_pdf_has_a_page_per_language_with_the_window_on_the_first(letter_templates):
    pdf = render_pdf(
        letter_templates,
        CONTEXT,
        languages=["de", "ar"],
        letterhead=Letterhead(sender="KI Köln", recipient=["Familie Haddad", "50672 Köln"]),
        footer="F-2026-00009",
    )
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    first, second = (page.extract_text() for page in reader.pages)
    assert "Familie Haddad" in first and "Familie Haddad" not in second
    assert "F-2026-00009" in first and "F-2026-00009" in second  # footer on every page
    assert "1 / 2" in first and "2 / 2" in second
    assert ARABIC.search(second) and not ARABIC.search(first)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (210, 297)

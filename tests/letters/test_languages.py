"""Which languages a letter can be printed in, and which way they run."""

from __future__ import annotations

import pytest

from teilhabe.letters.languages import (
    autonym,
    bilingual,
    direction,
    has_translation,
    is_rtl,
    isolate,
    ltr,
)


def test_german_is_the_source_language_and_always_translated():
    assert has_translation("de") is True
    assert has_translation("DE") is True


@pytest.mark.parametrize("code", ["kmr", "ti", "pl", "", "  "])
def test_languages_without_a_catalogue_have_no_translation(code):
    # no catalogue of Teilhabe's exists for them; Django's own "pl" catalogue does not count
    assert has_translation(code) is False


def test_a_compiled_catalogue_in_locale_paths_counts(settings, tmp_path):
    (tmp_path / "kmr" / "LC_MESSAGES").mkdir(parents=True)
    assert has_translation("kmr") is False
    settings.LOCALE_PATHS = [tmp_path]
    (tmp_path / "kmr" / "LC_MESSAGES" / "django.mo").write_bytes(b"")
    assert has_translation("kmr") is True
    assert has_translation("ti") is False


def test_bilingual_is_german_then_the_first_translated_candidate():
    available = {"uk", "ar"}.__contains__
    assert bilingual(["de"], translated=available) == ["de"]
    assert bilingual(["kmr", "ar", "uk"], translated=available) == ["de", "ar"]
    assert bilingual(["kmr", "", "ti"], translated=available) == ["de"]
    assert bilingual([" UK "], translated=available) == ["de", "uk"]
    # by default only languages with a catalogue of Teilhabe's count
    assert bilingual(["kmr", "ti"]) == ["de"]
    # Teilhabe's own catalogues (the seven public languages) count
    assert bilingual(["kmr", "uk"]) == ["de", "uk"]


@pytest.mark.parametrize(
    ("code", "rtl"), [("ar", True), ("fa", True), ("ar-SY", True), ("ps", True), ("uk", False)]
)
def test_direction(code, rtl):
    assert is_rtl(code) is rtl
    assert direction(code) == ("rtl" if rtl else "ltr")


def test_autonyms_name_the_language_in_itself():
    assert autonym("uk") == "Українська"
    assert autonym("kmr") == "Kurmancî"
    assert autonym("xx") == "xx"  # unknown: the code, not an empty line


def test_ltr_markup_escapes_its_value():
    assert ltr("0221 221-0") == '<bdi dir="ltr">0221 221-0</bdi>'
    assert ltr("<b>x</b>") == '<bdi dir="ltr">&lt;b&gt;x&lt;/b&gt;</bdi>'


def test_isolate_only_in_right_to_left_text():
    assert isolate("0221 221-0") == "\u20660221 221-0\u2069"
    assert isolate("0221 221-0", rtl=False) == "0221 221-0"
    assert isolate("", rtl=True) == ""

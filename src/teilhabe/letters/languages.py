"""Which languages a letter can be printed in, which way they run, what they call themselves.

Letters go to families who often read little German: German is printed first (it is the
binding text), then the family's language when a translation exists. Languages without a
catalogue (Kurmanji "kmr", Tigrinya "ti", …) must not silently come out in German a second
time, so callers ask ``has_translation`` and warn the counsellor instead.
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Callable, Iterable
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import to_locale

SOURCE_LANGUAGE = "de"  # the language of the source strings (msgids) and the binding text

# Written right to left: a letter part in one of these gets dir="rtl".
RTL_LANGUAGES: frozenset[str] = frozenset({"ar", "fa", "ps", "ur", "ckb", "he"})

# How each language names itself: a family recognises its language whatever language the
# surrounding text is in. Scripts the installed fonts (DejaVu) cannot draw are in Latin letters.
AUTONYMS: dict[str, str] = {
    "de": "Deutsch",
    "en": "English",
    "uk": "Українська",
    "ru": "Русский",
    "ar": "العربية",
    "fa": "فارسی / دری",
    "tr": "Türkçe",
    "ku": "Kurdî",
    "kmr": "Kurmancî",
    "ti": "Tigrinya",
    "so": "Soomaali",
    "ps": "پښتو",
    "ro": "Română",
    "bg": "Български",
    "pl": "Polski",
    "sq": "Shqip",
    "sr": "Srpski",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "el": "Ελληνικά",
    "ur": "اردو",
    "hi": "Hindi",
    "zh": "Chinese (中文)",
    "vi": "Tiếng Việt",
}

# Unicode isolates for plain text (mail bodies), where no markup can say "left to right".
LRI, PDI = "\u2066", "\u2069"


def normalise(code: str) -> str:
    return (code or "").strip().lower().replace("_", "-")


def is_rtl(code: str) -> bool:
    return normalise(code).split("-")[0] in RTL_LANGUAGES


def direction(code: str) -> str:
    """ "rtl" or "ltr", for the dir attribute of a letter part."""
    return "rtl" if is_rtl(code) else "ltr"


def autonym(code: str) -> str:
    """The language's own name, or the code itself when we do not know it."""
    code = normalise(code)
    return AUTONYMS.get(code, code)


def _catalogue_dirs() -> list[Path]:
    """Teilhabe's own locale directories; Django's catalogues do not translate our letters."""
    dirs = [Path(p) for p in settings.LOCALE_PATHS]
    dirs += [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if config.name.startswith("teilhabe.")
    ]
    return [d for d in dirs if d.is_dir()]


def has_translation(code: str) -> bool:
    """True when text rendered under ``translation.override(code)`` is really in that language.

    German (the source language) always is; any other language needs a compiled catalogue of
    Teilhabe's. Without one the "translation" would be German again, so a caller warns
    (e.g. "Für Kurmancî gibt es keine Übersetzung, der Brief ist nur deutsch").
    """
    code = normalise(code)
    if not code:
        return False
    if code == SOURCE_LANGUAGE:
        return True
    locale = to_locale(code)
    return any(gettext_module.find("django", str(d), [locale]) for d in _catalogue_dirs())


def bilingual(
    candidates: Iterable[str], *, translated: Callable[[str], bool] = has_translation
) -> list[str]:
    """German first, then the first candidate language that has a translation.

    Candidates come in order of preference (the guardians' own languages before the
    interpreter's). One translation only, so the letter stays short.
    """
    for code in candidates:
        code = normalise(code)
        if code and code != SOURCE_LANGUAGE and translated(code):
            return [SOURCE_LANGUAGE, code]
    return [SOURCE_LANGUAGE]


def ltr(value: object) -> SafeString:
    """Markup that keeps a number, date, phone number or address left to right in RTL text.

    Without the isolate the bidi algorithm turns "0221 221-0" into "221-0 0221".
    """
    return format_html('<bdi dir="ltr">{}</bdi>', value)


def isolate(value: str, *, rtl: bool = True) -> str:
    """The plain-text form of ``ltr`` (LRI … PDI), for mail bodies; unchanged in LTR text."""
    return f"{LRI}{value}{PDI}" if rtl and value else value

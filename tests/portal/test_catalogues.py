"""Every public string is translated: no empty or fuzzy catalogue entry in any of the six
family languages for a msgid that occurs in a declared public source.

Public sources are declared with ``core.registry.register_public_sources`` (the portal
declares its own and ``public_base.html``; other apps add the files of their public pages).
The catalogues are built by ``scripts/translations/apply.py`` (CI and the lead run it);
without them this test is skipped, not passed.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

import polib
import pytest

from teilhabe.core.registry import public_sources

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "teilhabe"
LANGUAGES = ["en", "uk", "ar", "tr", "fa", "ru"]


def is_public(path: str, patterns: list[str]) -> bool:
    path = path.replace("\\", "/")
    for pattern in patterns:
        if fnmatch.fnmatch(path, pattern):
            return True
        if pattern.endswith("/**") and path.startswith(pattern[:-2]):
            return True
    return False


def nplurals(catalogue: polib.POFile) -> int:
    for part in catalogue.metadata.get("Plural-Forms", "").split(";"):
        name, _sep, value = part.strip().partition("=")
        if name.strip() == "nplurals" and value.strip().isdigit():
            return int(value)
    return 2


def public_gaps(catalogue: polib.POFile, patterns: list[str]) -> list[str]:
    """Public msgids without a usable translation: empty, fuzzy, or (plural) with fewer
    forms than the language has (Arabic needs six, or gettext falls back to German)."""
    forms = nplurals(catalogue)
    gaps = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if not any(is_public(path, patterns) for path, _line in entry.occurrences):
            continue
        if entry.msgid_plural:
            values = [entry.msgstr_plural.get(i, "") for i in range(forms)]
            empty = not all(values)
        else:
            empty = not entry.msgstr
        if empty or "fuzzy" in entry.flags:
            gaps.append(entry.msgid)
    return gaps


def test_the_pattern_matching():
    patterns = ["templates/portal/public/**", "portal/choices.py"]
    assert is_public("templates/portal/public/home.html", patterns)
    assert is_public("templates/portal/public/sub/x.html", patterns)
    assert is_public("portal/choices.py", patterns)
    assert not is_public("templates/portal/staff/overview.html", patterns)
    assert not is_public("portal/views/staff.py", patterns)


def test_the_counter_finds_empty_and_fuzzy_entries():
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="a", msgstr="", occurrences=[("portal/choices.py", 3)]))
    catalogue.append(
        polib.POEntry(
            msgid="b", msgstr="x", flags=["fuzzy"], occurrences=[("portal/choices.py", 4)]
        )
    )
    catalogue.append(
        polib.POEntry(msgid="c", msgstr="", occurrences=[("portal/views/staff.py", 1)])
    )
    catalogue.append(polib.POEntry(msgid="d", msgstr="y", occurrences=[("portal/choices.py", 5)]))
    catalogue.metadata["Plural-Forms"] = "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);"
    catalogue.append(
        polib.POEntry(
            msgid="e",
            msgid_plural="es",
            msgstr_plural={0: "x", 1: "y"},
            occurrences=[("portal/choices.py", 6)],
        )
    )
    assert public_gaps(catalogue, ["portal/choices.py"]) == ["a", "b", "e"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_public_entry_is_empty_or_fuzzy(lang: str):
    po_path = PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.po"
    if not po_path.exists():
        pytest.skip("catalogues not built: run scripts/translations/apply.py")
    patterns = public_sources()
    assert "templates/public_base.html" in patterns
    assert "templates/portal/public/**" in patterns
    catalogue = polib.pofile(str(po_path))
    public = [e for e in catalogue if any(is_public(p, patterns) for p, _l in e.occurrences)]
    assert public, "no public strings found: are the sources declared?"
    gaps = public_gaps(catalogue, patterns)
    assert not gaps, f"{len(gaps)} public strings without a {lang} translation: {gaps}"

"""Refresh the gettext catalogues and fill them from the translation tables in this folder.

Each ``scripts/translations/<area>.py`` holds ``TRANSLATIONS = {msgid: {lang: text}}`` (a key
may also be ``(context, msgid)`` for ``pgettext``). This script runs ``makemessages`` for the
six family languages, writes every translation it has into the ``.po`` files (clearing
"fuzzy"), and compiles the ``.mo`` files with polib, so that no ``msgfmt`` is needed.
Run it after adding strings: ``.venv/bin/python scripts/translations/apply.py``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "teilhabe"
LANGUAGES = ["en", "uk", "ar", "tr", "fa", "ru"]


def load_tables() -> dict[tuple[str, str], dict[str, str]]:
    table: dict[tuple[str, str], dict[str, str]] = {}
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.name == "apply.py" or path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"translations_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        assert spec.loader is not None
        spec.loader.exec_module(module)
        for key, texts in module.TRANSLATIONS.items():
            context, msgid = key if isinstance(key, tuple) else ("", key)
            table.setdefault((context, msgid), {}).update(texts)
    return table


def _nplurals(catalogue: polib.POFile) -> int:
    """The language's number of plural forms (Arabic 6, Russian 4, ...) from the header."""
    header = catalogue.metadata.get("Plural-Forms", "")
    for part in header.split(";"):
        name, _sep, value = part.strip().partition("=")
        if name.strip() == "nplurals" and value.strip().isdigit():
            return int(value)
    return 2


def main() -> int:
    env = {**os.environ, "TEILHABE_DEBUG": "1", "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "teilhabe.cli", "makemessages", "--no-obsolete"]
    for lang in LANGUAGES:
        cmd += ["-l", lang]
    cmd += ["--ignore", "placement/*", "--ignore", "static/*"]
    subprocess.run(cmd, cwd=PACKAGE, env=env, check=True)
    table = load_tables()
    for lang in LANGUAGES:
        po_path = PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(po_path))
        nplurals = _nplurals(catalogue)
        for entry in catalogue:
            texts = table.get((entry.msgctxt or "", entry.msgid))
            if not texts or lang not in texts:
                continue
            if entry.msgid_plural:
                value = texts[lang]
                forms = value if isinstance(value, list) else [value]
                count = max(len(entry.msgstr_plural), nplurals)
                entry.msgstr_plural = {i: forms[min(i, len(forms) - 1)] for i in range(count)}
            else:
                entry.msgstr = texts[lang]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    # German: only hand-kept overrides of other catalogues (see the file's header)
    german = PACKAGE / "locale" / "de" / "LC_MESSAGES" / "django.po"
    if german.exists():
        polib.pofile(str(german)).save_as_mofile(str(german.with_suffix(".mo")))
    print(f"{len(table)} translated strings applied to {len(LANGUAGES)} catalogues")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A call's application form as data: fields, attachments and cost plan lines.

The centre writes the form in the UI as three short lists, one line per entry
(``Typ | Bezeichnung | Pflicht | Hilfetext``); :func:`parse` turns them into the stored
definition and :func:`validate_definition` checks a definition whatever its source.
:func:`clean_answers` checks an applicant's answers against the version the application
was made with. Pure Python apart from gettext, so every rule is testable without a database.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

FIELD_TYPES = {
    "text": "Text",
    "textarea": "Langtext",
    "number": "Zahl",
    "date": "Datum",
    "email": "E-Mail",
    "checkbox": "Ankreuzen",
}
_TYPE_BY_LABEL = {label.lower(): key for key, label in FIELD_TYPES.items()} | {
    key: key for key in FIELD_TYPES
}
_REQUIRED = {"pflicht", "ja", "required", "x"}
_OPTIONAL = {"optional", "nein", "", "-"}
MAX_TEXT = 5000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _key(label: str, taken: set[str]) -> str:
    base = slugify(label.replace("ß", "ss"))[:40].replace("-", "_") or "feld"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def _required(word: str, line: int, errors: list[str]) -> bool:
    word = word.strip().lower()
    if word in _REQUIRED:
        return True
    if word not in _OPTIONAL:
        errors.append(
            _("Zeile %(line)s: „%(word)s“ – bitte „Pflicht“ oder „optional“.")
            % {"line": line, "word": word}
        )
    return False


def parse(fields: str, attachments: str, cost_lines: str) -> dict[str, Any]:
    """The three lists from the form editor as a definition; ValidationError per list."""
    errors: dict[str, list[str]] = {}
    result: dict[str, Any] = {"fields": [], "attachments": [], "cost_lines": []}
    taken: set[str] = set()
    problems: list[str] = []
    for number, line in enumerate(fields.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")] + ["", "", ""]
        kind = _TYPE_BY_LABEL.get(parts[0].lower())
        if kind is None:
            problems.append(
                _("Zeile %(line)s: unbekannter Typ „%(type)s“ (möglich: %(types)s).")
                % {"line": number, "type": parts[0], "types": ", ".join(FIELD_TYPES.values())}
            )
            continue
        if not parts[1]:
            problems.append(_("Zeile %(line)s: die Bezeichnung fehlt.") % {"line": number})
            continue
        result["fields"].append(
            {
                "key": _key(parts[1], taken),
                "type": kind,
                "label": parts[1],
                "required": _required(parts[2], number, problems),
                "help": parts[3],
            }
        )
    if problems:
        errors["fields"] = problems
    problems = []
    for number, line in enumerate(attachments.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")] + ["", ""]
        if not parts[0]:
            problems.append(_("Zeile %(line)s: die Bezeichnung fehlt.") % {"line": number})
            continue
        result["attachments"].append(
            {
                "key": _key(parts[0], taken),
                "label": parts[0],
                "required": _required(parts[1], number, problems),
                "help": parts[2],
            }
        )
    if problems:
        errors["attachments"] = problems
    for line in cost_lines.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")] + [""]
        result["cost_lines"].append(
            {"key": _key(parts[0], taken), "label": parts[0], "help": parts[1]}
        )
    if not result["cost_lines"]:
        errors["cost_lines"] = [_("Der Kostenplan braucht mindestens eine Zeile.")]
    if errors:
        raise ValidationError(errors)
    validate_definition(result)
    return result


def unparse(definition: dict[str, Any]) -> tuple[str, str, str]:
    """The editor's three lists for a stored definition (to start the next version)."""
    fields = "\n".join(
        " | ".join(
            [
                FIELD_TYPES[f["type"]],
                f["label"],
                "Pflicht" if f["required"] else "optional",
                f.get("help", ""),
            ]
        ).rstrip(" |")
        for f in definition.get("fields", [])
    )
    attachments = "\n".join(
        " | ".join(
            [a["label"], "Pflicht" if a["required"] else "optional", a.get("help", "")]
        ).rstrip(" |")
        for a in definition.get("attachments", [])
    )
    lines = "\n".join(
        " | ".join([c["label"], c.get("help", "")]).rstrip(" |")
        for c in definition.get("cost_lines", [])
    )
    return fields, attachments, lines


def validate_definition(definition: Any) -> None:
    """A stored definition has the expected shape (keys unique, known types)."""
    if not isinstance(definition, dict):
        raise ValidationError(_("Die Formulardefinition ist kein Objekt."))
    keys: set[str] = set()
    for section, needed in (
        ("fields", {"key", "type", "label", "required"}),
        ("attachments", {"key", "label", "required"}),
        ("cost_lines", {"key", "label"}),
    ):
        items = definition.get(section)
        if not isinstance(items, list):
            raise ValidationError(_("Die Formulardefinition hat keine Liste „%s“.") % section)
        for item in items:
            if not isinstance(item, dict) or not needed <= set(item):
                raise ValidationError(_("Ein Eintrag in „%s“ ist unvollständig.") % section)
            if item["key"] in keys:
                raise ValidationError(_("Der Schlüssel „%s“ kommt doppelt vor.") % item["key"])
            keys.add(item["key"])
            if section == "fields" and item["type"] not in FIELD_TYPES:
                raise ValidationError(_("Unbekannter Feldtyp „%s“.") % item["type"])


def clean_answers(
    definition: dict[str, Any], answers: dict[str, Any], *, complete: bool
) -> dict[str, Any]:
    """The answers to the definition's fields, typed as JSON values; unknown keys dropped.

    ``complete`` (when submitting) also enforces required fields; a draft may be partial."""
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for spec in definition.get("fields", []):
        key, kind = spec["key"], spec["type"]
        raw = answers.get(key)
        if kind == "checkbox":
            value: Any = raw in (True, "on", "true", "1", 1)
            if spec["required"] and complete and not value:
                errors[key] = [_("Bitte bestätigen.")]
            cleaned[key] = value
            continue
        text = "" if raw is None else str(raw).strip()
        if not text:
            if spec["required"] and complete:
                errors[key] = [_("Dieses Feld ist erforderlich.")]
            cleaned[key] = ""
            continue
        if len(text) > MAX_TEXT:
            errors[key] = [_("Höchstens %s Zeichen.") % MAX_TEXT]
        elif kind == "number":
            if not re.fullmatch(r"-?\d{1,12}([.,]\d{1,4})?", text):
                errors[key] = [_("Bitte eine Zahl eingeben.")]
        elif kind == "date":
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                errors[key] = [_("Bitte ein Datum eingeben.")]
        elif kind == "email" and not _EMAIL.match(text):
            errors[key] = [_("Bitte eine gültige E-Mail-Adresse eingeben.")]
        elif kind == "text" and "\n" in text:
            text = " ".join(text.split())
        cleaned[key] = text
    if errors:
        raise ValidationError(errors)
    return cleaned

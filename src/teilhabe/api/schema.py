"""Every operation documents the errors it can answer with, in one error shape."""

from __future__ import annotations

from typing import Any

ERROR = {
    "type": "object",
    "description": "Fehler mit deutscher Meldung. Bei Eingabefehlern (400) je Feld eine Liste "
    "von Meldungen; lehnt ein Dienst ab (409), steht der Grund in `detail` und je Feld in "
    "`errors`.",
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "additionalProperties": True,
}

RESPONSES = {
    "400": "Ungültige Eingabe oder unbekannter Filter (deutsche Meldung je Feld).",
    "401": "Kein, ein ungültiger, abgelaufener oder widerrufener API-Schlüssel.",
    "403": "Dem Schlüssel fehlt der Bereich, oder der Rolle fehlt die Berechtigung.",
    "404": "Nicht gefunden (auch: Objekt eines anderen Zentrums, Seite außerhalb der Liste).",
    "405": "Methode nicht erlaubt.",
    "406": "Nur JSON wird ausgeliefert.",
    "409": "Der Dienst hat die Änderung abgelehnt (z. B. Termin schon vergeben).",
    "415": "Nur JSON wird angenommen.",
}
WRITE_ONLY = ("409", "415")


NO_NUL = r"^[^\x00]*$"
# DRF strips surrounding whitespace before it checks that a required text is not blank
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"


def _text_rules(schema: dict[str, Any]) -> None:
    """Say in the schema what the serializers refuse: NUL characters, blank required text."""
    for prop in schema.get("properties", {}).values():
        if prop.get("type") == "string" and not ({"format", "enum", "pattern"} & set(prop)):
            prop["pattern"] = NOT_BLANK if prop.get("minLength", 0) >= 1 else NO_NUL


def add_error_responses(result: dict[str, Any], generator: Any, **kwargs: Any) -> dict[str, Any]:
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR
    for name, component in components.items():
        if name.endswith("Request"):
            _text_rules(component)
    ref = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            for status, description in RESPONSES.items():
                if status in WRITE_ONLY and method in ("get", "head", "options"):
                    continue
                responses.setdefault(
                    status,
                    {"description": description, "content": {"application/json": {"schema": ref}}},
                )
    return result

"""Importing measures from an xlsx or csv file: all rows or none.

Every row is checked first; any error names its line and column ("Zeile 4, Spalte
„Fortschritt“: …") and nothing is written. Only then are all measures created in one
transaction with one audit entry.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.oeffnung.choices import Category, FieldOfAction, FundingSource, MeasureStatus
from teilhabe.oeffnung.models import Department, Measure
from teilhabe.oeffnung.services.measures import MeasureInput, measure_errors

# column header → MeasureInput field; the first five are required
COLUMNS: dict[str, str] = {
    "Titel": "title",
    "Federführung": "department",
    "Kategorie": "category",
    "Handlungsfeld": "field_of_action",
    "Status": "status",
    "Fortschritt": "progress",
    "Beginn": "starts_on",
    "Ende": "ends_on",
    "Geplante Kosten": "planned_cost",
    "Ausgegeben": "spent_cost",
    "Finanzierung": "funding_source",
    "Anmerkung Kosten": "cost_note",
    "Beschreibung": "description",
    "Externe Partner": "external_partners",
    "Teil von": "parent",
}
REQUIRED = ("Titel", "Federführung", "Kategorie", "Handlungsfeld", "Status")
COLUMN_OF_FIELD = {v: k for k, v in COLUMNS.items()}


@dataclass
class ImportResult:
    created: int


class CellError(Exception):
    pass


def read_rows(content: bytes, filename: str) -> list[tuple[int, dict[str, Any]]]:
    """(line number, {header: value}) for every non-empty row; line 1 holds the headers."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:
            raise ValidationError(_("Die Datei ist keine lesbare xlsx-Datei.")) from exc
        raw = [list(r) for r in sheet.iter_rows(values_only=True)]
    elif filename.lower().endswith(".csv"):
        text = content.decode("utf-8-sig", errors="replace")
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=";,")
        raw = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    else:
        raise ValidationError(_("Bitte eine xlsx- oder csv-Datei hochladen."))
    if not raw:
        raise ValidationError(_("Die Datei ist leer."))
    headers = [str(h or "").strip() for h in raw[0]]
    missing = [h for h in REQUIRED if h not in headers]
    if missing:
        raise ValidationError(
            _("Zeile 1: Es fehlen die Spalten %(columns)s.")
            % {"columns": ", ".join(f"„{m}“" for m in missing)}
        )
    unknown = [h for h in headers if h and h not in COLUMNS]
    if unknown:
        raise ValidationError(
            _("Zeile 1: Unbekannte Spalten %(columns)s.")
            % {"columns": ", ".join(f"„{u}“" for u in unknown)}
        )
    rows = []
    for number, values in enumerate(raw[1:], start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        rows.append((number, dict(zip(headers, values, strict=False))))
    return rows


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _choice(value: Any, choices: type) -> str:
    text = _text(value)
    for key, label in choices.choices:
        if text.lower() in (str(key).lower(), str(label).lower()):
            return key
    raise CellError(
        _("„%(value)s“ ist keiner der Werte %(allowed)s.")
        % {"value": text, "allowed": ", ".join(str(k) for k in choices.values)}
    )


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise CellError(_("„%(value)s“ ist kein Datum (TT.MM.JJJJ).") % {"value": text})


def _money(value: Any) -> Decimal:
    if value in (None, ""):
        return Decimal(0)
    text = _text(value).replace("€", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise CellError(_("„%(value)s“ ist kein Geldbetrag.") % {"value": _text(value)}) from None
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(_("Bitte höchstens zwei Nachkommastellen (Cent)."))
    return amount.quantize(Decimal("0.01"))


def _int(value: Any) -> int:
    if value in (None, ""):
        return 0
    try:
        number = Decimal(_text(value).replace("%", "").replace(",", "."))
    except InvalidOperation:
        raise CellError(_("„%(value)s“ ist keine Zahl.") % {"value": _text(value)}) from None
    if number != int(number):
        raise CellError(_("Bitte eine ganze Zahl."))
    return int(number)


def _parse(
    row: dict[str, Any], departments: dict[str, Department], parents: dict[str, Measure | str]
) -> tuple[dict[str, Any], dict[str, str]]:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def take(column: str, parse: Any) -> None:
        try:
            values[COLUMNS[column]] = parse(row.get(column))
        except CellError as exc:
            errors[column] = str(exc)

    for column in REQUIRED:
        if not _text(row.get(column)):
            errors[column] = _("Pflichtangabe fehlt.")
    if "Titel" not in errors:
        values["title"] = _text(row["Titel"])[:300]
    if "Federführung" not in errors:
        key = _text(row["Federführung"]).lower()
        if key in departments:
            values["department"] = departments[key]
        else:
            errors["Federführung"] = _("Dienststelle „%(value)s“ ist nicht angelegt.") % {
                "value": _text(row["Federführung"])
            }
    if "Kategorie" not in errors:
        take("Kategorie", lambda v: _choice(v, Category))
    if "Handlungsfeld" not in errors:
        take("Handlungsfeld", lambda v: _choice(v, FieldOfAction))
    if "Status" not in errors:
        take("Status", lambda v: _choice(v, MeasureStatus))
    take("Fortschritt", _int)
    take("Beginn", _date)
    take("Ende", _date)
    take("Geplante Kosten", _money)
    take("Ausgegeben", _money)
    if _text(row.get("Finanzierung")):
        take("Finanzierung", lambda v: _choice(v, FundingSource))
    for column in ("Anmerkung Kosten", "Beschreibung", "Externe Partner"):
        values[COLUMNS[column]] = _text(row.get(column))
    parent = _text(row.get("Teil von"))
    if parent:
        if parent.lower() in parents:
            values["parent"] = parents[parent.lower()]
        else:
            errors["Teil von"] = _("Keine Maßnahme „%(value)s“ (weiter oben oder angelegt).") % {
                "value": parent
            }
    return values, errors


def import_measures(*, actor: User, content: bytes, filename: str) -> ImportResult:
    """Check every row, then create all measures, or raise with every error and write none."""
    if actor.centre is None or not actor.has_perm("oeffnung.import_measures"):
        raise PermissionDenied
    rows = read_rows(content, filename)
    if not rows:
        raise ValidationError(_("Die Datei enthält keine Maßnahmen."))
    departments: dict[str, Department] = {}
    for d in Department.objects.for_user(actor):
        departments[d.name.lower()] = d
        if d.number:
            departments[d.number.lower()] = d
    parents: dict[str, Measure | str] = {
        m.title.lower(): m for m in Measure.objects.for_user(actor)
    }
    messages: list[str] = []
    parsed: list[tuple[int, dict[str, Any]]] = []
    for line, row in rows:
        values, errors = _parse(row, departments, parents)
        # the programme's rules too, also on a row with other errors (all problems at once)
        probe = MeasureInput(
            **{"title": "", "department": None, "category": "A", "field_of_action": "staff"}
            | values
        )
        for field, problems in measure_errors(probe).items():
            errors.setdefault(COLUMN_OF_FIELD.get(field, field), " ".join(problems))
        for column, message in errors.items():
            messages.append(
                _("Zeile %(line)s, Spalte „%(column)s“: %(message)s")
                % {"line": line, "column": column, "message": message}
            )
        parsed.append((line, values))
        if "title" in values:
            parents.setdefault(values["title"].lower(), values["title"])
    if messages:
        raise ValidationError(messages)
    with transaction.atomic():
        created: dict[str, Measure] = {}
        today = timezone.localdate()
        for _line, values in parsed:
            parent = values.get("parent")
            if isinstance(parent, str):
                values["parent"] = created[parent.lower()]
            measure = Measure(centre=actor.centre, updated_on=today, **values)
            measure.full_clean()
            measure.save()
            created[measure.title.lower()] = measure
        record(
            actor=actor,
            centre=actor.centre,
            action="oeffnung.measures.imported",
            target=actor.centre,
            summary=_("%(count)s Maßnahmen aus %(file)s importiert")
            % {"count": len(created), "file": filename[:100]},
            data={"count": len(created), "file": filename[:200]},
        )
    return ImportResult(created=len(created))

"""The waiting list as a spreadsheet: xlsx (openpyxl, write-only) and csv for German Excel.

Both walk the whole filtered list with one query and write rows as they come, so a
50,000-row export needs neither one query per child nor the whole workbook in memory twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from teilhabe.seiteneinstieg.choices import LANGUAGE_CHOICES, SchoolLevel, Status
from teilhabe.seiteneinstieg.models import Child
from teilhabe.seiteneinstieg.selectors.waiting_list import WaitingEntry, entries, export_rows

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Aktenzeichen"),
        _("Nachname"),
        _("Vorname"),
        _("Geburtsdatum"),
        _("Alter"),
        _("Erstsprache"),
        _("Ort"),
        _("Stadtbezirk"),
        _("Stadtteil-Nr."),
        _("Stadtteil"),
        _("Status"),
        _("Empfohlene Stufe"),
        _("Registriert am"),
        _("Tage seit Registrierung"),
        _("Beraten am"),
        _("Tage seit Beratung"),
        _("Über vier Wochen"),
    ]


def _row(entry: WaitingEntry, labels: dict[str, dict[str, str]]) -> list[Any]:
    row = entry.child  # a named row of EXPORT_FIELDS
    return [
        row.family__reference,
        row.last_name,
        row.first_name,
        row.birth_date,
        entry.age,
        labels["language"].get(row.first_language, row.first_language),
        row.family__municipality_name,
        f"{row.family__stadtbezirk_number} {row.family__stadtbezirk_name}".strip(),
        row.family__stadtteil_number,
        row.family__stadtteil_name,
        labels["status"].get(row.status, row.status),
        labels["level"].get(row.recommended_level, ""),
        entry.registered_on,
        entry.days_since_registration,
        entry.counselled_on,
        entry.days_since_counselling,
        _("ja") if entry.overdue else _("nein"),
    ]


def _labels() -> dict[str, dict[str, str]]:
    """Display names resolved once per export, not once per row."""
    return {
        "language": {k: str(v) for k, v in LANGUAGE_CHOICES},
        "status": {k: str(v) for k, v in Status.choices},
        "level": {k: str(v) for k, v in SchoolLevel.choices},
    }


def _defuse(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _rows(children: QuerySet[Child], today: dt.date) -> Iterable[list[Any]]:
    labels = _labels()
    for entry in entries(export_rows(children), today=today):
        yield [_defuse(v) for v in _row(entry, labels)]


def waiting_list_xlsx(children: QuerySet[Child], *, today: dt.date | None = None) -> bytes:
    today = today or timezone.localdate()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Warteliste"))
    sheet.freeze_panes = "A2"
    widths = [14, 18, 16, 12, 7, 14, 18, 22, 8, 22, 24, 28, 12, 10, 12, 10, 10]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header_cells = []
    for title in headers():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in _rows(children, today):
        sheet.append([_as_date_cell(sheet, v) if isinstance(v, dt.date) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _as_date_cell(sheet: Any, value: dt.date) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "DD.MM.YYYY"
    return cell


def waiting_list_csv(children: QuerySet[Child], *, today: dt.date | None = None) -> bytes:
    """CSV as German Excel opens it by double-click: UTF-8 with BOM, ``;``, dd.mm.yyyy."""
    today = today or timezone.localdate()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers())
    for row in _rows(children, today):
        writer.writerow([v.strftime("%d.%m.%Y") if isinstance(v, dt.date) else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")

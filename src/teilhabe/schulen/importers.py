"""Reading the two official NRW school directories into plain records (no database).

* MSB "Schulgrunddaten" (``schuldaten.csv``, 2021-09): ``sep=;`` first line, 2-char
  school form codes, 8-digit Gemeindeschlüssel, ETRS89/UTM32N (EPSG:25832) coordinates.
* IT.NRW school list 2024/25 with pupil numbers and Sozialindex: comma-separated, school
  form as text, 7-digit AGS without the leading 0, WGS84 lat/lon.

The whole file is parsed before anything is written, and the first problem stops the
import with a message naming line and column: a half-imported directory is worse than none.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

KIND_MSB_2021 = "msb_schuldaten"
KIND_ITNRW_2024 = "itnrw_2024_25"
KIND_LABELS = {
    KIND_MSB_2021: "MSB NRW Schulgrunddaten",
    KIND_ITNRW_2024: "IT.NRW Schulverzeichnis 2024/25 mit Sozialindex",
}

MSB_COLUMNS = (
    "Schulnummer",
    "Schulform",
    "Schulbezeichnung_1",
    "Schulbezeichnung_2",
    "Schulbezeichnung_3",
    "Kurzbezeichnung",
    "PLZ",
    "Ort",
    "Strasse",
    "Telefonvorwahl",
    "Telefon",
    "E-Mail",
    "Homepage",
    "Rechtsform",
    "Gemeindeschluessel",
    "Schulbetriebsschluessel",
    "UTMRechtswert",
    "UTMHochwert",
)
ITNRW_COLUMNS = (
    "Schulform",
    "Amtlicher Gemeindeschlüssel",
    "Schulnummer",
    "Amtliche Bezeichnung 1",
    "Amtliche Bezeichnung 2",
    "Amtliche Bezeichnung 3",
    "Straße und Hausnummer",
    "Postleitzahl",
    "Ort",
    "Rechtsstatus",
    "Telefonnummer Vorwahl",
    "Telefonnummer Durchwahl",
    "Offizielle E-Mail-Adresse",
    "Anzahl",
    "Sozialindex",
    "latitude",
    "longitude",
)

# School form names as the placement format and SchoolForm choices use them; codes and
# texts not listed keep the official label from the key file.
FORM_NAME_OVERRIDES = {
    "08": "Förderschule",
    "19": "Förderschule",
    "81": "Förderschule",
    "85": "Förderschule",
    "87": "Förderschule",
    "88": "Förderschule",
    "13": "PRIMUS-Schule",
    "16": "Gemeinschaftsschule",
}
ITNRW_FORM_NAMES = {
    "Förderschule Grund-/Hauptschule": "Förderschule",
    "Förderschule Berufskolleg": "Förderschule",
    "Förderschule Realschule/Gymnasium": "Förderschule",
}
KEY_FILE = Path(__file__).resolve().parent / "data" / "schulform_schluessel.csv"


class DirectoryError(ValueError):
    """A file that cannot be imported; ``line``/``column`` point at the problem."""

    def __init__(self, message: str, *, line: int | None = None, column: str = "") -> None:
        self.line = line
        self.column = column
        self.reason = message
        where = []
        if line is not None:
            where.append(_("Zeile %(line)s") % {"line": line})
        if column:
            where.append(_("Spalte „%(column)s“") % {"column": column})
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


@dataclass
class SchoolRecord:
    """One school as the file says it; ``fields`` are the model fields this source provides."""

    schulnummer: str
    line: int
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Directory:
    kind: str
    records: list[SchoolRecord]


@cache
def school_form_names() -> dict[str, str]:
    """Code → school form name, from the official key with the names the platform uses."""
    with open(KEY_FILE, encoding="utf-8") as fh:
        names = {row["Schulform"]: row["Bezeichnung"] for row in csv.DictReader(fh)}
    names.update(FORM_NAME_OVERRIDES)
    return names


# Control characters other than tab and line breaks: a NUL byte cannot be stored in
# PostgreSQL text, and none of them belongs in a school directory.
INVALID_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DirectoryError(
            _(
                "Die Datei ist nicht UTF-8-kodiert (Byte %(col)s der Zeile). "
                "Bitte als UTF-8 speichern."
            )
            % {"col": col},
            line=line,
        ) from None
    bad = INVALID_CHARACTERS.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        error = DirectoryError(
            _("Die Datei enthält ungültige Zeichen (Zeile %(line)s).") % {"line": line}
        )
        error.line = line
        raise error
    return text


def detect_kind(header: list[str]) -> str:
    """Which directory a header belongs to; names missing columns when it is neither."""
    names = set(header)
    if "Gemeindeschluessel" in names or "UTMRechtswert" in names:
        kind, expected = KIND_MSB_2021, MSB_COLUMNS
    elif "Amtlicher Gemeindeschlüssel" in names or "Sozialindex" in names:
        kind, expected = KIND_ITNRW_2024, ITNRW_COLUMNS
    else:
        raise DirectoryError(
            _(
                "Unbekanntes Dateiformat. Erwartet wird das Schulverzeichnis des MSB "
                "(Spalten Schulnummer, Schulform, Gemeindeschluessel, UTMRechtswert …) oder "
                "die IT.NRW-Liste 2024/25 (Spalten Schulnummer, Amtlicher Gemeindeschlüssel, "
                "Sozialindex …)."
            ),
            line=None,
        )
    missing = [c for c in expected if c not in names]
    if missing:
        raise DirectoryError(
            _("Es fehlen Spalten: %(cols)s") % {"cols": ", ".join(missing)}, column=missing[0]
        )
    return kind


def parse_directory(data: bytes) -> Directory:
    """Parse either directory file completely, or raise :class:`DirectoryError`."""
    text = _decode(data)
    offset = 0
    delimiter = ","
    first_line, _sep, rest = text.partition("\n")
    if first_line.strip().lower().startswith("sep="):
        delimiter = first_line.strip()[4:5] or ";"
        text = rest
        offset = 1
    elif first_line.count(";") > first_line.count(","):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DirectoryError(_("Die Datei ist leer."), line=1) from None
    except csv.Error as exc:
        raise DirectoryError(str(exc), line=offset + 1) from None
    while header and not header[-1]:
        header.pop()  # the MSB file ends its header with a stray separator
    try:
        kind = detect_kind(header)
    except DirectoryError as exc:
        exc.line = offset + 1
        raise DirectoryError(exc.reason, line=offset + 1, column=exc.column) from None
    index = {name: i for i, name in enumerate(header)}
    parse_row = _msb_row if kind == KIND_MSB_2021 else _itnrw_row
    needed = max(index[c] for c in (MSB_COLUMNS if kind == KIND_MSB_2021 else ITNRW_COLUMNS))
    records: list[SchoolRecord] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num + offset
            if not any(cell.strip() for cell in row):
                continue
            if len(row) <= needed:
                raise DirectoryError(
                    _("%(n)s Felder statt %(m)s") % {"n": len(row), "m": len(header)}, line=line
                )

            def cell(name: str, row: list[str] = row) -> str:
                return row[index[name]].strip()

            record = parse_row(cell, line)
            if record.schulnummer in seen:
                raise DirectoryError(
                    _("Schulnummer %(nr)s kommt doppelt vor (zuerst in Zeile %(first)s).")
                    % {"nr": record.schulnummer, "first": seen[record.schulnummer]},
                    line=line,
                    column="Schulnummer",
                )
            seen[record.schulnummer] = line
            records.append(record)
    except csv.Error as exc:
        raise DirectoryError(str(exc), line=reader.line_num + offset) from None
    if not records:
        raise DirectoryError(_("Die Datei enthält keine Schulen."), line=offset + 2)
    if kind == KIND_MSB_2021:
        _utm_to_wgs84(records)
    return Directory(kind=kind, records=records)


Cell = Callable[[str], str]


def _schulnummer(cell: Cell, line: int) -> str:
    value = cell("Schulnummer")
    if len(value) != 6 or not value.isdigit():
        raise DirectoryError(
            _("„%(v)s“ ist keine sechsstellige Schulnummer.") % {"v": value},
            line=line,
            column="Schulnummer",
        )
    return value


def _int(cell: Cell, name: str, line: int, *, blank: bool = False) -> int | None:
    value = cell(name)
    if not value and blank:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = float("nan")
    if number != number or not number.is_integer():
        raise DirectoryError(
            _("„%(v)s“ ist keine ganze Zahl.") % {"v": value}, line=line, column=name
        )
    return int(number)


def _float(cell: Cell, name: str, line: int) -> float | None:
    value = cell(name)
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise DirectoryError(
            _("„%(v)s“ ist keine Zahl.") % {"v": value}, line=line, column=name
        ) from None
    if number != number:
        raise DirectoryError(_("„%(v)s“ ist keine Zahl.") % {"v": value}, line=line, column=name)
    return number


def _digits(cell: Cell, name: str, line: int, width: int) -> str:
    value = cell(name)
    if not value.isdigit() or len(value) > width:
        raise DirectoryError(
            _("„%(v)s“ ist kein gültiger Schlüssel.") % {"v": value}, line=line, column=name
        )
    return value.zfill(width)


def _name(*parts: str) -> str:
    return " ".join(p for p in parts if p and p.strip("- ")).strip()[:300]


def _msb_row(cell: Cell, line: int) -> SchoolRecord:
    code = cell("Schulform")
    forms = school_form_names()
    if code not in forms:
        raise DirectoryError(
            _("Unbekannter Schulform-Schlüssel „%(v)s“.") % {"v": code},
            line=line,
            column="Schulform",
        )
    east = _int(cell, "UTMRechtswert", line, blank=True)
    north = _int(cell, "UTMHochwert", line, blank=True)
    phone = " ".join(p for p in (cell("Telefonvorwahl"), cell("Telefon")) if p)
    return SchoolRecord(
        schulnummer=_schulnummer(cell, line),
        line=line,
        fields={
            "name": _name(
                cell("Schulbezeichnung_1"), cell("Schulbezeichnung_2"), cell("Schulbezeichnung_3")
            ),
            "short_name": cell("Kurzbezeichnung")[:200],
            "school_form": forms[code],
            "school_form_code": code,
            "street": cell("Strasse")[:200],
            "postcode": cell("PLZ")[:5],
            "city": cell("Ort")[:100],
            "phone": phone[:50],
            "email": cell("E-Mail")[:254],
            "website": cell("Homepage")[:300],
            "public": cell("Rechtsform") != "2",
            "municipality_key": _digits(cell, "Gemeindeschluessel", line, 8),
            "operating_key": cell("Schulbetriebsschluessel")[:2],
            "_utm": (east, north),
        },
    )


def _utm_to_wgs84(records: list[SchoolRecord]) -> None:
    """Convert all UTM32N coordinates in one pyproj call (fast for the whole state)."""
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    with_coords = [r for r in records if None not in r.fields["_utm"]]
    if with_coords:
        easts = [r.fields["_utm"][0] for r in with_coords]
        norths = [r.fields["_utm"][1] for r in with_coords]
        lons, lats = transformer.transform(easts, norths)
        for record, lon, lat in zip(with_coords, lons, lats, strict=True):
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or lat != lat:
                raise DirectoryError(
                    _("Die UTM-Koordinate liegt außerhalb des gültigen Bereichs."),
                    line=record.line,
                    column="UTMRechtswert",
                )
            record.fields["lat"] = round(float(lat), 6)
            record.fields["lon"] = round(float(lon), 6)
    for record in records:
        if None in record.fields.pop("_utm"):
            record.fields["lat"] = None
            record.fields["lon"] = None


def _phone_part(cell: Cell, name: str, line: int, *, area: bool) -> str:
    value = _int(cell, name, line, blank=True)
    if value is None:
        return ""
    return f"0{value}" if area else str(value)


def _itnrw_row(cell: Cell, line: int) -> SchoolRecord:
    form = cell("Schulform")
    sozialindex = _int(cell, "Sozialindex", line, blank=True)
    if sozialindex is not None and not 1 <= sozialindex <= 9:
        raise DirectoryError(
            _("Sozialindex %(v)s liegt nicht zwischen 1 und 9.") % {"v": sozialindex},
            line=line,
            column="Sozialindex",
        )
    pupils = _int(cell, "Anzahl", line, blank=True)
    if pupils is not None and pupils < 0:
        raise DirectoryError(_("Negative Schülerzahl."), line=line, column="Anzahl")
    lat = _float(cell, "latitude", line)
    lon = _float(cell, "longitude", line)
    if (lat is None) != (lon is None) or (
        lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)
    ):
        raise DirectoryError(_("Ungültige Koordinate."), line=line, column="latitude")
    phone = " ".join(
        p
        for p in (
            _phone_part(cell, "Telefonnummer Vorwahl", line, area=True),
            _phone_part(cell, "Telefonnummer Durchwahl", line, area=False),
        )
        if p
    )
    return SchoolRecord(
        schulnummer=_schulnummer(cell, line),
        line=line,
        fields={
            "name": _name(
                cell("Amtliche Bezeichnung 1"),
                cell("Amtliche Bezeichnung 2"),
                cell("Amtliche Bezeichnung 3"),
            ),
            "school_form": ITNRW_FORM_NAMES.get(form, form)[:100],
            "street": cell("Straße und Hausnummer")[:200],
            "postcode": cell("Postleitzahl")[:5],
            "city": cell("Ort")[:100],
            "phone": phone[:50],
            "email": cell("Offizielle E-Mail-Adresse")[:254],
            "public": cell("Rechtsstatus") != "Privat",
            "municipality_key": _digits(cell, "Amtlicher Gemeindeschlüssel", line, 8),
            "pupils": pupils,
            "sozialindex": sozialindex,
            "lat": None if lat is None else round(lat, 6),
            "lon": None if lon is None else round(lon, 6),
        },
    )

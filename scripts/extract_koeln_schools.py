"""Cut the rows of one municipality or Kreis out of the MSB NRW school directory (2021-09).

Why a script: the packaged demo files must stay byte-identical to the official rows (same
``sep=;`` first line, header, quoting, UTF-8), so anyone can re-create and check them:

    python scripts/extract_koeln_schools.py \
        /work/shared/data/nrw_schulen/schuldaten_nrw_2021-09.csv \
        src/teilhabe/schulen/data/koeln_schulen_msb_2021-09.csv
    python scripts/extract_koeln_schools.py --gemeindeschluessel 05974 \
        /work/shared/data/nrw_schulen/schuldaten_nrw_2021-09.csv \
        src/teilhabe/schulen/data/kreis_soest_schulen_msb_2021-09.csv

A 5-digit key takes every municipality of the Kreis. Rows of school form ``0A`` ("keine
Schule": Bezirksregierung, ZfsL and other offices listed in the directory) are left out, so
the demo's school list shows only schools. Lines are copied verbatim; each one is parsed
only to read its Gemeindeschluessel and Schulform.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

KOELN = "05315000"
NOT_A_SCHOOL = frozenset({"0A"})  # Sonderdienststellen: Bezirksregierung, ZfsL, MSB


def extract(source: Path, target: Path, municipality_key: str = KOELN) -> int:
    """Write the ``sep=;`` line, the header and every row of one municipality; return rows."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    if not lines or not lines[0].startswith("sep="):
        raise SystemExit(f"{source}: first line is not 'sep=;' — not the MSB file?")
    header = next(csv.reader([lines[1]], delimiter=";"))
    column = header.index("Gemeindeschluessel")
    form = header.index("Schulform")
    kept = [lines[0], lines[1]]
    for number, line in enumerate(lines[2:], start=3):
        if not line.strip():
            continue
        row = next(csv.reader([line], delimiter=";", strict=True))
        if len(row) < column + 1:
            raise SystemExit(f"{source}:{number}: {len(row)} fields (a record over two lines?)")
        if row[column].startswith(municipality_key) and row[form] not in NOT_A_SCHOOL:
            kept.append(line)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(kept), encoding="utf-8", newline="")
    return len(kept) - 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="schuldaten.csv of the MSB NRW")
    parser.add_argument("target", type=Path)
    parser.add_argument(
        "--gemeindeschluessel",
        default=KOELN,
        help="8 digits (Köln: 05315000) or a Kreis's 5 (Soest: 05974)",
    )
    args = parser.parse_args(argv)
    rows = extract(args.source, args.target, args.gemeindeschluessel)
    print(f"{rows} schools written to {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Streaming spreadsheet writers: a header row and any iterable of rows, nothing domain-specific.

Both write rows as they come (openpyxl in write-only mode, with lxml for speed; csv row by
row), so a 50,000-row export never holds the whole table twice. Work areas decide only
*which* columns they export.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD.MM.YYYY"


def defuse(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def counted(
    rows: Iterable[Sequence[Any]],
    *,
    total: int,
    report: Callable[[int, str], None],
    message: Callable[[int, int], str],
    span: tuple[int, int] = (0, 95),
    every: int = 1000,
) -> Iterator[Sequence[Any]]:
    """Pass rows through and report progress every ``every`` rows, scaled into ``span``.

    The last few percent are left for zipping and storing the file.
    """
    low, high = span
    done = 0
    report(low, message(0, total))
    for row in rows:
        yield row
        done += 1
        if done % every == 0:
            share = done / total if total else 1
            report(low + int((high - low) * min(share, 1)), message(done, total))
    report(high, message(done, total))


def write_xlsx(
    target: str | Path | IO[bytes],
    *,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int] = (),
) -> None:
    """One sheet: bold frozen header, then the rows; dates in German format, text defused."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])  # Excel's limit for sheet names
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header_cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    date_cell = _date_cell_factory(sheet)
    try:
        for row in rows:
            sheet.append(
                [date_cell(value) if isinstance(value, dt.date) else defuse(value) for value in row]
            )
        workbook.save(target)
    except BaseException:
        _discard_sheet_files(workbook)
        raise


def _discard_sheet_files(workbook: Workbook) -> None:
    """openpyxl streams each write-only sheet into a temporary file that it deletes only on
    save or at interpreter exit: a failed export in a long-running worker would leave it."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        rows = getattr(sheet, "_rows", None)
        if rows is not None:
            with contextlib.suppress(Exception):  # lxml complains about the unclosed element
                rows.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(Exception):
                writer.cleanup()


def _date_cell_factory(sheet: Any) -> Callable[[dt.date], WriteOnlyCell]:
    def make(value: dt.date) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell

    return make


def write_csv(target: IO[str], *, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """CSV as German Excel opens it by double-click: BOM, ``;``, CRLF, dd.mm.yyyy.

    ``target`` is a text stream opened with ``encoding="utf-8"`` and ``newline=""``.
    """
    target.write("\ufeff")
    writer = csv.writer(target, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else defuse(value)
                for value in row
            ]
        )


def xlsx_bytes(**kwargs: Any) -> bytes:
    """``write_xlsx`` into memory, for small files and tests."""
    buffer = io.BytesIO()
    write_xlsx(buffer, **kwargs)
    return buffer.getvalue()


def csv_bytes(**kwargs: Any) -> bytes:
    buffer = io.StringIO(newline="")
    write_csv(buffer, **kwargs)
    return buffer.getvalue().encode("utf-8")


def to_temp_file(suffix: str, write: Callable[[Path], None]) -> Path:
    """Let ``write`` fill a fresh temporary file and return its path.

    On any error the half-written file is removed before the error propagates, so a failed
    job never leaves a partial file behind.
    """
    handle, name = tempfile.mkstemp(prefix="teilhabe-job-", suffix=suffix)
    os.close(handle)
    path = Path(name)
    try:
        write(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def xlsx_file(**kwargs: Any) -> Path:
    """``write_xlsx`` into a temporary file (the job runner takes it over)."""
    return to_temp_file(".xlsx", lambda path: write_xlsx(path, **kwargs))


def csv_file(**kwargs: Any) -> Path:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as target:
            write_csv(target, **kwargs)

    return to_temp_file(".csv", write)

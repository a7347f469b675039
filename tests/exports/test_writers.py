"""The shared writers: header + rows in, a spreadsheet German Excel opens correctly out."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from teilhabe.exports import writers

HEADER = ["Name", "Geburtsdatum", "Tage"]
ROWS = [["Lina", dt.date(2015, 6, 1), 35], ["=HYPERLINK(1)", None, 0]]


def test_xlsx_bold_header_german_dates_defused_text():
    content = writers.xlsx_bytes(title="Liste", header=HEADER, rows=iter(ROWS), widths=(20, 12))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Liste"
    assert [c.value for c in sheet[1]] == HEADER
    assert sheet["A1"].font.bold
    assert sheet["B2"].value.date() == dt.date(2015, 6, 1)
    assert sheet["B2"].number_format == "DD.MM.YYYY"
    assert sheet["A3"].value == "'=HYPERLINK(1)"
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 3


def test_csv_bom_semicolons_german_dates_defused_text():
    content = writers.csv_bytes(header=HEADER, rows=ROWS)
    assert content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [HEADER, ["Lina", "01.06.2015", "35"], ["'=HYPERLINK(1)", "", "0"]]


def test_files_are_removed_when_writing_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    def broken():
        yield ["a", dt.date(2020, 1, 1), 1]
        raise RuntimeError("Datenbank weg")

    with pytest.raises(RuntimeError):
        writers.xlsx_file(title="x", header=HEADER, rows=broken())
    with pytest.raises(RuntimeError):
        writers.csv_file(header=HEADER, rows=broken())
    assert list(tmp_path.iterdir()) == []
    path = writers.csv_file(header=HEADER, rows=ROWS)
    assert path.parent == tmp_path
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_counted_reports_progress_within_its_span():
    reports: list[tuple[int, str]] = []
    rows = list(
        writers.counted(
            ([i] for i in range(2500)),
            total=2500,
            report=lambda p, m: reports.append((p, m)),
            message=lambda done, total: f"{done}/{total}",
            span=(10, 90),
            every=1000,
        )
    )
    assert len(rows) == 2500
    assert reports == [(10, "0/2500"), (42, "1000/2500"), (74, "2000/2500"), (90, "2500/2500")]

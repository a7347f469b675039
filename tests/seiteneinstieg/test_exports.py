"""Exports of the waiting list: xlsx and csv carry the whole filtered list, values as shown.

The export button starts a background job (teilhabe.exports); the tests run it synchronously
and download its file as the user would.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.exports import headers
from teilhabe.seiteneinstieg.selectors.waiting_list import PAGE_SIZE
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(run_job_via):
    def _export(client, fmt: str, **params: str):
        url = reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": fmt})
        return run_job_via(client, url, params)

    return _export


@pytest.fixture
def lina(staff):
    family = FamilyFactory(
        centre=staff.centre,
        reference="F-2026-00042",
        stadtteil_number="501",
        stadtteil_name="Nippes",
        stadtbezirk_number="5",
        stadtbezirk_name="Nippes",
    )
    return ChildFactory(
        family=family,
        first_name="Lina",
        last_name="Al-Hassan",
        birth_date=dt.date(2015, 6, 1),
        first_language="ar",
        status=Status.COUNSELLED,
        registered_at=timezone.now() - dt.timedelta(days=35),
        counselled_at=timezone.now() - dt.timedelta(days=5),
    )


def _csv_rows(response) -> list[list[str]]:
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_xlsx_opens_with_header_and_values(staff, login, lina, export):
    response = export(login(staff.counsellor), "xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headers()
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Aktenzeichen"] == "F-2026-00042"
    assert row["Nachname"] == "Al-Hassan"
    assert row["Vorname"] == "Lina"
    assert row["Geburtsdatum"].date() == dt.date(2015, 6, 1)
    assert row["Erstsprache"] == "Arabisch"
    assert row["Stadtteil"] == "Nippes"
    assert row["Status"] == "Beraten"
    assert row["Tage seit Registrierung"] == 35
    assert row["Tage seit Beratung"] == 5
    assert row["Über vier Wochen"] == "ja"
    assert len(rows) == 2


def test_csv_parses_with_semicolons_and_german_dates(staff, login, lina, export):
    rows = _csv_rows(export(login(staff.counsellor), "csv"))
    assert rows[0] == headers()
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Vorname"] == "Lina"
    assert row["Geburtsdatum"] == "01.06.2015"
    assert row["Tage seit Registrierung"] == "35"
    assert row["Tage seit Beratung"] == "5"
    assert row["Stadtbezirk"] == "5 Nippes"
    assert row["Über vier Wochen"] == "ja"


def test_export_has_whole_filtered_list_not_one_page(staff, login, export):
    for _ in range(PAGE_SIZE + 5):
        ChildFactory(family__centre=staff.centre, status=Status.INVITED)
    ChildFactory(family__centre=staff.centre, status=Status.REGISTERED)
    ChildFactory(family__centre=staff.centre, status=Status.PLACED)
    client = login(staff.counsellor)
    assert len(_csv_rows(export(client, "csv"))) == 1 + PAGE_SIZE + 6
    assert len(_csv_rows(export(client, "csv", status="invited"))) == 1 + PAGE_SIZE + 5
    sheet = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx", status="registered").content))
    assert sheet.active.max_row == 2


def test_export_leaves_out_other_centres(staff, other_staff, login, lina, export):
    ChildFactory(family__centre=other_staff.centre, first_name="Fremd")
    rows = _csv_rows(export(login(staff.counsellor), "csv"))
    assert [r[2] for r in rows[1:]] == ["Lina"]


def test_formula_like_text_is_defused(staff, login, export):
    ChildFactory(family__centre=staff.centre, first_name="=HYPERLINK(1)", last_name="+1")
    rows = _csv_rows(export(login(staff.counsellor), "csv"))
    assert rows[1][1:3] == ["'+1", "'=HYPERLINK(1)"]


def test_unknown_format_is_404(staff, login):
    response = login(staff.counsellor).post("/seiteneinstieg/warteliste/export.pdf")
    assert response.status_code == 404


def test_export_needs_post(staff, login):
    url = reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": "csv"})
    assert login(staff.counsellor).get(url).status_code == 405


def test_each_export_is_audited(staff, login, lina, export):
    export(login(staff.schulamt), "csv", status="counselled")
    entry = AuditEntry.objects.get(action="seiteneinstieg.waiting_list.exported")
    assert entry.actor == staff.schulamt
    assert entry.centre == staff.centre
    assert entry.data["format"] == "csv"
    assert entry.data["filters"]["status"] == "counselled"

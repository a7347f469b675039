"""Survey files: code letters, results as xlsx and PDF (protected like the page)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from teilhabe.oeffnung.models import AccessCode
from teilhabe.oeffnung.services import survey as services
from tests.factories import DepartmentFactory, WaveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(staff):
    department = DepartmentFactory(centre=staff.centre, name="Amt für Integration")
    return WaveFactory(centre=staff.centre, departments=[department])


def test_code_letters_print_each_code_once_and_store_only_hashes(login, staff, wave):
    client = login(staff.centre_admin)
    department = wave.departments.get()
    response = client.post(
        reverse("oeffnung:wave_codes", kwargs={"pk": wave.pk}),
        {"department": department.pk, "count": 3},
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 3
    texts = [page.extract_text() for page in reader.pages]
    hashes = set(AccessCode.objects.values_list("code_hash", flat=True))
    for text in texts:
        code = next(w for w in text.split() if w.count("-") == 3 and len(w) == 19)
        assert services.hash_code(code) in hashes
        assert "/koeln/befragung/" in text


def test_code_request_with_bad_count_is_refused(login, staff, wave):
    client = login(staff.centre_admin)
    response = client.post(
        reverse("oeffnung:wave_codes", kwargs={"pk": wave.pk}),
        {"department": wave.departments.get().pk, "count": 0},
    )
    assert response.status_code == 200
    assert not AccessCode.objects.exists()


def test_results_exports(login, staff, wave):
    client = login(staff.statistics)
    xlsx = client.get(reverse("oeffnung:wave_export", kwargs={"pk": wave.pk, "fmt": "xlsx"}))
    book = load_workbook(io.BytesIO(xlsx.content))
    assert "nrw" in book.sheetnames
    pdf = client.get(reverse("oeffnung:wave_export", kwargs={"pk": wave.pk, "fmt": "pdf"}))
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Beschäftigtenbefragung" in text


def test_wave_with_end_before_start_is_refused(login, staff):
    department = DepartmentFactory(centre=staff.centre)
    client = login(staff.centre_admin)
    response = client.post(
        reverse("oeffnung:wave_create"),
        {
            "title": "Welle",
            "starts_on": "2026-05-10",
            "ends_on": "2026-05-01",
            "departments": [department.pk],
        },
    )
    assert "Das Ende liegt vor dem Beginn." in response.content.decode()
    from teilhabe.oeffnung.models import SurveyWave

    assert not SurveyWave.objects.exists()

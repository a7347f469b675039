"""Background jobs in Chromium: the export button, the progress page, the download."""

from __future__ import annotations

import time

import pytest

from teilhabe.exports import registry
from teilhabe.exports.registry import JobResult
from teilhabe.exports.services import start_job
from tests.browser.helpers import log_in
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def in_threads(settings):
    """As in production without Redis: the job runs in a thread of the (live) server."""
    settings.TEILHABE_JOBS_EAGER = False
    settings.TEILHABE_JOBS_PROGRESS_INTERVAL = 0.1


def test_export_button_leads_to_the_download(page, staff, in_threads, screenshot):
    for _ in range(30):
        ChildFactory(family__centre=staff.centre, status="invited")
    log_in(page, staff.counsellor)
    page.goto(page.base_url + "/seiteneinstieg/warteliste/?status=invited")
    page.get_by_role("button", name="Export als Excel (xlsx)").click()
    page.wait_for_url("**/auftraege/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Warteliste als Excel (xlsx)"
    link = page.get_by_role("link", name="herunterladen")
    link.wait_for()  # the page polls the status and reloads when the job is done
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("warteliste-")
    assert download.value.suggested_filename.endswith(".xlsx")
    screenshot("job-done")


def _slow(job, progress):
    for step in range(1, 9):
        progress(step * 10, f"Schritt {step} von 8")
        time.sleep(0.5)
    return JobResult(filename="ergebnis.csv", content_type="text/csv", content=b"a;b\r\n")


@pytest.fixture
def slow_kind():
    registry.register_job(
        "tests.slow", label="Langsamer Testauftrag", permission="exports.view_jobs", run=_slow
    )
    yield "tests.slow"
    registry.unregister_job("tests.slow")


def test_progress_page_updates_and_is_accessible(
    page, staff, in_threads, slow_kind, screenshot, axe_violations
):
    log_in(page, staff.counsellor)
    job = start_job(actor=staff.counsellor, kind=slow_kind, params={})
    page.goto(f"{page.base_url}/auftraege/{job.pk}/")
    bar = page.get_by_role("progressbar")
    page.wait_for_function(
        "() => Number(document.querySelector('[role=progressbar]')"
        ".getAttribute('aria-valuenow')) >= 20"
    )
    assert 0 < int(bar.get_attribute("aria-valuenow")) < 100
    assert "Schritt" in page.inner_text("main")
    assert axe_violations() == []
    screenshot("job-running-1366")
    page.set_viewport_size({"width": 360, "height": 740})
    screenshot("job-running-360")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("link", name="ergebnis.csv herunterladen").wait_for(timeout=20_000)
    assert bar.get_attribute("aria-valuenow") == "100"
    assert axe_violations() == []
    page.get_by_role("link", name="Meine Aufträge", exact=True).click()
    assert page.get_by_role("link", name="Langsamer Testauftrag").count() == 1
    screenshot("job-list")

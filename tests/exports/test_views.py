"""Job pages: progress without and with JavaScript, the owner's download, 404 for anyone else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.exports.models import Job, JobStatus
from teilhabe.exports.registry import JobResult
from teilhabe.exports.runner import run_job
from teilhabe.exports.services import start_job
from tests.exports.conftest import file_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def done_job(staff, job_kind):
    job = start_job(actor=staff.counsellor, kind=job_kind(file_result), params={})
    run_job(job.pk)
    job.refresh_from_db()
    return job


def _urls(job: Job) -> dict[str, str]:
    return {
        name: reverse(f"exports:{name}", kwargs={"pk": job.pk})
        for name in ("job_detail", "job_status", "job_download")
    }


def test_running_job_page_has_progressbar_and_refreshes_without_javascript(staff, login, job_kind):
    job = start_job(actor=staff.counsellor, kind=job_kind(file_result), params={})
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, progress=42, message="4.200 von 10.000 Zeilen geschrieben"
    )
    response = login(staff.counsellor).get(_urls(job)["job_detail"])
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    assert 'role="progressbar"' in html
    assert 'aria-valuenow="42"' in html
    assert 'aria-valuemin="0"' in html and 'aria-valuemax="100"' in html
    assert "4.200 von 10.000 Zeilen geschrieben" in html
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in html
    assert "js/job_progress.js" in html
    assert "<script>" not in html  # no inline script
    assert "herunterladen" not in html


def test_finished_job_page_offers_the_file_and_stops_refreshing(staff, login, done_job):
    html = login(staff.counsellor).get(_urls(done_job)["job_detail"]).content.decode()
    assert 'aria-valuenow="100"' in html
    assert 'http-equiv="refresh"' not in html
    assert "job_progress.js" not in html
    assert f'href="{_urls(done_job)["job_download"]}"' in html
    assert "liste.csv herunterladen" in html


def test_job_without_file_links_on(staff, login, job_kind):
    kind = job_kind(lambda job, progress: JobResult(redirect_url="/schulen/", data={"n": 3}))
    job = start_job(actor=staff.counsellor, kind=kind, params={})
    run_job(job.pk)
    client = login(staff.counsellor)
    html = client.get(_urls(job)["job_detail"]).content.decode()
    assert 'href="/schulen/"' in html
    assert "Weiter zum Ergebnis" in html
    assert client.get(_urls(job)["job_status"]).json()["redirect_url"] == "/schulen/"
    response = client.get(_urls(job)["job_download"])
    assert response.status_code == 302  # nothing to download: back to the job page, no audit
    assert not AuditEntry.objects.filter(action="exports.job.downloaded").exists()


def test_failed_job_page_says_so_in_german(staff, login, job_kind):
    def run(job, progress):
        raise RuntimeError("secret internals")

    job = start_job(actor=staff.counsellor, kind=job_kind(run), params={})
    run_job(job.pk)
    html = login(staff.counsellor).get(_urls(job)["job_detail"]).content.decode()
    assert "Fehlgeschlagen" in html
    assert "Der Auftrag ist fehlgeschlagen." in html
    assert "secret internals" not in html


def test_status_json(staff, login, done_job):
    response = login(staff.counsellor).get(_urls(done_job)["job_status"])
    assert response["Cache-Control"] == "no-store, private"
    assert response.json() == {
        "status": "done",
        "status_label": "Fertig",
        "progress": 100,
        "message": "Fertig.",
        "finished": True,
        "download_url": _urls(done_job)["job_download"],
        "redirect_url": "",
    }


def test_download_is_the_owners_attachment_not_cached_and_audited(staff, login, done_job):
    response = login(staff.counsellor).get(_urls(done_job)["job_download"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"A;B\r\n1;2\r\n"
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    assert response["Content-Type"] == "text/csv"
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="exports.job.downloaded")
    assert (entry.actor, entry.centre, entry.target_id) == (
        staff.counsellor,
        staff.centre,
        str(done_job.pk),
    )


@pytest.mark.parametrize("who", ["centre_admin", "schulamt", "other_counsellor"])
def test_another_users_or_centres_job_is_404(staff, other_staff, login, done_job, who):
    user = other_staff.counsellor if who == "other_counsellor" else staff.by_role(who)
    client = login(user)
    for url in _urls(done_job).values():
        assert client.get(url).status_code == 404, url
    assert not AuditEntry.objects.filter(action="exports.job.downloaded").exists()


def test_owner_who_moved_centre_no_longer_sees_the_job(staff, other_staff, login, done_job):
    type(staff.counsellor).objects.filter(pk=staff.counsellor.pk).update(centre=other_staff.centre)
    assert login(staff.counsellor).get(_urls(done_job)["job_download"]).status_code == 404


def test_missing_file_is_explained_not_500(staff, login, done_job):
    done_job.result_file.storage.delete(done_job.result_file.name)
    client = login(staff.counsellor)
    response = client.get(_urls(done_job)["job_download"], follow=True)
    assert "nicht mehr gespeichert" in response.content.decode()
    assert not AuditEntry.objects.filter(action="exports.job.downloaded").exists()


def test_job_list_shows_only_own_jobs(staff, login, done_job, job_kind):
    other = start_job(actor=staff.schulamt, kind=job_kind(file_result), params={})
    html = login(staff.counsellor).get(reverse("exports:job_list")).content.decode()
    assert _urls(done_job)["job_detail"] in html
    assert str(other.pk) not in html
    assert "Testauftrag" in html
    empty = login(staff.statistics).get(reverse("exports:job_list")).content.decode()
    assert "noch keine Aufträge" in empty


def test_export_button_starts_a_job_and_redirects_to_its_page(staff, login):
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": "xlsx"})
    response = client.post(url, {"status": "invited", "sort": "-name", "seite": "3"})
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exports:job_detail", kwargs={"pk": job.pk})
    assert job.kind == "seiteneinstieg.waiting_list_xlsx"
    assert job.params["filters"]["status"] == "invited"
    assert job.params["filters"]["sort"] == "-name"
    assert "seite" not in job.params["filters"]
    page = client.get(reverse("seiteneinstieg:waiting_list"), {"status": "invited"})
    html = page.content.decode()
    assert f'action="{url}"' in html
    assert '<input type="hidden" name="status" value="invited">' in html


def test_a_file_is_gone_once_its_owner_lost_the_right(staff, run_job_via, login):
    """Found by the outside check: a counsellor made a statistics account kept the list."""
    from django.db import transaction

    from teilhabe.centres.services import change_user

    client = login(staff.counsellor)
    run_job_via(client, reverse("seiteneinstieg:waiting_list_export", args=["csv"]))
    job = Job.objects.get(owner=staff.counsellor)
    with transaction.atomic():
        change_user(actor=staff.centre_admin, user=staff.counsellor, role="statistics")
    staff.counsellor.refresh_from_db()
    client = login(staff.counsellor)
    assert client.get(reverse("exports:job_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("exports:job_detail", args=[job.pk])).status_code == 404

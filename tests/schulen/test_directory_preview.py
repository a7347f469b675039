"""The statewide directory import: a preview first, closings only after confirmation.

The outside check once closed 298 of 299 Köln schools with a one-row Köln file. Here a
one-row file still closes only Köln's schools, but never silently: the preview shouts, and
the import refuses until the closings are confirmed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.schulen.models import DirectoryImport, DirectoryUpload, School
from teilhabe.schulen.selectors.directory import load_of_schools
from teilhabe.schulen.services.directory import (
    import_directory,
    import_directory_upload,
    preview_directory,
    store_directory_upload,
)
from teilhabe.zuweisung.models import Placement
from tests.factories import ChildFactory, FamilyFactory, OfferFactory, SchoolFactory

DATA = Path(__file__).resolve().parent / "data"
ITNRW = (DATA / "itnrw_sample.csv").read_bytes()
MSB = (DATA / "msb_sample.csv").read_bytes()
# The IT.NRW sample's header and its first Köln school (Gesamtschule Helios, 100036).
ONE_ROW_KOELN = b"\n".join(ITNRW.split(b"\n")[:2]) + b"\n"

pytestmark = pytest.mark.django_db


def _snapshot() -> list[tuple]:
    return list(School.objects.order_by("pk").values_list("schulnummer", "name", "closed_at"))


@pytest.fixture
def koeln_and_dortmund(staff):
    """Ten open Köln schools (one with an offer and a proposed child), three in Dortmund."""
    koeln = [SchoolFactory(name=f"Köln Schule {i:02d}") for i in range(10)]
    dortmund = [
        SchoolFactory(name=f"Dortmund Schule {i}", municipality_key="05913000", city="Dortmund")
        for i in range(3)
    ]
    offer = OfferFactory(centre=staff.centre, school=koeln[0])
    child = ChildFactory(family=FamilyFactory(centre=staff.centre), status="proposed")
    Placement.objects.create(
        centre=staff.centre, child=child, offer=offer, created_by=staff.schulamt
    )
    return koeln, dortmund


def test_preview_writes_nothing_and_tells_per_municipality(koeln_and_dortmund):
    before = _snapshot()
    counts = (DirectoryImport.objects.count(), AuditEntry.objects.count())
    preview = preview_directory(ONE_ROW_KOELN)
    assert _snapshot() == before
    assert (DirectoryImport.objects.count(), AuditEntry.objects.count()) == counts
    assert [(m.key, m.name) for m in preview.municipalities] == [("05315000", "Köln")]
    koeln = preview.municipalities[0]
    assert (len(koeln.added), len(koeln.closing), koeln.open_before) == (1, 10, 10)
    assert koeln.large_closure and koeln.closing_percent == 100
    assert preview.loaded_closings == 1 and preview.needs_confirmation
    [loaded] = koeln.loaded_closings
    assert loaded.school.name == "Köln Schule 00"
    assert [(c.centre, c.offers, c.placements) for c in loaded.load] == [("KI koeln", 1, 1)]


def test_one_row_koeln_file_closes_only_koeln_and_only_after_confirmation(koeln_and_dortmund):
    koeln, dortmund = koeln_and_dortmund
    before = _snapshot()
    with pytest.raises(ValidationError) as exc:
        import_directory(actor=None, data=ONE_ROW_KOELN, file_name="koeln.csv")
    assert "in Köln 10 von 10 Schulen" in exc.value.messages[0]
    assert "1 Schule, an der noch Angebote oder Platzvorschläge hängen" in exc.value.messages[0]
    assert _snapshot() == before and not DirectoryImport.objects.exists()

    run = import_directory(
        actor=None, data=ONE_ROW_KOELN, file_name="koeln.csv", confirm_closings=True
    )
    assert (run.added, run.closed) == (1, 10)
    assert (
        School.objects.filter(pk__in=[s.pk for s in koeln], closed_at__isnull=False).count() == 10
    )
    assert (
        School.objects.filter(pk__in=[s.pk for s in dortmund], closed_at__isnull=True).count() == 3
    )
    entry = AuditEntry.objects.get(action="schulen.directory.imported")
    assert entry.centre_id is None and entry.data["closings_confirmed"] is True


def test_a_single_closing_with_an_offer_needs_confirmation_too(staff):
    """Not a mass closure (1 of 7), but the school carries an offer of a centre."""
    import_directory(actor=None, data=MSB, file_name="msb.csv")
    gone = SchoolFactory(name="Verschwundene Schule")
    OfferFactory(centre=staff.centre, school=gone)
    preview = preview_directory(MSB)
    [koeln] = [m for m in preview.municipalities if m.closing]
    assert not koeln.large_closure and preview.loaded_closings == 1
    with pytest.raises(ValidationError):
        import_directory(actor=None, data=MSB, file_name="msb.csv")
    gone.refresh_from_db()
    assert gone.closed_at is None
    import_directory(actor=None, data=MSB, file_name="msb.csv", confirm_closings=True)
    gone.refresh_from_db()
    assert gone.closed_at is not None


def test_a_plain_closing_needs_no_confirmation():
    import_directory(actor=None, data=MSB, file_name="msb.csv")
    SchoolFactory(name="Verschwundene Schule")  # no offer, 1 of 7 Köln schools
    assert not preview_directory(MSB).needs_confirmation
    assert import_directory(actor=None, data=MSB, file_name="msb.csv").closed == 1


def test_itnrw_sample_closes_nothing_outside_its_municipalities():
    import_directory(actor=None, data=MSB, file_name="msb.csv")
    bonn = SchoolFactory(municipality_key="05314000", city="Bonn")
    koeln_gone = SchoolFactory(name="Nicht mehr in der Liste")
    preview = preview_directory(ITNRW)
    assert {m.key for m in preview.municipalities} == {"05315000"}
    assert [c.school.pk for m in preview.municipalities for c in m.closing] == [koeln_gone.pk]
    import_directory(actor=None, data=ITNRW, file_name="it.csv")
    bonn.refresh_from_db()
    koeln_gone.refresh_from_db()
    dortmund = School.objects.get(schulnummer="100056")  # in the MSB sample, not in IT.NRW's
    assert bonn.closed_at is None and dortmund.closed_at is None
    assert koeln_gone.closed_at is not None


def test_load_counts_only_active_offers_and_placements(staff, other_staff):
    school = SchoolFactory()
    OfferFactory(centre=staff.centre, school=school)
    OfferFactory(centre=staff.centre, school=school, active=False)
    offer = OfferFactory(centre=other_staff.centre, school=school)
    family = FamilyFactory(centre=other_staff.centre)
    for status in ("proposed", "accepted", "declined"):
        Placement.objects.create(
            centre=other_staff.centre,
            child=ChildFactory(family=family, status="ready"),
            offer=offer,
            status=status,
            start_date=dt.date.today() if status == "accepted" else None,
            decline_reason="other" if status == "declined" else "",
            created_by=other_staff.schulamt,
        )
    load = load_of_schools([school.pk])[school.pk]
    assert (load[staff.centre.pk].offers, load[staff.centre.pk].placements) == (1, 0)
    assert (load[other_staff.centre.pk].offers, load[other_staff.centre.pk].placements) == (1, 2)


def test_a_centre_admin_may_not_import(staff, login):
    assert login(staff.centre_admin).get(reverse("land:directory_upload")).status_code == 403
    with pytest.raises(PermissionDenied):
        store_directory_upload(actor=staff.centre_admin, data=MSB, file_name="msb.csv")
    with pytest.raises(PermissionDenied):
        import_directory(actor=staff.centre_admin, data=MSB, file_name="msb.csv")
    upload = store_directory_upload(actor=staff.state_office, data=MSB, file_name="msb.csv")
    with pytest.raises(PermissionDenied):
        import_directory_upload(
            actor=staff.centre_admin, upload=upload, sha256=upload.sha256, fingerprint="0" * 64
        )
    assert not School.objects.exists()


def test_the_page_previews_warns_and_imports_the_previewed_file(staff, koeln_and_dortmund, login):
    client = login(staff.state_office)
    before = _snapshot()
    response = client.post(
        reverse("land:directory_upload"),
        {"file": SimpleUploadedFile("koeln.csv", ONE_ROW_KOELN)},
    )
    upload = DirectoryUpload.objects.get()
    assert response.url == reverse("land:directory_preview", args=[upload.pk])
    page = client.get(response.url).text
    assert _snapshot() == before  # nothing written by upload and preview
    assert "Achtung: sehr viele Schließungen" in page
    assert "Köln (05315000): 10 von 10 Schulen würden geschlossen (100 %)" in page
    assert "KI koeln: 1 Angebot, 1 Platzvorschlag" in page
    assert "Dortmund" not in page
    form = response_form(page)

    refused = client.post(reverse("land:directory_preview", args=[upload.pk]), form)
    assert refused.status_code == 200 and "ausdrücklich" in refused.text
    assert _snapshot() == before

    done = client.post(
        reverse("land:directory_preview", args=[upload.pk]), form | {"confirm_closings": "on"}
    )
    assert done.url == reverse("land:directory_upload")
    assert School.objects.filter(municipality_key="05315000", closed_at__isnull=False).count() == 10
    assert School.objects.filter(municipality_key="05913000", closed_at__isnull=True).count() == 3
    upload.refresh_from_db()
    assert upload.imported is not None and bytes(upload.data) == b""
    assert upload.imported.sha256 == upload.sha256
    assert AuditEntry.objects.filter(action="schulen.directory.imported").count() == 1
    again = client.post(reverse("land:directory_preview", args=[upload.pk]), form)
    assert again.status_code == 302 and DirectoryImport.objects.count() == 1


def response_form(page: str) -> dict[str, str]:
    import re

    return {
        name: re.search(rf'name="{name}" value="([0-9a-f]+)"', page).group(1)
        for name in ("sha256", "fingerprint")
    }


def test_the_confirmation_imports_exactly_the_previewed_bytes(staff):
    upload = store_directory_upload(actor=staff.state_office, data=MSB, file_name="msb.csv")
    preview = preview_directory(bytes(upload.data))
    other = MSB.replace(b"Helios", b"Helix")
    DirectoryUpload.objects.filter(pk=upload.pk).update(data=other)  # swapped behind our back
    with pytest.raises(ValidationError, match="stimmt nicht mit der Vorschau"):
        import_directory_upload(
            actor=staff.state_office,
            upload=upload,
            sha256=preview.sha256,
            fingerprint=preview.fingerprint,
        )
    with pytest.raises(ValidationError, match="stimmt nicht mit der Vorschau"):
        import_directory_upload(
            actor=staff.state_office, upload=upload, sha256="f" * 64, fingerprint="0" * 64
        )
    assert not School.objects.exists()


def test_a_preview_gone_stale_is_refused(staff):
    import_directory(actor=None, data=MSB, file_name="msb.csv")
    gone = SchoolFactory(name="Verschwundene Schule")
    upload = store_directory_upload(actor=staff.state_office, data=MSB, file_name="msb.csv")
    preview = preview_directory(bytes(upload.data))
    assert not preview.needs_confirmation
    OfferFactory(centre=staff.centre, school=gone)  # an offer appears after the preview
    with pytest.raises(ValidationError, match="Seit der Vorschau"):
        import_directory_upload(
            actor=staff.state_office,
            upload=upload,
            sha256=preview.sha256,
            fingerprint=preview.fingerprint,
        )
    gone.refresh_from_db()
    assert gone.closed_at is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (b'"352988"', b'"35x988"', "Zeile 4, Spalte „UTMRechtswert“"),
        (b'"100036@schule.nrw.de"', b'"keine-adresse"', "Zeile 4, Spalte „E-Mail“"),
    ],
    ids=["unparsable", "invalid-field"],
)
def test_a_malformed_file_is_not_stored(staff, login, old, new, expected):
    broken = MSB.replace(old, new, 1)
    page = login(staff.state_office).post(
        reverse("land:directory_upload"), {"file": SimpleUploadedFile("kaputt.csv", broken)}
    )
    assert expected in page.text
    assert not DirectoryUpload.objects.exists()


def test_command_shows_the_preview_and_needs_confirm_closings(koeln_and_dortmund, tmp_path, capsys):
    path = tmp_path / "koeln.csv"
    path.write_bytes(ONE_ROW_KOELN)
    with pytest.raises(CommandError, match="--confirm-closings"):
        call_command("import_schools", str(path), "--yes")
    out = capsys.readouterr().out
    assert "05315000 Köln: +1 ~0 -10 (of 10 open)  WARNING: closes 100 % of its schools" in out
    assert "KI koeln: 1 offers, 1 placements" in out
    assert not DirectoryImport.objects.exists()
    call_command("import_schools", str(path), "--confirm-closings")
    assert "added 1, changed 0, closed 10" in capsys.readouterr().out


def test_a_nul_byte_is_refused_with_its_line_and_nothing_is_written(staff, login):
    """A NUL byte passed the CSV reader (Python 3.11) and broke the PostgreSQL write."""
    lines = ITNRW.split(b"\n")
    lines[2] = lines[2].replace(b",", b",\x00", 1)
    data = b"\n".join(lines)
    with pytest.raises(ValidationError) as caught:
        preview_directory(data)
    assert caught.value.messages == ["Die Datei enthält ungültige Zeichen (Zeile 3)."]
    with pytest.raises(ValidationError, match="ungültige Zeichen"):
        import_directory(actor=staff.state_office, data=data, file_name="nul.csv")
    response = login(staff.state_office).post(
        reverse("land:directory_upload"), {"file": SimpleUploadedFile("nul.csv", data)}
    )
    assert response.status_code == 200
    assert "Die Datei enthält ungültige Zeichen (Zeile 3)." in response.text
    assert not DirectoryUpload.objects.exists()
    assert not School.objects.exists()

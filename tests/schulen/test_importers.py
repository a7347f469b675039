"""Importing the NRW school directories: keyed by Schulnummer, all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from teilhabe.audit.models import AuditEntry
from teilhabe.schulen.importers import KIND_ITNRW_2024, KIND_MSB_2021, parse_directory
from teilhabe.schulen.models import DirectoryImport, School
from teilhabe.schulen.services.directory import import_directory

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "nrw_schulen"
FULL_2021 = SHARED / "schuldaten_nrw_2021-09.csv"

pytestmark = pytest.mark.django_db


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_msb_file_recognised_and_utm_converted_to_wgs84():
    directory = parse_directory(sample("msb_sample.csv"))
    assert directory.kind == KIND_MSB_2021
    helios = next(r for r in directory.records if r.schulnummer == "100036")
    # Gesamtschule Helios, Köln-Ehrenfeld: UTM 352988/5647133 (checked against the Köln subset)
    assert helios.fields["lat"] == pytest.approx(50.957033, abs=1e-5)
    assert helios.fields["lon"] == pytest.approx(6.906742, abs=1e-5)
    assert helios.fields["school_form"] == "Gesamtschule"
    assert helios.fields["municipality_key"] == "05315000"


def test_itnrw_file_recognised_with_pupils_sozialindex_and_8_digit_key():
    directory = parse_directory(sample("itnrw_sample.csv"))
    assert directory.kind == KIND_ITNRW_2024
    rec = next(r for r in directory.records if r.schulnummer == "100036")
    assert rec.fields["municipality_key"] == "05315000"
    assert isinstance(rec.fields["pupils"], int) and rec.fields["pupils"] > 0
    assert rec.fields["phone"].startswith("0221 ")


def test_school_form_codes_map_to_placement_names():
    records = parse_directory(sample("msb_sample.csv")).records
    forms = {r.fields["school_form_code"]: r.fields["school_form"] for r in records}
    assert forms["20"] == "Gymnasium"
    assert forms["15"] == "Gesamtschule"


def test_second_import_updates_never_duplicates_and_closes_missing():
    first = import_directory(actor=None, data=sample("msb_sample.csv"), file_name="msb.csv")
    assert (first.added, first.changed, first.closed) == (7, 0, 0)
    again = import_directory(actor=None, data=sample("msb_sample.csv"), file_name="msb.csv")
    assert (again.added, again.changed, again.closed) == (0, 0, 0)

    # The newer sample lists Köln only: the Dortmund school stays as it is.
    newer = import_directory(actor=None, data=sample("itnrw_sample.csv"), file_name="it.csv")
    assert School.objects.count() == 7
    assert newer.added == 0 and newer.closed == 0
    assert School.objects.get(schulnummer="100056").closed_at is None
    # A school of a covered municipality that vanished is marked closed, not deleted.
    School.objects.filter(schulnummer="100036").update(schulnummer="100099")
    newer = import_directory(actor=None, data=sample("itnrw_sample.csv"), file_name="it.csv")
    gone = School.objects.get(schulnummer="100099")
    assert gone.closed_at is not None and newer.closed == 1 and newer.added == 1
    helios = School.objects.get(schulnummer="100036")
    assert helios.pupils is not None and helios.source == KIND_ITNRW_2024

    School.objects.filter(schulnummer="100036").delete()
    School.objects.filter(schulnummer="100099").update(schulnummer="100036")
    back = import_directory(actor=None, data=sample("msb_sample.csv"), file_name="msb.csv")
    gone.refresh_from_db()
    assert gone.closed_at is None and back.closed == 0


def test_an_extract_closes_schools_only_in_the_municipalities_it_covers():
    from tests.factories import SchoolFactory

    bonn = SchoolFactory(schulnummer="999001", municipality_key="05314000")
    koeln_gone = SchoolFactory(schulnummer="999002", municipality_key="05315000")
    run = import_directory(actor=None, data=sample("msb_sample.csv"), file_name="msb.csv")
    bonn.refresh_from_db()
    koeln_gone.refresh_from_db()
    assert bonn.closed_at is None  # the sample has no Bonn school: Bonn is not covered
    assert koeln_gone.closed_at is not None and run.closed == 1


def test_command_line_import_is_audited_statewide(staff, other_staff):
    run = import_directory(actor=None, data=sample("msb_sample.csv"), file_name="msb.csv")
    entries = AuditEntry.objects.filter(action="schulen.directory.imported", target_id=str(run.pk))
    assert [e.centre_id for e in entries] == [None]
    assert "7 neu" in entries[0].summary


def test_the_statewide_import_is_audited_once_and_no_centre_admin_may_import(staff):
    """The directory serves every centre: only the statewide office imports it."""
    with pytest.raises(PermissionDenied):
        import_directory(
            actor=staff.centre_admin, data=sample("msb_sample.csv"), file_name="msb.csv"
        )
    run = import_directory(
        actor=staff.state_office, data=sample("msb_sample.csv"), file_name="msb.csv"
    )
    entries = AuditEntry.objects.filter(action="schulen.directory.imported", target_id=str(run.pk))
    assert [(e.centre_id, e.actor_id) for e in entries] == [(None, staff.state_office.pk)]


def _broken(tmp: bytes, old: bytes, new: bytes) -> bytes:
    assert old in tmp
    return tmp.replace(old, new, 1)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (lambda b: _broken(b, b"UTMRechtswert", b"Rechtswert"), "UTMRechtswert"),
        (lambda b: _broken(b, b'"352988"', b'"35x988"'), "Zeile 4, Spalte „UTMRechtswert“"),
        (lambda b: _broken(b, b'"100036"', b'"10036"'), "Zeile 4, Spalte „Schulnummer“"),
        (lambda b: _broken(b, b"Borsigstr.", "Borsigstra\xdfe".encode("latin-1")), "Zeile 4"),
        (lambda b: _broken(b, b'"100036"', b'"100010"'), "doppelt"),
        (lambda b: b"Name;Ort\nA;B\n", "Unbekanntes Dateiformat"),
    ],
    ids=["missing-column", "broken-number", "bad-schulnummer", "latin1", "duplicate", "unknown"],
)
def test_malformed_file_names_line_and_column_and_writes_nothing(data, expected):
    bad = data(sample("msb_sample.csv"))
    with pytest.raises(ValidationError) as exc:
        import_directory(actor=None, data=bad, file_name="bad.csv")
    assert expected in exc.value.messages[0]
    assert School.objects.count() == 0
    assert DirectoryImport.objects.count() == 0


def test_latin1_error_says_utf8():
    bad = sample("msb_sample.csv").replace(b"Borsigstr.", "Borsigstra\xdfe".encode("latin-1"), 1)
    with pytest.raises(ValidationError, match="UTF-8"):
        import_directory(actor=None, data=bad, file_name="bad.csv")


def test_failure_half_way_rolls_back_existing_data():
    import_directory(actor=None, data=sample("msb_sample.csv"), file_name="msb.csv")
    before = list(School.objects.order_by("pk").values_list("schulnummer", "name", "closed_at"))
    bad = sample("itnrw_sample.csv").replace(b",1065,4.0,", b",1065,12.0,", 1)
    with pytest.raises(ValidationError, match="Zeile 3, Spalte „Sozialindex“"):
        import_directory(actor=None, data=bad, file_name="bad.csv")
    after = list(School.objects.order_by("pk").values_list("schulnummer", "name", "closed_at"))
    assert before == after


def test_command_reports_counts_and_errors(tmp_path, capsys):
    path = tmp_path / "schuldaten.csv"
    path.write_bytes(sample("msb_sample.csv"))
    call_command("import_schools", str(path), "--yes")
    assert "added 7, changed 0, closed 0" in capsys.readouterr().out
    path.write_bytes(b"sep=;\nSchulnummer;Schulform;Gemeindeschluessel\n")
    with pytest.raises(CommandError, match="Es fehlen Spalten"):
        call_command("import_schools", str(path))


@pytest.mark.skipif(not FULL_2021.exists(), reason=f"shared data not found at {FULL_2021}")
def test_full_2021_directory_imports_and_reimport_changes_nothing():
    first = import_directory(actor=None, data=FULL_2021.read_bytes(), file_name=FULL_2021.name)
    assert first.added == 5507 and School.objects.count() == 5507
    koeln = School.objects.filter(municipality_key="05315000")
    assert koeln.count() == 299
    assert not School.objects.filter(school_form__regex=r"^\d").exists()
    second = import_directory(actor=None, data=FULL_2021.read_bytes(), file_name=FULL_2021.name)
    assert (second.added, second.changed, second.closed) == (0, 0, 0)
    assert School.objects.count() == 5507

"""Uploading and downloading a family's documents (services.documents, document views)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.models import Document
from teilhabe.seiteneinstieg.services import documents as document_services
from teilhabe.seiteneinstieg.services.documents import upload_document
from tests.factories import ChildFactory, DocumentFactory, FamilyFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
GIF = b"GIF89a" + b"\x00" * 32
EXE = b"MZ\x90\x00" + b"\x00" * 32


def stored_files(path: str = "documents") -> set[str]:
    try:
        directories, files = default_storage.listdir(path)
    except FileNotFoundError:
        return set()
    found = {f"{path}/{name}" for name in files}
    for directory in directories:
        found |= stored_files(f"{path}/{directory}")
    return found


@pytest.fixture
def family(staff):
    return FamilyFactory(centre=staff.centre)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Reisepass.pdf", PDF, "application/pdf"),
        ("Zeugnis.JPG", JPEG, "image/jpeg"),
        ("Meldebescheinigung.png", PNG, "image/png"),
    ],
)
def test_pdf_jpeg_png_are_stored_with_an_audit_entry(staff, family, name, content, content_type):
    before = stored_files()
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    document = upload_document(actor=staff.counsellor, family=family, kind="id", file=upload)
    assert document.content_type == content_type  # sniffed, not what the browser claimed
    assert document.original_name == name
    assert document.size == len(content)
    new = stored_files() - before
    assert len(new) == 1
    (path,) = new
    assert name not in path  # the sender's file name never becomes a path
    with default_storage.open(path) as fh:
        assert fh.read() == content
    entry = AuditEntry.objects.get(action="seiteneinstieg.document.uploaded")
    assert entry.data["document"] == document.pk


BAD_UPLOADS = [
    pytest.param("programm.pdf", EXE, "kein PDF, JPEG oder PNG", id="exe-renamed-to-pdf"),
    pytest.param("bild.pdf", PNG, "Dateiendung passt nicht zum Inhalt", id="png-named-pdf"),
    pytest.param("bild.gif", GIF, "Nur PDF-, JPEG- und PNG-Dateien", id="gif"),
    pytest.param("script.html", b"<script>", "Nur PDF-, JPEG- und PNG-Dateien", id="html"),
    pytest.param("leer.pdf", b"", "Die Datei ist leer.", id="empty"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_UPLOADS)
def test_wrong_files_are_refused_in_german_and_nothing_is_stored(
    staff, family, name, content, message
):
    before = (Document.objects.count(), AuditEntry.objects.count(), stored_files())
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    with pytest.raises(ValidationError) as caught:
        upload_document(actor=staff.counsellor, family=family, kind="id", file=upload)
    assert message in caught.value.message_dict["file"][0]
    assert (Document.objects.count(), AuditEntry.objects.count(), stored_files()) == before


def test_oversized_file_is_refused(staff, family, settings):
    settings.TEILHABE_MAX_DOCUMENT_BYTES = 1024
    upload = SimpleUploadedFile("gross.pdf", PDF + b"x" * 1024)
    with pytest.raises(ValidationError) as caught:
        upload_document(actor=staff.counsellor, family=family, kind="id", file=upload)
    assert caught.value.message_dict["file"] == [
        "Die Datei ist zu groß (1,0\xa0KB). Erlaubt sind höchstens 1,0\xa0KB."
    ]
    assert Document.objects.count() == 0


def test_a_failure_after_storing_leaves_no_file(staff, family, monkeypatch):
    before = stored_files()

    def broken_record(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(document_services, "record", broken_record)
    with pytest.raises(RuntimeError):
        upload_document(
            actor=staff.counsellor, family=family, kind="id", file=SimpleUploadedFile("a.pdf", PDF)
        )
    assert Document.objects.count() == 0
    assert stored_files() == before


def test_child_must_belong_to_the_family(staff, family):
    stranger = ChildFactory(family=FamilyFactory(centre=staff.centre))
    with pytest.raises(ValidationError) as caught:
        upload_document(
            actor=staff.counsellor,
            family=family,
            kind="id",
            child=stranger,
            file=SimpleUploadedFile("a.pdf", PDF),
        )
    assert caught.value.message_dict["child"] == ["Das Kind gehört nicht zu dieser Familie."]


def test_other_roles_and_centres_cannot_upload(staff, other_staff, family):
    for actor in (staff.schulamt, other_staff.counsellor):
        with pytest.raises(PermissionDenied):
            upload_document(
                actor=actor, family=family, kind="id", file=SimpleUploadedFile("a.pdf", PDF)
            )
    assert Document.objects.count() == 0


def test_download_is_an_attachment_with_the_stored_bytes(staff, login):
    document = DocumentFactory(family=FamilyFactory(centre=staff.centre))
    response = login(staff.counsellor).get(
        reverse("seiteneinstieg:document_download", args=[document.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Reisepass.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Reisepass"


def test_download_of_a_file_missing_in_storage_explains_instead_of_500(staff, login):
    document = DocumentFactory(family=FamilyFactory(centre=staff.centre))
    default_storage.delete(document.file.name)
    client = login(staff.counsellor)
    response = client.get(reverse("seiteneinstieg:document_download", args=[document.pk]))
    assert response.status_code == 302
    page = client.get(response.url)
    assert "ist nicht mehr gespeichert" in page.content.decode()


def test_upload_form_shows_german_error_on_the_family_page(staff, login):
    family = FamilyFactory(centre=staff.centre)
    response = login(staff.counsellor).post(
        reverse("seiteneinstieg:document_upload", args=[family.pk]),
        {"kind": "id", "file": SimpleUploadedFile("virus.pdf", EXE)},
    )
    assert response.status_code == 200
    assert "Der Inhalt der Datei ist kein PDF, JPEG oder PNG" in response.content.decode()
    assert Document.objects.count() == 0


def test_upload_form_stores_and_redirects(staff, login):
    family = FamilyFactory(centre=staff.centre)
    sibling = ChildFactory(family=family)
    client = login(staff.counsellor)
    response = client.post(
        reverse("seiteneinstieg:document_upload", args=[family.pk]),
        {"kind": "school_record", "child": sibling.pk, "file": SimpleUploadedFile("z.png", PNG)},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/familien/{family.pk}/#dokumente")
    document = Document.objects.get()
    assert document.child == sibling and document.kind == "school_record"
    page = client.get(reverse("seiteneinstieg:child_detail", args=[sibling.pk])).content.decode()
    assert reverse("seiteneinstieg:document_download", args=[document.pk]) in page

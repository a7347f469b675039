"""Upload checks: the content decides the type; size, extension and emptiness are refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from teilhabe.documents.validation import (
    JPEG,
    PDF,
    PNG,
    safe_original_name,
    sniff_content_type,
    validate_upload,
)

PDF_BYTES = b"%PDF-1.7\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 16
EXE = b"MZ\x90\x00" + b"\x00" * 16


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")  # the claim lies


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [("a.pdf", PDF_BYTES, PDF), ("b.JPEG", JPEG_BYTES, JPEG), ("c.png", PNG_BYTES, PNG)],
)
def test_the_content_decides_the_type(name, content, expected):
    upload = _upload(name, content)
    assert validate_upload(upload) == expected
    assert upload.read() == content  # the file is rewound for storing


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.pdf", EXE, "Der Inhalt der Datei ist kein PDF, JPEG oder PNG"),
        ("a.pdf", PNG_BYTES, "Die Dateiendung passt nicht zum Inhalt der Datei."),
        ("a.exe", PDF_BYTES, "Nur PDF-, JPEG- und PNG-Dateien können hochgeladen werden."),
        ("a", PDF_BYTES, "Nur PDF-, JPEG- und PNG-Dateien"),
        ("a.pdf", b"", "Die Datei ist leer."),
    ],
)
def test_bad_uploads_get_a_german_message_on_the_field(name, content, message):
    with pytest.raises(ValidationError) as caught:
        validate_upload(_upload(name, content), field="scan")
    assert message in caught.value.message_dict["scan"][0]


def test_the_size_limit_comes_from_the_setting_or_the_caller(settings):
    settings.TEILHABE_MAX_DOCUMENT_BYTES = 20
    with pytest.raises(ValidationError) as caught:
        validate_upload(_upload("a.pdf", PDF_BYTES + b"x" * 20))
    assert "Die Datei ist zu groß" in caught.value.message_dict["file"][0]
    assert validate_upload(_upload("a.pdf", PDF_BYTES), max_bytes=len(PDF_BYTES)) == PDF
    with pytest.raises(ValidationError):
        validate_upload(_upload("a.pdf", PDF_BYTES), max_bytes=len(PDF_BYTES) - 1)


def test_a_caller_can_narrow_the_types():
    with pytest.raises(ValidationError) as caught:
        validate_upload(_upload("a.png", PNG_BYTES), types=[PDF])
    assert caught.value.message_dict["file"] == ["Nur PDF-Dateien können hochgeladen werden."]


def test_sniff_content_type():
    assert sniff_content_type(PDF_BYTES) == "application/pdf"
    assert sniff_content_type(EXE) is None
    assert sniff_content_type(PNG_BYTES, [PDF]) is None


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Reisepass.pdf", "Reisepass.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\a\\Zeugnis.pdf", "Zeugnis.pdf"),
        ("a\r\nb.pdf", "ab.pdf"),
        ("", "datei"),
        (None, "datei"),
    ],
)
def test_safe_original_name_keeps_only_a_printable_base_name(raw, clean):
    assert safe_original_name(raw) == clean

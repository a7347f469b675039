"""Downloads: a safe Content-Disposition, no sniffing, no caching."""

from __future__ import annotations

import io

import pytest

from teilhabe.documents.responses import content_disposition, file_response


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("Reisepass.pdf", 'attachment; filename="Reisepass.pdf"'),
        (
            "Zeugnis Müller.pdf",
            'attachment; filename="Zeugnis Muller.pdf"; '
            "filename*=UTF-8''Zeugnis%20M%C3%BCller.pdf",
        ),
        (
            "Паспорт.pdf",
            'attachment; filename="datei.pdf"; '
            "filename*=UTF-8''%D0%9F%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82.pdf",
        ),
        (
            'a"b\r\nc;d.pdf',
            "attachment; filename=\"a_bc_d.pdf\"; filename*=UTF-8''a%22bc%3Bd.pdf",
        ),
        ("../x/y.pdf", 'attachment; filename=".._x_y.pdf"'),  # no path reaches the header
        ("", 'attachment; filename="datei"'),
    ],
)
def test_content_disposition(name, header):
    assert content_disposition(name) == header
    assert "\r" not in header and "\n" not in header


def test_inline():
    assert content_disposition("brief.pdf", inline=True) == 'inline; filename="brief.pdf"'


def _check_safety_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store, private"


def test_bytes_are_answered_directly():
    response = file_response(b"%PDF-1.4", "brief.pdf", "application/pdf", inline=True)
    assert response.content == b"%PDF-1.4"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="brief.pdf"'
    _check_safety_headers(response)


def test_an_open_file_is_streamed_as_attachment():
    response = file_response(io.BytesIO(b"\x89PNG data"), "Foto.png", "image/png")
    assert b"".join(response.streaming_content) == b"\x89PNG data"
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="Foto.png"'
    _check_safety_headers(response)

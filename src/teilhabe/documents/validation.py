"""Checking an upload before it is stored: size, file name extension and content.

The browser's file name and content type are the sender's claims; the first bytes of the
content decide what a file is, so a renamed executable never reaches a counsellor's PC.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileType:
    content_type: str
    label: str  # as named in messages ("PDF")
    magic: tuple[bytes, ...]  # the content starts with one of these
    extensions: tuple[str, ...]  # the first is used for stored names


PDF = FileType("application/pdf", "PDF", (b"%PDF-",), (".pdf",))
JPEG = FileType("image/jpeg", "JPEG", (b"\xff\xd8\xff",), (".jpg", ".jpeg"))
PNG = FileType("image/png", "PNG", (b"\x89PNG\r\n\x1a\n",), (".png",))

# What casework accepts: scans and photos of papers.
SCANS: tuple[FileType, ...] = (PDF, JPEG, PNG)

# content type → (magic prefixes, extensions); the older shape, kept for callers.
ALLOWED_TYPES: dict[str, tuple[tuple[bytes, ...], tuple[str, ...]]] = {
    t.content_type: (t.magic, t.extensions) for t in SCANS
}


def max_document_bytes() -> int:
    """The size limit of one upload (``TEILHABE_MAX_DOCUMENT_BYTES``, default 10 MB)."""
    return int(settings.TEILHABE_MAX_DOCUMENT_BYTES)


def sniff(head: bytes, types: Sequence[FileType] = SCANS) -> FileType | None:
    """The allowed type whose magic bytes start ``head``, or None."""
    for file_type in types:
        if any(head.startswith(prefix) for prefix in file_type.magic):
            return file_type
    return None


def sniff_content_type(head: bytes, types: Sequence[FileType] = SCANS) -> str | None:
    found = sniff(head, types)
    return found.content_type if found else None


def _listing(labels: list[str], conjunction: str) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} {conjunction} {labels[-1]}"


def validate_upload(
    file: UploadedFile,
    *,
    types: Sequence[FileType] = SCANS,
    max_bytes: int | None = None,
    field: str = "file",
) -> FileType:
    """Check size, extension and content of an upload; returns its type (from the content).

    Raises ValidationError on ``field`` with a German message; reads only the first bytes.
    """
    limit = max_document_bytes() if max_bytes is None else max_bytes
    if not file.size:
        raise ValidationError({field: _("Die Datei ist leer.")})
    if file.size > limit:
        raise ValidationError(
            {
                field: _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            }
        )
    labels = [t.label for t in types]
    extension = PurePath(file.name or "").suffix.lower()
    if extension not in {ext for t in types for ext in t.extensions}:
        kinds = _listing([f"{label}-" for label in labels[:-1]] + [labels[-1]], _("und"))
        raise ValidationError(
            {field: _("Nur %(kinds)s-Dateien können hochgeladen werden.") % {"kinds": kinds}}
        )
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    found = sniff(head, types)
    if found is None:
        raise ValidationError(
            {
                field: _(
                    "Der Inhalt der Datei ist kein %(kinds)s (die Dateiendung allein genügt nicht)."
                )
                % {"kinds": _listing(labels, _("oder"))}
            }
        )
    if extension not in found.extensions:
        raise ValidationError(
            {field: _("Die Dateiendung passt nicht zum Inhalt der Datei. Bitte prüfen.")}
        )
    return found


def safe_original_name(name: str | None, *, max_length: int = 255) -> str:
    """The sender's file name without any directory part, for display and downloads only."""
    cleaned = PurePath((name or "").replace("\\", "/")).name
    cleaned = "".join(ch for ch in cleaned if ch.isprintable())
    return cleaned[-max_length:] or "datei"

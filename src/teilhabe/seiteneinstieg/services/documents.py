"""Uploading a family's documents: only real PDF, JPEG and PNG files of a bounded size.

The browser's file name and content type are the sender's claims; the first bytes of the
content decide what a file is, so a renamed executable never reaches a counsellor's PC.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.seiteneinstieg.choices import DocumentKind
from teilhabe.seiteneinstieg.models import Child, Document, Family

# content type → (magic prefixes, file name extensions that fit it)
ALLOWED_TYPES: dict[str, tuple[tuple[bytes, ...], tuple[str, ...]]] = {
    "application/pdf": ((b"%PDF-",), (".pdf",)),
    "image/jpeg": ((b"\xff\xd8\xff",), (".jpg", ".jpeg")),
    "image/png": ((b"\x89PNG\r\n\x1a\n",), (".png",)),
}


def sniff_content_type(head: bytes) -> str | None:
    """The allowed type whose magic bytes start ``head``, or None."""
    for content_type, (prefixes, _extensions) in ALLOWED_TYPES.items():
        if any(head.startswith(prefix) for prefix in prefixes):
            return content_type
    return None


def validate_upload(file: UploadedFile) -> str:
    """Check size, extension and content of an upload; returns the sniffed content type."""
    limit = settings.TEILHABE_MAX_DOCUMENT_BYTES
    if not file.size:
        raise ValidationError({"file": _("Die Datei ist leer.")})
    if file.size > limit:
        raise ValidationError(
            {
                "file": _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            }
        )
    extension = PurePath(file.name or "").suffix.lower()
    allowed_extensions = {ext for _p, exts in ALLOWED_TYPES.values() for ext in exts}
    if extension not in allowed_extensions:
        raise ValidationError(
            {"file": _("Nur PDF-, JPEG- und PNG-Dateien können hochgeladen werden.")}
        )
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    content_type = sniff_content_type(head)
    if content_type is None:
        raise ValidationError(
            {
                "file": _(
                    "Der Inhalt der Datei ist kein PDF, JPEG oder PNG "
                    "(die Dateiendung allein genügt nicht)."
                )
            }
        )
    if extension not in ALLOWED_TYPES[content_type][1]:
        raise ValidationError(
            {"file": _("Die Dateiendung passt nicht zum Inhalt der Datei. Bitte prüfen.")}
        )
    return content_type


@transaction.atomic
def upload_document(
    *,
    actor: User,
    family: Family,
    kind: DocumentKind | str,
    file: UploadedFile,
    child: Child | None = None,
) -> Document:
    """Store a document of a family (optionally of one of its children) and audit it."""
    if not actor.has_perm("seiteneinstieg.change_case", family):
        raise PermissionDenied
    if child is not None and child.family_id != family.pk:
        raise ValidationError({"child": _("Das Kind gehört nicht zu dieser Familie.")})
    content_type = validate_upload(file)
    original_name = PurePath(file.name or "").name[:255]
    document = Document(
        family=family,
        child=child,
        kind=kind,
        original_name=original_name,
        content_type=content_type,
        size=file.size,
        uploaded_by=actor,
    )
    document.full_clean(exclude=["file"])
    # A generated name: the sender's file name never becomes a path on our disk.
    extension = ALLOWED_TYPES[content_type][1][0]
    document.file.save(f"{uuid.uuid4().hex}{extension}", file, save=False)
    try:
        document.save()
        record(
            actor=actor,
            centre=family.centre,
            action="seiteneinstieg.document.uploaded",
            target=family,
            summary=_("Dokument „%(name)s“ (%(kind)s) hochgeladen")
            % {"name": original_name, "kind": document.get_kind_display()},
            data={"document": document.pk, "child": child.pk if child else None},
        )
    except Exception:
        document.file.delete(save=False)  # no file without its row
        raise
    return document

"""A family's documents: uploading (only real PDF, JPEG and PNG files of a bounded size) and
removing them. The generic file handling is ``teilhabe.documents``'; the rows, the rights and
the audit trail are the casework's.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.documents.storage import delete_after_commit, stored_name
from teilhabe.documents.validation import safe_original_name, validate_upload
from teilhabe.seiteneinstieg.choices import DocumentKind
from teilhabe.seiteneinstieg.models import Child, Document, Family


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
    file_type = validate_upload(file)
    original_name = safe_original_name(file.name)
    document = Document(
        family=family,
        child=child,
        kind=kind,
        original_name=original_name,
        content_type=file_type.content_type,
        size=file.size,
        uploaded_by=actor,
    )
    document.full_clean(exclude=["file"])
    # A generated name: the sender's file name never becomes a path on our disk.
    document.file.save(stored_name(file_type), file, save=False)
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


@transaction.atomic
def remove_document(*, actor: User, document: Document) -> None:
    """Remove a document: the row now, the stored file once the removal has committed.

    The audit entry names the file and its kind (so the history says what was there), never
    its content. A document removed meanwhile by someone else gives a German error.
    """
    locked = (
        Document.objects.select_for_update(of=("self",))
        .select_related("family__centre", "child")
        .filter(pk=document.pk)
        .first()
    )
    if locked is None:
        raise ValidationError(_("Das Dokument wurde bereits entfernt."), code="gone")
    family = locked.family
    if not actor.has_perm("seiteneinstieg.change_case", family):
        raise PermissionDenied
    stored = locked.file.name
    record(
        actor=actor,
        centre=family.centre,
        action="seiteneinstieg.document.removed",
        target=family,
        summary=_("Dokument „%(name)s“ (%(kind)s) entfernt")
        % {"name": locked.original_name, "kind": locked.get_kind_display()},
        data={
            "document": locked.pk,
            "name": locked.original_name,
            "kind": locked.kind,
            "child": locked.child_id,
        },
    )
    locked.delete()
    delete_after_commit(stored, storage=locked.file.storage)

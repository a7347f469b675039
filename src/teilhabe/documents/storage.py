"""Where stored files live, and removing them only once the database agrees.

Files are named by us (a random name plus the type's extension), never by the sender, and
sit under ``documents/<centre>/<owner>/``; they are served only through views that check
the permission and the centre (``MEDIA_URL`` is not served).
"""

from __future__ import annotations

import logging
import re
import uuid

from django.core.files.storage import Storage, default_storage
from django.db import transaction

from teilhabe.documents.validation import FileType

log = logging.getLogger(__name__)
_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")
ROOT = "documents"


def stored_name(file_type: FileType) -> str:
    """A fresh random file name with the type's extension: ``3f2a….pdf``."""
    return f"{uuid.uuid4().hex}{file_type.extensions[0]}"


def storage_path(*segments: object, name: str) -> str:
    """``documents/<segment>/…/<name>``; segments are ids or slugs, never user text."""
    parts = [str(segment) for segment in segments]
    for part in [*parts, name.rsplit(".", 1)[0]]:
        if not _SEGMENT.match(part):
            raise ValueError(f"unsafe path segment: {part!r}")
    return "/".join([ROOT, *parts, name])


def delete_after_commit(name: str, *, storage: Storage | None = None) -> None:
    """Delete a stored file once the surrounding transaction has committed.

    A rolled-back removal keeps its file; a file that is already gone is no error (the
    row was the record, and it is gone as intended).
    """
    if not name:
        return
    target = storage or default_storage

    def delete() -> None:
        try:
            target.delete(name)
        except OSError as exc:  # a full disk or a lost mount must not undo the removal
            log.error("stored file %s could not be deleted: %s", name, exc)

    transaction.on_commit(delete)

"""Stored files (documents, exports) are readable by the service account only."""

from __future__ import annotations

import stat

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage


def test_files_are_0600_and_directories_0700(tmp_path, settings):
    storage = FileSystemStorage(location=tmp_path / "media")
    name = storage.save("documents/1/2/pass.pdf", ContentFile(b"%PDF-1.4"))
    path = tmp_path / "media" / name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "media" / "documents").stat().st_mode) == 0o700

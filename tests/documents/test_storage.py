"""Stored names are ours, paths are built from ids, files go only after the commit."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from teilhabe.documents.storage import delete_after_commit, storage_path, stored_name
from teilhabe.documents.validation import JPEG, PDF


def test_stored_names_are_random_with_the_types_extension():
    first, second = stored_name(PDF), stored_name(PDF)
    assert first != second and first.endswith(".pdf") and len(first) == 36
    assert stored_name(JPEG).endswith(".jpg")


def test_storage_path_takes_ids_and_refuses_anything_else():
    assert storage_path(3, 17, name="ab12.pdf") == "documents/3/17/ab12.pdf"
    for segments, name in [((3, ".."), "a.pdf"), ((3, "a/b"), "a.pdf"), ((3,), "../x.pdf")]:
        with pytest.raises(ValueError):
            storage_path(*segments, name=name)


@pytest.mark.django_db
def test_the_file_goes_after_commit_and_stays_on_rollback(django_capture_on_commit_callbacks):
    kept = default_storage.save("documents/test/kept.pdf", ContentFile(b"%PDF-1.4"))
    gone = default_storage.save("documents/test/gone.pdf", ContentFile(b"%PDF-1.4"))

    with pytest.raises(RuntimeError), transaction.atomic():
        delete_after_commit(kept)
        raise RuntimeError("rolled back")
    assert default_storage.exists(kept)

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        delete_after_commit(gone)
        assert default_storage.exists(gone)  # not before the commit
    assert not default_storage.exists(gone)
    assert default_storage.exists(kept)


@pytest.mark.django_db
def test_a_file_already_gone_is_no_error(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        delete_after_commit("documents/test/never-there.pdf")
        delete_after_commit("")

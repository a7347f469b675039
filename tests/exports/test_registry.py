"""The registry: upper apps register kinds; unknown kinds and malformed results are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from teilhabe.exports import registry
from teilhabe.exports.registry import JobResult
from tests.exports.conftest import file_result


def test_waiting_list_kinds_are_registered_by_seiteneinstieg():
    kinds = registry.registered_kinds()
    assert "seiteneinstieg.waiting_list_xlsx" in kinds
    assert "seiteneinstieg.waiting_list_csv" in kinds
    entry = registry.get_kind("seiteneinstieg.waiting_list_xlsx")
    assert entry.permission == "seiteneinstieg.export_waiting_list"
    assert str(entry.label) == "Warteliste als Excel (xlsx)"


def test_unknown_kind_is_an_error():
    with pytest.raises(registry.UnknownJobKind):
        registry.get_kind("nirgends.nichts")


def test_registering_needs_namespaced_kind_and_permission():
    with pytest.raises(ValueError, match="namespaced"):
        registry.register_job("ohne_punkt", label="x", permission="a.b", run=file_result)
    with pytest.raises(ValueError, match="permission"):
        registry.register_job("tests.x", label="x", permission="ohne_punkt", run=file_result)
    assert "tests.x" not in registry.registered_kinds()


def test_same_kind_with_another_run_is_refused(job_kind):
    name = job_kind(file_result)
    registry.register_job(name, label="again", permission="a.b", run=file_result)  # idempotent
    with pytest.raises(ValueError, match="already registered"):
        registry.register_job(name, label="x", permission="a.b", run=lambda job, progress: None)


def test_job_result_shapes():
    assert JobResult(filename="a.csv", content_type="text/csv", content=b"x").has_file
    assert JobResult(filename="a.csv", content_type="text/csv", content=Path("/tmp/a")).has_file
    no_file = JobResult(redirect_url="/schulen/", data={"assigned": 3})
    assert not no_file.has_file
    with pytest.raises(ValueError):
        JobResult(content=b"x")  # a file needs its name and type
    with pytest.raises(ValueError):
        JobResult(filename="a.csv", content_type="text/csv")  # a name without content
    with pytest.raises(TypeError):
        JobResult(filename="a.csv", content_type="text/csv", content="text, not bytes")
    for elsewhere in ("https://example.org/", "//example.org/x", "javascript:alert(1)"):
        with pytest.raises(ValueError, match="path on this site"):
            JobResult(redirect_url=elsewhere)

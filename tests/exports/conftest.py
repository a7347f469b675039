"""Throwaway job kinds for the exports tests, registered for one test and removed after."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from teilhabe.exports import registry
from teilhabe.exports.registry import JobResult, Progress


@pytest.fixture(autouse=True)
def fresh_exports_storage(settings) -> None:
    """A new (in-memory) result storage per test, so files of other tests don't show up."""
    settings.STORAGES = {**settings.STORAGES}


@pytest.fixture
def job_kind() -> Iterator[Callable[..., str]]:
    """Register ``run`` under a fresh kind (permission: see the waiting list) for this test."""
    names: list[str] = []

    def _register(
        run: Callable[..., JobResult],
        *,
        permission: str = "seiteneinstieg.view_waiting_list",
        statewide: bool = False,
    ) -> str:
        name = f"tests.kind_{len(names)}"
        registry.register_job(
            name, label="Testauftrag", permission=permission, run=run, statewide=statewide
        )
        names.append(name)
        return name

    yield _register
    for name in names:
        registry.unregister_job(name)


def file_result(job: object, progress: Progress) -> JobResult:
    progress(50, "Halb fertig")
    return JobResult(filename="liste.csv", content_type="text/csv", content=b"A;B\r\n1;2\r\n")

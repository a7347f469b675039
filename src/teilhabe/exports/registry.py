"""Which kinds of job exist: upper apps register theirs in ``AppConfig.ready()``.

The exports app knows nothing about waiting lists or placements; a kind brings its label,
the permission needed to start it, and the function that does the work::

    register_job(
        "seiteneinstieg.waiting_list_xlsx",
        label=_("Warteliste als Excel"),
        permission="seiteneinstieg.export_waiting_list",
        run=run_waiting_list_xlsx,
    )

``run(job, progress)`` gets the ``Job`` (``job.params``, ``job.owner``, ``job.centre``) and
``progress(percent, message)``, and returns a ``JobResult``: a file (bytes or the path of a
temporary file the runner takes over and deletes), or no file but a URL to go on to and/or
JSON data (e.g. a placement run's figures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from teilhabe.exports.models import Job

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class JobResult:
    """What a finished job hands back.

    ``content`` is the file as bytes or as a path (the runner moves the file into private
    storage and deletes the path); leave it ``None`` for a job without a file and give
    ``redirect_url`` (where the job page sends the user on) and/or ``data`` (JSON, kept on
    the job). ``message`` (German) replaces the default "Fertig." on the job page.
    """

    filename: str = ""
    content_type: str = ""
    content: bytes | Path | None = None
    redirect_url: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    message: str = ""

    def __post_init__(self) -> None:
        if self.content is not None and not (self.filename and self.content_type):
            raise ValueError("a JobResult with a file needs filename and content_type")
        if self.content is None and self.filename:
            raise ValueError("a JobResult with a filename needs content")
        if not isinstance(self.content, bytes | Path | None):
            raise TypeError("JobResult.content is bytes, a pathlib.Path or None")
        if self.redirect_url and not (
            self.redirect_url.startswith("/") and not self.redirect_url.startswith("//")
        ):
            raise ValueError("JobResult.redirect_url is a path on this site, e.g. '/schulen/'")

    @property
    def has_file(self) -> bool:
        return self.content is not None


Run = Callable[["Job", Progress], JobResult]


@dataclass(frozen=True)
class JobKind:
    kind: str
    label: Any  # str or lazy translation
    permission: str
    run: Run
    statewide: bool = False  # True: the job belongs to no centre (Job.centre is NULL)


class UnknownJobKind(LookupError):
    """A kind nobody registered: a programming error (or an app left out of INSTALLED_APPS)."""


_KINDS: dict[str, JobKind] = {}


def register_job(
    kind: str, *, label: Any, permission: str, run: Run, statewide: bool = False
) -> JobKind:
    """Make ``kind`` startable. Registering the same kind twice with another run is an error."""
    if "." not in kind:
        raise ValueError("job kinds are namespaced by app, e.g. 'seiteneinstieg.waiting_list_xlsx'")
    if "." not in permission:
        raise ValueError(
            "permission is a django-rules name, e.g. 'seiteneinstieg.export_waiting_list'"
        )
    entry = JobKind(kind=kind, label=label, permission=permission, run=run, statewide=statewide)
    existing = _KINDS.get(kind)
    if existing is not None and existing.run is not run:
        raise ValueError(f"job kind {kind!r} is already registered")
    _KINDS[kind] = entry
    return entry


def get_kind(kind: str) -> JobKind:
    try:
        return _KINDS[kind]
    except KeyError:
        raise UnknownJobKind(kind) from None


def unregister_job(kind: str) -> None:
    """For tests that register throwaway kinds."""
    _KINDS.pop(kind, None)


def registered_kinds() -> list[str]:
    return sorted(_KINDS)

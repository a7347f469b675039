"""Which columns the waiting list exports, and its two export jobs (xlsx and csv).

The writing itself (streaming xlsx/csv, German dates, defused formulas) is the shared
``teilhabe.exports.writers``; the jobs run in the background (``teilhabe.exports``) and are
registered in ``SeiteneinstiegConfig.ready()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe.exports.registry import JobResult, Progress, register_job
from teilhabe.exports.writers import (
    CSV_TYPE,
    XLSX_TYPE,
    counted,
    csv_bytes,
    csv_file,
    xlsx_bytes,
    xlsx_file,
)
from teilhabe.seiteneinstieg.choices import LANGUAGE_CHOICES, SchoolLevel, Status
from teilhabe.seiteneinstieg.models import Child
from teilhabe.seiteneinstieg.selectors.waiting_list import (
    WaitingEntry,
    WaitingListFilters,
    entries,
    export_rows,
    waiting_list,
)
from teilhabe.seiteneinstieg.services.exports import record_waiting_list_export

EXPORT_PERMISSION = "seiteneinstieg.export_waiting_list"
JOB_KINDS = {
    "xlsx": "seiteneinstieg.waiting_list_xlsx",
    "csv": "seiteneinstieg.waiting_list_csv",
}
WIDTHS = (14, 18, 16, 12, 7, 14, 22, 8, 22, 24, 28, 12, 10, 12, 10, 10)


def headers() -> list[str]:
    return [
        _("Aktenzeichen"),
        _("Nachname"),
        _("Vorname"),
        _("Geburtsdatum"),
        _("Alter"),
        _("Erstsprache"),
        _("Ort"),
        _("Stadtbezirk"),
        _("Stadtteil-Nr."),
        _("Stadtteil"),
        _("Status"),
        _("Empfohlene Stufe"),
        _("Registriert am"),
        _("Tage seit Registrierung"),
        _("Beraten am"),
        _("Tage seit Beratung"),
        _("Über vier Wochen"),
    ]


def _row(entry: WaitingEntry, labels: dict[str, dict[str, str]]) -> list[Any]:
    row = entry.child  # a named row of EXPORT_FIELDS
    return [
        row.family__reference,
        row.last_name,
        row.first_name,
        row.birth_date,
        entry.age,
        labels["language"].get(row.first_language, row.first_language),
        row.family__municipality_name,
        f"{row.family__stadtbezirk_number} {row.family__stadtbezirk_name}".strip(),
        row.family__stadtteil_number,
        row.family__stadtteil_name,
        labels["status"].get(row.status, row.status),
        labels["level"].get(row.recommended_level, ""),
        entry.registered_on,
        entry.days_since_registration,
        entry.counselled_on,
        entry.days_since_counselling,
        _("ja") if entry.overdue else _("nein"),
    ]


def _labels() -> dict[str, dict[str, str]]:
    """Display names resolved once per export, not once per row."""
    return {
        "language": {k: str(v) for k, v in LANGUAGE_CHOICES},
        "status": {k: str(v) for k, v in Status.choices},
        "level": {k: str(v) for k, v in SchoolLevel.choices},
    }


def rows(children: QuerySet[Child], today: dt.date) -> Iterable[list[Any]]:
    """The export's rows, in the list's order; the writers format and defuse the values."""
    labels = _labels()
    for entry in entries(export_rows(children), today=today):
        yield _row(entry, labels)


def waiting_list_xlsx(children: QuerySet[Child], *, today: dt.date | None = None) -> bytes:
    """The whole list as xlsx in memory (the synchronous way; the page uses the job)."""
    today = today or timezone.localdate()
    return xlsx_bytes(
        title=_("Warteliste"), header=headers(), rows=rows(children, today), widths=WIDTHS
    )


def waiting_list_csv(children: QuerySet[Child], *, today: dt.date | None = None) -> bytes:
    today = today or timezone.localdate()
    return csv_bytes(header=headers(), rows=rows(children, today))


# --- the export jobs ----------------------------------------------------------------------


def _rows_written(done: int, total: int) -> str:
    return _("%(done)s von %(total)s Zeilen geschrieben") % {
        "done": number_format(done, force_grouping=True),
        "total": number_format(total, force_grouping=True),
    }


def _run_export(job: Any, progress: Progress, fmt: str) -> JobResult:
    """Write the owner's filtered list into a temporary file, then record the export.

    The list is read with the owner's rights at run time: a user who lost the right (or
    moved to another centre) since starting gets no file.
    """
    owner = job.owner
    if owner.centre_id != job.centre_id or not owner.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    filters = WaitingListFilters(**job.params.get("filters", {}))
    children = waiting_list(user=owner, filters=filters)
    today = timezone.localdate()
    progress(1, _("Warteliste wird gelesen …"))
    tracked = counted(
        rows(children, today), total=children.count(), report=progress, message=_rows_written
    )
    if fmt == "xlsx":
        path = xlsx_file(title=_("Warteliste"), header=headers(), rows=tracked, widths=WIDTHS)
    else:
        path = csv_file(header=headers(), rows=tracked)
    try:
        record_waiting_list_export(actor=owner, fmt=fmt, filters=filters)
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
    return JobResult(
        filename=f"warteliste-{today:%Y-%m-%d}.{fmt}",
        content_type=XLSX_TYPE if fmt == "xlsx" else CSV_TYPE,
        content=path,
        message=_("Fertig: die Datei steht zum Herunterladen bereit."),
    )


def run_waiting_list_xlsx(job: Any, progress: Progress) -> JobResult:
    return _run_export(job, progress, "xlsx")


def run_waiting_list_csv(job: Any, progress: Progress) -> JobResult:
    return _run_export(job, progress, "csv")


def register_jobs() -> None:
    """Called from ``SeiteneinstiegConfig.ready()``."""
    register_job(
        JOB_KINDS["xlsx"],
        label=gettext_lazy("Warteliste als Excel (xlsx)"),
        permission=EXPORT_PERMISSION,
        run=run_waiting_list_xlsx,
    )
    register_job(
        JOB_KINDS["csv"],
        label=gettext_lazy("Warteliste als CSV"),
        permission=EXPORT_PERMISSION,
        run=run_waiting_list_csv,
    )

"""Importing the NRW school directory: keyed by Schulnummer, in one transaction.

A second import of the same file changes nothing; schools missing from a newer file are
marked closed (offers and placements still point at them), never deleted — but only in the
municipalities the file covers, so an extract for one city leaves the others alone.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.schulen.importers import KIND_LABELS, DirectoryError, parse_directory
from teilhabe.schulen.models import DirectoryImport, School

# Model field → column named in error messages (MSB names; both files share the meaning).
FIELD_COLUMNS = {"email": "E-Mail", "postcode": "PLZ", "name": "Schulbezeichnung_1"}


@transaction.atomic
def import_directory(*, actor: User | None, data: bytes, file_name: str) -> DirectoryImport:
    """Import either directory file; raises ValidationError (line/column) and writes nothing.

    ``actor=None`` is the command line (an operator on the server).
    """
    if actor is not None and not actor.has_perm("schulen.import_directory"):
        raise PermissionDenied
    try:
        directory = parse_directory(data)
    except DirectoryError as exc:
        raise ValidationError(str(exc), code="malformed") from None

    now = timezone.now()
    existing = {s.schulnummer: s for s in School.objects.select_for_update()}
    added: list[School] = []
    changed: list[School] = []
    changed_fields: set[str] = set()
    for rec in directory.records:
        school = existing.get(rec.schulnummer)
        if school is None:
            school = School(
                schulnummer=rec.schulnummer, source=directory.kind, updated_at=now, **rec.fields
            )
            added.append(school)
        else:
            diff = [name for name, value in rec.fields.items() if getattr(school, name) != value]
            if school.closed_at is not None:
                school.closed_at = None  # back in the directory: open again
                diff.append("closed_at")
            if not diff:
                continue
            for name in diff:
                if name != "closed_at":
                    setattr(school, name, rec.fields[name])
            school.source = directory.kind
            school.updated_at = now
            changed_fields.update(diff)
            changed.append(school)
        try:
            school.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            field, messages = next(iter(exc.message_dict.items()))
            raise ValidationError(
                str(
                    DirectoryError(
                        "; ".join(messages), line=rec.line, column=FIELD_COLUMNS.get(field, field)
                    )
                ),
                code="malformed",
            ) from None
    seen = {rec.schulnummer for rec in directory.records}
    # A file covers the municipalities it lists: a Köln extract must not close Dortmund.
    covered = {rec.fields["municipality_key"] for rec in directory.records}
    closed = [
        s
        for nr, s in existing.items()
        if nr not in seen and s.closed_at is None and s.municipality_key in covered
    ]
    for school in closed:
        school.closed_at = now

    School.objects.bulk_create(added, batch_size=500)
    if changed:
        School.objects.bulk_update(
            changed, sorted(changed_fields | {"source", "updated_at"}), batch_size=500
        )
    if closed:
        School.objects.bulk_update(closed, ["closed_at"], batch_size=500)

    run = DirectoryImport(
        file_name=file_name[:255],
        kind=directory.kind,
        rows=len(directory.records),
        added=len(added),
        changed=len(changed),
        closed=len(closed),
        imported_by=actor,
    )
    run.full_clean()
    run.save()
    summary = _(
        "Schulverzeichnis importiert (%(kind)s): %(a)s neu, %(c)s geändert, %(z)s geschlossen"
    ) % {
        "kind": KIND_LABELS[directory.kind],
        "a": run.added,
        "c": run.changed,
        "z": run.closed,
    }
    # The directory is shared by all centres: one statewide entry (no centre), which the
    # state's coordination office sees.
    record(
        actor=actor,
        centre=None,
        action="schulen.directory.imported",
        target=run,
        summary=summary,
        data={
            "file": run.file_name,
            "kind": run.kind,
            "added": run.added,
            "changed": run.changed,
            "closed": run.closed,
        },
    )
    return run

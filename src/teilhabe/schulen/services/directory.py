"""Importing the NRW school directory: preview first, then one transaction.

Keyed by Schulnummer: a second import of the same file changes nothing; schools missing
from a newer file are marked closed (offers and placements still point at them), never
deleted — but only in the municipalities the file covers, so an extract for one city
leaves the others alone.

``preview_directory`` says per municipality what an import would add, change and close,
and what the closings would touch (active offers and placements, per centre) — without
writing anything. The import refuses closings that touch offers or placements, and
closings of more than a fifth of a municipality's schools (at least two; a one-row Köln file
would close 298 of 299), unless the caller confirms them (``confirm_closings=True``). On the web the
statewide office uploads the file (``store_directory_upload``), looks at the preview and
confirms; the confirmation imports exactly the stored bytes (``import_directory_upload``
checks their SHA-256 and that the plan is still the one previewed).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.schulen.importers import KIND_LABELS, Directory, DirectoryError, parse_directory
from teilhabe.schulen.models import DirectoryImport, DirectoryUpload, School
from teilhabe.schulen.selectors.directory import load_of_schools

# Model field → column named in error messages (MSB names; both files share the meaning).
FIELD_COLUMNS = {"email": "E-Mail", "postcode": "PLZ", "name": "Schulbezeichnung_1"}
# A municipality losing more than this share of its open schools (and at least
# LARGE_CLOSURE_MIN of them) needs a confirmation: the file is probably an extract.
LARGE_CLOSURE_SHARE = 0.2
LARGE_CLOSURE_MIN = 2
# How many schools per municipality and kind of change the preview names.
PREVIEW_NAMES = 25


@dataclass(frozen=True)
class CentreLoad:
    """What the closings of one municipality touch in one centre."""

    centre: str
    offers: int
    placements: int


@dataclass(frozen=True)
class ClosingSchool:
    school: School
    load: tuple[CentreLoad, ...]

    @property
    def loaded(self) -> bool:
        return any(c.offers or c.placements for c in self.load)


@dataclass
class MunicipalityPreview:
    """What an import would do in one municipality (8-digit key, name from "Ort")."""

    key: str
    name: str
    in_file: int
    open_before: int
    added: list[str] = field(default_factory=list)  # school names
    changed: list[School] = field(default_factory=list)
    reopened: int = 0
    closing: list[ClosingSchool] = field(default_factory=list)

    @property
    def closing_share(self) -> float:
        return len(self.closing) / self.open_before if self.open_before else 0.0

    @property
    def closing_percent(self) -> int:
        return round(self.closing_share * 100)

    @property
    def large_closure(self) -> bool:
        return len(self.closing) >= LARGE_CLOSURE_MIN and self.closing_share > LARGE_CLOSURE_SHARE

    @property
    def loaded_closings(self) -> list[ClosingSchool]:
        return [c for c in self.closing if c.loaded]

    @property
    def unloaded_closings(self) -> list[ClosingSchool]:
        return [c for c in self.closing if not c.loaded]

    @property
    def load_by_centre(self) -> list[CentreLoad]:
        totals: dict[str, list[int]] = {}
        for closing in self.closing:
            for load in closing.load:
                pair = totals.setdefault(load.centre, [0, 0])
                pair[0] += load.offers
                pair[1] += load.placements
        return [CentreLoad(name, o, p) for name, (o, p) in sorted(totals.items())]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.closing)

    @property
    def added_names(self) -> list[str]:
        return self.added[:PREVIEW_NAMES]

    @property
    def changed_names(self) -> list[School]:
        return self.changed[:PREVIEW_NAMES]


@dataclass
class DirectoryPreview:
    """What importing a file would do; nothing has been written."""

    kind: str
    rows: int
    sha256: str
    fingerprint: str
    municipalities: list[MunicipalityPreview]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def added(self) -> int:
        return sum(len(m.added) for m in self.municipalities)

    @property
    def changed(self) -> int:
        return sum(len(m.changed) for m in self.municipalities)

    @property
    def closed(self) -> int:
        return sum(len(m.closing) for m in self.municipalities)

    @property
    def changed_municipalities(self) -> list[MunicipalityPreview]:
        """Municipalities with changes: large closures first, then closings, then by name."""
        return sorted(
            (m for m in self.municipalities if m.has_changes),
            key=lambda m: (not m.large_closure, not m.closing, m.name, m.key),
        )

    @property
    def unchanged_municipalities(self) -> int:
        return sum(1 for m in self.municipalities if not m.has_changes)

    @property
    def large_closures(self) -> list[MunicipalityPreview]:
        return [m for m in self.municipalities if m.large_closure]

    @property
    def loaded_closings(self) -> int:
        return sum(len(m.loaded_closings) for m in self.municipalities)

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.loaded_closings or self.large_closures)


@dataclass
class _Plan:
    directory: Directory
    existing: dict[str, School]
    added: list[School]
    changed: list[School]
    changed_fields: set[str]
    reopened: set[str]
    closed: list[School]


def _parse(data: bytes) -> Directory:
    try:
        return parse_directory(data)
    except DirectoryError as exc:
        raise ValidationError(str(exc), code="malformed") from None


def _plan(directory: Directory, existing: dict[str, School], now: object) -> _Plan:
    """What the file changes against ``existing`` (Schulnummer → School); checks each row."""
    added: list[School] = []
    changed: list[School] = []
    changed_fields: set[str] = set()
    reopened: set[str] = set()
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
                reopened.add(school.schulnummer)
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
            name, messages = next(iter(exc.message_dict.items()))
            raise ValidationError(
                str(
                    DirectoryError(
                        "; ".join(messages), line=rec.line, column=FIELD_COLUMNS.get(name, name)
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
    return _Plan(directory, existing, added, changed, changed_fields, reopened, closed)


def _existing(*, lock: bool) -> dict[str, School]:
    schools = School.objects.select_for_update() if lock else School.objects.all()
    return {s.schulnummer: s for s in schools}


def _preview(plan: _Plan, sha256: str) -> DirectoryPreview:
    directory = plan.directory
    names: dict[str, Counter[str]] = {}
    in_file: Counter[str] = Counter()
    for rec in directory.records:
        key = rec.fields["municipality_key"]
        in_file[key] += 1
        names.setdefault(key, Counter())[rec.fields.get("city") or ""] += 1
    # Open schools before the import (``_plan`` reopens in memory: count from closed_at
    # only for schools it did not touch, and count the reopened ones as closed before).
    open_before: Counter[str] = Counter(
        s.municipality_key
        for s in plan.existing.values()
        if s.closed_at is None and s.schulnummer not in plan.reopened
    )
    municipalities = {
        key: MunicipalityPreview(
            key=key,
            name=names[key].most_common(1)[0][0] or key,
            in_file=in_file[key],
            open_before=open_before[key],
        )
        for key in sorted(in_file)
    }
    for school in plan.added:
        municipalities[school.municipality_key].added.append(school.name)
    for school in plan.changed:
        entry = municipalities[school.municipality_key]
        entry.changed.append(school)
        if school.schulnummer in plan.reopened:
            entry.reopened += 1
    loads = load_of_schools(s.pk for s in plan.closed)
    centre_names = dict(
        Centre.objects.filter(pk__in={c for load in loads.values() for c in load}).values_list(
            "pk", "name"
        )
    )
    for school in sorted(plan.closed, key=lambda s: s.name):
        per_centre = loads.get(school.pk, {})
        load = tuple(
            CentreLoad(centre_names.get(c, str(c)), v.offers, v.placements)
            for c, v in sorted(per_centre.items(), key=lambda cv: centre_names.get(cv[0], ""))
        )
        municipalities[school.municipality_key].closing.append(ClosingSchool(school, load))
    fingerprint = hashlib.sha256(
        "|".join(
            [
                directory.kind,
                ",".join(sorted(s.schulnummer for s in plan.added)),
                ",".join(sorted(s.schulnummer for s in plan.changed)),
                ",".join(sorted(s.schulnummer for s in plan.closed)),
                ",".join(
                    f"{s.pk}:{c}:{v.offers}:{v.placements}"
                    for s in sorted(plan.closed, key=lambda s: s.pk)
                    for c, v in sorted(loads.get(s.pk, {}).items())
                ),
            ]
        ).encode()
    ).hexdigest()
    return DirectoryPreview(
        kind=directory.kind,
        rows=len(directory.records),
        sha256=sha256,
        fingerprint=fingerprint,
        municipalities=list(municipalities.values()),
    )


def preview_directory(data: bytes) -> DirectoryPreview:
    """What importing ``data`` would add, change and close per municipality; writes nothing.

    Raises ValidationError (naming line and column) for a file that cannot be imported.
    """
    directory = _parse(data)
    plan = _plan(directory, _existing(lock=False), timezone.now())
    return _preview(plan, hashlib.sha256(data).hexdigest())


def _unconfirmed_message(preview: DirectoryPreview) -> str:
    parts = []
    if preview.loaded_closings:
        parts.append(
            ngettext(
                "%(n)s Schule, an der noch Angebote oder Platzvorschläge hängen",
                "%(n)s Schulen, an denen noch Angebote oder Platzvorschläge hängen",
                preview.loaded_closings,
            )
            % {"n": preview.loaded_closings}
        )
    for m in preview.large_closures:
        parts.append(
            _("in %(name)s %(closed)s von %(open)s Schulen")
            % {"name": m.name, "closed": len(m.closing), "open": m.open_before}
        )
    return _(
        "Der Import würde %(what)s schließen. Bitte prüfen Sie die Vorschau und bestätigen "
        "Sie die Schließungen ausdrücklich."
    ) % {"what": "; ".join(parts)}


def _run_import(
    *,
    actor: User | None,
    data: bytes,
    file_name: str,
    confirm_closings: bool,
    expected_fingerprint: str = "",
) -> DirectoryImport:
    """The import itself (inside the caller's transaction); no audit entry."""
    if actor is not None and not actor.has_perm("schulen.import_directory"):
        raise PermissionDenied
    directory = _parse(data)
    now = timezone.now()
    plan = _plan(directory, _existing(lock=True), now)
    sha256 = hashlib.sha256(data).hexdigest()
    if plan.closed or expected_fingerprint:
        preview = _preview(plan, sha256)
        if expected_fingerprint and preview.fingerprint != expected_fingerprint:
            raise ValidationError(
                _(
                    "Seit der Vorschau hat sich der Datenbestand geändert (ein anderer Import "
                    "oder neue Angebote). Bitte die Vorschau neu laden und erneut prüfen."
                ),
                code="stale_preview",
            )
        if preview.needs_confirmation and not confirm_closings:
            raise ValidationError(_unconfirmed_message(preview), code="closings_unconfirmed")
    for school in plan.closed:
        school.closed_at = now

    School.objects.bulk_create(plan.added, batch_size=500)
    if plan.changed:
        School.objects.bulk_update(
            plan.changed, sorted(plan.changed_fields | {"source", "updated_at"}), batch_size=500
        )
    if plan.closed:
        School.objects.bulk_update(plan.closed, ["closed_at"], batch_size=500)

    run = DirectoryImport(
        file_name=file_name[:255],
        kind=directory.kind,
        rows=len(directory.records),
        added=len(plan.added),
        changed=len(plan.changed),
        closed=len(plan.closed),
        imported_by=actor,
        sha256=sha256,
    )
    run.full_clean()
    run.save()
    return run


def _record_import(*, actor: User | None, run: DirectoryImport, confirmed: bool) -> None:
    summary = _(
        "Schulverzeichnis importiert (%(kind)s): %(a)s neu, %(c)s geändert, %(z)s geschlossen"
    ) % {
        "kind": KIND_LABELS[run.kind],
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
            "sha256": run.sha256,
            "added": run.added,
            "changed": run.changed,
            "closed": run.closed,
            "closings_confirmed": confirmed,
        },
    )


@transaction.atomic
def import_directory(
    *,
    actor: User | None,
    data: bytes,
    file_name: str,
    confirm_closings: bool = False,
) -> DirectoryImport:
    """Import either directory file; raises ValidationError and writes nothing when the file
    is malformed (line/column) or closes loaded schools or many schools unconfirmed.

    ``actor=None`` is the command line (an operator on the server).
    """
    run = _run_import(
        actor=actor, data=data, file_name=file_name, confirm_closings=confirm_closings
    )
    _record_import(actor=actor, run=run, confirmed=confirm_closings)
    return run


@transaction.atomic
def store_directory_upload(*, actor: User, data: bytes, file_name: str) -> DirectoryUpload:
    """Keep an uploaded file for its preview; a file that cannot be imported is refused."""
    if not actor.has_perm("schulen.import_directory"):
        raise PermissionDenied
    preview_directory(data)  # every row checked now, so that the preview page cannot fail
    upload = DirectoryUpload(
        file_name=file_name[:255],
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        uploaded_by=actor,
    )
    upload.full_clean()
    upload.save()
    record(
        actor=actor,
        centre=None,
        action="schulen.directory.uploaded",
        target=upload,
        summary=_("Schulverzeichnis zur Vorschau hochgeladen: %(f)s") % {"f": upload.file_name},
        data={"file": upload.file_name, "sha256": upload.sha256, "size": upload.size},
    )
    return upload


@transaction.atomic
def import_directory_upload(
    *,
    actor: User,
    upload: DirectoryUpload,
    sha256: str,
    fingerprint: str,
    confirm_closings: bool = False,
) -> DirectoryImport:
    """Import the previewed upload: the bytes must still hash to ``sha256`` and the plan
    must still be the previewed one (``fingerprint``); the bytes are dropped afterwards."""
    if not actor.has_perm("schulen.import_directory"):
        raise PermissionDenied
    upload = DirectoryUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.imported_id is not None:
        raise ValidationError(_("Diese Datei ist bereits importiert."), code="already_imported")
    data = bytes(upload.data)
    if not fingerprint:
        raise ValidationError(_("Bitte zuerst die Vorschau ansehen."), code="no_preview")
    if not sha256 or hashlib.sha256(data).hexdigest() != sha256 or upload.sha256 != sha256:
        raise ValidationError(
            _("Die Datei stimmt nicht mit der Vorschau überein. Bitte erneut hochladen."),
            code="hash_mismatch",
        )
    run = _run_import(
        actor=actor,
        data=data,
        file_name=upload.file_name,
        confirm_closings=confirm_closings,
        expected_fingerprint=fingerprint,
    )
    upload.imported = run
    upload.data = b""
    upload.save(update_fields=["imported", "data"])
    _record_import(actor=actor, run=run, confirmed=confirm_closings)
    return run

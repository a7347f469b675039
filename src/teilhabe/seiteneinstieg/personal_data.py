"""Right of access (Art. 15 GDPR): every record about a child or a guardian.

Each app registers, per model, how to find the rows about one subject
(``core.registry.register_personal_data``); :func:`build_access_zip` walks that registry
and writes the rows as JSON, a readable German PDF and copies of the stored documents.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json
import uuid
import zipfile
from typing import Any

from django.db import models
from django.utils import timezone

from teilhabe.core.registry import personal_data_collectors
from teilhabe.seiteneinstieg.models import (
    Appointment,
    Assessment,
    Child,
    ChildLanguage,
    Document,
    Family,
    Guardian,
    SelfRegistration,
)


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if hasattr(value, "code") and hasattr(value, "name"):  # django-countries
        return value.code
    return value


def row_as_dict(row: models.Model) -> dict[str, Any]:
    """Every concrete field of the row (foreign keys as ids), JSON-ready; encrypted fields
    arrive in plain text since the model field decrypts them."""
    data: dict[str, Any] = {}
    for f in row._meta.concrete_fields:
        data[f.attname] = _value(getattr(row, f.attname))
    return data


def collect(subject: Child | Guardian) -> dict[str, list[dict[str, Any]]]:
    """``{model label: [row, ...]}`` for every registered model with rows about the subject."""
    found: dict[str, list[dict[str, Any]]] = {}
    for label, collector in sorted(personal_data_collectors().items()):
        rows = [row_as_dict(r) for r in collector(subject)]
        if rows:
            found[label] = rows
    return found


# --- the collectors of this app (registered in declarations.register) ---------------------


def _family_of(subject: Child | Guardian) -> int:
    return subject.family_id


def children_of(subject: Any) -> Any:
    if isinstance(subject, Child):
        return Child._base_manager.filter(pk=subject.pk)
    return Child._base_manager.none()


def families_of(subject: Any) -> Any:
    return Family._base_manager.filter(pk=_family_of(subject))


def guardians_of(subject: Any) -> Any:
    if isinstance(subject, Guardian):
        return Guardian._base_manager.filter(pk=subject.pk)
    # a child's case names its guardians (contact for letters and appointments)
    return Guardian._base_manager.filter(family_id=subject.family_id)


def languages_of(subject: Any) -> Any:
    return ChildLanguage._base_manager.filter(child__in=children_of(subject))


def assessments_of(subject: Any) -> Any:
    return Assessment._base_manager.filter(child__in=children_of(subject))


def documents_of(subject: Any) -> Any:
    """A child's own papers and the family's common ones; a guardian: the family's."""
    if isinstance(subject, Child):
        return Document._base_manager.filter(
            models.Q(child=subject) | models.Q(family_id=subject.family_id, child__isnull=True)
        )
    return Document._base_manager.filter(family_id=subject.family_id, child__isnull=True)


def appointments_of(subject: Any) -> Any:
    return Appointment._base_manager.filter(family_id=_family_of(subject))


def self_registrations_of(subject: Any) -> Any:
    return SelfRegistration._base_manager.filter(family_id=_family_of(subject))


def duplicates_of(subject: Any) -> Any:
    return Child._base_manager.none()


def build_access_zip(subject: Child | Guardian, *, pdf: bytes) -> bytes:
    """The ZIP: ``daten.json`` (every row), ``auskunft.pdf`` and ``dokumente/`` (copies)."""
    data = collect(subject)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "daten.json",
            json.dumps(
                {
                    "subject": {"model": subject._meta.label_lower, "id": subject.pk},
                    "created_at": timezone.localtime().isoformat(),
                    "records": data,
                },
                ensure_ascii=False,
                indent=2,
            ),
        )
        archive.writestr("auskunft.pdf", pdf)
        for document in documents_of(subject):
            try:
                with document.file.open("rb") as handle:
                    archive.writestr(
                        f"dokumente/{document.pk}-{document.original_name}", handle.read()
                    )
            except FileNotFoundError:
                continue
    return buffer.getvalue()


def readable(data: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The rows for the PDF: per model its German name, per row (field name, value)."""
    from django.apps import apps

    parts = []
    for label, rows in data.items():
        model = apps.get_model(label)
        names = {f.attname: str(f.verbose_name) for f in model._meta.concrete_fields}
        parts.append(
            {
                "label": str(model._meta.verbose_name_plural),
                "rows": [
                    [(names.get(k, k), "" if v in (None, "") else str(v)) for k, v in row.items()]
                    for row in rows
                ],
            }
        )
    return parts

"""The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 DSGVO).

Built from what every app declares in ``core.registry`` (``register_retention``: purpose,
legal basis, data subjects, categories, recipients, period; ``register_not_personal``), so
the record cannot drift from what the software does: a new model that is not declared fails
``tests/core/test_retention.py``, and a declaration without subjects, categories or
recipients fails ``tests/audit/test_processing.py``.

One activity is one purpose under one legal basis; its rows are the models that serve it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from teilhabe.core.registry import (
    RetentionAction,
    RetentionRule,
    not_personal_models,
    retention_rules,
)

# Art. 30 Abs. 1 lit. g i. V. m. Art. 32 DSGVO: the technical and organisational measures the
# software itself provides (the centre adds its own: rooms, backups, training).
MEASURES = (
    gettext_lazy(
        "Zugang nur mit persönlichem Konto, Passwort und zweitem Faktor (TOTP); Sperre nach "
        "wiederholten Fehlversuchen; Abmeldung nach Untätigkeit"
    ),
    gettext_lazy(
        "Rollen und Rechte in einer Tabelle; jede Person sieht nur die Daten ihres Zentrums, "
        "Schulen nur ihre Vorschläge"
    ),
    gettext_lazy(
        "Protokoll jeder Änderung und jedes Lesens einer Fallakte (wer, wann, was), für die "
        "Administration einsehbar"
    ),
    gettext_lazy(
        "Förderbedarf und Notizen zu Familien, Kindern, Einstufungen und Beratungen verschlüsselt "
        "gespeichert (Fernet: AES-128 mit HMAC-SHA256; Schlüssel getrennt von der Datenbank)"
    ),
    gettext_lazy(
        "Übertragung nur verschlüsselt (HTTPS mit HSTS); hochgeladene Dateien nur für berechtigte "
        "Konten und nur für den Betriebsbenutzer lesbar"
    ),
    gettext_lazy(
        "Löschung nach Ablauf der Fristen durch den nächtlichen Lauf „apply_retention“; "
        "Protokolleinträge zu gelöschten Daten werden geschwärzt"
    ),
    gettext_lazy(
        "Landesweite und statistische Auswertungen nur zusammengefasst, kleine Gruppen unterdrückt"
    ),
)


@dataclass(frozen=True)
class RecordRow:
    """One model serving an activity: what it holds and how long."""

    model: str
    label: str
    fields: tuple[str, ...]
    categories: str
    retention: str


@dataclass
class Activity:
    purpose: str
    legal_basis: str
    subjects: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    rows: list[RecordRow] = field(default_factory=list)


@dataclass(frozen=True)
class ProcessingRecord:
    controller: dict[str, str]
    activities: list[Activity]
    not_personal: list[tuple[str, str, str]]  # model, label, reason
    measures: tuple[str, ...]
    created_at: dt.datetime

    def models(self) -> set[str]:
        found = {row.model for activity in self.activities for row in activity.rows}
        return found | {model for model, _label, _reason in self.not_personal}


def describe_period(period: dt.timedelta) -> str:
    days = period.days
    if days and days % 365 == 0:
        n = days // 365
        return ngettext("%(n)d Jahr", "%(n)d Jahre", n) % {"n": n}
    if days and days % 30 == 0:
        n = days // 30
        return ngettext("%(n)d Monat", "%(n)d Monate", n) % {"n": n}
    return ngettext("%(n)d Tag", "%(n)d Tage", days) % {"n": days}


def describe_retention(rule: RetentionRule) -> str:
    """The period in words, e.g. "3 Jahre nach Ende der Fortbildung; dann gelöscht"."""
    if rule.action == RetentionAction.KEEP:
        if rule.period > dt.timedelta(0):
            return _("%(period)s nach %(trigger)s; danach geschwärzt, nicht gelöscht") % {
                "period": describe_period(rule.period),
                "trigger": rule.trigger,
            }
        return _("dauerhaft aufbewahrt (%(trigger)s)") % {"trigger": rule.trigger}
    done = _("dann gelöscht") if rule.action == RetentionAction.DELETE else _("dann anonymisiert")
    return _("%(period)s nach %(trigger)s; %(done)s") % {
        "period": describe_period(rule.period),
        "trigger": rule.trigger,
        "done": done,
    }


def _model_label(label: str) -> tuple[Any, str]:
    try:
        model = apps.get_model(label)
    except LookupError:
        return None, label
    return model, str(model._meta.verbose_name_plural)


def _field_labels(model: Any, names: Iterable[str]) -> tuple[str, ...]:
    labels = []
    for name in names:
        try:
            labels.append(str(model._meta.get_field(name).verbose_name))
        except (FieldDoesNotExist, AttributeError):
            labels.append(name)
    return tuple(labels)


def _add_once(items: list[str], text: str) -> None:
    if text and text not in items:
        items.append(text)


def processing_record(*, centre: Any = None, now: dt.datetime | None = None) -> ProcessingRecord:
    """The record for ``centre`` (the controller's name and address on top)."""
    from django.utils import timezone

    activities: dict[tuple[str, str], Activity] = {}
    for key, rule in sorted(retention_rules().items(), key=lambda kv: (kv[1].order, kv[0])):
        purpose, basis = str(rule.purpose), str(rule.legal_basis)
        activity = activities.setdefault((purpose, basis), Activity(purpose, basis))
        _add_once(activity.subjects, str(rule.subjects))
        _add_once(activity.categories, str(rule.categories))
        _add_once(activity.recipients, str(rule.recipients))
        model, label = _model_label(key)
        activity.rows.append(
            RecordRow(
                model=key,
                label=label,
                fields=_field_labels(model, rule.personal_fields),
                categories=str(rule.categories),
                retention=describe_retention(rule),
            )
        )
    not_personal = []
    for key, reason in sorted(not_personal_models().items()):
        _model, label = _model_label(key)
        not_personal.append((key, label, str(reason)))
    controller = {"name": "", "address": "", "email": "", "phone": ""}
    if centre is not None:
        controller = {
            "name": centre.name,
            "address": ", ".join(
                part for part in (centre.street, f"{centre.postcode} {centre.city}".strip()) if part
            ),
            "email": centre.email,
            "phone": centre.phone,
        }
    return ProcessingRecord(
        controller=controller,
        activities=sorted(activities.values(), key=lambda a: a.purpose),
        not_personal=not_personal,
        measures=MEASURES,
        created_at=now or timezone.now(),
    )


def as_markdown(record: ProcessingRecord) -> str:
    """The record as a Markdown document (German), for the data protection officer's files."""
    from django.utils import timezone

    c = record.controller
    lines = [
        "# " + _("Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)"),
        "",
        _("Stand: %(date)s") % {"date": f"{timezone.localtime(record.created_at):%d.%m.%Y}"},
        "",
        "## " + _("Verantwortliche Stelle"),
        "",
        f"{c['name']}  ",
        f"{c['address']}  ",
        " · ".join(part for part in (c["phone"], c["email"]) if part),
        "",
        _(
            "Datenschutzbeauftragte Person: die oder der behördliche Datenschutzbeauftragte "
            "der Kommune (Kontakt vom Zentrum einzutragen)."
        ),
        "",
        _("Übermittlung in Drittländer: keine."),
        "",
        "## " + _("Verarbeitungstätigkeiten"),
    ]
    for number, activity in enumerate(record.activities, start=1):
        lines += [
            "",
            f"### {number}. {activity.purpose}",
            "",
            f"- **{_('Rechtsgrundlage')}:** {activity.legal_basis}",
            f"- **{_('Betroffene Personen')}:** {'; '.join(activity.subjects)}",
            f"- **{_('Datenkategorien')}:** {'; '.join(activity.categories)}",
            f"- **{_('Empfänger')}:** {'; '.join(activity.recipients)}",
            "",
            f"| {_('Datenbestand')} | {_('Personenbezogene Felder')} | {_('Löschfrist')} |",
            "| --- | --- | --- |",
        ]
        for row in activity.rows:
            fields = ", ".join(row.fields) or "–"
            lines.append(f"| {row.label} (`{row.model}`) | {fields} | {row.retention} |")
    lines += ["", "## " + _("Technische und organisatorische Maßnahmen (Art. 32 DSGVO)"), ""]
    lines += [f"- {measure}" for measure in record.measures]
    lines += ["", "## " + _("Datenbestände ohne personenbezogene Daten"), ""]
    lines += [f"- {label} (`{model}`): {reason}" for model, label, reason in record.not_personal]
    return "\n".join(lines) + "\n"

"""Carrying out the retention registry (``teilhabe apply_retention``).

Each rule of ``core.registry`` names the rows whose time is up (``due(now)``). Here every
rule runs in its own transaction, in ``order``: DELETE rules delete the rows (with what
cascades from them), ANONYMISE rules blank their personal fields. Audit entries about the
removed or anonymised objects are redacted, never deleted: the code, time and actor stay,
the description and changed values go. Stored files of deleted rows are removed from the
storage once the transaction has committed (a rollback keeps them).

This lives in ``audit`` because redacting the trail is part of every deletion; the rules
themselves are declared by each app.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.core.registry import RetentionAction, RetentionRule, retention_rules

logger = logging.getLogger(__name__)

REDACTED = {"redacted": True}
BATCH = 500


@dataclass
class RuleResult:
    """What one rule did (or, in a dry run, would do)."""

    model: str
    action: str
    rows: int = 0
    cascaded: Counter[str] = field(default_factory=Counter)
    files: int = 0
    audit_redacted: int = 0
    skipped: str = ""


def _file_names(instance: models.Model) -> list[tuple[object, str]]:
    names = []
    for f in instance._meta.concrete_fields:
        if isinstance(f, models.FileField):
            value = getattr(instance, f.attname)
            if value:
                names.append((f.storage, str(value)))
    return names


def _collect(rows: list[models.Model]) -> dict[type[models.Model], list[models.Model]]:
    """Every object a delete of ``rows`` removes (cascades included), by model."""
    if not rows:
        return {}
    using = router.db_for_write(type(rows[0]))
    collector = Collector(using=using)
    collector.collect(rows)
    found: dict[type[models.Model], list[models.Model]] = {}
    for model, instances in collector.data.items():
        found.setdefault(model, []).extend(instances)
    for qs in collector.fast_deletes:
        found.setdefault(qs.model, []).extend(qs)
    return found


def redact_audit(target_type: str, ids: Iterable[object]) -> int:
    """Blank the personal parts of the audit entries about these objects; keep the rest."""
    ids = [str(i) for i in ids]
    changed = 0
    for start in range(0, len(ids), BATCH):
        changed += (
            AuditEntry.objects.filter(
                target_type=target_type, target_id__in=ids[start : start + BATCH]
            )
            .exclude(data=REDACTED, summary="")
            .update(summary="", data=REDACTED)
        )
    return changed


def _count_audit(target_type: str, ids: list[object]) -> int:
    ids = [str(i) for i in ids]
    return sum(
        AuditEntry.objects.filter(target_type=target_type, target_id__in=ids[s : s + BATCH])
        .exclude(data=REDACTED, summary="")
        .count()
        for s in range(0, len(ids), BATCH)
    )


def _delete_files(files: list[tuple[object, str]]) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:  # the row is gone; a leftover file is logged for the operator
            logger.exception("retention: could not delete stored file %s", name)


def apply_rule(rule: RetentionRule, *, now: dt.datetime, dry_run: bool) -> RuleResult:
    """Carry out one rule in one transaction (rolled back entirely on any error)."""
    result = RuleResult(model=rule.model, action=str(rule.action))
    queryset = rule.due_rows(now)
    if queryset is None:
        if rule.action != RetentionAction.KEEP:
            result.skipped = "no due rows defined"
        return result
    if rule.action == RetentionAction.ANONYMISE and rule.anonymise is None:
        result.skipped = "no anonymise function"
        return result
    try:
        with transaction.atomic():
            rows = list(queryset.select_for_update(of=("self",)) if not dry_run else queryset)
            result.rows = len(rows)
            if not rows:
                return result
            if rule.action == RetentionAction.DELETE:
                try:
                    found = _collect(rows)
                except (ProtectedError, RestrictedError):
                    if not dry_run:
                        raise
                    # in a dry run the rules before this one have not deleted what
                    # protects these rows; count the rows themselves
                    found = {type(rows[0]): rows}
                files = []
                for model, instances in found.items():
                    label = model._meta.label_lower
                    if label != rule.model:
                        result.cascaded[label] += len(instances)
                    for instance in instances:
                        files.extend(_file_names(instance))
                    ids = [i.pk for i in instances]
                    result.audit_redacted += (
                        _count_audit(label, ids) if dry_run else redact_audit(label, ids)
                    )
                result.files = len(files)
                if not dry_run:
                    type(rows[0])._base_manager.filter(pk__in=[r.pk for r in rows]).delete()
                    transaction.on_commit(partial(_delete_files, files))
            else:  # ANONYMISE
                ids = [r.pk for r in rows]
                if dry_run:
                    result.audit_redacted = _count_audit(rule.model, ids)
                else:
                    rule.anonymise(type(rows[0])._base_manager.filter(pk__in=ids))
                    result.audit_redacted = redact_audit(rule.model, ids)
    except (ProtectedError, RestrictedError) as exc:
        result.skipped = f"protected by {sorted({o._meta.label_lower for o in exc.args[1]})}"
        result.rows = 0
        logger.warning("retention %s skipped: %s", rule.model, result.skipped)
    return result


def apply_retention(*, now: dt.datetime | None = None, dry_run: bool = False) -> list[RuleResult]:
    """Carry out every rule that can be carried out, in order; one transaction per rule."""
    now = now or timezone.now()
    rules = sorted(retention_rules().values(), key=lambda r: (r.order, r.model))
    results = []
    for rule in rules:
        if rule.action == RetentionAction.KEEP:
            continue
        result = apply_rule(rule, now=now, dry_run=dry_run)
        if result.rows and not dry_run:
            logger.info(
                "retention %s: %s %d rows (%s), %d files, %d audit entries redacted",
                rule.model,
                rule.action,
                result.rows,
                dict(result.cascaded),
                result.files,
                result.audit_redacted,
            )
        results.append(result)
    return results

"""record_read: one audit entry per read, in its own atomic block, only for read codes."""

from __future__ import annotations

import pytest

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.reads import is_read_action, read_actions, record_read

pytestmark = pytest.mark.django_db


def test_a_read_is_recorded_with_who_when_what(staff):
    record_read(
        actor=staff.counsellor,
        action="audit.document.downloaded",
        target=staff.centre,
        detail="Einladungsbrief (PDF)",
    )
    entry = AuditEntry.objects.get(action="audit.document.downloaded")
    assert entry.actor == staff.counsellor
    assert entry.centre_id == staff.centre.pk
    assert entry.target_type == "centres.centre"
    assert entry.target_id == str(staff.centre.pk)
    assert entry.summary == "Einladungsbrief (PDF)"
    assert entry.created_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_read_needs_no_surrounding_transaction(staff):
    record_read(actor=staff.counsellor, action="audit.case.viewed", target=staff.centre)
    assert AuditEntry.objects.filter(action="audit.case.viewed").count() == 1


def test_write_codes_are_not_reads(staff):
    from teilhabe.audit.registry import register_actions

    register_actions({"test.thing.written": "Test"})
    assert not is_read_action("test.thing.written")
    with pytest.raises(ValueError, match="read action"):
        record_read(actor=staff.counsellor, action="test.thing.written", target=staff.centre)
    with pytest.raises(ValueError):
        record_read(actor=staff.counsellor, action="x.y.typo", target=staff.centre)


def test_read_codes_are_marked():
    assert {"audit.case.viewed", "audit.document.downloaded", "audit.export.downloaded"} <= set(
        read_actions()
    )

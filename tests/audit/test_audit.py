"""The audit trail is written inside the service's transaction and scoped to a centre."""

from __future__ import annotations

import pytest
from django.db import transaction

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.selectors import audit_entries_for_centre
from teilhabe.audit.services import record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _test_codes():
    from teilhabe.audit.registry import register_actions

    register_actions({"test.thing.done": "Test", "test.a.b": "Test A", "test.c.d": "Test C"})


def test_unregistered_codes_are_refused(staff):
    with transaction.atomic(), pytest.raises(ValueError, match="unregistered"):
        record(
            actor=staff.centre_admin, centre=staff.centre, action="x.y.typo", target=staff.centre
        )


def test_every_code_in_the_source_is_registered():
    """Every literal action code a service writes is registered (catches typos early)."""
    import re
    from pathlib import Path

    from teilhabe.audit.registry import registered_actions

    src = Path(__file__).resolve().parents[2] / "src" / "teilhabe"
    codes = set()
    for path in src.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        codes |= set(re.findall(r'action="([a-z_]+\.[a-z_.]+)"', path.read_text()))
    assert codes, "no action codes found: the pattern is broken"
    missing = sorted(codes - set(registered_actions()))
    assert not missing, f"unregistered audit codes: {missing}"


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused(staff):
    with pytest.raises(RuntimeError):
        record(
            actor=staff.centre_admin,
            centre=staff.centre,
            action="test.thing.done",
            target=staff.centre,
        )


def test_action_codes_are_namespaced(staff):
    with transaction.atomic(), pytest.raises(ValueError):
        record(actor=staff.centre_admin, centre=staff.centre, action="done", target=staff.centre)


def test_entry_is_rolled_back_with_the_write(staff):
    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        record(
            actor=staff.centre_admin,
            centre=staff.centre,
            action="test.thing.done",
            target=staff.centre,
        )
        raise Boom
    assert not AuditEntry.objects.filter(action="test.thing.done").exists()


def test_admin_sees_only_own_centre(staff, other_staff):
    with transaction.atomic():
        mine = record(
            actor=staff.centre_admin, centre=staff.centre, action="test.a.b", target=staff.centre
        )
        record(
            actor=other_staff.centre_admin,
            centre=other_staff.centre,
            action="test.a.b",
            target=other_staff.centre,
        )
    assert list(audit_entries_for_centre(user=staff.centre_admin)) == [mine]
    assert not audit_entries_for_centre(user=staff.counsellor).exists()

"""The audit trail is written inside the service's transaction and scoped to a centre."""

from __future__ import annotations

import pytest
from django.db import transaction

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.selectors import audit_entries_for_centre
from teilhabe.audit.services import record

pytestmark = pytest.mark.django_db


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

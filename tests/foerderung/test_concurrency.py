"""Twenty approvals at the same moment compete for the last €10,000 of a Baustein: the
ledger never commits more than that. Only PostgreSQL runs the transactions in parallel."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from teilhabe.foerderung import services
from teilhabe.foerderung.choices import ApplicationStatus
from teilhabe.foerderung.models import Application, BausteinBudget
from tests.foerderung.factories import funding_year, reviewed, room_call

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def test_twenty_parallel_approvals_for_the_last_ten_thousand(staff):
    year = funding_year(staff.centre_admin, grants={"A": 10_000_00})
    call = room_call(staff.centre_admin, year, flat_amount=1_500_00, max_units=1)
    apps = [reviewed(staff, call, name=f"Verein {n}", rooms=1) for n in range(20)]
    barrier = threading.Barrier(len(apps))
    approved, refused, unexpected = [], [], []
    lock = threading.Lock()

    def approve(app: Application) -> None:
        from teilhabe.centres.models import User

        actor = User.objects.get(pk=staff.centre_admin.pk)
        barrier.wait()
        try:
            services.decide(actor=actor, application=app, approve=True)
        except ValidationError as exc:
            with lock:
                refused.append(str(exc))
        except Exception as exc:  # reported below
            with lock:
                unexpected.append(repr(exc))
        else:
            with lock:
                approved.append(app.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(app,)) for app in apps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert unexpected == []
    assert len(approved) == 6 and len(refused) == 14
    assert all("Nicht genug Mittel" in message for message in refused)
    budget = BausteinBudget.objects.get(year=year, baustein="A")
    balance = services.balance_of(budget)
    assert balance.committed == 9_000_00 <= balance.budget
    assert Application.objects.filter(status=ApplicationStatus.APPROVED).count() == 6

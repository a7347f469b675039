"""The last administrator under real concurrency: two administrators remove each other at
the same moment. Only PostgreSQL runs the two transactions in parallel."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from teilhabe.centres.models import User
from teilhabe.centres.roles import Role
from teilhabe.centres.services import change_user, deactivate_user
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def _race(calls: list) -> tuple[int, int]:
    barrier = threading.Barrier(len(calls))
    done: list[object] = []
    refused: list[ValidationError] = []
    unexpected: list[BaseException] = []
    lock = threading.Lock()

    def run(call) -> None:
        try:
            barrier.wait(timeout=10)
            result = call()
            with lock:
                done.append(result)
        except ValidationError as exc:
            with lock:
                refused.append(exc)
        except BaseException as exc:
            with lock:
                unexpected.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not unexpected, unexpected
    return len(done), len(refused)


def _active_admins(centre) -> int:
    return User.objects.filter(centre=centre, role=Role.CENTRE_ADMIN, is_active=True).count()


def test_two_administrators_deactivating_each_other_leave_one(staff):
    first, second = staff.centre_admin, UserFactory(centre=staff.centre, role=Role.CENTRE_ADMIN)
    done, refused = _race(
        [
            lambda: deactivate_user(actor=first, user=second),
            lambda: deactivate_user(actor=second, user=first),
        ]
    )
    assert (done, refused) == (1, 1)
    assert _active_admins(staff.centre) == 1


def test_two_administrators_stepping_down_at_once_leave_one(staff):
    first, second = staff.centre_admin, UserFactory(centre=staff.centre, role=Role.CENTRE_ADMIN)
    done, refused = _race(
        [
            lambda: change_user(actor=first, user=first, role=Role.COUNSELLOR),
            lambda: change_user(actor=second, user=second, role=Role.COUNSELLOR),
        ]
    )
    assert (done, refused) == (1, 1)
    assert _active_admins(staff.centre) == 1

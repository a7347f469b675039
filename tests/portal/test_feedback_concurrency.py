"""The feedback rate limit holds when one sender posts many times at the same moment: the
count runs under a lock on the centre row. Only PostgreSQL runs the posts in parallel."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from teilhabe.portal.models import Feedback
from teilhabe.portal.services.feedback import PER_SENDER, client_key, submit_feedback

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def test_parallel_posts_of_one_sender_stop_at_the_limit(staff):
    n = PER_SENDER * 3
    barrier = threading.Barrier(n)
    refused: list[ValidationError] = []
    unexpected: list[BaseException] = []
    lock = threading.Lock()
    sender = client_key("198.51.100.4")

    def post(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            submit_feedback(
                actor=None, centre=staff.centre, language="ar", message=f"{i}", sender=sender
            )
        except ValidationError as exc:
            with lock:
                refused.append(exc)
        except BaseException as exc:
            with lock:
                unexpected.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not unexpected, unexpected
    assert Feedback.objects.filter(client_key=sender).count() == PER_SENDER
    assert len(refused) == n - PER_SENDER

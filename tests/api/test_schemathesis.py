"""The API against its own OpenAPI schema, with every schemathesis check.

Two centres with cases, appointments, schools, offers and proposals (``build_side``); the
requests carry a token of Köln's centre administrator with every scope. Schemathesis sends
valid and invalid data (all generation modes), and its checks include the server-error,
status-code, content-type, response-schema and header conformance, negative-data
rejection, and ``ignored_auth`` (the same request without a token and with a wrong one
must be refused). The last test walks every operation with the other centre's token and
ids: each answers 404.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient
from schemathesis.pytest.lazy import get_all_tests

from tests.api.conftest import ALL_SCOPES, build_side, token_for

WSGI = get_wsgi_application()


@pytest.fixture
def in_process():
    """Schemathesis calls the WSGI app directly, not through Django's test client, so the
    handler would close the test's database connection after each request (as Django's
    test client avoids): keep it open, as in any other test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_world(db, in_process):
    koeln = build_side("koeln")
    dortmund = build_side("dortmund", municipality_key="05913000")
    return {
        "koeln": koeln,
        "dortmund": dortmund,
        "secret": token_for(koeln.staff.centre_admin, *ALL_SCOPES),
    }


MAX_EXAMPLES = 20
SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_api_keeps_its_schema(api_world):
    """Every operation through schemathesis's own phases (examples, coverage, fuzzing —
    valid and invalid data) with every check: no failure at all."""
    schema = schemathesis.openapi.from_wsgi("/api/schema/", WSGI)
    headers = {"Authorization": f"Bearer {api_world['secret']}"}

    calls: list[str] = []

    def check(case) -> None:
        calls.append(case.operation.label)
        case.call_and_validate(headers=headers)

    failures = []
    operations = 0
    for result in get_all_tests(schema=schema, test_func=check, settings=SETTINGS, given_kwargs={}):
        operation, test = result.ok()
        operations += 1
        try:
            test()
        except Exception as exc:  # collect all, report together
            failures.append(f"{operation.label}: {exc}")
    assert operations >= 14
    assert len(set(calls)) == operations and len(calls) > 20 * operations, len(calls)
    assert not failures, "\n\n".join(failures)


@pytest.mark.django_db
def test_every_operation_answers_404_for_another_centres_object(api_world):
    """Every path with an id, with the other centre's object's id: 404, never its data."""
    koeln, dortmund = api_world["koeln"], api_world["dortmund"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_world['secret']}")
    foreign = {
        "cases": dortmund.child.pk,
        "appointments": dortmund.appointment.pk,
        "free-slots": dortmund.free_slot.pk,
        "schools": dortmund.school.pk,
        "seat-reports": dortmund.offer.pk,
        "placements": dortmund.placement.pk,
        "offers": dortmund.portal_offer.pk,
    }
    own = {
        "cases": koeln.child.pk,
        "appointments": koeln.appointment.pk,
        "free-slots": koeln.free_slot.pk,
        "schools": koeln.school.pk,
        "seat-reports": koeln.offer.pk,
        "placements": koeln.placement.pk,
        "offers": koeln.portal_offer.pk,
    }
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    document = paths.json() if paths["Content-Type"].startswith("application/json") else None
    if document is None:
        import yaml

        document = yaml.safe_load(paths.content)
    checked = 0
    for path, item in document["paths"].items():
        if "{id}" not in path:
            continue
        prefix = path.split("/")[3]
        for method in item:
            url = path.replace("{id}", str(foreign[prefix]))
            if method == "post":
                body = {"start_date": "2026-01-01", "reason": "other", "note": "x"}
                response = client.post(url, body, format="json")
            else:
                response = getattr(client, method)(url)
            assert response.status_code == 404, (method, path, response.content)
            checked += 1
        assert client.get(path.replace("{id}", str(own[prefix]))).status_code in (200, 405)
    assert checked >= 7

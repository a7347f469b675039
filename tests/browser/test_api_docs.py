"""The API docs (Swagger UI, vendored through drf-spectacular-sidecar) run under the
strict CSP: no inline script or style element, the operations render from the schema."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_under_the_policy(page, live_server):
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    external: list[str] = []
    page.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    page.goto(live_server.url + reverse("api:docs"))
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 14
    assert page.get_by_text("/api/v1/cases/").first.is_visible()
    assert violations == []
    assert external == []  # nothing from a CDN

"""Public pages and the main staff pages meet WCAG 2.1 AA as far as axe-core can tell."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_login_page_has_no_axe_violations(page, axe_violations):
    page.goto(page.base_url + "/konto/anmelden/")
    assert page.get_attribute("html", "lang") == "de"
    assert axe_violations() == []


def test_start_page_has_no_axe_violations(page, axe_violations, staff, client):
    client.force_login(staff.counsellor)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": page.base_url}])
    page.goto(page.base_url + "/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert axe_violations() == []

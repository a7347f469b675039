"""Steps shared by the browser tests."""

from __future__ import annotations

from tests.factories import PASSWORD


def log_in(page, user) -> None:
    """Log in through the real login form and wait for the start page."""
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(page.base_url + "/")

"""Headers, proxy handling, session limits and login lockout for an internet-facing install."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from teilhabe.core.middleware import (
    SESSION_LAST_SEEN,
    SESSION_LOGIN_AT,
    content_security_policy,
    tiles_source,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "teilhabe" / "templates"
# PDF templates are rendered by WeasyPrint, never served as pages: their <style> stays.
PDF_TEMPLATES = {
    "letters/document.html",
    "integrationsrat/packet.html",
    "oeffnung/certificate.html",
    "oeffnung/code_letters.html",
    "oeffnung/council_report.html",
    "oeffnung/signin_sheet.html",
    "oeffnung/results_report.html",
}


def test_csp_and_other_headers_on_pages(client):
    response = client.get(reverse("centres:login"))
    csp = response["Content-Security-Policy"]
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ]:
        assert part in csp
    assert "unsafe-inline" not in csp
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), payment=()"
    assert response["Referrer-Policy"] == "same-origin"


def test_csp_allows_the_configured_tiles_host():
    assert tiles_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == (
        "https://tile.openstreetmap.org"
    )
    assert tiles_source("https://{s}.tile.example.org/{z}/{x}/{y}.png") == (
        "https://*.tile.example.org"
    )
    csp = content_security_policy("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in csp
    assert "tile" not in content_security_policy("")


def test_templates_have_no_inline_script_or_style():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        name = path.relative_to(TEMPLATES).as_posix()
        if name in PDF_TEMPLATES:
            continue
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{name}: inline <script>")
        if re.search(r"\sstyle\s*=", text) or "<style" in text:
            offenders.append(f"{name}: style")
        if re.search(r"\son[a-z]+\s*=\s*[\"']", text):
            offenders.append(f"{name}: event handler attribute")
    assert offenders == []


def test_logged_in_pages_are_not_cached_anonymous_ones_may_be(client, staff):
    anonymous = client.get("/healthz")
    assert "no-store" not in anonymous.get("Cache-Control", "")
    client.force_login(staff.counsellor)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    # a redirect of a logged-in user too
    assert client.get(reverse("centres:login"))["Cache-Control"] == "no-store, private"


def test_static_files_stay_cacheable(live_server_static_client):
    response = live_server_static_client
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.fixture
def live_server_static_client(client, staff):
    """A static file fetched by a logged-in user through the whole middleware stack."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: F401

    client.force_login(staff.counsellor)
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        fresh = Client()
        fresh.cookies = client.cookies
        response = fresh.get("/static/css/teilhabe.css")
    assert response.status_code == 200
    return response


# --- behind a proxy -------------------------------------------------------------------


@override_settings(SECURE_SSL_REDIRECT=True)
def test_ssl_redirect_without_proxy_header_and_not_trusted(client):
    response = client.get(reverse("centres:login"), HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301 and response.url.startswith("https://")


@override_settings(
    SECURE_SSL_REDIRECT=True,
    TEILHABE_TRUSTED_PROXY=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)
def test_no_redirect_loop_behind_trusted_proxy(client):
    assert client.get(reverse("centres:login"), HTTP_X_FORWARDED_PROTO="https").status_code == 200
    # the proxy forwarding a plain-http request: redirect to https once
    plain = client.get(reverse("centres:login"), HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code == 301 and plain.url.startswith("https://")


@override_settings(SECURE_SSL_REDIRECT=True)
def test_health_check_is_not_redirected(client):
    assert client.get("/healthz").status_code == 200


def test_production_settings_for_the_proxy():
    from tests.centres.test_settings import STRONG_KEY, _settings_probe

    expr = (
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.SECURE_REDIRECT_EXEMPT"
    )
    plain = _settings_probe({"SECRET_KEY": STRONG_KEY}, expr)
    assert plain.stdout.strip() == "True 31536000 True None ['^healthz$']", plain.stderr
    proxied = _settings_probe({"SECRET_KEY": STRONG_KEY, "TEILHABE_TRUSTED_PROXY": "1"}, expr)
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in proxied.stdout


def test_client_address_from_the_proxy_only_when_trusted(rf):
    from teilhabe.core.proxy import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.1.2.3", REMOTE_ADDR="127.0.0.1")
    with override_settings(TEILHABE_TRUSTED_PROXY=False):
        assert client_ip(request) == "127.0.0.1"
    with override_settings(TEILHABE_TRUSTED_PROXY=True):
        assert client_ip(request) == "10.1.2.3"  # the entry our proxy added, not the forged one


# --- sessions -------------------------------------------------------------------------


def test_session_settings():
    from django.conf import settings

    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.TEILHABE_SESSION_IDLE_SECONDS == 3600
    assert settings.TEILHABE_SESSION_ABSOLUTE_SECONDS == 12 * 3600


def _age_session(client: Client, **seconds_ago: int) -> None:
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_login_stores_the_login_time(client, staff):
    before = int(time.time())
    client.post(
        reverse("centres:login"), {"username": staff.counsellor.username, "password": PASSWORD}
    )
    assert client.session[SESSION_LOGIN_AT] >= before


def test_idle_session_ends_after_an_hour(client, staff):
    client.force_login(staff.counsellor)
    assert client.get(reverse("core:home")).status_code == 200
    _age_session(client, **{SESSION_LAST_SEEN: 3500})
    assert client.get(reverse("core:home")).status_code == 200  # sliding: still in
    _age_session(client, **{SESSION_LAST_SEEN: 3700})
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and "abgemeldet=inaktiv" in response.url
    page = client.get(response.url)
    assert "nach längerer Inaktivität abgemeldet" in page.content.decode()
    assert client.get(reverse("core:home")).status_code == 302  # really logged out


def test_session_ends_twelve_hours_after_login_even_when_active(client, staff):
    client.force_login(staff.counsellor)
    client.get(reverse("core:home"))
    _age_session(client, **{SESSION_LOGIN_AT: 12 * 3600 + 10, SESSION_LAST_SEEN: 5})
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and "abgemeldet=absolut" in response.url
    assert "höchstens 12 Stunden" in client.get(response.url).content.decode()


# --- lockout --------------------------------------------------------------------------


def _try(client: Client, username: str, password: str, ip: str):
    return client.post(
        reverse("centres:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


@override_settings(AXES_FAILURE_LIMIT=3)
def test_one_address_cannot_try_many_accounts(client, staff):
    accounts = [UserFactory(centre=staff.centre, username=f"konto-{i}") for i in range(5)]
    for account in accounts[:3]:
        _try(client, account.username, "falsch-falsch-falsch", "203.0.113.7")
    # a fourth account with the right password from the same address: refused
    response = _try(client, accounts[4].username, PASSWORD, "203.0.113.7")
    assert response.status_code == 429
    # the account itself is not locked from elsewhere
    assert _try(Client(), accounts[4].username, PASSWORD, "198.51.100.1").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_one_account_is_locked_after_failures_from_different_addresses(client, staff):
    user = staff.counsellor
    for i in range(3):
        _try(Client(), user.username, "falsch-falsch-falsch", f"198.51.100.{i + 10}")
    response = _try(client, user.username, PASSWORD, "192.0.2.99")
    assert response.status_code == 429
    assert "vorübergehend gesperrt" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3, TEILHABE_TRUSTED_PROXY=True)
def test_lockout_uses_the_forwarded_address_behind_the_proxy(client, staff):
    accounts = [UserFactory(centre=staff.centre, username=f"p-konto-{i}") for i in range(4)]
    for account in accounts[:3]:
        client.post(
            reverse("centres:login"),
            {"username": account.username, "password": "falsch-falsch-falsch"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{account.pk % 200}, 203.0.113.50",
        )
    locked = Client().post(
        reverse("centres:login"),
        {"username": accounts[3].username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )
    assert locked.status_code == 429
    other = Client().post(
        reverse("centres:login"),
        {"username": accounts[3].username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert other.status_code == 302

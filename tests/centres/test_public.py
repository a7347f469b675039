"""The frame of the public pages: centre by slug, language from the URL, switcher, RTL."""

import pytest

from teilhabe.core import registry
from tests.factories import CentreFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.centres.public_urls")]


@pytest.fixture
def header_link():
    registry.register_public_navigation("public_test_page", label="Seite", order=1)
    yield
    registry._PUBLIC_NAVIGATION.pop("public_test_page", None)


def test_page_renders_in_the_language_of_its_url(client, header_link):
    centre = CentreFactory(slug="koeln", name="KI Köln")
    response = client.get("/koeln/uk/seite/")
    assert response.status_code == 200
    assert response["Content-Language"] == "uk"
    html = response.content.decode()
    assert '<html lang="uk" dir="ltr">' in html
    assert centre.name in html
    # the switcher offers this very page in every language
    for code in ("de", "en", "uk", "ar", "tr", "fa", "ru"):
        assert f'href="/koeln/{code}/seite/"' in html
    assert 'aria-current="page">Seite<' in html


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_arabic_and_farsi_pages_run_right_to_left(client, code):
    CentreFactory(slug="koeln")
    html = client.get(f"/koeln/{code}/seite/").content.decode()
    assert f'<html lang="{code}" dir="rtl">' in html


def test_unknown_language_or_centre_is_not_found(client):
    CentreFactory(slug="koeln")
    assert client.get("/koeln/xx/seite/").status_code == 404
    assert client.get("/nirgendwo/de/seite/").status_code == 404


def test_a_deactivated_centre_has_no_public_pages(client):
    CentreFactory(slug="alt", is_active=False)
    assert client.get("/alt/de/seite/").status_code == 404


def test_the_request_language_is_not_left_behind(client):
    """The page's language is an override for this response only."""
    from django.utils import translation

    CentreFactory(slug="koeln")
    client.get("/koeln/ar/seite/")
    assert translation.get_language() != "ar"

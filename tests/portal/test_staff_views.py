"""Staff pages of the public site: the overview lists missing languages; forms keep what
was typed and show German messages; writes go through the services."""

from __future__ import annotations

import pytest

from teilhabe.portal.models import Feedback, Offer
from tests.portal.factories import make_offer

pytestmark = pytest.mark.django_db


def test_overview_shows_missing_translations(login, staff):
    offer = make_offer(staff.centre, texts={"de": "Deutschkurs Kalk"})
    page = login(staff.counsellor).get("/portal/").content.decode()
    assert "Deutschkurs Kalk" in page and f"/portal/angebote/{offer.pk}/" in page
    assert "en, uk, ar, tr, fa, ru" in page


def test_create_offer_through_the_form(login, staff):
    client = login(staff.centre_admin)
    response = client.post(
        "/portal/angebote/",
        {
            "title": "Sprachcafé",
            "category": "german",
            "provider": "Stadtbibliothek",
            "postcode": "50676",
            "place": "Köln",
            "languages": ["de", "en"],
            "is_published": "on",
        },
    )
    offer = Offer.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/portal/angebote/{offer.pk}/"
    assert offer.district


def test_unknown_postcode_keeps_the_input_and_says_why(login, staff):
    client = login(staff.centre_admin)
    response = client.post(
        "/portal/angebote/",
        {
            "title": "Kurs X",
            "category": "german",
            "provider": "VHS",
            "postcode": "12345",
            "place": "Berlin",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Diese Postleitzahl kennen wir in Nordrhein-Westfalen nicht." in page
    assert 'value="Kurs X"' in page
    assert not Offer.objects.exists()


def test_translation_page_saves_and_returns_to_the_offer(login, staff):
    offer = make_offer(staff.centre)
    client = login(staff.counsellor)
    url = f"/portal/texte/angebot/{offer.pk}/fa/"
    assert "Deutschkurs A1" in client.get(url).content.decode()  # the German text to work from
    response = client.post(url, {"title": "کلاس آلمانی", "body": "", "schedule": ""})
    assert response.status_code == 302
    assert offer.translations.filter(language="fa").exists()


def test_feedback_list(login, staff, other_staff):
    Feedback.objects.create(centre=staff.centre, language="ar", message="Die Schrift ist klein")
    Feedback.objects.create(centre=other_staff.centre, language="de", message="Fremd")
    page = login(staff.counsellor).get("/portal/rueckmeldungen/").content.decode()
    assert "Die Schrift ist klein" in page and "Fremd" not in page


def test_start_page_tile_counts_feedback_and_missing_languages(login, staff):
    make_offer(staff.centre, texts={"de": "Kurs"})
    Feedback.objects.create(centre=staff.centre, language="tr", message="Zu klein")
    page = login(staff.counsellor).get("/").content.decode()
    assert "1 Rückmeldung zur Barrierefreiheit in den letzten 30 Tagen" in page
    assert "1 Inhalt ist noch nicht in allen sieben Sprachen" in page
    schulamt = login(staff.schulamt).get("/").content.decode()
    assert "Rückmeldung zur Barrierefreiheit" not in schulamt

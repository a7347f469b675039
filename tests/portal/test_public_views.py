"""The public site: language in the URL, German fallback said and marked, RTL, no other
centre's content, 404 for unknown centres and languages, the feedback form."""

from __future__ import annotations

import re

import pytest
from django.core import mail  # noqa: F401  (outbox rows, not Django's mail, are asserted)

from teilhabe.audit.models import AuditEntry
from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.notify.models import OutboxMail
from teilhabe.portal.models import Feedback
from tests.portal.factories import make_document, make_event, make_offer, make_page

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_language_choice_lists_seven_autonyms_and_suggests_the_browser_language(client, staff):
    response = client.get(f"/{staff.centre.slug}/", HTTP_ACCEPT_LANGUAGE="uk-UA,uk;q=0.9,de;q=0.5")
    page = html(response)
    for code, autonym in PUBLIC_LANGUAGES.items():
        assert f'href="/{staff.centre.slug}/{code}/"' in page
        assert autonym in page
    assert re.search(r'class="suggested" lang="uk"', page)
    assert page.count('class="suggested"') == 1


@pytest.mark.parametrize("lang", list(PUBLIC_LANGUAGES))
def test_every_page_answers_in_every_language_with_dir_and_lang(client, staff, lang):
    offer = make_offer(staff.centre)
    slug = staff.centre.slug
    for path in (
        "",
        "angebote/",
        f"angebote/{offer.pk}/",
        "veranstaltungen/",
        "dokumente/",
        "kontakt/",
        "barrierefreiheit/",
    ):
        page = html(client.get(f"/{slug}/{lang}/{path}"))
        direction = "rtl" if lang in ("ar", "fa") else "ltr"
        assert f'<html lang="{lang}" dir="{direction}"' in page, path


def test_unknown_centre_or_language_is_404(client, staff):
    assert client.get("/nirgendwo/de/").status_code == 404
    assert client.get("/nirgendwo/").status_code == 404
    assert client.get(f"/{staff.centre.slug}/xx/").status_code == 404
    assert client.get(f"/{staff.centre.slug}/fr/angebote/").status_code == 404


def test_deactivated_centre_is_404(client, staff):
    staff.centre.is_active = False
    staff.centre.save()
    assert client.get(f"/{staff.centre.slug}/de/").status_code == 404


def test_missing_translation_falls_back_to_german_and_says_so(client, staff):
    make_page(staff.centre, "about", {"de": ("Über uns", "Wir helfen neu Zugewanderten.")})
    page = html(client.get(f"/{staff.centre.slug}/uk/"))
    assert "Wir helfen neu Zugewanderten." in page
    assert re.search(r'class="content-text" lang="de" dir="ltr"', page)
    assert 'class="fallback-notice"' in page
    german = html(client.get(f"/{staff.centre.slug}/de/"))
    assert 'class="fallback-notice"' not in german


def test_a_translation_is_shown_in_its_language_without_notice(client, staff):
    make_page(
        staff.centre,
        "about",
        {"de": ("Über uns", "Wir helfen."), "ar": ("من نحن", "نحن نساعد.")},
    )
    page = html(client.get(f"/{staff.centre.slug}/ar/"))
    assert "نحن نساعد." in page and "Wir helfen." not in page
    assert 'class="content-text" lang="ar" dir="rtl"' in page
    assert 'class="fallback-notice"' not in page


def test_links_keep_the_language(client, staff):
    make_offer(staff.centre)
    page = html(client.get(f"/{staff.centre.slug}/tr/angebote/"))
    links = re.findall(r'href="(/' + staff.centre.slug + r'/[^"]*)"', page)
    own = [
        link for link in links if not re.match(rf"/{staff.centre.slug}/(de|en|uk|ar|fa|ru)/", link)
    ]
    assert links and all(link.startswith(f"/{staff.centre.slug}/tr/") for link in own)


def test_another_centres_content_is_never_shown(client, staff, other_staff):
    mine = make_offer(staff.centre, texts={"de": "Unser Kurs"})
    theirs = make_offer(other_staff.centre, texts={"de": "Fremder Kurs"})
    make_event(other_staff.centre, texts={"de": "Fremdes Fest"})
    make_document(other_staff.centre, texts={"de": "Fremdes Dokument"})
    make_page(other_staff.centre, "about", {"de": ("Fremd", "Fremder Text")})
    slug = staff.centre.slug
    for path in ("", "angebote/", "veranstaltungen/", "dokumente/", "kontakt/"):
        page = html(client.get(f"/{slug}/de/{path}"))
        assert "Fremd" not in page, path
    assert "Unser Kurs" in html(client.get(f"/{slug}/de/angebote/"))
    assert client.get(f"/{slug}/de/angebote/{theirs.pk}/").status_code == 404
    assert client.get(f"/{slug}/de/angebote/{mine.pk}/").status_code == 200


def test_unpublished_and_ended_offers_are_hidden(client, staff):
    import datetime as dt

    hidden = make_offer(staff.centre, texts={"de": "Entwurf"}, is_published=False)
    ended = make_offer(
        staff.centre,
        texts={"de": "Vorbei"},
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2020, 2, 1),
    )
    page = html(client.get(f"/{staff.centre.slug}/de/angebote/"))
    assert "Entwurf" not in page and "Vorbei" not in page
    for offer in (hidden, ended):
        assert client.get(f"/{staff.centre.slug}/de/angebote/{offer.pk}/").status_code == 404


def test_offer_filters(client, staff):
    make_offer(staff.centre, texts={"de": "Kurs Kalk"}, district="Kalk", languages=["tr"])
    make_offer(staff.centre, texts={"de": "Beratung Nippes"}, category="advice", district="Nippes")
    slug = staff.centre.slug
    page = html(client.get(f"/{slug}/de/angebote/", {"category": "advice"}))
    assert "Beratung Nippes" in page and "Kurs Kalk" not in page
    page = html(client.get(f"/{slug}/de/angebote/", {"district": "Kalk"}))
    assert "Kurs Kalk" in page and "Beratung Nippes" not in page
    page = html(client.get(f"/{slug}/de/angebote/", {"language": "tr"}))
    assert "Kurs Kalk" in page and "Beratung Nippes" not in page
    # unknown filter values are ignored, not an error
    assert client.get(f"/{slug}/de/angebote/", {"category": "<x>"}).status_code == 200


def test_offers_are_paginated_and_pages_keep_the_filter(client, staff):
    for n in range(25):
        make_offer(staff.centre, texts={"de": f"Kurs {n:02d}"})
    slug = staff.centre.slug
    first = html(client.get(f"/{slug}/en/angebote/", {"category": "german"}))
    assert ">Kurs 00</span>" in first and ">Kurs 24</span>" not in first
    assert '"Kurs 24"' in first  # the map shows every filtered offer
    assert "?category=german&amp;seite=2" in first
    second = html(client.get(f"/{slug}/en/angebote/", {"category": "german", "seite": 2}))
    assert ">Kurs 24</span>" in second


def test_staff_text_is_escaped(client, staff):
    make_page(staff.centre, "about", {"de": ("x", "<script>alert(1)</script>")})
    page = html(client.get(f"/{staff.centre.slug}/de/"))
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_feedback_is_stored_audited_and_mailed_to_the_centre(client, staff):
    url = f"/{staff.centre.slug}/fa/barrierefreiheit/"
    response = client.post(url, {"message": "Die Karte geht nicht.", "email": "a@example.org"})
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.centre == staff.centre and feedback.language == "fa"
    assert AuditEntry.objects.filter(action="portal.feedback.received").count() == 1
    mail_row = OutboxMail.objects.get()
    assert mail_row.to == [staff.centre.email]
    assert "Die Karte geht nicht." in mail_row.body


def test_feedback_honeypot_stores_nothing(client, staff):
    url = f"/{staff.centre.slug}/de/barrierefreiheit/"
    response = client.post(url, {"message": "Kaufen Sie!", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Feedback.objects.exists() and not OutboxMail.objects.exists()


def test_feedback_errors_in_the_visitors_language_keep_the_input(client, staff):
    url = f"/{staff.centre.slug}/en/barrierefreiheit/"
    page = html(client.post(url, {"message": "", "name": "Olena", "email": "kein-mail"}))
    assert 'value="Olena"' in page
    assert "error-summary" in page
    assert not Feedback.objects.exists()


def test_feedback_rate_limit_per_sender(client, staff):
    url = f"/{staff.centre.slug}/de/barrierefreiheit/"
    for n in range(5):
        assert client.post(url, {"message": f"Nachricht {n}"}).status_code == 302
    page = html(client.post(url, {"message": "Noch eine"}))
    assert "in einer Stunde" in page
    assert Feedback.objects.count() == 5


def test_accessibility_statement_has_the_required_parts(client, staff):
    page = html(client.get(f"/{staff.centre.slug}/de/barrierefreiheit/"))
    assert "teilweise barrierefrei" in page  # status of conformity
    assert "Was ist noch nicht barrierefrei?" in page  # non-accessible content
    assert "26.11.2026" in page  # date
    assert '<form method="post"' in page and 'name="message"' in page  # feedback
    assert "ombudsstelle-barrierefreie-it@mags.nrw.de" in page  # enforcement procedure
    make_page(staff.centre, "barriers", {"de": ("Barrieren", "Die Videos haben keine Untertitel.")})
    page = html(client.get(f"/{staff.centre.slug}/de/barrierefreiheit/"))
    assert "Die Videos haben keine Untertitel." in page

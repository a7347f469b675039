"""Köln's demo site: built through the services, every address found, all seven languages
for the centre's pages, some offers left to the German fallback."""

from __future__ import annotations

import pytest

from teilhabe.portal import demo
from teilhabe.portal.models import DocumentLink, Event, Offer, PageTranslation
from teilhabe.portal.selectors import missing_translations

pytestmark = pytest.mark.django_db


def test_demo_fills_the_site_once(staff):
    assert demo.load(staff.centre, actor=staff.centre_admin) is True
    assert demo.load(staff.centre, actor=staff.centre_admin) is False
    offers = Offer.objects.filter(centre=staff.centre)
    assert offers.count() == len(demo.OFFERS) >= 40
    assert not offers.filter(latitude__isnull=True).exists()
    assert offers.exclude(district="").count() == offers.count()  # all in Köln's polygons
    assert set(offers.values_list("category", flat=True)) == {
        "german",
        "school",
        "vocational",
        "work",
        "advice",
        "leisure",
    }
    assert Event.objects.filter(centre=staff.centre).count() == len(demo.EVENTS)
    assert DocumentLink.objects.filter(centre=staff.centre).count() == 6
    for kind in ("about", "hours", "contact"):
        langs = PageTranslation.objects.filter(page__kind=kind).values_list("language", flat=True)
        assert sorted(langs) == sorted(["de", "en", "uk", "ar", "tr", "fa", "ru"])
    missing = missing_translations(staff.centre_admin)
    assert missing and all(m.kind in ("offer", "event") for m in missing)


def test_load_demo_builds_koelns_public_site(client):
    from io import StringIO

    from django.core.management import call_command
    from django.test import override_settings

    out = StringIO()
    with override_settings(DEMO=True):
        call_command("load_demo", "--children", "2", "--children-soest", "1", stdout=out)
    assert "öffentliche Seiten (Demo) angelegt" in out.getvalue()
    assert set(Offer.objects.values_list("centre__slug", flat=True)) == {"koeln"}
    page = client.get("/koeln/ar/").content.decode()
    assert "مركز الاندماج البلدي في كولونيا" in page

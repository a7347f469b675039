"""Staff writes of the public site: permission, one audit entry each, German required,
addresses geocoded (unknown postcodes refused), translations added and removed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from teilhabe.audit.models import AuditEntry
from teilhabe.portal import selectors
from teilhabe.portal.models import Offer, OfferTranslation, PageTranslation
from teilhabe.portal.services import content as services
from tests.portal.factories import make_offer

pytestmark = pytest.mark.django_db


def offer_kwargs(**extra):
    return {
        "category": "advice",
        "provider": "Caritas Köln",
        "street": "Venloer Straße 419",
        "postcode": "50825",
        "place": "Köln",
        "title": "Migrationsberatung",
        "languages": ["ar", "de"],
        **extra,
    }


def test_save_offer_geocodes_and_audits(staff):
    offer = services.save_offer(actor=staff.counsellor, **offer_kwargs())
    assert offer.centre == staff.centre
    assert offer.latitude and offer.longitude and offer.district  # Köln: a Stadtteil
    assert offer.languages == ["de", "ar"]  # in the list's order
    assert offer.translations.get().title == "Migrationsberatung"
    assert AuditEntry.objects.filter(action="portal.offer.saved").count() == 1


def test_unknown_postcode_is_refused_and_nothing_saved(staff):
    with pytest.raises(ValidationError) as exc:
        services.save_offer(actor=staff.counsellor, **offer_kwargs(postcode="99999"))
    assert "postcode" in exc.value.message_dict
    assert not Offer.objects.exists() and not AuditEntry.objects.exists()


def test_end_before_start_is_refused(staff):
    with pytest.raises(ValidationError) as exc:
        services.save_offer(
            actor=staff.counsellor,
            **offer_kwargs(starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 4, 1)),
        )
    assert "ends_on" in exc.value.message_dict


def test_unknown_offer_language_is_refused(staff):
    with pytest.raises(ValidationError):
        services.save_offer(actor=staff.counsellor, **offer_kwargs(languages=["xx"]))


@pytest.mark.parametrize("role", ["schulamt", "statistics", "school_staff", "council_office"])
def test_roles_without_the_permission_may_not_write(staff, role):
    with pytest.raises(PermissionDenied):
        services.save_offer(actor=staff.by_role(role), **offer_kwargs())


def test_another_centres_offer_cannot_be_changed(staff, other_staff):
    theirs = make_offer(other_staff.centre)
    with pytest.raises(PermissionDenied):
        services.save_offer(actor=staff.centre_admin, offer=theirs, **offer_kwargs())
    with pytest.raises(PermissionDenied):
        services.delete_offer(actor=staff.centre_admin, offer=theirs)
    with pytest.raises(PermissionDenied):
        services.save_translation(
            actor=staff.centre_admin, obj=theirs, language="uk", title="x", body=""
        )


def test_translations_are_added_changed_and_removed(staff):
    offer = make_offer(staff.centre)
    services.save_translation(
        actor=staff.counsellor, obj=offer, language="uk", title="Курс", body="", schedule="Пн"
    )
    text = OfferTranslation.objects.get(offer=offer, language="uk")
    assert (text.title, text.schedule) == ("Курс", "Пн")
    services.save_translation(
        actor=staff.counsellor, obj=offer, language="uk", title="Курс A1", body=""
    )
    assert OfferTranslation.objects.get(offer=offer, language="uk").title == "Курс A1"
    services.save_translation(actor=staff.counsellor, obj=offer, language="uk", title="", body="")
    assert not OfferTranslation.objects.filter(offer=offer, language="uk").exists()
    with pytest.raises(ValidationError):  # German stays: it is everybody's fallback
        services.save_translation(
            actor=staff.counsellor, obj=offer, language="de", title="", body=""
        )
    with pytest.raises(ValidationError):  # a text without a title
        services.save_translation(
            actor=staff.counsellor, obj=offer, language="ar", title="", body="نص"
        )
    assert AuditEntry.objects.filter(action="portal.translation.saved").count() == 3


def test_save_page_creates_the_page_once(staff):
    services.save_page(
        actor=staff.centre_admin, kind="about", language="de", title="Über uns", body="a"
    )
    services.save_page(
        actor=staff.centre_admin, kind="about", language="fa", title="درباره ما", body="b"
    )
    services.save_page(
        actor=staff.centre_admin, kind="about", language="de", title="Über uns", body="c"
    )
    assert PageTranslation.objects.filter(page__centre=staff.centre).count() == 2
    assert PageTranslation.objects.get(language="de").body == "c"
    with pytest.raises(ValidationError):
        services.save_page(
            actor=staff.centre_admin, kind="nonsense", language="de", title="x", body=""
        )


def test_missing_translations_name_each_object_and_language(staff, other_staff):
    offer = make_offer(staff.centre, texts={"de": "Kurs", "en": "Course"})
    make_offer(other_staff.centre, texts={"de": "Fremd"})
    rows = selectors.missing_translations(staff.counsellor)
    assert [(r.kind, r.obj, r.label) for r in rows] == [("offer", offer, "Kurs")]
    assert rows[0].languages == ["uk", "ar", "tr", "fa", "ru"]


def test_events_and_documents(staff):
    event = services.save_event(
        actor=staff.counsellor,
        starts_at=dt.datetime(2026, 12, 1, 18, tzinfo=dt.UTC),
        title="Infoabend",
        venue="Rathaus",
    )
    assert event.translations.get().title == "Infoabend"
    with pytest.raises(ValidationError):
        services.save_event(
            actor=staff.counsellor,
            starts_at=dt.datetime(2026, 12, 1, 18, tzinfo=dt.UTC),
            ends_at=dt.datetime(2026, 12, 1, 17, tzinfo=dt.UTC),
            title="x",
        )
    document = services.save_document(
        actor=staff.counsellor, url="https://recht.nrw.de/", title="Gesetz", order=5
    )
    services.delete_document(actor=staff.counsellor, document=document)
    services.delete_event(actor=staff.counsellor, event=event)
    codes = list(AuditEntry.objects.values_list("action", flat=True).order_by("pk"))
    assert codes == [
        "portal.event.saved",
        "portal.document.saved",
        "portal.document.deleted",
        "portal.event.deleted",
    ]

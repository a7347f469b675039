"""The organisation registry: personal link, self-service, yearly confirmation, hiding."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.engagement.models import Organisation
from teilhabe.engagement.selectors import organisations_for_user, public_organisations
from teilhabe.engagement.services import (
    create_organisation,
    organisation_by_link,
    organisation_link,
    send_organisation_link,
    update_organisation_by_link,
)
from teilhabe.engagement.services.jobs import run_all
from teilhabe.notify.models import OutboxMail
from tests.engagement.factories import make_organisation

pytestmark = pytest.mark.django_db

VALUES = {
    "name": "Afghanischer Kulturverein Köln-Kalk",
    "kind": "mso",
    "email": "Info@Kulturverein-Kalk.example.org",
    "postcode": "51103",
    "city": "Köln",
    "languages": ["fa", "ps"],
    "fields_of_work": ["culture", "parents"],
    "districts": ["Kalk", "Humboldt/Gremberg"],
    "contact_persons": [{"name": "Farid N.", "role": "Vorstand", "consent": True}],
}


def token_of(organisation):
    return organisation_link(organisation).rstrip("/").rsplit("/", 1)[-1]


def test_create_sends_the_personal_link_and_places_it_on_the_map(staff):
    org = create_organisation(actor=staff.counsellor, values=VALUES, is_public=True)
    assert org.email == "info@kulturverein-kalk.example.org"
    assert org.lat and org.lon
    assert org.contact_persons[0]["consent_at"]
    mail = OutboxMail.objects.get(topic=f"engagement.organisation:{org.pk}")
    token = re.search(r"/organisation/([^/]+)/", mail.body).group(1)
    assert organisation_by_link(token) == org
    assert list(public_organisations(staff.centre)) == [org]


def test_bad_email_and_contact_without_consent_save_nothing(staff):
    with pytest.raises(ValidationError) as exc:
        create_organisation(actor=staff.counsellor, values={**VALUES, "email": "info@verein"})
    assert "email" in exc.value.message_dict
    bad_contact = {**VALUES, "contact_persons": [{"name": "X", "consent": False}]}
    with pytest.raises(ValidationError):
        create_organisation(actor=staff.counsellor, values=bad_contact)
    assert not Organisation.objects.exists()
    assert not OutboxMail.objects.exists()


def test_duplicate_name_is_a_clear_error(staff):
    create_organisation(actor=staff.counsellor, values=VALUES)
    with pytest.raises(ValidationError) as exc:
        create_organisation(actor=staff.counsellor, values=VALUES)
    assert "schon eingetragen" in str(exc.value)


def test_link_update_confirms_and_renewed_link_retires_old(staff):
    org = make_organisation(staff.centre, confirmed_at=timezone.now() - dt.timedelta(days=800))
    token = token_of(org)
    updated = update_organisation_by_link(token=token, values={"website": "https://x.example.org"})
    assert updated.website == "https://x.example.org"
    assert updated.confirmed_at > timezone.now() - dt.timedelta(minutes=1)
    assert AuditEntry.objects.filter(action="engagement.organisation.self_updated").exists()
    send_organisation_link(actor=staff.centre_admin, organisation=org, renew=True)
    with pytest.raises(Organisation.DoesNotExist):
        organisation_by_link(token)
    with pytest.raises(Organisation.DoesNotExist):
        organisation_by_link("garbage")


def test_other_centres_organisations_are_invisible(staff, other_staff):
    make_organisation(other_staff.centre)
    assert not organisations_for_user(staff.counsellor).exists()


def test_time_travel_yearly_request_then_hidden_after_two_years(staff):
    start = timezone.now()
    org = make_organisation(staff.centre, confirmed_at=start)
    assert run_all(start + dt.timedelta(days=100)).confirmation_requests == 0
    report = run_all(start + dt.timedelta(days=366))
    assert report.confirmation_requests == 1
    assert run_all(start + dt.timedelta(days=400)).confirmation_requests == 0  # once a year
    later = start + dt.timedelta(days=731)
    assert public_organisations(staff.centre, now=later).count() == 0  # even before the job
    report = run_all(later)
    assert report.hidden == 1
    org.refresh_from_db()
    assert org.hidden_at is not None
    # the organisation confirms: public again
    from teilhabe.engagement.services import confirm_organisation

    confirm_organisation(token=token_of(org))
    assert public_organisations(staff.centre).count() == 1

"""Public pages (no login, consented fields only) and the office's packet PDF."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.utils import timezone

from teilhabe.integrationsrat import demo, services
from tests.integrationsrat.conftest import SECRET, build_council

pytestmark = pytest.mark.django_db


def test_public_members_show_only_consented_fields(staff):
    c = build_council(staff.council_office)
    html = Client().get(f"/{staff.centre.slug}/integrationsrat/mitglieder/").content.decode()
    assert "Gewählt0 Mitglied0" in html
    assert "Mitglied1" not in html  # no consent to publish the name
    assert "1 weiteres Mitglied" in html
    person = c.members[2].person
    type(person).objects.filter(pk=person.pk).update(consent_group=False)
    assert Client().get(f"/{staff.centre.slug}/integrationsrat/mitglieder/").status_code == 200


def test_unpublished_meetings_and_unknown_centres_are_404(staff):
    c = build_council(staff.council_office)
    start = timezone.now()
    draft = services.create_meeting(
        actor=c.office, name="Entwurf", start=start, end=start + timezone.timedelta(hours=1)
    )
    client = Client()
    assert (
        client.get(f"/{staff.centre.slug}/integrationsrat/sitzung/{draft.pk}/").status_code == 404
    )
    assert client.get(f"/oparl/v1/meeting/{draft.pk}/").status_code == 404
    assert client.get("/gibtsnicht/integrationsrat/").status_code == 404


def test_public_search_finds_public_papers_by_text(staff):
    build_council(staff.council_office)
    client = Client()
    html = client.get(
        f"/{staff.centre.slug}/integrationsrat/vorlagen/", {"q": "Antragstext"}
    ).content.decode()
    assert "IR/1/2026" in html
    html = client.get(
        f"/{staff.centre.slug}/integrationsrat/vorlagen/", {"q": "Öffentlichkeit"}
    ).content.decode()
    assert "IR/2/2026" not in html and "Keine Vorlagen gefunden" in html


def test_the_packet_holds_invitation_agenda_papers_and_attachments(staff, login):
    from pypdf import PdfReader

    c = build_council(staff.council_office)
    response = login(staff.council_office).get(
        f"/integrationsrat/sitzungen/{c.meeting.pk}/mappe.pdf"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Einladung" in text and "Tagesordnung" in text
    assert "Antrag Mehrsprachigkeit" in text and "Öffentlicher Antragstext" in text
    # members get the non-public part too, marked as such
    assert SECRET in text and "nichtöffentlich" in text
    # the two attached one-page PDFs are appended after the rendered pages
    rendered = len(reader.pages) - 2
    assert rendered >= 2


def test_demo_builds_a_koeln_like_council(staff):
    from teilhabe.integrationsrat.models import LegislativeTerm, Meeting, Membership

    assert demo.load(staff.centre, actor=staff.council_office) is True
    assert demo.load(staff.centre, actor=staff.council_office) is False  # idempotent
    current = LegislativeTerm.objects.get(name="Wahlperiode 2025–2030")
    voting = Membership.objects.filter(term=current).exclude(role="deputy_member")
    assert voting.filter(kind="elected").count() == 22
    assert voting.filter(kind="council").count() == 11
    assert LegislativeTerm.objects.filter(centre=staff.centre).count() == 2
    assert Meeting.objects.filter(invitation_published_at__isnull=False).count() == 3
    assert Meeting.objects.filter(agenda_items__public=False).exists()
    html = Client().get(f"/{staff.centre.slug}/integrationsrat/").content.decode()
    assert "Kommende Sitzungen" in html and "3. Sitzung des Integrationsrats" in html


def test_start_page_tile_shows_the_next_meeting(staff, login):
    build_council(staff.council_office)
    html = login(staff.council_office).get("/").content.decode()
    assert "Nächste Sitzung" in html and "3. Sitzung des Integrationsrats" in html
    html = login(staff.schulamt).get("/").content.decode()
    assert "Nächste Sitzung" not in html


def test_office_forms_show_service_errors_in_german(staff, login):
    build_council(staff.council_office)
    client = login(staff.council_office)
    response = client.post(
        "/integrationsrat/sitzungen/neu/",
        {"name": "S", "start": "2027-01-10T18:00", "end": "2027-01-10T17:00"},
    )
    assert response.status_code == 200
    assert "Das Ende der Sitzung muss nach dem Beginn liegen." in response.content.decode()


def test_withdrawn_consent_takes_the_name_off_at_once(staff, login):
    c = build_council(staff.council_office)
    person = c.members[0].person
    client = login(staff.council_office)
    response = client.post(
        f"/integrationsrat/personen/{person.pk}/",
        {"given_name": person.given_name, "family_name": person.family_name},
    )
    assert response.status_code == 302
    anonymous = Client()
    html = anonymous.get(f"/{staff.centre.slug}/integrationsrat/mitglieder/").content.decode()
    assert person.family_name not in html
    stub = anonymous.get(f"/oparl/v1/person/{person.pk}/").json()
    assert stub["deleted"] is True and person.family_name not in str(stub)
    memberships = anonymous.get(
        f"/oparl/v1/body/{staff.centre.slug}/membership/",
        {"modified_since": c.members[-1].modified.isoformat()},
    ).json()["data"]
    assert {"id", "type", "deleted", "created", "modified"} == set(
        next(m for m in memberships if m["id"].endswith(f"/membership/{c.members[0].pk}/"))
    )


def test_readers_of_the_office_pages_never_see_the_non_public_part(staff, login):
    from pypdf import PdfReader

    c = build_council(staff.council_office)
    client = login(staff.statistics)
    html = client.get(f"/integrationsrat/sitzungen/{c.meeting.pk}/").content.decode()
    assert "Mehrsprachigkeit" in html and SECRET not in html
    assert client.get(f"/integrationsrat/vorlagen/{c.secret_paper.pk}/").status_code == 404
    assert client.get(f"/integrationsrat/dateien/{c.secret_file.pk}/").status_code == 404
    assert "IR/2/2026" not in client.get("/integrationsrat/vorlagen/").content.decode()
    pdf = client.get(f"/integrationsrat/sitzungen/{c.meeting.pk}/mappe.pdf").content
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Antrag Mehrsprachigkeit" in text and SECRET not in text
    services.save_minutes(
        actor=c.office, meeting=c.meeting, text=f"Intern: {SECRET}", public_text="Öffentlich"
    )
    html = client.get(f"/integrationsrat/sitzungen/{c.meeting.pk}/niederschrift/").content.decode()
    assert "Öffentlich" in html and SECRET not in html
    office = login(staff.council_office)
    assert SECRET in office.get(f"/integrationsrat/sitzungen/{c.meeting.pk}/").content.decode()

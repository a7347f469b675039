"""A small council built through the services: a term with members, a location, papers
(one non-public, with a file), a published meeting with a public and a non-public item."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from teilhabe.integrationsrat import services
from teilhabe.integrationsrat.choices import MembershipKind, MembershipRole, PaperType

SECRET = "Geheimsache Vertragsverlängerung"
SECRET_PAPER = "Vertrauliche Personalvorlage"
SECRET_FILE = "Gutachten vertraulich"


def pdf_upload(name: str = "anlage.pdf", text: str = "Anlage") -> SimpleUploadedFile:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": text})
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


@dataclass
class Council:
    office: Any
    term: Any
    location: Any
    meeting: Any
    public_item: Any
    secret_item: Any
    public_paper: Any
    secret_paper: Any
    public_file: Any
    secret_file: Any
    members: list[Any] = field(default_factory=list)


def build_council(office: Any, *, elected: int = 4, council: int = 2) -> Council:
    today = timezone.localdate()
    term = services.create_term(
        actor=office,
        name="Wahlperiode 2025–2030",
        start_date=today - dt.timedelta(days=200),
        end_date=today + dt.timedelta(days=1500),
    )
    members = []
    for i in range(elected):
        members.append(
            services.add_member(
                actor=office,
                term=term,
                role=MembershipRole.CHAIR if i == 0 else MembershipRole.MEMBER,
                kind=MembershipKind.ELECTED,
                group="Liste Vielfalt",
                start_date=term.start_date,
                given_name=f"Gewählt{i}",
                family_name=f"Mitglied{i}",
                consent_name=i != 1,
                consent_group=True,
            )
        )
    for i in range(council):
        members.append(
            services.add_member(
                actor=office,
                term=term,
                role=MembershipRole.MEMBER,
                kind=MembershipKind.COUNCIL,
                group="Ratsfraktion",
                start_date=term.start_date,
                given_name=f"Rat{i}",
                family_name=f"Entsandt{i}",
                consent_name=True,
            )
        )
    location = services.create_location(
        actor=office,
        description="Rathaus",
        street_address="Rathausplatz 2",
        postal_code="50667",
        locality="Köln",
        latitude=50.938,
        longitude=6.959,
    )
    public_paper = services.create_paper(
        actor=office,
        reference="IR/1/2026",
        name="Antrag Mehrsprachigkeit",
        paper_type=PaperType.MOTION,
        date=today,
        text="Öffentlicher Antragstext",
    )
    secret_paper = services.create_paper(
        actor=office,
        reference="IR/2/2026",
        name=SECRET_PAPER,
        paper_type=PaperType.SUBMISSION,
        date=today,
        text="Nicht für die Öffentlichkeit",
        public=False,
    )
    public_file = services.attach_file(
        actor=office, paper=public_paper, upload=pdf_upload(), name="Begründung", main=True
    )
    secret_file = services.attach_file(
        actor=office, paper=secret_paper, upload=pdf_upload("geheim.pdf"), name=SECRET_FILE
    )
    start = timezone.now() + dt.timedelta(days=7)
    meeting = services.create_meeting(
        actor=office,
        name="3. Sitzung des Integrationsrats",
        start=start,
        end=start + dt.timedelta(hours=2),
        location=location,
    )
    public_item = services.add_agenda_item(
        actor=office, meeting=meeting, name="Mehrsprachigkeit", paper=public_paper
    )
    secret_item = services.add_agenda_item(
        actor=office, meeting=meeting, name=SECRET, public=False, paper=secret_paper
    )
    services.publish_invitation(actor=office, meeting=meeting)
    return Council(
        office=office,
        term=term,
        location=location,
        meeting=meeting,
        public_item=public_item,
        secret_item=secret_item,
        public_paper=public_paper,
        secret_paper=secret_paper,
        public_file=public_file,
        secret_file=secret_file,
        members=members,
    )


@pytest.fixture
def council(staff) -> Council:
    return build_council(staff.council_office)

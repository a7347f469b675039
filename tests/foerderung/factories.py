"""Funding objects for tests, built through the services where the rules matter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from teilhabe.engagement.models import Organisation
from teilhabe.foerderung import formdef, services
from teilhabe.foerderung.choices import ApplicationStatus, CallStatus
from teilhabe.foerderung.models import Application, Call, FundingYear

YEAR = 2026
TODAY = dt.date(2026, 3, 1)

ROOM_FORM = formdef.parse(
    "Text | Titel des Vorhabens | Pflicht | kurz\nLangtext | Beschreibung | Pflicht",
    "Satzung | optional",
    "Miete | Kaltmiete und Nebenkosten\nAusstattung",
)


def funding_year(actor: Any, *, grants: dict[str, int] | None = None) -> FundingYear:
    return services.create_year(
        actor=actor,
        year=YEAR,
        period_start=dt.date(YEAR, 1, 1),
        period_end=dt.date(YEAR, 12, 31),
        grants=grants or {"A": 50_000_00, "B": 40_000_00, "C": 20_000_00, "D": 20_000_00},
    )


def room_call(actor: Any, year: FundingYear, **overrides: Any) -> Call:
    values = {
        "baustein": "A",
        "title": "Ankommenstreffpunkte 2026",
        "description": "Räume für Ankommenstreffpunkte",
        "financing_type": "fixed",
        "flat_amount": 3_000_00,
        "unit_label": "Raum",
        "max_units": 2,
        "opens_on": dt.date(YEAR, 1, 1),
        "deadline": dt.date(YEAR, 6, 30),
        "proof_due_days": 90,
    } | overrides
    call = services.create_call(actor=actor, year=year, values=values, form=ROOM_FORM)
    return services.set_call_status(actor=actor, call=call, status=CallStatus.OPEN)


def organisation(centre: Any, name: str = "Kulturverein Ehrenfeld e. V.") -> Organisation:
    return Organisation.objects.create(
        centre=centre, name=name, kind="club", email=f"{abs(hash(name)) % 10**6}@verein.example"
    )


def application(
    call: Call, *, name: str = "Kulturverein Ehrenfeld e. V."
) -> tuple[Application, str]:
    return services.start_application(
        call=call,
        organisation_name=name,
        organisation_email=f"{abs(hash(name)) % 10**6}@verein.example",
        organisation_kind="club",
        contact_name="Ayşe Yılmaz",
        contact_email="ayse@verein.example",
        today=TODAY,
    )


def fill_rooms(app: Application, rooms: int = 2, **kw: Any) -> services.Saved:
    flat = app.call.flat_amount
    values: dict[str, Any] = dict(
        application=app,
        answers={"titel_des_vorhabens": "Treffpunkt", "beschreibung": "Zwei Räume"},
        cost_plan={"miete": rooms * flat, "ausstattung": 500_00},
        own_funds=500_00,
        third_party=0,
        requested=rooms * flat,
        units=rooms,
        de_minimis=[],
        de_minimis_declared=True,
        submit=True,
        today=TODAY,
    )
    values.update(kw)
    return services.save_application(**values)


def reviewed(staff: Any, call: Call, *, name: str = "Verein", rooms: int = 2) -> Application:
    """An application through formal check and content review by the counsellor."""
    app, _ = application(call, name=name)
    fill_rooms(app, rooms)
    services.review(actor=staff.counsellor, application=app, step="formal_ok")
    services.review(actor=staff.counsellor, application=app, step="passed")
    app.refresh_from_db()
    assert app.status == ApplicationStatus.REVIEWED
    return app


def matrix_objects(staff: Any) -> dict[str, Any]:
    """A year, an open call, a reviewed application with an attachment and a payment
    request, and an approved one behind a known personal link (for the URL matrix; written
    directly, without PDFs, to keep the matrix fast)."""
    from django.core.files.base import ContentFile

    from teilhabe.foerderung.models import (
        Attachment,
        BausteinBudget,
        DecisionLetter,
        FormVersion,
        LetterTemplate,
        PaymentRequest,
        ProofOfUse,
    )

    centre = staff.centre
    year = FundingYear.objects.create(
        centre=centre, year=YEAR, period_start=dt.date(YEAR, 1, 1), period_end=dt.date(YEAR, 12, 31)
    )
    for b in "ABCD":
        BausteinBudget.objects.create(year=year, baustein=b)
    call = Call.objects.create(
        centre=centre,
        year=year,
        baustein="A",
        title="Ankommenstreffpunkte",
        description="Räume",
        financing_type="fixed",
        flat_amount=3_000_00,
        unit_label="Raum",
        max_units=2,
        opens_on=dt.date(2020, 1, 1),
        deadline=dt.date(2099, 12, 31),
        status=CallStatus.OPEN,
    )
    version = FormVersion.objects.create(
        call=call, number=1, definition=ROOM_FORM, created_by=staff.centre_admin
    )
    org = organisation(centre)
    token = f"token-{centre.slug}"

    def make(status: str, token: str) -> Application:
        return Application.objects.create(
            centre=centre,
            call=call,
            form_version=version,
            organisation=org,
            reference=f"KA-{centre.slug}-{status}",
            status=status,
            contact_name="Ayşe Yılmaz",
            contact_email="ayse@verein.example",
            token_hash=services.token_hash(token),
            requested=6_000_00,
            units=2,
            approved=6_000_00 if status == ApplicationStatus.APPROVED else None,
            proof_due=dt.date(YEAR + 1, 3, 31),
        )

    reviewed_app = make(ApplicationStatus.REVIEWED, f"r-{token}")
    attachment = Attachment(
        application=reviewed_app, key="satzung", label="Satzung", original_name="s.pdf"
    )
    attachment.file.save("matrix.pdf", ContentFile(b"%PDF-1.4 Satzung"), save=True)
    approved_app = make(ApplicationStatus.APPROVED, token)
    template = LetterTemplate.objects.create(
        centre=centre,
        kind="approval",
        version=1,
        subject="Bescheid",
        body="x",
        created_by=staff.centre_admin,
    )
    DecisionLetter.objects.create(
        application=reviewed_app, template=template, pdf=b"%PDF-1.4 x", sent_to="a@b.de"
    )
    DecisionLetter.objects.create(
        application=approved_app, template=template, pdf=b"%PDF-1.4 x", sent_to="a@b.de"
    )
    ProofOfUse.objects.create(application=approved_app)
    payment = PaymentRequest.objects.create(application=approved_app, amount=100_00)
    return {
        "year": year,
        "call": call,
        "application": reviewed_app,
        "approved": approved_app,
        "attachment": attachment,
        "payment": payment,
        "token": token,
    }

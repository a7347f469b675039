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


def application(call: Call, *, name: str = "Kulturverein Ehrenfeld e. V.") -> tuple[Application, str]:
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

"""The funding pipeline through the services: apply, review, four eyes, decide, pay, prove."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from teilhabe.audit.models import AuditEntry
from teilhabe.foerderung import services
from teilhabe.foerderung.choices import ApplicationStatus, ProofStatus
from teilhabe.foerderung.models import Application, DecisionLetter, LedgerEntry, Snapshot
from teilhabe.notify.models import OutboxMail
from tests.foerderung.factories import (
    TODAY,
    application,
    fill_rooms,
    funding_year,
    reviewed,
    room_call,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(staff):
    return room_call(staff.centre_admin, funding_year(staff.centre_admin))


def test_start_mails_the_link_and_only_the_hash_is_stored(call):
    app, token = application(call)
    assert app.token_hash == services.token_hash(token) and token not in app.token_hash
    mail = OutboxMail.objects.get(topic=f"foerderung.application:{app.pk}")
    assert token in mail.body and mail.to == ["ayse@verein.example"] or token in str(mail.to)


def test_three_rooms_are_refused_and_nothing_is_saved(call):
    app, _ = application(call)
    with pytest.raises(ValidationError) as exc:
        fill_rooms(app, rooms=3)
    assert "Höchstens 2 × Raum" in str(exc.value.message_dict["units"])
    app.refresh_from_db()
    assert app.status == ApplicationStatus.DRAFT and app.units == 0 and app.answers == {}
    assert not Snapshot.objects.exists()


def test_a_plan_that_does_not_add_up_is_refused(call):
    app, _ = application(call)
    with pytest.raises(ValidationError) as exc:
        fill_rooms(app, own_funds=0)
    assert "geht nicht auf" in str(exc.value)
    assert Application.objects.get(pk=app.pk).requested == 0


def test_required_attachment_and_fields_on_submit(call, staff):
    from teilhabe.foerderung import formdef

    services.save_form_version(
        actor=staff.centre_admin,
        call=call,
        definition=formdef.parse(
            "Text | Titel des Vorhabens | Pflicht", "Satzung | Pflicht", "Miete\nAusstattung"
        ),
    )
    app, _ = application(call, name="Neuer Verein")
    assert app.form_version.number == 2
    with pytest.raises(ValidationError, match="Satzung"):
        fill_rooms(app)
    services.add_attachment(
        application=app,
        key="satzung",
        upload=SimpleUploadedFile("s.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
    )
    assert fill_rooms(app).application.status == ApplicationStatus.SUBMITTED


def test_de_minimis_above_the_ceiling_warns(call):
    app, _ = application(call)
    saved = fill_rooms(
        app, de_minimis=[{"date": "2025-05-01", "grantor": "Bund", "amount": 298_000_00}]
    )
    assert "300.000,00 €" in saved.warnings[0]


def test_pipeline_with_four_eyes_snapshots_and_letter(call, staff):
    app, _ = application(call)
    fill_rooms(app)
    reviewer, admin = staff.counsellor, staff.centre_admin
    services.review(
        actor=reviewer, application=app, step="changes", note="Bitte Mietvertrag nennen"
    )
    app.refresh_from_db()
    assert app.status == ApplicationStatus.CHANGES_REQUESTED
    fill_rooms(app, rooms=1)
    services.review(actor=reviewer, application=app, step="formal_ok")
    services.review(actor=reviewer, application=app, step="passed")
    # a centre admin who reviewed may not decide either
    with pytest.raises(PermissionDenied):
        services.decide(actor=reviewer, application=app, approve=True)
    Application.objects.filter(pk=app.pk).update(reviewed_by=admin)
    with pytest.raises(ValidationError, match="Vier-Augen"):
        services.decide(actor=admin, application=app, approve=True)
    Application.objects.filter(pk=app.pk).update(reviewed_by=reviewer)
    services.decide(
        actor=admin, application=app, approve=True, conditions="Nachweis des Mietvertrags"
    )
    app.refresh_from_db()
    assert app.status == ApplicationStatus.APPROVED and app.approved == 3_000_00
    assert app.proof_due == dt.date(2027, 3, 31)
    steps = list(Snapshot.objects.filter(application=app).values_list("to_status", "data__units"))
    assert steps == [
        ("submitted", 2),
        ("changes_requested", 2),
        ("submitted", 1),
        ("formally_checked", 1),
        ("reviewed", 1),
        ("approved", 1),
    ]
    letter = DecisionLetter.objects.get(application=app)
    assert bytes(letter.pdf).startswith(b"%PDF") and letter.template.version == 1
    assert AuditEntry.objects.filter(action="foerderung.application.decided").count() == 1


def test_reject_needs_reasons(call, staff):
    app = reviewed(staff, call)
    with pytest.raises(ValidationError):
        services.decide(actor=staff.centre_admin, application=app, approve=False)
    services.decide(
        actor=staff.centre_admin, application=app, approve=False, reasons="Kein Bezug zu Baustein A"
    )
    assert Application.objects.get(pk=app.pk).status == ApplicationStatus.REJECTED
    assert not LedgerEntry.objects.filter(application=app).exists()


def test_commitment_above_the_budget_is_refused(staff):
    year = funding_year(staff.centre_admin, grants={"A": 9_000_00})
    call = room_call(staff.centre_admin, year)
    first = reviewed(staff, call, name="Eins")
    second = reviewed(staff, call, name="Zwei")
    services.decide(actor=staff.centre_admin, application=first, approve=True)
    with pytest.raises(ValidationError, match="Nicht genug Mittel"):
        services.decide(actor=staff.centre_admin, application=second, approve=True)
    assert Application.objects.get(pk=second.pk).status == ApplicationStatus.REVIEWED
    assert not DecisionLetter.objects.filter(application=second).exists()


def test_payments_and_proof_with_repayment(call, staff):
    app = reviewed(staff, call)
    services.decide(
        actor=staff.centre_admin,
        application=app,
        approve=True,
        amount=5_000_00,
        reasons="Ausstattung nicht förderfähig",
    )
    with pytest.raises(ValidationError, match="Abrufbar sind noch 5.000,00 €"):
        services.request_payment(application=app, amount=5_000_01)
    first = services.request_payment(application=app, amount=3_000_00)
    with pytest.raises(ValidationError, match="2.000,00 €"):
        services.request_payment(application=app, amount=2_500_00)
    services.pay(actor=staff.centre_admin, payment=first)
    with pytest.raises(ValidationError):
        services.pay(actor=staff.centre_admin, payment=first)
    second = services.request_payment(application=app, amount=2_000_00)
    services.pay(actor=staff.centre_admin, payment=second)
    with pytest.raises(ValidationError, match="außerhalb des Förderzeitraums"):
        services.add_receipt(
            application=app,
            date=dt.date(2025, 12, 31),
            payee="Vermieter",
            purpose="Miete",
            amount=100_00,
        )
    services.add_receipt(
        application=app,
        date=dt.date(2026, 2, 1),
        payee="GAG Immobilien AG",
        purpose="Miete Februar",
        amount=4_200_00,
    )
    services.submit_proof(application=app, report="Zwei Treffen pro Woche, 40 Besucher.")
    proof = services.check_proof(actor=staff.centre_admin, application=app)
    assert proof.status == ProofStatus.REPAYMENT and proof.repayment == 800_00
    balance = services.balance_of(
        LedgerEntry.objects.filter(application=app).first().budget, application=app
    )
    assert (balance.committed, balance.paid, balance.repaid) == (4_200_00, 5_000_00, 800_00)
    assert Application.objects.get(pk=app.pk).status == ApplicationStatus.CLOSED
    assert OutboxMail.objects.filter(subject__startswith="Rückforderung").count() == 1


def test_letter_templates_are_versioned_and_placeholders_checked(staff, call):
    with pytest.raises(ValidationError, match="Unbekannte Platzhalter"):
        services.save_letter_template(
            actor=staff.centre_admin, kind="approval", subject="Bescheid {foo}", body="x"
        )
    services.save_letter_template(
        actor=staff.centre_admin,
        kind="approval",
        subject="Bescheid {reference}",
        body="Bewilligt: {amount}",
    )
    app = reviewed(staff, call)
    services.decide(actor=staff.centre_admin, application=app, approve=True)
    letter = DecisionLetter.objects.get(application=app)
    assert letter.template.version == 1 and letter.template.subject == "Bescheid {reference}"


def test_applying_after_the_deadline_is_refused(call):
    with pytest.raises(ValidationError):
        services.start_application(
            call=call,
            organisation_name="Spät e. V.",
            organisation_email="spaet@example.org",
            organisation_kind="club",
            contact_name="X",
            contact_email="x@example.org",
            today=dt.date(2026, 7, 1),
        )
    assert call.deadline > TODAY

"""Grant files at a frozen "now": ten years after closing the personal data goes, the
money trail (ledger, amounts, statuses) stays; open files are never touched."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from teilhabe.audit.retention import apply_retention
from teilhabe.core.registry import years
from teilhabe.foerderung import services
from teilhabe.foerderung.choices import ApplicationStatus, ReminderKind
from teilhabe.foerderung.models import (
    Application,
    Attachment,
    DecisionLetter,
    LedgerEntry,
    PaymentRequest,
    ProofOfUse,
    Receipt,
    ReminderSent,
    Snapshot,
)
from tests.foerderung.factories import application, fill_rooms, funding_year, room_call

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 x", content_type="application/pdf")


def _ledger(app: Application) -> list[tuple[str, int, str]]:
    return list(
        LedgerEntry.objects.filter(application=app)
        .order_by("pk")
        .values_list("kind", "amount", "note")
    )


@pytest.fixture
def files(staff):
    """At T0: a grant with its proof checked, a rejected application, an approved grant
    whose proof is still open, an application under review and a draft never submitted."""
    admin = staff.centre_admin
    call = room_call(admin, funding_year(admin))

    def reviewed(name: str, *, attachment: bool = False) -> Application:
        app, _ = application(call, name=name)
        if attachment:
            services.add_attachment(application=app, key="satzung", upload=_pdf("satzung.pdf"))
        fill_rooms(app, rooms=1)
        services.review(actor=staff.counsellor, application=app, step="formal_ok", note="ok")
        services.review(actor=staff.counsellor, application=app, step="passed")
        return app

    closed = reviewed("Kulturverein Ehrenfeld e. V.", attachment=True)
    services.decide(actor=admin, application=closed, approve=True, amount=3_000_00)
    payment = services.request_payment(
        application=closed, amount=3_000_00, purpose="Miete für Frau Yılmaz"
    )
    services.pay(actor=admin, payment=payment)
    services.add_receipt(
        application=closed,
        date=dt.date(2026, 2, 1),
        payee="Hans Becker (Vermieter)",
        purpose="Miete Februar",
        amount=2_500_00,
    )
    services.submit_proof(application=closed, report="40 Besucher", upload=_pdf("bericht.pdf"))
    services.check_proof(actor=admin, application=closed)
    ReminderSent.objects.create(
        application=closed, kind=ReminderKind.BEFORE, due_date=dt.date(2027, 3, 31)
    )

    rejected = reviewed("Nachbarschaftshilfe Kalk")
    services.decide(actor=admin, application=rejected, approve=False, reasons="Kein Bezug")

    granted = reviewed("Begegnungscafé Mülheim", attachment=True)
    services.decide(actor=admin, application=granted, approve=True, amount=3_000_00)
    under_review = reviewed("Sportverein Porz")

    draft, _ = application(call, name="Elternverein Nippes")
    services.add_attachment(application=draft, key="satzung", upload=_pdf("entwurf.pdf"))

    apps = {
        "closed": closed,
        "rejected": rejected,
        "granted": granted,
        "under_review": under_review,
        "draft": draft,
    }
    for app in apps.values():
        app.refresh_from_db()
    proof = ProofOfUse.objects.get(application=closed)
    assert proof.report_file and closed.status == ApplicationStatus.CLOSED
    return apps | {"t0": timezone.now(), "proof_file": proof.report_file.name}


def _personal(app: Application) -> tuple:
    app.refresh_from_db()
    return (app.contact_name, app.contact_email, app.answers, app.de_minimis, app.review_note)


def test_a_file_closed_nine_years_ago_is_untouched(files, django_capture_on_commit_callbacks):
    before = {k: _personal(v) for k, v in files.items() if isinstance(v, Application)}
    attachments = Attachment.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(now=files["t0"] + years(9))
    assert {k: _personal(files[k]) for k in before} == before
    assert Attachment.objects.count() == attachments
    assert Receipt.objects.get().payee == "Hans Becker (Vermieter)"
    assert default_storage.exists(files["proof_file"])
    # only the record of reminders goes a year after closing
    assert not ReminderSent.objects.exists()


def test_ten_years_after_closing_the_personal_data_goes_and_the_money_stays(
    files, django_capture_on_commit_callbacks
):
    closed, rejected = files["closed"], files["rejected"]
    ledger = _ledger(closed)
    budget = LedgerEntry.objects.filter(application=closed).first().budget
    balance = services.balance_of(budget, application=closed)
    overall = services.balance_of(budget)
    open_apps = {k: _personal(files[k]) for k in ("granted", "under_review", "draft")}
    open_files = {
        name
        for name in Attachment.objects.exclude(application=closed).values_list("file", flat=True)
    }
    closed_file = Attachment.objects.get(application=closed).file.name

    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(now=files["t0"] + years(10) + DAY)

    for app in (closed, rejected):
        assert _personal(app) == ("", "", {}, [], "")
    assert (closed.status, closed.approved, closed.reference) == (
        ApplicationStatus.CLOSED,
        3_000_00,
        files["closed"].reference,
    )
    assert rejected.status == ApplicationStatus.REJECTED and rejected.reasons == "Kein Bezug"
    # the money trail: every booking and every balance as before
    assert _ledger(closed) == ledger
    assert services.balance_of(budget, application=closed) == balance
    assert services.balance_of(budget) == overall
    payment = PaymentRequest.objects.get(application=closed)
    assert (payment.purpose, payment.amount, payment.paid_at is not None) == ("", 3_000_00, True)
    receipt = Receipt.objects.get()
    assert (receipt.payee, receipt.purpose, receipt.amount) == ("", "", 2_500_00)
    proof = ProofOfUse.objects.get(application=closed)
    assert (proof.report, proof.report_file.name, proof.spent) == ("", "", 2_500_00)
    assert not default_storage.exists(files["proof_file"])
    for letter in DecisionLetter.objects.filter(application__in=[closed, rejected]):
        assert (bytes(letter.pdf), letter.sent_to) == (b"", "")
    assert set(Snapshot.objects.filter(application=closed).values_list("note", flat=True)) == {""}
    assert set(
        str(d) for d in Snapshot.objects.filter(application=closed).values_list("data", flat=True)
    ) == {"{}"}
    assert not Attachment.objects.filter(application=closed).exists()
    assert not default_storage.exists(closed_file)
    # open files (and the draft, closed only a year after it was started) are untouched
    assert {k: _personal(files[k]) for k in open_apps} == open_apps
    assert set(Attachment.objects.values_list("file", flat=True)) == open_files
    assert DecisionLetter.objects.get(application=files["granted"]).sent_to
    assert Snapshot.objects.filter(application=files["granted"]).exclude(data={}).exists()

    # a second run finds nothing left to do
    again = apply_retention(now=files["t0"] + years(10) + DAY)
    assert not [r for r in again if r.model.startswith("foerderung.") and r.rows]


def test_an_open_file_is_never_touched(files):
    apply_retention(now=files["t0"] + years(30))
    for key in ("granted", "under_review"):
        app = files[key]
        assert _personal(app)[:2] == ("Ayşe Yılmaz", "ayse@verein.example")
    assert Attachment.objects.filter(application=files["granted"]).exists()
    assert DecisionLetter.objects.get(application=files["granted"]).sent_to


def test_a_draft_abandoned_long_ago_goes(files, django_capture_on_commit_callbacks):
    draft = files["draft"]
    name = Attachment.objects.get(application=draft).file.name
    with django_capture_on_commit_callbacks(execute=True):
        results = apply_retention(now=files["t0"] + years(11) + DAY)
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not default_storage.exists(name)
    assert Application.objects.filter(pk=files["granted"].pk).exists()
    assert not [r for r in results if r.skipped and r.model.startswith("foerderung.")]


def test_a_dry_run_changes_nothing(files):
    def state() -> tuple:
        return (
            [_personal(a) for a in Application.objects.order_by("pk")],
            list(Attachment.objects.values_list("pk", flat=True)),
            list(Receipt.objects.values_list("payee", "purpose")),
            list(ProofOfUse.objects.values_list("report", "report_file")),
            list(DecisionLetter.objects.values_list("sent_to", flat=True)),
            list(Snapshot.objects.values_list("note", flat=True)),
            ReminderSent.objects.count(),
        )

    before = state()
    out = StringIO()
    call_command(
        "apply_retention",
        "--dry-run",
        "--now",
        (files["t0"] + years(12)).isoformat(),
        stdout=out,
    )
    assert "foerderung.application" in out.getvalue()
    assert state() == before
    assert default_storage.exists(files["proof_file"])

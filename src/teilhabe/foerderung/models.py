"""Funding under KOMM-AN NRW: years and their Baustein budgets, calls with versioned forms,
applications with snapshots, the ledger, payments, decisions and the proof of use.

Amounts are integer cents (``BigIntegerField``), never floats. The ledger is append-only
(``LedgerEntry``); balances are sums, checked under a row lock on ``BausteinBudget``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from teilhabe.centres.scoping import scoped_manager
from teilhabe.foerderung.choices import (
    ApplicationStatus,
    Baustein,
    CallStatus,
    FinancingType,
    LetterKind,
    PaymentStatus,
    ProofStatus,
    ReminderKind,
)

USER = settings.AUTH_USER_MODEL


class FundingYear(models.Model):
    """One year of KOMM-AN money: the funding period and the state's grant per Baustein."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT)
    year = models.PositiveIntegerField(_("Förderjahr"))
    period_start = models.DateField(_("Förderzeitraum von"))
    period_end = models.DateField(_("Förderzeitraum bis"))
    state_reference = models.CharField(
        _("Aktenzeichen der Bewilligung"), max_length=100, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Förderjahr")
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="foerderung_year_unique"),
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")),
                name="foerderung_year_period",
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)


class BausteinBudget(models.Model):
    """The state's grant for one Baustein of one year; the row the ledger locks."""

    year = models.ForeignKey(FundingYear, on_delete=models.CASCADE, related_name="budgets")
    baustein = models.CharField(_("Baustein"), max_length=1, choices=Baustein.choices)

    objects = scoped_manager("year__centre")

    class Meta:
        ordering = ["year", "baustein"]
        constraints = [
            models.UniqueConstraint(fields=["year", "baustein"], name="foerderung_budget_unique")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.baustein}"


class Call(models.Model):
    """A call for applications (Förderaufruf) in one Baustein, with its financing rule."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT)
    year = models.ForeignKey(FundingYear, on_delete=models.PROTECT, related_name="calls")
    baustein = models.CharField(_("Baustein"), max_length=1, choices=Baustein.choices)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Was gefördert wird"), max_length=5000)
    financing_type = models.CharField(
        _("Finanzierungsart"), max_length=10, choices=FinancingType.choices
    )
    flat_amount = models.BigIntegerField(_("Pauschale (Cent)"), null=True, blank=True)
    unit_label = models.CharField(_("Pauschale je"), max_length=50, blank=True)
    max_units = models.PositiveIntegerField(_("Höchstens (Anzahl)"), null=True, blank=True)
    max_amount = models.BigIntegerField(_("Höchstbetrag (Cent)"), null=True, blank=True)
    share_percent = models.DecimalField(
        _("Anteil in Prozent"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    opens_on = models.DateField(_("Anträge ab"))
    deadline = models.DateField(_("Antragsfrist"))
    proof_due_days = models.PositiveIntegerField(
        _("Verwendungsnachweis fällig (Tage nach Ende des Förderzeitraums)"), default=90
    )
    status = models.CharField(max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["-year__year", "baustein", "title"]
        verbose_name = _("Förderaufruf")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")), name="foerderung_call_dates"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class FormVersion(models.Model):
    """One version of a call's application form; immutable once an application uses it."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="form_versions")
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    objects = scoped_manager("call__centre")

    class Meta:
        ordering = ["call", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="foerderung_form_unique")
        ]

    def __str__(self) -> str:
        return f"{self.call} v{self.number}"


class Application(models.Model):
    """An organisation's application, later its grant (approved amount, payments, proof)."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT)
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    form_version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "engagement.Organisation", on_delete=models.PROTECT, related_name="funding_applications"
    )
    reference = models.CharField(_("Aktenzeichen"), max_length=30, unique=True)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=200)
    contact_email = models.EmailField(_("E-Mail"))
    # the language of the page the application was started on: every mail to the
    # applicant (link, changes requested, decision, reminders) is written in it
    lang = models.CharField(_("Sprache"), max_length=5, default="de")
    token_hash = models.CharField(max_length=64, unique=True)
    answers = models.JSONField(default=dict, blank=True)
    cost_plan = models.JSONField(default=dict, blank=True)  # {line key: cents}
    own_funds = models.BigIntegerField(default=0)
    third_party = models.BigIntegerField(default=0)
    requested = models.BigIntegerField(default=0)
    units = models.PositiveIntegerField(default=0)
    de_minimis = models.JSONField(default=list, blank=True)  # [{date, grantor, amount}]
    de_minimis_declared = models.BooleanField(default=False)
    review_note = models.TextField(blank=True, max_length=5000)
    formally_checked_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    approved = models.BigIntegerField(_("Bewilligt (Cent)"), null=True, blank=True)
    conditions = models.TextField(_("Auflagen"), blank=True, max_length=5000)
    reasons = models.TextField(_("Begründung"), blank=True, max_length=5000)
    proof_due = models.DateField(_("Verwendungsnachweis fällig am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = scoped_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Förderantrag")
        constraints = [
            models.CheckConstraint(
                condition=Q(approved__isnull=True) | Q(approved__gt=0),
                name="foerderung_application_approved_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class Attachment(models.Model):
    """A file the applicant attached (a required attachment of the form, or another)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    key = models.CharField(max_length=60)
    label = models.CharField(max_length=200)
    file = models.FileField(upload_to="foerderung/%Y/")
    original_name = models.CharField(max_length=200)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("application__centre")

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return f"Attachment {self.pk}"


class Snapshot(models.Model):
    """The application as it was at a status change (answers, plans, amounts)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="snapshots")
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT)
    note = models.TextField(blank=True, max_length=5000)
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("application__centre")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Snapshot {self.pk}"


class LedgerEntry(models.Model):
    """One append-only booking: budget, commit, release, pay or repay (cents > 0)."""

    budget = models.ForeignKey(BausteinBudget, on_delete=models.PROTECT, related_name="entries")
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    kind = models.CharField(max_length=10)
    amount = models.BigIntegerField()
    note = models.CharField(max_length=200, blank=True)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("budget__year__centre")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="foerderung_entry_positive"),
        ]

    def __str__(self) -> str:
        return f"LedgerEntry {self.pk}"


class PaymentRequest(models.Model):
    """A Mittelabruf: the organisation asks for money it needs now."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="payment_requests"
    )
    amount = models.BigIntegerField()
    purpose = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.REQUESTED
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    paid_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT)

    objects = scoped_manager("application__centre")

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="foerderung_payment_positive"),
        ]

    def __str__(self) -> str:
        return f"PaymentRequest {self.pk}"


class LetterTemplate(models.Model):
    """A versioned text of a decision letter; a letter names the version it was made with."""

    centre = models.ForeignKey("centres.Centre", on_delete=models.PROTECT)
    kind = models.CharField(max_length=10, choices=LetterKind.choices)
    version = models.PositiveIntegerField()
    subject = models.CharField(max_length=200)
    body = models.TextField(max_length=20000)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    objects = scoped_manager()

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "kind", "version"], name="foerderung_template_unique"
            )
        ]

    def __str__(self) -> str:
        return f"LetterTemplate {self.pk}"


class DecisionLetter(models.Model):
    """The decision as sent: the PDF, the template version, when and to whom."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="letter")
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT)
    pdf = models.BinaryField()
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("application__centre")

    def __str__(self) -> str:
        return f"DecisionLetter {self.pk}"


class ProofOfUse(models.Model):
    """The Verwendungsnachweis of a grant: factual report and list of receipts."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="proof")
    status = models.CharField(max_length=10, choices=ProofStatus.choices, default=ProofStatus.OPEN)
    report = models.TextField(_("Sachbericht"), blank=True, max_length=20000)
    report_file = models.FileField(upload_to="foerderung/nachweise/%Y/", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT)
    checked_at = models.DateTimeField(null=True, blank=True)
    spent = models.BigIntegerField(null=True, blank=True)
    repayment = models.BigIntegerField(default=0)

    objects = scoped_manager("application__centre")

    def __str__(self) -> str:
        return f"ProofOfUse {self.pk}"


class Receipt(models.Model):
    """One line of the list of receipts (Belegliste)."""

    proof = models.ForeignKey(ProofOfUse, on_delete=models.CASCADE, related_name="receipts")
    date = models.DateField(_("Datum"))
    payee = models.CharField(_("Empfänger"), max_length=200)
    purpose = models.CharField(_("Zweck"), max_length=300)
    amount = models.BigIntegerField(_("Betrag (Cent)"))

    objects = scoped_manager("proof__application__centre")

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="foerderung_receipt_positive"),
        ]

    def __str__(self) -> str:
        return f"Receipt {self.pk}"


class ReminderSent(models.Model):
    """A proof-of-use reminder that went out; keyed by the due date it was about, so a moved
    date is reminded again and an unchanged one never twice."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    due_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("application__centre")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "due_date"], name="foerderung_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"ReminderSent {self.pk}"

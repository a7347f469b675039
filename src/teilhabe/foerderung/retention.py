"""Which parts of a grant file are due at a given time (the retention rules' ``due`` and
``anonymise``).

A grant file is closed when its proof of use was checked (``ProofOfUse.checked_at``), when
the application was rejected (``decided_at``), or one year after a draft was started and
never submitted (``created_at``; drafts have no other timestamp). Ten years after closing
(LHO NRW) the personal data of the file goes but the money trail stays: the ledger, the
amounts, dates and statuses of payments and receipts make up the budget balances and the
state's proof, so those rows are anonymised. What no money depends on is deleted: the
attachments, a draft that never became an application, and (one year after closing) the
record of reminders sent. Open files are never due. ``now`` is passed in so that the rules
can be tested at any point in time.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from teilhabe.core.registry import years
from teilhabe.documents.storage import delete_after_commit
from teilhabe.foerderung.choices import ApplicationStatus
from teilhabe.foerderung.models import (
    Application,
    Attachment,
    DecisionLetter,
    PaymentRequest,
    ProofOfUse,
    Receipt,
    ReminderSent,
    Snapshot,
)

FILE_PERIOD = years(10)
REMINDER_PERIOD = years(1)
DRAFT_ABANDONED_AFTER = years(1)


def _closed_before(cutoff: dt.datetime) -> QuerySet[Application]:
    """Applications whose file was closed before ``cutoff``."""
    return Application._base_manager.filter(
        Q(proof__checked_at__lt=cutoff)
        | Q(status=ApplicationStatus.REJECTED, decided_at__lt=cutoff)
        | Q(status=ApplicationStatus.DRAFT, created_at__lt=cutoff - DRAFT_ABANDONED_AFTER)
    )


def due_files(now: dt.datetime) -> QuerySet[Application]:
    return _closed_before(now - FILE_PERIOD)


def due_applications(now: dt.datetime) -> QuerySet[Application]:
    return due_files(now).exclude(
        contact_name="", contact_email="", answers={}, de_minimis=[], review_note=""
    )


def anonymise_applications(applications: QuerySet[Application]) -> int:
    """Blank the applicant's data; a draft that was never submitted holds no money and is
    deleted (its attachments went before, by their own rule; snapshots and reminders
    cascade)."""
    drafts = applications.filter(status=ApplicationStatus.DRAFT)
    deleted = drafts.count()
    drafts.delete()
    return deleted + applications.exclude(status=ApplicationStatus.DRAFT).update(
        contact_name="", contact_email="", answers={}, de_minimis=[], review_note=""
    )


def due_attachments(now: dt.datetime) -> QuerySet[Attachment]:
    return Attachment._base_manager.filter(application__in=due_files(now))


def due_snapshots(now: dt.datetime) -> QuerySet[Snapshot]:
    return Snapshot._base_manager.filter(application__in=due_files(now)).exclude(data={}, note="")


def anonymise_snapshots(snapshots: QuerySet[Snapshot]) -> int:
    return snapshots.update(data={}, note="")


def due_letters(now: dt.datetime) -> QuerySet[DecisionLetter]:
    return DecisionLetter._base_manager.filter(application__in=due_files(now)).exclude(
        pdf=b"", sent_to=""
    )


def anonymise_letters(letters: QuerySet[DecisionLetter]) -> int:
    """The PDF is stored in the row itself: blanking it deletes it (the decision's amount,
    date and template version stay)."""
    return letters.update(pdf=b"", sent_to="")


def due_payment_requests(now: dt.datetime) -> QuerySet[PaymentRequest]:
    return PaymentRequest._base_manager.filter(application__in=due_files(now)).exclude(purpose="")


def anonymise_payment_requests(payments: QuerySet[PaymentRequest]) -> int:
    return payments.update(purpose="")


def due_proofs(now: dt.datetime) -> QuerySet[ProofOfUse]:
    return ProofOfUse._base_manager.filter(application__in=due_files(now)).exclude(
        report="", report_file=""
    )


def anonymise_proofs(proofs: QuerySet[ProofOfUse]) -> int:
    """Blank the factual report; its uploaded file goes once the transaction committed."""
    storage = ProofOfUse._meta.get_field("report_file").storage
    for name in proofs.exclude(report_file="").values_list("report_file", flat=True):
        delete_after_commit(name, storage=storage)
    return proofs.update(report="", report_file="")


def due_receipts(now: dt.datetime) -> QuerySet[Receipt]:
    return Receipt._base_manager.filter(proof__application__in=due_files(now)).exclude(
        payee="", purpose=""
    )


def anonymise_receipts(receipts: QuerySet[Receipt]) -> int:
    return receipts.update(payee="", purpose="")


def due_reminders(now: dt.datetime) -> QuerySet[ReminderSent]:
    return ReminderSent._base_manager.filter(application__in=_closed_before(now - REMINDER_PERIOD))

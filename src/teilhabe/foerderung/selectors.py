"""Reads of the funding work area: staff see their centre's rows (another centre → 404);
the public sees open calls, and an applicant only the application behind their link."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.foerderung import ledger
from teilhabe.foerderung.choices import ApplicationStatus, Baustein, CallStatus
from teilhabe.foerderung.models import (
    Application,
    Attachment,
    BausteinBudget,
    Call,
    FundingYear,
    LedgerEntry,
    LetterTemplate,
    PaymentRequest,
)
from teilhabe.foerderung.services import token_hash


def years(user: Any) -> QuerySet[FundingYear]:
    return FundingYear.objects.for_user(user)


def year_for(user: Any, pk: int) -> FundingYear:
    return get_object_or_404(years(user), pk=pk)


def calls(user: Any) -> QuerySet[Call]:
    return Call.objects.for_user(user).select_related("year")


def call_for(user: Any, pk: int) -> Call:
    return get_object_or_404(calls(user), pk=pk)


def applications(user: Any, *, status: str = "") -> QuerySet[Application]:
    rows = Application.objects.for_user(user).select_related("call", "organisation", "call__year")
    if status:
        rows = rows.filter(status=status)
    return rows


def application_for(user: Any, pk: int) -> Application:
    return get_object_or_404(applications(user), pk=pk)


def attachment_for(user: Any, application: Application, pk: int) -> Attachment:
    return get_object_or_404(Attachment.objects.for_user(user), application=application, pk=pk)


def payment_for(user: Any, pk: int) -> PaymentRequest:
    return get_object_or_404(
        PaymentRequest.objects.for_user(user).select_related("application"), pk=pk
    )


def templates(user: Any) -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.for_user(user)


@dataclass
class BausteinRow:
    baustein: str
    label: str
    balance: ledger.Balance


def ledger_rows(year: FundingYear) -> list[BausteinRow]:
    """Budget, committed, paid and repaid per Baustein, from one grouped query."""
    sums: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for baustein, kind, amount in (
        LedgerEntry.objects.filter(budget__year=year)
        .values_list("budget__baustein", "kind")
        .annotate(total=Sum("amount"))
    ):
        sums[baustein].append((kind, amount))
    labels = dict(Baustein.choices)
    return [
        BausteinRow(b.baustein, labels[b.baustein], ledger.total(sums[b.baustein]))
        for b in BausteinBudget.objects.filter(year=year)
    ]


def grant_balance(application: Application) -> ledger.Balance:
    return ledger.total(list(application.entries.values_list("kind", "amount")))


def report_rows(year: FundingYear) -> list[dict[str, Any]]:
    """Per organisation and Baustein: applied, approved, paid, repaid (for the state)."""
    rows: dict[tuple[int, str], dict[str, Any]] = {}
    for app in Application.objects.filter(call__year=year).select_related("organisation", "call"):
        key = (app.organisation_id, app.call.baustein)
        row = rows.setdefault(
            key,
            {
                "organisation": app.organisation.name,
                "baustein": app.call.baustein,
                "applications": 0,
                "requested": 0,
                "approved": 0,
                "paid": 0,
                "repaid": 0,
                "spent": 0,
            },
        )
        row["applications"] += 1
        if app.status != ApplicationStatus.DRAFT:
            row["requested"] += app.requested
        if app.approved:
            row["approved"] += app.approved
            balance = grant_balance(app)
            row["paid"] += balance.paid
            row["repaid"] += balance.repaid
            proof = getattr(app, "proof", None)
            if proof is not None and proof.spent is not None:
                row["spent"] += proof.spent
    return sorted(rows.values(), key=lambda r: (r["baustein"], r["organisation"]))


# --- public ----------------------------------------------------------------------------------


def open_calls(centre: Any, today: dt.date | None = None) -> QuerySet[Call]:
    today = today or timezone.localdate()
    return Call.objects.for_centre(centre).filter(
        status=CallStatus.OPEN, opens_on__lte=today, deadline__gte=today
    )


def public_call(centre: Any, pk: int) -> Call:
    return get_object_or_404(Call.objects.for_centre(centre).filter(status=CallStatus.OPEN), pk=pk)


def application_by_token(centre: Any, token: str) -> Application:
    """The application behind a personal link (only its own centre's; else 404)."""
    if not token or len(token) > 100:
        raise Http404
    return get_object_or_404(
        Application.objects.for_centre(centre).select_related(
            "call", "call__year", "organisation", "form_version"
        ),
        token_hash=token_hash(token),
    )

"""The ledger's arithmetic, pure: budget → committed → paid → repaid.

The database keeps the ledger as append-only rows (``LedgerEntry``); the services sum them
under a row lock on the Baustein's budget row and ask :func:`apply` whether one more entry
keeps the invariants. The invariants (tested with hypothesis over random sequences):

* committed ≤ budget — no approval beyond the money there is;
* paid − repaid ≤ committed — no payment beyond what was approved;
* repaid ≤ paid, and no sum is ever negative.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from django.utils.translation import gettext as _

from teilhabe.foerderung.money import format_euros


class Kind(StrEnum):
    BUDGET = "budget"  # the state's grant for this Baustein (or a correction upwards)
    COMMIT = "commit"  # an approval binds money
    RELEASE = "release"  # unspent commitment goes back (lower proof of use, withdrawal)
    PAY = "pay"  # money paid out on a Mittelabruf
    REPAY = "repay"  # money demanded back after the proof of use


class LedgerError(ValueError):
    """One more entry would break an invariant; the message is for the user."""


@dataclass(frozen=True)
class Balance:
    budget: int = 0
    committed: int = 0
    paid: int = 0
    repaid: int = 0

    @property
    def available(self) -> int:
        """Budget not yet committed."""
        return self.budget - self.committed

    @property
    def net_paid(self) -> int:
        return self.paid - self.repaid

    @property
    def open(self) -> int:
        """Committed but not (net) paid out."""
        return self.committed - self.net_paid

    def ok(self) -> bool:
        return (
            min(self.budget, self.committed, self.paid, self.repaid) >= 0
            and self.committed <= self.budget
            and self.repaid <= self.paid
            and self.net_paid <= self.committed
        )


def apply(balance: Balance, kind: Kind | str, amount: int) -> Balance:
    """The balance after one more entry, or :class:`LedgerError` naming what is missing."""
    kind = Kind(kind)
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise LedgerError(_("Beträge werden in Cent als ganze Zahl gebucht."))
    if amount <= 0:
        raise LedgerError(_("Ein Betrag muss größer als 0 sein."))
    if kind == Kind.BUDGET:
        return replace(balance, budget=balance.budget + amount)
    if kind == Kind.COMMIT:
        if amount > balance.available:
            raise LedgerError(
                _("Nicht genug Mittel: frei sind noch %(free)s, gebunden werden sollen %(amount)s.")
                % {"free": format_euros(balance.available), "amount": format_euros(amount)}
            )
        return replace(balance, committed=balance.committed + amount)
    if kind == Kind.RELEASE:
        if amount > balance.open:
            raise LedgerError(
                _("Freigeben lassen sich höchstens %(open)s (gebunden und nicht ausgezahlt).")
                % {"open": format_euros(balance.open)}
            )
        return replace(balance, committed=balance.committed - amount)
    if kind == Kind.PAY:
        if amount > balance.open:
            raise LedgerError(
                _(
                    "Auszahlung über dem offenen Betrag: offen sind %(open)s, "
                    "angefordert %(amount)s."
                )
                % {"open": format_euros(balance.open), "amount": format_euros(amount)}
            )
        return replace(balance, paid=balance.paid + amount)
    # REPAY
    if amount > balance.net_paid:
        raise LedgerError(
            _("Zurückgefordert werden kann höchstens, was ausgezahlt wurde (%(paid)s).")
            % {"paid": format_euros(balance.net_paid)}
        )
    return replace(balance, repaid=balance.repaid + amount)


def total(entries: list[tuple[str, int]]) -> Balance:
    """The balance of stored entries (kind, amount), without checking them again."""
    sums = {kind: 0 for kind in Kind}
    for kind, amount in entries:
        sums[Kind(kind)] += amount
    return Balance(
        budget=sums[Kind.BUDGET],
        committed=sums[Kind.COMMIT] - sums[Kind.RELEASE],
        paid=sums[Kind.PAY],
        repaid=sums[Kind.REPAY],
    )

"""The ledger's invariants over random sequences of operations (hypothesis)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teilhabe.foerderung.ledger import Balance, Kind, LedgerError, apply, total

operations = st.lists(
    st.tuples(st.sampled_from(list(Kind)), st.integers(min_value=-5, max_value=2_000)),
    max_size=60,
)


@given(operations)
def test_invariants_hold_whatever_is_tried(ops):
    balance = Balance()
    accepted = []
    for kind, amount in ops:
        try:
            balance = apply(balance, kind, amount)
        except LedgerError:
            continue
        accepted.append((kind, amount))
        assert balance.ok()
        assert balance.committed <= balance.budget
        assert balance.paid - balance.repaid <= balance.committed
        assert min(balance.budget, balance.committed, balance.paid, balance.repaid) >= 0
    assert total(accepted) == balance


@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=1, max_value=10_000))
def test_commit_beyond_budget_is_refused(budget, amount):
    balance = apply(Balance(), Kind.BUDGET, budget)
    if amount > budget:
        with pytest.raises(LedgerError, match="Nicht genug Mittel"):
            apply(balance, Kind.COMMIT, amount)
    else:
        assert apply(balance, Kind.COMMIT, amount).available == budget - amount


def test_payment_beyond_open_is_refused():
    balance = Balance(budget=100, committed=50, paid=40)
    with pytest.raises(LedgerError, match="offen sind"):
        apply(balance, Kind.PAY, 11)
    assert apply(balance, Kind.PAY, 10).open == 0


def test_no_float_and_no_zero():
    with pytest.raises(LedgerError):
        apply(Balance(), Kind.BUDGET, 1.5)
    with pytest.raises(LedgerError):
        apply(Balance(), Kind.BUDGET, 0)

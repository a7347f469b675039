"""Each financing type as a table: rule, plan → the grant allowed and the errors."""

from decimal import Decimal

import pytest

from teilhabe.foerderung.financing import FinancingType, Plan, Rule, compute

ROOMS = Rule(FinancingType.FIXED, flat_amount=3000_00, unit_label="Raum", max_units=2)
LUMP = Rule(FinancingType.FIXED, flat_amount=1500_00)
GAP = Rule(FinancingType.SHORTFALL, max_amount=10000_00)
SHARE = Rule(FinancingType.SHARE, share_percent=Decimal("80"), max_amount=8000_00)

CASES = [
    # rule, plan, allowed, error keys
    (ROOMS, Plan([6000_00], requested=6000_00, units=2), 6000_00, set()),
    (ROOMS, Plan([3000_00], requested=3000_00, units=1), 3000_00, set()),
    (ROOMS, Plan([9000_00], requested=9000_00, units=3), 6000_00, {"units"}),
    (ROOMS, Plan([7000_00], own_funds=1000_00, requested=6000_00, units=2), 6000_00, set()),
    (ROOMS, Plan([6000_00], requested=6000_00, units=0), 0, {"units"}),
    (ROOMS, Plan([5000_00], requested=6000_00, units=2), 6000_00, {"requested"}),
    (LUMP, Plan([2000_00], own_funds=500_00, requested=1500_00), 1500_00, set()),
    (LUMP, Plan([2000_00], requested=2000_00), 1500_00, {"requested"}),
    (
        GAP,
        Plan([12000_00], own_funds=2000_00, third_party=1000_00, requested=9000_00),
        9000_00,
        set(),
    ),
    (GAP, Plan([12000_00], own_funds=1000_00, requested=11000_00), 10000_00, {"requested"}),
    (GAP, Plan([12000_00], own_funds=2000_00, requested=9000_00), 10000_00, {"requested"}),
    (SHARE, Plan([5000_00], own_funds=1000_00, requested=4000_00), 4000_00, set()),
    (SHARE, Plan([5000_00], own_funds=500_00, requested=4500_00), 4000_00, {"requested"}),
    (SHARE, Plan([20000_00], own_funds=12000_00, requested=8000_00), 8000_00, set()),
    (SHARE, Plan([100_01], own_funds=20_01, requested=80_00), 80_00, set()),
    (SHARE, Plan([0], requested=0), 0, {"costs", "requested"}),
    (GAP, Plan([-1], requested=0), 0, {"costs"}),
]


@pytest.mark.parametrize(("rule", "plan", "allowed", "errors"), CASES)
def test_financing_table(rule, plan, allowed, errors):
    result = compute(rule, plan)
    assert set(result.errors) == errors, result.errors
    if not {"costs"} & errors or allowed:
        assert result.allowed == allowed


def test_the_cap_message_names_the_cap():
    result = compute(ROOMS, Plan([9000_00], requested=9000_00, units=3))
    assert "Höchstens 2 × Raum" in result.errors["units"][0]


def test_a_plan_that_does_not_add_up_says_so():
    result = compute(GAP, Plan([10000_00], own_funds=1000_00, requested=8000_00))
    assert "geht nicht auf" in result.errors["requested"][0]

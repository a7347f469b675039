"""How much a call may grant: the three financing types of the Zuwendungsrecht, pure.

* Festbetrag (fixed amount): a flat amount per unit (e.g. per room) or one fixed sum; the
  grant does not follow the costs, but the units are capped (e.g. at most two rooms).
* Fehlbedarf (shortfall): the gap between the costs and what the applicant and third
  parties pay, up to a ceiling.
* Anteil (share): a percentage of the eligible costs, up to a ceiling.

In every type the financing plan must balance: costs = own funds + third-party funds +
grant. No Django models here, only the rule and the plan as plain values, so that each type
can be checked as a table of cases (``tests/foerderung/test_financing.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _

from teilhabe.foerderung.money import format_euros, percent_of


class FinancingType(StrEnum):
    FIXED = "fixed"
    SHORTFALL = "shortfall"
    SHARE = "share"


@dataclass(frozen=True)
class Rule:
    """A call's financing rule, as data."""

    financing_type: FinancingType
    flat_amount: int | None = None  # cents per unit (FIXED), or the fixed sum when no unit
    unit_label: str = ""  # "Raum"; empty: one fixed sum
    max_units: int | None = None
    max_amount: int | None = None  # ceiling of the grant, cents
    share_percent: Decimal | None = None  # SHARE


@dataclass(frozen=True)
class Plan:
    """The applicant's cost and financing plan (all cents)."""

    costs: Sequence[int]
    own_funds: int = 0
    third_party: int = 0
    requested: int = 0
    units: int = 0


@dataclass
class Result:
    """The grant the rule allows for this plan, and every reason the plan fails."""

    allowed: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)


def compute(rule: Rule, plan: Plan) -> Result:
    """Check ``plan`` against ``rule``; ``allowed`` is the highest grant the rule permits."""
    result = Result()
    total = sum(plan.costs)
    for name, value in (
        ("costs", min(plan.costs, default=0)),
        ("own_funds", plan.own_funds),
        ("third_party", plan.third_party),
        ("requested", plan.requested),
        ("units", plan.units),
    ):
        if value < 0:
            result.add(name, _("Beträge und Anzahlen dürfen nicht negativ sein."))
    if result.errors:
        return result

    if rule.financing_type == FinancingType.FIXED:
        flat = rule.flat_amount or 0
        if rule.unit_label:
            if plan.units < 1:
                result.add(
                    "units", _("Bitte die Anzahl (%(unit)s) angeben.") % {"unit": rule.unit_label}
                )
            if rule.max_units is not None and plan.units > rule.max_units:
                result.add(
                    "units",
                    _("Höchstens %(max)s × %(unit)s förderfähig (beantragt: %(units)s).")
                    % {"max": rule.max_units, "unit": rule.unit_label, "units": plan.units},
                )
            units = min(plan.units, rule.max_units) if rule.max_units else plan.units
            allowed = flat * units
        else:
            allowed = flat
    elif rule.financing_type == FinancingType.SHORTFALL:
        allowed = max(total - plan.own_funds - plan.third_party, 0)
    else:
        allowed = percent_of(total, rule.share_percent or Decimal(0))
    if rule.max_amount is not None:
        allowed = min(allowed, rule.max_amount)
    result.allowed = allowed

    if total <= 0:
        result.add("costs", _("Der Kostenplan enthält keine Kosten."))
    if total != plan.own_funds + plan.third_party + plan.requested:
        result.add(
            "requested",
            _(
                "Der Finanzierungsplan geht nicht auf: Kosten %(total)s ≠ Eigenmittel "
                "%(own)s + Drittmittel %(third)s + Zuwendung %(requested)s."
            )
            % {
                "total": format_euros(total),
                "own": format_euros(plan.own_funds),
                "third": format_euros(plan.third_party),
                "requested": format_euros(plan.requested),
            },
        )
    if plan.requested > allowed and "units" not in result.errors:
        result.add(
            "requested",
            _(
                "Beantragt sind %(requested)s, nach den Regeln des Aufrufs höchstens "
                "%(allowed)s möglich."
            )
            % {"requested": format_euros(plan.requested), "allowed": format_euros(allowed)},
        )
    if plan.requested <= 0:
        result.add("requested", _("Bitte die beantragte Zuwendung angeben."))
    return result
